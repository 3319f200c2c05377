// examples-subarachnoid-hemorrhage.fsh — GENERATED example discharge summary (くも膜下出血 退院時サマリー例 / Subarachnoid hemorrhage discharge summary).
// Times are JST; references are urn:uuid fullUrls; MEDIS key numbers are illustrative.

Instance: ex-subarachnoid-hemorrhage-composition
InstanceOf: JPCVDCompositionDischargeSummary
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Composition_eDischargeSummary"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-composition-discharge-summary"
* extension[version].valueString = "1"
* identifier.system = $resourceInstance-identifier
* identifier.value = "0110123456-2026080501-DS"
* status = #final
* type.coding[0] = $doc-typecodes#18842-5 "退院時サマリー"
* category.coding[0] = $doc-subtypecodes#DISCHARGE "退院時文書"
* subject.reference = "urn:uuid:0837a2bd-b429-521b-84e8-e8a11251796d"
* encounter.reference = "urn:uuid:e1fb478e-7e30-51eb-9893-15d601b50064"
* date = "2026-09-02T15:00:00+09:00"
* author[0].reference = "urn:uuid:d646f222-83f0-56ef-8bcc-77ef36a142d8"
* author[+].reference = "urn:uuid:f201f3bf-2655-581f-ab9b-54597d5549e2"
* title = "退院時サマリー"
* custodian.reference = "urn:uuid:f201f3bf-2655-581f-ab9b-54597d5549e2"
* event.period.start = "2026-08-05T16:00:00+09:00"
* event.period.end = "2026-09-02T11:00:00+09:00"
* section[structuredSection].title = "構造情報"
* section[structuredSection].code.coding[0] = $document-section#300 "構造情報セクション"
* section[structuredSection].section[detailsOnAdmissionSection].title = "入院時詳細"
* section[structuredSection].section[detailsOnAdmissionSection].code.coding[0] = $document-section#322 "入院時詳細セクション"
* section[structuredSection].section[detailsOnAdmissionSection].entry[+].reference = "urn:uuid:e1fb478e-7e30-51eb-9893-15d601b50064"
* section[structuredSection].section[diagnosesOnAdmissionSection].title = "入院時診断"
* section[structuredSection].section[diagnosesOnAdmissionSection].code.coding[0] = $document-section#342 "入院時診断セクション"
* section[structuredSection].section[diagnosesOnAdmissionSection].entry[+].reference = "urn:uuid:918e5a31-7304-5cd5-9350-6457c219f59c"
* section[structuredSection].section[chiefComplaintsSection].title = "主訴"
* section[structuredSection].section[chiefComplaintsSection].code.coding[0] = $document-section#352 "主訴セクション"
* section[structuredSection].section[chiefComplaintsSection].text.status = #additional
* section[structuredSection].section[chiefComplaintsSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">突然の激しい頭痛、嘔吐</div>"
* section[structuredSection].section[reasonForAdmissionSection].title = "入院理由"
* section[structuredSection].section[reasonForAdmissionSection].code.coding[0] = $document-section#312 "入院理由セクション"
* section[structuredSection].section[reasonForAdmissionSection].text.status = #additional
* section[structuredSection].section[reasonForAdmissionSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">くも膜下出血に対する再出血予防処置目的の緊急入院</div>"
* section[structuredSection].section[reasonForAdmissionSection].entry[+].reference = "urn:uuid:e1fb478e-7e30-51eb-9893-15d601b50064"
* section[structuredSection].section[presentIllnessSection].title = "現病歴"
* section[structuredSection].section[presentIllnessSection].code.coding[0] = $document-section#362 "現病歴セクション"
* section[structuredSection].section[presentIllnessSection].text.status = #additional
* section[structuredSection].section[presentIllnessSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">2026年8月5日 14時10分、職場で突然の激しい頭痛と嘔吐が出現し同僚が救急要請。14時55分当院到着。</div>"
* section[structuredSection].section[physicalStatusOnAdmissionSection].title = "入院時身体所見"
* section[structuredSection].section[physicalStatusOnAdmissionSection].code.coding[0] = $document-section#612 "入院時身体所見セクション"
* section[structuredSection].section[physicalStatusOnAdmissionSection].entry[+].reference = "urn:uuid:cafa1824-9c24-5a05-9523-aed818d30293"
* section[structuredSection].section[physicalStatusOnAdmissionSection].entry[+].reference = "urn:uuid:52326131-3547-531d-be77-acf0529eddd1"
* section[structuredSection].section[physicalStatusOnAdmissionSection].entry[+].reference = "urn:uuid:00711ae7-2c9c-5630-86a0-f4e127c5905f"
* section[structuredSection].section[hospitalCourseSection].title = "入院中経過"
* section[structuredSection].section[hospitalCourseSection].code.coding[0] = $document-section#333 "入院中経過セクション"
* section[structuredSection].section[hospitalCourseSection].entry[+].reference = "urn:uuid:97f7900e-41a8-5d9a-bfd6-21b0818c21f4"
* section[structuredSection].section[hospitalProcedureSection].title = "入院中治療"
* section[structuredSection].section[hospitalProcedureSection].code.coding[0] = $document-section#713 "入院中治療セクション"
* section[structuredSection].section[hospitalProcedureSection].entry[+].reference = "urn:uuid:5aef062e-d3fa-5b5a-87ec-71d8671145ea"
* section[structuredSection].section[hospitalStudySection].title = "入院中検査結果"
* section[structuredSection].section[hospitalStudySection].code.coding[0] = $document-section#623 "入院中検査結果セクション"
* section[structuredSection].section[hospitalStudySection].entry[+].reference = "urn:uuid:bc231c0c-26b5-5f8e-b993-1985a30d3bee"
* section[structuredSection].section[detailsOnDischargeSection].title = "退院時詳細"
* section[structuredSection].section[detailsOnDischargeSection].code.coding[0] = $document-section#324 "退院時詳細セクション"
* section[structuredSection].section[detailsOnDischargeSection].entry[+].reference = "urn:uuid:e1fb478e-7e30-51eb-9893-15d601b50064"
* section[structuredSection].section[diagnosesOnDischargeSection].title = "退院時診断"
* section[structuredSection].section[diagnosesOnDischargeSection].code.coding[0] = $document-section#344 "退院時診断セクション"
* section[structuredSection].section[diagnosesOnDischargeSection].entry[+].reference = "urn:uuid:918e5a31-7304-5cd5-9350-6457c219f59c"
* section[structuredSection].section[physicalStatusOnDischargeSection].title = "退院時身体所見"
* section[structuredSection].section[physicalStatusOnDischargeSection].code.coding[0] = $document-section#614 "退院時身体所見セクション"
* section[structuredSection].section[physicalStatusOnDischargeSection].entry[+].reference = "urn:uuid:197dfeb8-d0e4-5bb1-acd9-7133314d559f"
* section[structuredSection].section[medicationOnDischargeSection].title = "退院時投薬指示"
* section[structuredSection].section[medicationOnDischargeSection].code.coding[0] = $document-section#444 "退院時投薬指示セクション"
* section[structuredSection].section[medicationOnDischargeSection].text.status = #additional
* section[structuredSection].section[medicationOnDischargeSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">退院時処方なし。</div>"
* section[structuredSection].section[instructionOnDischargeSection].title = "退院時方針指示"
* section[structuredSection].section[instructionOnDischargeSection].code.coding[0] = $document-section#424 "退院時方針指示セクション"
* section[structuredSection].section[instructionOnDischargeSection].entry[+].reference = "urn:uuid:b3716aeb-b115-577a-935b-d7472b239d65"
* section[structuredSection].section[researchParticipationSection].title = "臨床研究参加"
* section[structuredSection].section[researchParticipationSection].code.coding[0] = $document-section#830 "臨床研究参加セクション"
* section[structuredSection].section[researchParticipationSection].entry[+].reference = "urn:uuid:667dc8e7-1fde-5436-b594-c6d22253d9c9"

Instance: ex-subarachnoid-hemorrhage-organization
InstanceOf: $JP_Organization_eCS
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">北斗脳神経外科病院 (医療機関コード 0110123456)</div>"
* identifier[medicalInstitutionCode].system = $medical-institution-no
* identifier[medicalInstitutionCode].value = "0110123456"
* type = $organization-type#prov "Healthcare Provider"
* name = "北斗脳神経外科病院"
* address.text = "北海道札幌市中央区北3条西12-1-5"
* address.postalCode = "060-0003"
* address.country = "JP"

Instance: ex-subarachnoid-hemorrhage-practitioner
InstanceOf: $JP_Practitioner_eCS
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* identifier[0].system = "urn:oid:1.2.392.100495.20.3.41.10110123456"
* identifier[0].value = "D0088"
* name[0].text = "小林 拓也"
* name[0].family = "小林"
* name[0].given[0] = "拓也"

Instance: ex-subarachnoid-hemorrhage-patient
InstanceOf: $JP_Patient_eCS
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* identifier[0].system = "urn:oid:1.2.392.100495.20.3.51.10110123456"
* identifier[0].value = "00093317"
* identifier[1].system = $insurance-memberID
* identifier[1].value = "06010012:22-31:4415:01"
* name[0].use = #official
* name[0].text = "高橋 恵子"
* name[0].family = "高橋"
* name[0].given[0] = "恵子"
* name[0].extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
* name[0].extension[0].valueCode = #IDE
* name[1].use = #official
* name[1].text = "タカハシ ケイコ"
* name[1].family = "タカハシ"
* name[1].given[0] = "ケイコ"
* name[1].extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
* name[1].extension[0].valueCode = #SYL
* gender = #female
* birthDate = "1972-01-20"
* address[0].text = "北海道札幌市北区北18条西4-2-7"
* address[0].postalCode = "001-0018"
* address[0].country = "JP"

Instance: ex-subarachnoid-hemorrhage-encounter
InstanceOf: JPCVDEncounterAdmission
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Encounter_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-encounter-admission"
* extension[arrivalTime].valueDateTime = "2026-08-05T14:55:00+09:00"
* extension[arrivalMode].valueCodeableConcept = JPCVDArrivalModeCS#ambulance "救急車"
* identifier[0].system = "http://jp-cvd-registry.org/fhir/NamingSystem/admission-number/0110123456"
* identifier[0].value = "2026080501"
* status = #finished
* class = $v3-ActCode#IMP "inpatient encounter"
* priority = $v3-ActPriority#EM "emergency"
* subject.reference = "urn:uuid:0837a2bd-b429-521b-84e8-e8a11251796d"
* period.start = "2026-08-05T16:00:00+09:00"
* period.end = "2026-09-02T11:00:00+09:00"
* length = 28 'd' "日"
* serviceProvider.reference = "urn:uuid:f201f3bf-2655-581f-ab9b-54597d5549e2"
* diagnosis[0].condition.reference = "urn:uuid:918e5a31-7304-5cd5-9350-6457c219f59c"
* diagnosis[0].use.coding[0] = $diagnosis-role#DD "Discharge diagnosis"
* diagnosis[0].rank = 1
* hospitalization.admitSource.coding[0] = $admit-source#1 "家庭からの入院"
* hospitalization.extension[dischargeDestination].valueCodeableConcept = JPCVDDischargeDestinationCS#home "自宅(在宅)"
* hospitalization.dischargeDisposition.coding[0] = $discharge-disposition#1 "傷病が治癒・軽快"

Instance: ex-subarachnoid-hemorrhage-condition
InstanceOf: JPCVDConditionSubarachnoidHemorrhage
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Condition_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-condition-subarachnoid-hemorrhage"
* identifier[resourceIdentifier].system = $resourceInstance-identifier
* identifier[resourceIdentifier].value = "0110123456-2026080501-DX1"
* clinicalStatus = $condition-clinical#active "Active"
* verificationStatus = $condition-ver-status#confirmed "Confirmed"
* category = $condition-category#encounter-diagnosis "Encounter Diagnosis"
* code.coding[medisRecordNo] = $MEDIS#20058812 "くも膜下出血(前交通動脈瘤破裂)"
* code.coding[icd10] = $ICD10JP#I602 "前交通動脈からのくも膜下出血"
* code.text = "くも膜下出血(前交通動脈瘤破裂)"
* subject.reference = "urn:uuid:0837a2bd-b429-521b-84e8-e8a11251796d"
* encounter.reference = "urn:uuid:e1fb478e-7e30-51eb-9893-15d601b50064"
* recordedDate = "2026-08-05T16:00:00+09:00"
* recorder.reference = "urn:uuid:d646f222-83f0-56ef-8bcc-77ef36a142d8"
* extension[onsetTimeStatus].valueCode = #witnessed
* extension[inHospitalOnset].valueBoolean = false
* onsetDateTime = "2026-08-05T14:10:00+09:00"

Instance: ex-subarachnoid-hemorrhage-obs-1-gcs-adm
InstanceOf: JPCVDObservationGCS
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-gcs"
* status = #final
* subject.reference = "urn:uuid:0837a2bd-b429-521b-84e8-e8a11251796d"
* encounter.reference = "urn:uuid:e1fb478e-7e30-51eb-9893-15d601b50064"
* effectiveDateTime = "2026-08-05T15:00:00+09:00"
* category[0] = $JP-obs-category#survey
* code = $LNC#9269-2 "Glasgow coma score total"
* valueInteger = 14
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#admission "入院時(来院時)"

Instance: ex-subarachnoid-hemorrhage-obs-2-wfns
InstanceOf: JPCVDObservationWFNS
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-wfns"
* status = #final
* subject.reference = "urn:uuid:0837a2bd-b429-521b-84e8-e8a11251796d"
* encounter.reference = "urn:uuid:e1fb478e-7e30-51eb-9893-15d601b50064"
* effectiveDateTime = "2026-08-05T15:00:00+09:00"
* category[0] = $JP-obs-category#survey
* code.coding[local] = JPCVDObservationCS#wfns "WFNS 分類 (くも膜下出血)"
* valueCodeableConcept = JPCVDWFNSCS#II "Grade II: GCS 14-13, 局所神経症状なし"
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#admission "入院時(来院時)"

Instance: ex-subarachnoid-hemorrhage-obs-3-hunt-kosnik
InstanceOf: JPCVDObservationHuntKosnik
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-hunt-kosnik"
* status = #final
* subject.reference = "urn:uuid:0837a2bd-b429-521b-84e8-e8a11251796d"
* encounter.reference = "urn:uuid:e1fb478e-7e30-51eb-9893-15d601b50064"
* effectiveDateTime = "2026-08-05T15:00:00+09:00"
* category[0] = $JP-obs-category#survey
* code.coding[local] = JPCVDObservationCS#hunt-kosnik "Hunt and Kosnik 分類"
* valueCodeableConcept = JPCVDHuntKosnikCS#II "Grade II: 中等度〜重度の頭痛・項部硬直、脳神経麻痺以外の神経学的失調なし"
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#admission "入院時(来院時)"

Instance: ex-subarachnoid-hemorrhage-obs-4-fisher
InstanceOf: JPCVDObservationFisher
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-fisher"
* status = #final
* subject.reference = "urn:uuid:0837a2bd-b429-521b-84e8-e8a11251796d"
* encounter.reference = "urn:uuid:e1fb478e-7e30-51eb-9893-15d601b50064"
* effectiveDateTime = "2026-08-05T15:10:00+09:00"
* category[0] = $JP-obs-category#imaging
* code.coding[local] = JPCVDObservationCS#fisher "Fisher 分類 (CT)"
* valueCodeableConcept = JPCVDFisherCS#3 "Group 3: 限局した血腫または厚い出血 (1mm以上)"
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#admission "入院時(来院時)"

Instance: ex-subarachnoid-hemorrhage-obs-5-mrs-dis
InstanceOf: JPCVDObservationMRS
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-mrs"
* status = #final
* subject.reference = "urn:uuid:0837a2bd-b429-521b-84e8-e8a11251796d"
* encounter.reference = "urn:uuid:e1fb478e-7e30-51eb-9893-15d601b50064"
* effectiveDateTime = "2026-09-01T10:00:00+09:00"
* category[0] = $JP-obs-category#survey
* code = $LNC#75859-9 "Modified Rankin Scale"
* valueInteger = 1
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#discharge "退院時"

Instance: ex-subarachnoid-hemorrhage-proc-1-coiling
InstanceOf: JPCVDProcedureAneurysmRepair
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Procedure_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-procedure-aneurysm-repair"
* status = #completed
* subject.reference = "urn:uuid:0837a2bd-b429-521b-84e8-e8a11251796d"
* encounter.reference = "urn:uuid:e1fb478e-7e30-51eb-9893-15d601b50064"
* performer[0].actor.reference = "urn:uuid:d646f222-83f0-56ef-8bcc-77ef36a142d8"
* code.coding[0] = JPCVDProcedureCS#coiling "脳動脈瘤コイル塞栓術"
* code.text = "脳動脈瘤コイル塞栓術"
* performedPeriod.start = "2026-08-05T19:30:00+09:00"
* performedPeriod.end = "2026-08-05T21:40:00+09:00"
* bodySite[0].text = "前交通動脈瘤"

Instance: ex-subarachnoid-hemorrhage-hospital-course
InstanceOf: $JP_DocumentReference_eCS
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* status = #current
* subject.reference = "urn:uuid:0837a2bd-b429-521b-84e8-e8a11251796d"
* date = "2026-09-02T15:00:00+09:00"
* author[0].reference = "urn:uuid:d646f222-83f0-56ef-8bcc-77ef36a142d8"
* description = "入院中経過"
* content[0].attachment.contentType = #text/plain
* content[0].attachment.language = #ja
* content[0].attachment.data = "Q1TjgafjgbPjgb7jgpPmgKfjgY/jgoLohpzkuIvlh7rooYAoRmlzaGVyIDMp44CBQ1RB44Gn5YmN5Lqk6YCa5YuV6ISI55ik44CC5ZCM5pelMTnmmYIzMOWIhuOBi+OCieOCs+OCpOODq+Whnuagk+ihk+OCkuaWveihjOOBl+WujOWFqOmWieWhnuOAgkRheSA344Gr6Lu95bqm44Gu6ISz6KGA566h5pSj57iu44KS6KqN44KB44Gf44GM55eH5YCZ5oCn44Go44Gq44KJ44Ga44CC5rC06aCt55eH44Gq44GX44CCbVJTIDHjgafoh6rlroXpgIDpmaLjgII="
* content[0].attachment.title = "入院中経過"

Instance: ex-subarachnoid-hemorrhage-discharge-plan
InstanceOf: $JP_CarePlan_eCS
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">外来で6か月後にMRAで再発の有無を確認する。禁煙・血圧管理を継続する。</div>"
* identifier[0].system = $resourceInstance-identifier
* identifier[0].value = "0110123456-2026080501-CP1"
* status = #active
* intent = #plan
* category = $careplan-category#discharge-plan "退院時プラン"
* title = "退院時方針"
* description = "外来で6か月後にMRAで再発の有無を確認する。禁煙・血圧管理を継続する。"
* subject.reference = "urn:uuid:0837a2bd-b429-521b-84e8-e8a11251796d"
* encounter.reference = "urn:uuid:e1fb478e-7e30-51eb-9893-15d601b50064"
* period.start = "2026-09-02T11:00:00+09:00"
* created = "2026-09-02T15:00:00+09:00"
* author.reference = "urn:uuid:d646f222-83f0-56ef-8bcc-77ef36a142d8"

Instance: ex-subarachnoid-hemorrhage-consent
InstanceOf: JPCVDConsentRegistry
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* meta.profile[0] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-consent-registry"
* status = #active
* scope = $consentscope#research "Research"
* category[registry] = $consentcategorycodes#research "Research Information Access"
* patient.reference = "urn:uuid:0837a2bd-b429-521b-84e8-e8a11251796d"
* dateTime = "2026-08-05T16:00:00+09:00"
* organization[0].reference = "urn:uuid:f201f3bf-2655-581f-ab9b-54597d5549e2"
* policyRule = JPCVDConsentModelCS#opt-in "オプトイン (文書または電磁的方法による同意)"
* provision.type = #permit
* provision.period.start = "2026-08-05"
* provision.purpose[0] = $v3-ActReason#HRESCH "healthcare research"

Instance: ex-subarachnoid-hemorrhage-registry-subject
InstanceOf: JPCVDResearchSubjectRegistry
Usage: #inline
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* meta.profile[0] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-researchsubject-registry"
* status = #on-study
* period.start = "2026-09-02"
* study.reference = "urn:uuid:fea9bc24-f1fd-597a-b66d-659f59bf5674"
* individual.reference = "urn:uuid:0837a2bd-b429-521b-84e8-e8a11251796d"
* consent.reference = "urn:uuid:4fb97b62-d833-55d8-8cea-815948d8fae4"

Instance: jp-cvd-example-bundle-subarachnoid-hemorrhage
InstanceOf: JPCVDBundleDischargeSummary
Title: "くも膜下出血 退院時サマリー例 / Subarachnoid hemorrhage discharge summary"
Description: "54歳女性、前交通動脈瘤破裂によるくも膜下出血 (WFNS II, Hunt and Kosnik II, Fisher 3)。発症当日にコイル塞栓術。自宅退院、退院時処方なし。MEDIS 病名管理番号は例示用の値。"
Usage: #example
* meta.lastUpdated = "2026-09-02T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-bundle-discharge-summary"
* identifier.system = $bundle-identifier
* identifier.value = "0110123456^2026^DS-2026080501"
* type = #document
* timestamp = "2026-09-02T15:00:00+09:00"
* entry[composition][0].fullUrl = "urn:uuid:3107e3c1-85c6-5d36-929c-97c179393293"
* entry[composition][0].resource = ex-subarachnoid-hemorrhage-composition
* entry[organization][0].fullUrl = "urn:uuid:f201f3bf-2655-581f-ab9b-54597d5549e2"
* entry[organization][0].resource = ex-subarachnoid-hemorrhage-organization
* entry[practitioners][0].fullUrl = "urn:uuid:d646f222-83f0-56ef-8bcc-77ef36a142d8"
* entry[practitioners][0].resource = ex-subarachnoid-hemorrhage-practitioner
* entry[patient][0].fullUrl = "urn:uuid:0837a2bd-b429-521b-84e8-e8a11251796d"
* entry[patient][0].resource = ex-subarachnoid-hemorrhage-patient
* entry[encounter][0].fullUrl = "urn:uuid:e1fb478e-7e30-51eb-9893-15d601b50064"
* entry[encounter][0].resource = ex-subarachnoid-hemorrhage-encounter
* entry[condition][0].fullUrl = "urn:uuid:918e5a31-7304-5cd5-9350-6457c219f59c"
* entry[condition][0].resource = ex-subarachnoid-hemorrhage-condition
* entry[observation][0].fullUrl = "urn:uuid:cafa1824-9c24-5a05-9523-aed818d30293"
* entry[observation][0].resource = ex-subarachnoid-hemorrhage-obs-1-gcs-adm
* entry[observation][1].fullUrl = "urn:uuid:52326131-3547-531d-be77-acf0529eddd1"
* entry[observation][1].resource = ex-subarachnoid-hemorrhage-obs-2-wfns
* entry[observation][2].fullUrl = "urn:uuid:00711ae7-2c9c-5630-86a0-f4e127c5905f"
* entry[observation][2].resource = ex-subarachnoid-hemorrhage-obs-3-hunt-kosnik
* entry[observation][3].fullUrl = "urn:uuid:bc231c0c-26b5-5f8e-b993-1985a30d3bee"
* entry[observation][3].resource = ex-subarachnoid-hemorrhage-obs-4-fisher
* entry[observation][4].fullUrl = "urn:uuid:197dfeb8-d0e4-5bb1-acd9-7133314d559f"
* entry[observation][4].resource = ex-subarachnoid-hemorrhage-obs-5-mrs-dis
* entry[procedure][0].fullUrl = "urn:uuid:5aef062e-d3fa-5b5a-87ec-71d8671145ea"
* entry[procedure][0].resource = ex-subarachnoid-hemorrhage-proc-1-coiling
* entry[documentReference][0].fullUrl = "urn:uuid:97f7900e-41a8-5d9a-bfd6-21b0818c21f4"
* entry[documentReference][0].resource = ex-subarachnoid-hemorrhage-hospital-course
* entry[carePlan][0].fullUrl = "urn:uuid:b3716aeb-b115-577a-935b-d7472b239d65"
* entry[carePlan][0].resource = ex-subarachnoid-hemorrhage-discharge-plan
* entry[advancedDirective][0].fullUrl = "urn:uuid:4fb97b62-d833-55d8-8cea-815948d8fae4"
* entry[advancedDirective][0].resource = ex-subarachnoid-hemorrhage-consent
* entry[researchSubject][0].fullUrl = "urn:uuid:667dc8e7-1fde-5436-b594-c6d22253d9c9"
* entry[researchSubject][0].resource = ex-subarachnoid-hemorrhage-registry-subject
* entry[researchStudy][0].fullUrl = "urn:uuid:fea9bc24-f1fd-597a-b66d-659f59bf5674"
* entry[researchStudy][0].resource = jp-cvd-registry-study
