// examples-cerebral-infarction.fsh — GENERATED example discharge summary (脳梗塞 退院時サマリー例 / Cerebral infarction discharge summary).
// Times are JST; references are urn:uuid fullUrls; MEDIS key numbers are illustrative.

Instance: ex-cerebral-infarction-composition
InstanceOf: JPCVDCompositionDischargeSummary
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Composition_eDischargeSummary"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-composition-discharge-summary"
* extension[version].valueString = "1"
* identifier.system = $resourceInstance-identifier
* identifier.value = "1310512345-2026100301-DS"
* status = #final
* type.coding[0] = $doc-typecodes#18842-5 "退院時サマリー"
* category.coding[0] = $doc-subtypecodes#DISCHARGE "退院時文書"
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* encounter.reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* date = "2026-10-24T15:00:00+09:00"
* author[0].reference = "urn:uuid:8b93d649-4377-5d63-815b-b082a6029de5"
* author[+].reference = "urn:uuid:1799089d-1fdf-5726-bc69-eeaae14d66e0"
* title = "退院時サマリー"
* custodian.reference = "urn:uuid:1799089d-1fdf-5726-bc69-eeaae14d66e0"
* event.period.start = "2026-10-03T11:40:00+09:00"
* event.period.end = "2026-10-24T10:00:00+09:00"
* section[structuredSection].title = "構造情報"
* section[structuredSection].code.coding[0] = $document-section#300 "構造情報セクション"
* section[structuredSection].section[detailsOnAdmissionSection].title = "入院時詳細"
* section[structuredSection].section[detailsOnAdmissionSection].code.coding[0] = $document-section#322 "入院時詳細セクション"
* section[structuredSection].section[detailsOnAdmissionSection].entry[+].reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* section[structuredSection].section[diagnosesOnAdmissionSection].title = "入院時診断"
* section[structuredSection].section[diagnosesOnAdmissionSection].code.coding[0] = $document-section#342 "入院時診断セクション"
* section[structuredSection].section[diagnosesOnAdmissionSection].entry[+].reference = "urn:uuid:cc7d646b-dd60-54e3-8810-1b1e514e914b"
* section[structuredSection].section[chiefComplaintsSection].title = "主訴"
* section[structuredSection].section[chiefComplaintsSection].code.coding[0] = $document-section#352 "主訴セクション"
* section[structuredSection].section[chiefComplaintsSection].text.status = #additional
* section[structuredSection].section[chiefComplaintsSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">左片麻痺、構音障害</div>"
* section[structuredSection].section[reasonForAdmissionSection].title = "入院理由"
* section[structuredSection].section[reasonForAdmissionSection].code.coding[0] = $document-section#312 "入院理由セクション"
* section[structuredSection].section[reasonForAdmissionSection].text.status = #additional
* section[structuredSection].section[reasonForAdmissionSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">急性期脳梗塞に対する再灌流療法目的の緊急入院</div>"
* section[structuredSection].section[reasonForAdmissionSection].entry[+].reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* section[structuredSection].section[presentIllnessSection].title = "現病歴"
* section[structuredSection].section[presentIllnessSection].code.coding[0] = $document-section#362 "現病歴セクション"
* section[structuredSection].section[presentIllnessSection].text.status = #additional
* section[structuredSection].section[presentIllnessSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">2026年10月3日 8時40分、朝食中に左手の脱力と構音障害が出現し家族が目撃。救急要請し9時25分当院到着。</div>"
* section[structuredSection].section[physicalStatusOnAdmissionSection].title = "入院時身体所見"
* section[structuredSection].section[physicalStatusOnAdmissionSection].code.coding[0] = $document-section#612 "入院時身体所見セクション"
* section[structuredSection].section[physicalStatusOnAdmissionSection].entry[+].reference = "urn:uuid:e7c08d82-adc4-58dc-bdee-7a769c2016db"
* section[structuredSection].section[physicalStatusOnAdmissionSection].entry[+].reference = "urn:uuid:e33fcad2-738e-5aa7-a454-12b307760e31"
* section[structuredSection].section[physicalStatusOnAdmissionSection].entry[+].reference = "urn:uuid:28d36d82-1e2a-5834-bc58-daf7760edd16"
* section[structuredSection].section[hospitalCourseSection].title = "入院中経過"
* section[structuredSection].section[hospitalCourseSection].code.coding[0] = $document-section#333 "入院中経過セクション"
* section[structuredSection].section[hospitalCourseSection].entry[+].reference = "urn:uuid:af83be04-830a-594b-b922-12672b814ac5"
* section[structuredSection].section[hospitalProcedureSection].title = "入院中治療"
* section[structuredSection].section[hospitalProcedureSection].code.coding[0] = $document-section#713 "入院中治療セクション"
* section[structuredSection].section[hospitalProcedureSection].entry[+].reference = "urn:uuid:b2ed4be9-947b-5ea8-93da-58fdc66889f2"
* section[structuredSection].section[hospitalProcedureSection].entry[+].reference = "urn:uuid:eabe4789-b855-5ed6-8461-2d46b5b013d5"
* section[structuredSection].section[hospitalStudySection].title = "入院中検査結果"
* section[structuredSection].section[hospitalStudySection].code.coding[0] = $document-section#623 "入院中検査結果セクション"
* section[structuredSection].section[hospitalStudySection].entry[+].reference = "urn:uuid:fb0934eb-16c3-5e72-aaee-53463011d5e2"
* section[structuredSection].section[hospitalStudySection].entry[+].reference = "urn:uuid:041c06e4-1384-53e2-b9c2-1d5f9e9c4740"
* section[structuredSection].section[hospitalStudySection].entry[+].reference = "urn:uuid:8d2d35e1-bec9-5460-90b6-558ad59558fd"
* section[structuredSection].section[detailsOnDischargeSection].title = "退院時詳細"
* section[structuredSection].section[detailsOnDischargeSection].code.coding[0] = $document-section#324 "退院時詳細セクション"
* section[structuredSection].section[detailsOnDischargeSection].entry[+].reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* section[structuredSection].section[diagnosesOnDischargeSection].title = "退院時診断"
* section[structuredSection].section[diagnosesOnDischargeSection].code.coding[0] = $document-section#344 "退院時診断セクション"
* section[structuredSection].section[diagnosesOnDischargeSection].entry[+].reference = "urn:uuid:cc7d646b-dd60-54e3-8810-1b1e514e914b"
* section[structuredSection].section[physicalStatusOnDischargeSection].title = "退院時身体所見"
* section[structuredSection].section[physicalStatusOnDischargeSection].code.coding[0] = $document-section#614 "退院時身体所見セクション"
* section[structuredSection].section[physicalStatusOnDischargeSection].entry[+].reference = "urn:uuid:7e8757dc-4e4c-5ba0-bf95-84c81a6381cf"
* section[structuredSection].section[physicalStatusOnDischargeSection].entry[+].reference = "urn:uuid:a3d9a5e9-5ef2-53dc-833c-a264ec715cec"
* section[structuredSection].section[medicationOnDischargeSection].title = "退院時投薬指示"
* section[structuredSection].section[medicationOnDischargeSection].code.coding[0] = $document-section#444 "退院時投薬指示セクション"
* section[structuredSection].section[medicationOnDischargeSection].entry[+].reference = "urn:uuid:2193a832-0f69-5351-b38d-86815f2fba5a"
* section[structuredSection].section[medicationOnDischargeSection].entry[+].reference = "urn:uuid:5cebce9b-29b5-5c55-866c-2ba64a13873e"
* section[structuredSection].section[instructionOnDischargeSection].title = "退院時方針指示"
* section[structuredSection].section[instructionOnDischargeSection].code.coding[0] = $document-section#424 "退院時方針指示セクション"
* section[structuredSection].section[instructionOnDischargeSection].entry[+].reference = "urn:uuid:0c4be759-ee6d-5abd-afa1-57cc11a4cc31"
* section[structuredSection].section[researchParticipationSection].title = "臨床研究参加"
* section[structuredSection].section[researchParticipationSection].code.coding[0] = $document-section#830 "臨床研究参加セクション"
* section[structuredSection].section[researchParticipationSection].entry[+].reference = "urn:uuid:99536fbc-9cca-5ebf-b3bb-9d1964ed05e5"

Instance: ex-cerebral-infarction-organization
InstanceOf: $JP_Organization_eCS
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">医療法人社団さくら会 さくら総合病院 (医療機関コード 1310512345)</div>"
* identifier[medicalInstitutionCode].system = $medical-institution-no
* identifier[medicalInstitutionCode].value = "1310512345"
* type = $organization-type#prov "Healthcare Provider"
* name = "医療法人社団さくら会 さくら総合病院"
* address.text = "東京都世田谷区桜丘3-12-8"
* address.postalCode = "156-0054"
* address.country = "JP"

Instance: ex-cerebral-infarction-practitioner
InstanceOf: $JP_Practitioner_eCS
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* identifier[0].system = "urn:oid:1.2.392.100495.20.3.41.11310512345"
* identifier[0].value = "D1023"
* name[0].text = "中村 直樹"
* name[0].family = "中村"
* name[0].given[0] = "直樹"

Instance: ex-cerebral-infarction-patient
InstanceOf: $JP_Patient_eCS
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* identifier[0].system = "urn:oid:1.2.392.100495.20.3.51.11310512345"
* identifier[0].value = "00482913"
* identifier[1].system = $insurance-memberID
* identifier[1].value = "39131156::10482913:"
* name[0].use = #official
* name[0].text = "佐藤 一郎"
* name[0].family = "佐藤"
* name[0].given[0] = "一郎"
* name[0].extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
* name[0].extension[0].valueCode = #IDE
* name[1].use = #official
* name[1].text = "サトウ イチロウ"
* name[1].family = "サトウ"
* name[1].given[0] = "イチロウ"
* name[1].extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
* name[1].extension[0].valueCode = #SYL
* gender = #male
* birthDate = "1948-03-15"
* address[0].text = "東京都世田谷区経堂2-5-14"
* address[0].postalCode = "156-0052"
* address[0].country = "JP"

Instance: ex-cerebral-infarction-encounter
InstanceOf: JPCVDEncounterAdmission
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Encounter_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-encounter-admission"
* extension[arrivalTime].valueDateTime = "2026-10-03T09:25:00+09:00"
* extension[arrivalMode].valueCodeableConcept = JPCVDArrivalModeCS#ambulance "救急車"
* identifier[0].system = "http://jp-cvd-registry.org/fhir/NamingSystem/admission-number/1310512345"
* identifier[0].value = "2026100301"
* status = #finished
* class = $v3-ActCode#IMP "inpatient encounter"
* priority = $v3-ActPriority#EM "emergency"
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* period.start = "2026-10-03T11:40:00+09:00"
* period.end = "2026-10-24T10:00:00+09:00"
* length = 21 'd' "日"
* serviceProvider.reference = "urn:uuid:1799089d-1fdf-5726-bc69-eeaae14d66e0"
* diagnosis[0].condition.reference = "urn:uuid:cc7d646b-dd60-54e3-8810-1b1e514e914b"
* diagnosis[0].use.coding[0] = $diagnosis-role#DD "Discharge diagnosis"
* diagnosis[0].rank = 1
* hospitalization.admitSource.coding[0] = $admit-source#1 "家庭からの入院"
* hospitalization.extension[dischargeDestination].valueCodeableConcept = JPCVDDischargeDestinationCS#transfer-rehabilitation "回復期リハビリテーション病棟・病院へ転院"
* hospitalization.dischargeDisposition.coding[0] = $discharge-disposition#1 "傷病が治癒・軽快"

Instance: ex-cerebral-infarction-condition
InstanceOf: JPCVDConditionCerebralInfarction
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Condition_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-condition-cerebral-infarction"
* identifier[resourceIdentifier].system = $resourceInstance-identifier
* identifier[resourceIdentifier].value = "1310512345-2026100301-DX1"
* clinicalStatus = $condition-clinical#active "Active"
* verificationStatus = $condition-ver-status#confirmed "Confirmed"
* category = $condition-category#encounter-diagnosis "Encounter Diagnosis"
* code.coding[medisRecordNo] = $MEDIS#20057001 "脳梗塞(右中大脳動脈閉塞)"
* code.coding[icd10] = $ICD10JP#I633 "脳動脈の血栓症による脳梗塞"
* code.text = "脳梗塞(右中大脳動脈閉塞)"
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* encounter.reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* recordedDate = "2026-10-03T11:40:00+09:00"
* recorder.reference = "urn:uuid:8b93d649-4377-5d63-815b-b082a6029de5"
* extension[onsetTimeStatus].valueCode = #witnessed
* extension[inHospitalOnset].valueBoolean = false
* onsetDateTime = "2026-10-03T08:40:00+09:00"

Instance: ex-cerebral-infarction-obs-1-nihss-adm
InstanceOf: JPCVDObservationNIHSS
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-nihss"
* status = #final
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* encounter.reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* effectiveDateTime = "2026-10-03T09:35:00+09:00"
* category[0] = $JP-obs-category#survey
* code = $LNC#72089-6 "Total score [NIHSS]"
* valueInteger = 14
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#admission "入院時(来院時)"

Instance: ex-cerebral-infarction-obs-2-jcs-adm
InstanceOf: JPCVDObservationJCS
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-jcs"
* status = #final
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* encounter.reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* effectiveDateTime = "2026-10-03T09:35:00+09:00"
* category[0] = $JP-obs-category#survey
* code.coding[local] = JPCVDObservationCS#jcs "Japan Coma Scale (JCS)"
* valueCodeableConcept = JPCVDJCSCS#2 "I-2: 見当識障害がある"
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#admission "入院時(来院時)"

Instance: ex-cerebral-infarction-obs-3-mrs-pre
InstanceOf: JPCVDObservationMRS
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-mrs"
* status = #final
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* encounter.reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* effectiveDateTime = "2026-10-03T09:35:00+09:00"
* category[0] = $JP-obs-category#survey
* code = $LNC#75859-9 "Modified Rankin Scale"
* valueInteger = 0
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#pre-onset "発症前"

Instance: ex-cerebral-infarction-obs-4-aspects
InstanceOf: JPCVDObservationASPECTS
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-aspects"
* status = #final
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* encounter.reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* effectiveDateTime = "2026-10-03T09:45:00+09:00"
* category[0] = $JP-obs-category#imaging
* code.coding[local] = JPCVDObservationCS#aspects "ASPECTS"
* valueInteger = 8
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#admission "入院時(来院時)"

Instance: ex-cerebral-infarction-obs-5-mtici
InstanceOf: JPCVDObservationMTICI
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-mtici"
* status = #final
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* encounter.reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* effectiveDateTime = "2026-10-03T11:02:00+09:00"
* category[0] = $JP-obs-category#procedure
* code.coding[local] = JPCVDObservationCS#mtici "mTICI 再灌流グレード"
* valueCodeableConcept = JPCVDmTICICS#2b "2b: 灌流域の50%以上の再灌流"
* partOf[0].reference = "urn:uuid:eabe4789-b855-5ed6-8461-2d46b5b013d5"

Instance: ex-cerebral-infarction-obs-6-toast
InstanceOf: JPCVDObservationTOAST
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-toast"
* status = #final
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* encounter.reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* effectiveDateTime = "2026-10-10T10:00:00+09:00"
* category[0] = $JP-obs-category#exam
* code.coding[local] = JPCVDObservationCS#toast "TOAST 分類 (脳梗塞病型)"
* valueCodeableConcept = JPCVDTOASTCS#LAA "アテローム血栓性脳梗塞 (大血管アテローム硬化)"

Instance: ex-cerebral-infarction-obs-7-nihss-dis
InstanceOf: JPCVDObservationNIHSS
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-nihss"
* status = #final
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* encounter.reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* effectiveDateTime = "2026-10-23T10:00:00+09:00"
* category[0] = $JP-obs-category#survey
* code = $LNC#72089-6 "Total score [NIHSS]"
* valueInteger = 3
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#discharge "退院時"

Instance: ex-cerebral-infarction-obs-8-mrs-dis
InstanceOf: JPCVDObservationMRS
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-mrs"
* status = #final
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* encounter.reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* effectiveDateTime = "2026-10-23T10:00:00+09:00"
* category[0] = $JP-obs-category#survey
* code = $LNC#75859-9 "Modified Rankin Scale"
* valueInteger = 2
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#discharge "退院時"

Instance: ex-cerebral-infarction-proc-1-ivt
InstanceOf: JPCVDProcedureIVThrombolysis
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Procedure_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-procedure-ivt"
* status = #completed
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* encounter.reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* performer[0].actor.reference = "urn:uuid:8b93d649-4377-5d63-815b-b082a6029de5"
* code.coding[0] = JPCVDProcedureCS#ivt "静注血栓溶解療法 (rt-PA 静注療法)"
* code.coding[+] = $SCT#472191000119101 "Intravenous thrombolytic therapy"
* code.text = "rt-PA静注療法"
* performedPeriod.start = "2026-10-03T09:58:00+09:00"
* performedPeriod.end = "2026-10-03T10:58:00+09:00"
* usedCode[0].text = "アルテプラーゼ 0.6mg/kg"

Instance: ex-cerebral-infarction-proc-2-thrombectomy
InstanceOf: JPCVDProcedureThrombectomy
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Procedure_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-procedure-thrombectomy"
* status = #completed
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* encounter.reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* performer[0].actor.reference = "urn:uuid:8b93d649-4377-5d63-815b-b082a6029de5"
* code.coding[0] = JPCVDProcedureCS#thrombectomy "経皮経管的脳血栓回収術"
* code.coding[+] = $SCT#397046001 "Thrombectomy"
* code.text = "経皮経管的脳血栓回収術"
* performedPeriod.start = "2026-10-03T10:20:00+09:00"
* performedPeriod.end = "2026-10-03T11:15:00+09:00"
* extension[reperfusionTime].valueDateTime = "2026-10-03T11:02:00+09:00"
* outcome = JPCVDmTICICS#2b "2b: 灌流域の50%以上の再灌流"
* bodySite[0].text = "右中大脳動脈 M1"

Instance: ex-cerebral-infarction-med-1
InstanceOf: JPCVDMedicationRequestDischarge
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-medicationrequest-discharge"
* identifier[rpNumber].value = "1"
* identifier[orderInRp].value = "1"
* identifier[requestIdentifier].system = $resourceInstance-identifier
* identifier[requestIdentifier].value = "1310512345-2026100301-RX1"
* status = #completed
* intent = #order
* medicationCodeableConcept.coding[codingYJ] = $YJ#3399008F2021 "プラビックス錠75mg"
* medicationCodeableConcept.text = "プラビックス錠75mg"
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* encounter.reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* authoredOn = "2026-10-24"
* requester.reference = "urn:uuid:8b93d649-4377-5d63-815b-b082a6029de5"
* dosageInstruction[0].extension[periodOfUse].valuePeriod.start = "2026-10-25"
* dosageInstruction[0].text = "1回1錠 1日1回 朝食後"
* dosageInstruction[0].timing.code.coding[unCoded] = $UsageUncoded#0X0XXXXXXXXX0000 "ダミー用法コード"
* dosageInstruction[0].timing.code.text = "1日1回朝食後"
* dosageInstruction[0].doseAndRate[0].type = http://terminology.hl7.org/CodeSystem/dose-rate-type#ordered "Ordered"
* dosageInstruction[0].doseAndRate[0].doseQuantity = urn:oid:1.2.392.100495.20.2.101#TAB "錠"
* dosageInstruction[0].doseAndRate[0].doseQuantity.value = 1
* dispenseRequest.expectedSupplyDuration = 14 'd' "日"

Instance: ex-cerebral-infarction-med-2
InstanceOf: JPCVDMedicationRequestDischarge
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-medicationrequest-discharge"
* identifier[rpNumber].value = "2"
* identifier[orderInRp].value = "1"
* identifier[requestIdentifier].system = $resourceInstance-identifier
* identifier[requestIdentifier].value = "1310512345-2026100301-RX2"
* status = #completed
* intent = #order
* medicationCodeableConcept.coding[codingYJ] = $YJ#2189015F2216 "アトルバスタチン錠10mg「ケミファ」"
* medicationCodeableConcept.text = "アトルバスタチン錠10mg「ケミファ」"
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* encounter.reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* authoredOn = "2026-10-24"
* requester.reference = "urn:uuid:8b93d649-4377-5d63-815b-b082a6029de5"
* dosageInstruction[0].extension[periodOfUse].valuePeriod.start = "2026-10-25"
* dosageInstruction[0].text = "1回1錠 1日1回 夕食後"
* dosageInstruction[0].timing.code.coding[unCoded] = $UsageUncoded#0X0XXXXXXXXX0000 "ダミー用法コード"
* dosageInstruction[0].timing.code.text = "1日1回夕食後"
* dosageInstruction[0].doseAndRate[0].type = http://terminology.hl7.org/CodeSystem/dose-rate-type#ordered "Ordered"
* dosageInstruction[0].doseAndRate[0].doseQuantity = urn:oid:1.2.392.100495.20.2.101#TAB "錠"
* dosageInstruction[0].doseAndRate[0].doseQuantity.value = 1
* dispenseRequest.expectedSupplyDuration = 14 'd' "日"

Instance: ex-cerebral-infarction-hospital-course
InstanceOf: $JP_DocumentReference_eCS
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* status = #current
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* date = "2026-10-24T15:00:00+09:00"
* author[0].reference = "urn:uuid:8b93d649-4377-5d63-815b-b082a6029de5"
* description = "入院中経過"
* content[0].attachment.contentType = #text/plain
* content[0].attachment.language = #ja
* content[0].attachment.data = "5p2l6Zmi5pmCTklIU1MgMTTngrnjgIJDVOOBp0FTUEVDVFMgOOOAgUNUQeOBp+WPs+S4reWkp+iEs+WLleiEiE0x6ZaJ5aGe44CCOeaZgjU45YiGcnQtUEHpnZnms6jplovlp4vjgIExMOaZgjIw5YiG56m/5Yi644GX6KGA5qCT5Zue5Y+O55mC5rOV44KS5pa96KGM44CBMTHmmYIwMuWIhuWGjemWi+mAmihtVElDSSAyYinjgILjgqLjg4bjg63jg7zjg6DooYDmoJPmgKfohLPmopfloZ7jgajjgZfjgabjgq/jg63jg5Tjg4njgrDjg6zjg6vjg7vjgqLjg4jjg6vjg5Djgrnjgr/jg4Hjg7PjgpLplovlp4vjgILjg6rjg4/jg5Pjg6rjgpLntpnntprjgZdOSUhTUyAz54K544CBbVJTIDLjgaflm57lvqnmnJ/jg6rjg4/jg5Pjg6rjg4bjg7zjgrfjg6fjg7Pnl4XpmaLjgbjou6LpmaLjgII="
* content[0].attachment.title = "入院中経過"

Instance: ex-cerebral-infarction-discharge-plan
InstanceOf: $JP_CarePlan_eCS
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">回復期リハビリテーション病院で機能訓練を継続。抗血小板薬・スタチンを継続し、血圧130/80mmHg未満を目標とする。</div>"
* identifier[0].system = $resourceInstance-identifier
* identifier[0].value = "1310512345-2026100301-CP1"
* status = #active
* intent = #plan
* category = $careplan-category#discharge-plan "退院時プラン"
* title = "退院時方針"
* description = "回復期リハビリテーション病院で機能訓練を継続。抗血小板薬・スタチンを継続し、血圧130/80mmHg未満を目標とする。"
* subject.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* encounter.reference = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* period.start = "2026-10-24T10:00:00+09:00"
* created = "2026-10-24T15:00:00+09:00"
* author.reference = "urn:uuid:8b93d649-4377-5d63-815b-b082a6029de5"

Instance: ex-cerebral-infarction-consent
InstanceOf: JPCVDConsentRegistry
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-consent-registry"
* status = #active
* scope = $consentscope#research "Research"
* category[registry] = $consentcategorycodes#research "Research Information Access"
* patient.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* dateTime = "2026-10-03T11:40:00+09:00"
* organization[0].reference = "urn:uuid:1799089d-1fdf-5726-bc69-eeaae14d66e0"
* policyRule = JPCVDConsentModelCS#opt-out "オプトアウト (通知・公表と拒否の機会の提供)"
* provision.type = #permit
* provision.period.start = "2026-10-03"
* provision.purpose[0] = $v3-ActReason#HRESCH "healthcare research"

Instance: ex-cerebral-infarction-registry-subject
InstanceOf: JPCVDResearchSubjectRegistry
Usage: #inline
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-researchsubject-registry"
* status = #on-study
* period.start = "2026-10-24"
* study.reference = "urn:uuid:fea9bc24-f1fd-597a-b66d-659f59bf5674"
* individual.reference = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* consent.reference = "urn:uuid:61edde4e-d903-56e5-82b7-5a7e764e0de5"

Instance: jp-cvd-example-bundle-cerebral-infarction
InstanceOf: JPCVDBundleDischargeSummary
Title: "脳梗塞 退院時サマリー例 / Cerebral infarction discharge summary"
Description: "78歳男性、右中大脳動脈閉塞によるアテローム血栓性脳梗塞。rt-PA 静注 (door-to-needle 33分) と血栓回収療法 (door-to-puncture 55分, mTICI 2b)。回復期リハビリ病院へ転院。MEDIS 病名管理番号は例示用の値。"
Usage: #example
* meta.lastUpdated = "2026-10-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-bundle-discharge-summary"
* identifier.system = $bundle-identifier
* identifier.value = "1310512345^2026^DS-2026100301"
* type = #document
* timestamp = "2026-10-24T15:00:00+09:00"
* entry[composition][0].fullUrl = "urn:uuid:f97fd699-b7c9-5c0d-8319-8a4cac391f02"
* entry[composition][0].resource = ex-cerebral-infarction-composition
* entry[organization][0].fullUrl = "urn:uuid:1799089d-1fdf-5726-bc69-eeaae14d66e0"
* entry[organization][0].resource = ex-cerebral-infarction-organization
* entry[practitioners][0].fullUrl = "urn:uuid:8b93d649-4377-5d63-815b-b082a6029de5"
* entry[practitioners][0].resource = ex-cerebral-infarction-practitioner
* entry[patient][0].fullUrl = "urn:uuid:489d3860-2f68-51d1-8f9d-1edc274b1a9c"
* entry[patient][0].resource = ex-cerebral-infarction-patient
* entry[encounter][0].fullUrl = "urn:uuid:0c73348c-b204-5bcf-acf6-fa17b2c92402"
* entry[encounter][0].resource = ex-cerebral-infarction-encounter
* entry[condition][0].fullUrl = "urn:uuid:cc7d646b-dd60-54e3-8810-1b1e514e914b"
* entry[condition][0].resource = ex-cerebral-infarction-condition
* entry[observation][0].fullUrl = "urn:uuid:e7c08d82-adc4-58dc-bdee-7a769c2016db"
* entry[observation][0].resource = ex-cerebral-infarction-obs-1-nihss-adm
* entry[observation][1].fullUrl = "urn:uuid:e33fcad2-738e-5aa7-a454-12b307760e31"
* entry[observation][1].resource = ex-cerebral-infarction-obs-2-jcs-adm
* entry[observation][2].fullUrl = "urn:uuid:28d36d82-1e2a-5834-bc58-daf7760edd16"
* entry[observation][2].resource = ex-cerebral-infarction-obs-3-mrs-pre
* entry[observation][3].fullUrl = "urn:uuid:fb0934eb-16c3-5e72-aaee-53463011d5e2"
* entry[observation][3].resource = ex-cerebral-infarction-obs-4-aspects
* entry[observation][4].fullUrl = "urn:uuid:041c06e4-1384-53e2-b9c2-1d5f9e9c4740"
* entry[observation][4].resource = ex-cerebral-infarction-obs-5-mtici
* entry[observation][5].fullUrl = "urn:uuid:8d2d35e1-bec9-5460-90b6-558ad59558fd"
* entry[observation][5].resource = ex-cerebral-infarction-obs-6-toast
* entry[observation][6].fullUrl = "urn:uuid:7e8757dc-4e4c-5ba0-bf95-84c81a6381cf"
* entry[observation][6].resource = ex-cerebral-infarction-obs-7-nihss-dis
* entry[observation][7].fullUrl = "urn:uuid:a3d9a5e9-5ef2-53dc-833c-a264ec715cec"
* entry[observation][7].resource = ex-cerebral-infarction-obs-8-mrs-dis
* entry[procedure][0].fullUrl = "urn:uuid:b2ed4be9-947b-5ea8-93da-58fdc66889f2"
* entry[procedure][0].resource = ex-cerebral-infarction-proc-1-ivt
* entry[procedure][1].fullUrl = "urn:uuid:eabe4789-b855-5ed6-8461-2d46b5b013d5"
* entry[procedure][1].resource = ex-cerebral-infarction-proc-2-thrombectomy
* entry[medicationRequest][0].fullUrl = "urn:uuid:2193a832-0f69-5351-b38d-86815f2fba5a"
* entry[medicationRequest][0].resource = ex-cerebral-infarction-med-1
* entry[medicationRequest][1].fullUrl = "urn:uuid:5cebce9b-29b5-5c55-866c-2ba64a13873e"
* entry[medicationRequest][1].resource = ex-cerebral-infarction-med-2
* entry[documentReference][0].fullUrl = "urn:uuid:af83be04-830a-594b-b922-12672b814ac5"
* entry[documentReference][0].resource = ex-cerebral-infarction-hospital-course
* entry[carePlan][0].fullUrl = "urn:uuid:0c4be759-ee6d-5abd-afa1-57cc11a4cc31"
* entry[carePlan][0].resource = ex-cerebral-infarction-discharge-plan
* entry[advancedDirective][0].fullUrl = "urn:uuid:61edde4e-d903-56e5-82b7-5a7e764e0de5"
* entry[advancedDirective][0].resource = ex-cerebral-infarction-consent
* entry[researchSubject][0].fullUrl = "urn:uuid:99536fbc-9cca-5ebf-b3bb-9d1964ed05e5"
* entry[researchSubject][0].resource = ex-cerebral-infarction-registry-subject
* entry[researchStudy][0].fullUrl = "urn:uuid:fea9bc24-f1fd-597a-b66d-659f59bf5674"
* entry[researchStudy][0].resource = jp-cvd-registry-study
