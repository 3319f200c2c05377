// examples-intracerebral-hemorrhage.fsh — GENERATED example discharge summary (脳内出血 退院時サマリー例 / Intracerebral hemorrhage discharge summary).
// Times are JST; references are urn:uuid fullUrls; MEDIS key numbers are illustrative.

Instance: ex-intracerebral-hemorrhage-composition
InstanceOf: JPCVDCompositionDischargeSummary
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Composition_eDischargeSummary"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-composition-discharge-summary"
* extension[version].valueString = "1"
* identifier.system = $resourceInstance-identifier
* identifier.value = "2712345678-2026091201-DS"
* status = #final
* type.coding[0] = $doc-typecodes#18842-5 "退院時サマリー"
* category.coding[0] = $doc-subtypecodes#DISCHARGE "退院時文書"
* subject.reference = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* encounter.reference = "urn:uuid:729ea223-38b0-557f-af41-b56802faec1c"
* date = "2026-10-10T14:00:00+09:00"
* author[0].reference = "urn:uuid:b68487ae-56c5-51eb-a2c9-f163792c0472"
* author[+].reference = "urn:uuid:4198a6da-1624-5781-8a18-7e9ceae8f30d"
* title = "退院時サマリー"
* custodian.reference = "urn:uuid:4198a6da-1624-5781-8a18-7e9ceae8f30d"
* event.period.start = "2026-09-12T21:30:00+09:00"
* event.period.end = "2026-10-10T10:00:00+09:00"
* section[structuredSection].title = "構造情報"
* section[structuredSection].code.coding[0] = $document-section#300 "構造情報セクション"
* section[structuredSection].section[detailsOnAdmissionSection].title = "入院時詳細"
* section[structuredSection].section[detailsOnAdmissionSection].code.coding[0] = $document-section#322 "入院時詳細セクション"
* section[structuredSection].section[detailsOnAdmissionSection].entry[+].reference = "urn:uuid:729ea223-38b0-557f-af41-b56802faec1c"
* section[structuredSection].section[diagnosesOnAdmissionSection].title = "入院時診断"
* section[structuredSection].section[diagnosesOnAdmissionSection].code.coding[0] = $document-section#342 "入院時診断セクション"
* section[structuredSection].section[diagnosesOnAdmissionSection].entry[+].reference = "urn:uuid:4bfaab6a-6b13-55fa-9a03-5bf46e84917b"
* section[structuredSection].section[chiefComplaintsSection].title = "主訴"
* section[structuredSection].section[chiefComplaintsSection].code.coding[0] = $document-section#352 "主訴セクション"
* section[structuredSection].section[chiefComplaintsSection].text.status = #additional
* section[structuredSection].section[chiefComplaintsSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">頭痛、左片麻痺</div>"
* section[structuredSection].section[reasonForAdmissionSection].title = "入院理由"
* section[structuredSection].section[reasonForAdmissionSection].code.coding[0] = $document-section#312 "入院理由セクション"
* section[structuredSection].section[reasonForAdmissionSection].text.status = #additional
* section[structuredSection].section[reasonForAdmissionSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">高血圧性脳内出血の急性期治療目的の緊急入院</div>"
* section[structuredSection].section[reasonForAdmissionSection].entry[+].reference = "urn:uuid:729ea223-38b0-557f-af41-b56802faec1c"
* section[structuredSection].section[presentIllnessSection].title = "現病歴"
* section[structuredSection].section[presentIllnessSection].code.coding[0] = $document-section#362 "現病歴セクション"
* section[structuredSection].section[presentIllnessSection].text.status = #additional
* section[structuredSection].section[presentIllnessSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">2026年9月12日 19時30分、夕食の片付け中に頭痛と左上下肢の脱力が出現。20時05分救急搬送。来院時血圧198/112mmHg。</div>"
* section[structuredSection].section[physicalStatusOnAdmissionSection].title = "入院時身体所見"
* section[structuredSection].section[physicalStatusOnAdmissionSection].code.coding[0] = $document-section#612 "入院時身体所見セクション"
* section[structuredSection].section[physicalStatusOnAdmissionSection].entry[+].reference = "urn:uuid:74b55b33-154b-5bad-be2a-2406733214c4"
* section[structuredSection].section[physicalStatusOnAdmissionSection].entry[+].reference = "urn:uuid:50f48840-9b34-51ca-b8dc-da5834a07e60"
* section[structuredSection].section[physicalStatusOnAdmissionSection].entry[+].reference = "urn:uuid:9d3c2a8a-3c7b-5587-9377-86c5a2d9fa0f"
* section[structuredSection].section[physicalStatusOnAdmissionSection].entry[+].reference = "urn:uuid:e067369a-8396-5e56-a241-45d2c7f61b8b"
* section[structuredSection].section[hospitalCourseSection].title = "入院中経過"
* section[structuredSection].section[hospitalCourseSection].code.coding[0] = $document-section#333 "入院中経過セクション"
* section[structuredSection].section[hospitalCourseSection].entry[+].reference = "urn:uuid:37ff128d-7625-5683-b41e-d7091631e833"
* section[structuredSection].section[hospitalProcedureSection].title = "入院中治療"
* section[structuredSection].section[hospitalProcedureSection].code.coding[0] = $document-section#713 "入院中治療セクション"
* section[structuredSection].section[hospitalProcedureSection].entry[+].reference = "urn:uuid:5a94fa6d-aa51-54b1-bb07-92e4af02d246"
* section[structuredSection].section[hospitalStudySection].title = "入院中検査結果"
* section[structuredSection].section[hospitalStudySection].code.coding[0] = $document-section#623 "入院中検査結果セクション"
* section[structuredSection].section[hospitalStudySection].entry[+].reference = "urn:uuid:6cc3729b-f021-55d5-a321-cb468d874ee5"
* section[structuredSection].section[detailsOnDischargeSection].title = "退院時詳細"
* section[structuredSection].section[detailsOnDischargeSection].code.coding[0] = $document-section#324 "退院時詳細セクション"
* section[structuredSection].section[detailsOnDischargeSection].entry[+].reference = "urn:uuid:729ea223-38b0-557f-af41-b56802faec1c"
* section[structuredSection].section[diagnosesOnDischargeSection].title = "退院時診断"
* section[structuredSection].section[diagnosesOnDischargeSection].code.coding[0] = $document-section#344 "退院時診断セクション"
* section[structuredSection].section[diagnosesOnDischargeSection].entry[+].reference = "urn:uuid:4bfaab6a-6b13-55fa-9a03-5bf46e84917b"
* section[structuredSection].section[physicalStatusOnDischargeSection].title = "退院時身体所見"
* section[structuredSection].section[physicalStatusOnDischargeSection].code.coding[0] = $document-section#614 "退院時身体所見セクション"
* section[structuredSection].section[physicalStatusOnDischargeSection].entry[+].reference = "urn:uuid:2574b3ff-6a08-565c-8f6d-ea3564222e6a"
* section[structuredSection].section[medicationOnDischargeSection].title = "退院時投薬指示"
* section[structuredSection].section[medicationOnDischargeSection].code.coding[0] = $document-section#444 "退院時投薬指示セクション"
* section[structuredSection].section[medicationOnDischargeSection].entry[+].reference = "urn:uuid:12095066-d5ef-53cb-af41-d87289255f0e"
* section[structuredSection].section[instructionOnDischargeSection].title = "退院時方針指示"
* section[structuredSection].section[instructionOnDischargeSection].code.coding[0] = $document-section#424 "退院時方針指示セクション"
* section[structuredSection].section[instructionOnDischargeSection].entry[+].reference = "urn:uuid:d21224d2-70df-5af6-bca8-40c65cb40fd1"
* section[structuredSection].section[researchParticipationSection].title = "臨床研究参加"
* section[structuredSection].section[researchParticipationSection].code.coding[0] = $document-section#830 "臨床研究参加セクション"
* section[structuredSection].section[researchParticipationSection].entry[+].reference = "urn:uuid:74e19b5c-53aa-5348-b556-cb4ae993209a"

Instance: ex-intracerebral-hemorrhage-organization
InstanceOf: $JP_Organization_eCS
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">社会医療法人なにわ会 なにわ中央病院 (医療機関コード 2712345678)</div>"
* identifier[medicalInstitutionCode].system = $medical-institution-no
* identifier[medicalInstitutionCode].value = "2712345678"
* type = $organization-type#prov "Healthcare Provider"
* name = "社会医療法人なにわ会 なにわ中央病院"
* address.text = "大阪府大阪市天王寺区上本町6-4-12"
* address.postalCode = "543-0001"
* address.country = "JP"

Instance: ex-intracerebral-hemorrhage-practitioner
InstanceOf: $JP_Practitioner_eCS
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* identifier[0].system = "urn:oid:1.2.392.100495.20.3.41.12712345678"
* identifier[0].value = "D0417"
* name[0].text = "松本 亮"
* name[0].family = "松本"
* name[0].given[0] = "亮"

Instance: ex-intracerebral-hemorrhage-patient
InstanceOf: $JP_Patient_eCS
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* identifier[0].system = "urn:oid:1.2.392.100495.20.3.51.12712345678"
* identifier[0].value = "01275530"
* identifier[1].system = $insurance-memberID
* identifier[1].value = "67270014::8801275:"
* name[0].use = #official
* name[0].text = "鈴木 花子"
* name[0].family = "鈴木"
* name[0].given[0] = "花子"
* name[0].extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
* name[0].extension[0].valueCode = #IDE
* name[1].use = #official
* name[1].text = "スズキ ハナコ"
* name[1].family = "スズキ"
* name[1].given[0] = "ハナコ"
* name[1].extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
* name[1].extension[0].valueCode = #SYL
* gender = #female
* birthDate = "1959-06-02"
* address[0].text = "大阪府大阪市阿倍野区松崎町1-8-3"
* address[0].postalCode = "545-0053"
* address[0].country = "JP"

Instance: ex-intracerebral-hemorrhage-encounter
InstanceOf: JPCVDEncounterAdmission
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Encounter_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-encounter-admission"
* extension[arrivalTime].valueDateTime = "2026-09-12T20:05:00+09:00"
* extension[arrivalMode].valueCodeableConcept = JPCVDArrivalModeCS#ambulance "救急車"
* identifier[0].system = "http://jp-cvd-registry.org/fhir/NamingSystem/admission-number/2712345678"
* identifier[0].value = "2026091201"
* status = #finished
* class = $v3-ActCode#IMP "inpatient encounter"
* priority = $v3-ActPriority#EM "emergency"
* subject.reference = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* period.start = "2026-09-12T21:30:00+09:00"
* period.end = "2026-10-10T10:00:00+09:00"
* length = 28 'd' "日"
* serviceProvider.reference = "urn:uuid:4198a6da-1624-5781-8a18-7e9ceae8f30d"
* diagnosis[0].condition.reference = "urn:uuid:4bfaab6a-6b13-55fa-9a03-5bf46e84917b"
* diagnosis[0].use.coding[0] = $diagnosis-role#DD "Discharge diagnosis"
* diagnosis[0].rank = 1
* hospitalization.admitSource.coding[0] = $admit-source#1 "家庭からの入院"
* hospitalization.extension[dischargeDestination].valueCodeableConcept = JPCVDDischargeDestinationCS#transfer-rehabilitation "回復期リハビリテーション病棟・病院へ転院"
* hospitalization.dischargeDisposition.coding[0] = $discharge-disposition#1 "傷病が治癒・軽快"

Instance: ex-intracerebral-hemorrhage-condition
InstanceOf: JPCVDConditionIntracerebralHemorrhage
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Condition_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-condition-intracerebral-hemorrhage"
* identifier[resourceIdentifier].system = $resourceInstance-identifier
* identifier[resourceIdentifier].value = "2712345678-2026091201-DX1"
* clinicalStatus = $condition-clinical#active "Active"
* verificationStatus = $condition-ver-status#confirmed "Confirmed"
* category = $condition-category#encounter-diagnosis "Encounter Diagnosis"
* code.coding[medisRecordNo] = $MEDIS#20061234 "被殻出血"
* code.coding[icd10] = $ICD10JP#I610 "大脳半球の脳内出血，皮質下"
* code.text = "被殻出血"
* subject.reference = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* encounter.reference = "urn:uuid:729ea223-38b0-557f-af41-b56802faec1c"
* recordedDate = "2026-09-12T21:30:00+09:00"
* recorder.reference = "urn:uuid:b68487ae-56c5-51eb-a2c9-f163792c0472"
* extension[onsetTimeStatus].valueCode = #witnessed
* extension[inHospitalOnset].valueBoolean = false
* onsetDateTime = "2026-09-12T19:30:00+09:00"

Instance: ex-intracerebral-hemorrhage-obs-1-gcs-adm
InstanceOf: JPCVDObservationGCS
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-gcs"
* status = #final
* subject.reference = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* encounter.reference = "urn:uuid:729ea223-38b0-557f-af41-b56802faec1c"
* effectiveDateTime = "2026-09-12T20:10:00+09:00"
* category[0] = $JP-obs-category#survey
* code = $LNC#9269-2 "Glasgow coma score total"
* valueInteger = 12
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#admission "入院時(来院時)"

Instance: ex-intracerebral-hemorrhage-obs-2-jcs-adm
InstanceOf: JPCVDObservationJCS
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-jcs"
* status = #final
* subject.reference = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* encounter.reference = "urn:uuid:729ea223-38b0-557f-af41-b56802faec1c"
* effectiveDateTime = "2026-09-12T20:10:00+09:00"
* category[0] = $JP-obs-category#survey
* code.coding[local] = JPCVDObservationCS#jcs "Japan Coma Scale (JCS)"
* valueCodeableConcept = JPCVDJCSCS#10 "II-10: 普通の呼びかけで容易に開眼する"
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#admission "入院時(来院時)"

Instance: ex-intracerebral-hemorrhage-obs-3-nihss-adm
InstanceOf: JPCVDObservationNIHSS
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-nihss"
* status = #final
* subject.reference = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* encounter.reference = "urn:uuid:729ea223-38b0-557f-af41-b56802faec1c"
* effectiveDateTime = "2026-09-12T20:10:00+09:00"
* category[0] = $JP-obs-category#survey
* code = $LNC#72089-6 "Total score [NIHSS]"
* valueInteger = 16
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#admission "入院時(来院時)"

Instance: ex-intracerebral-hemorrhage-obs-4-mrs-pre
InstanceOf: JPCVDObservationMRS
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-mrs"
* status = #final
* subject.reference = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* encounter.reference = "urn:uuid:729ea223-38b0-557f-af41-b56802faec1c"
* effectiveDateTime = "2026-09-12T20:10:00+09:00"
* category[0] = $JP-obs-category#survey
* code = $LNC#75859-9 "Modified Rankin Scale"
* valueInteger = 0
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#pre-onset "発症前"

Instance: ex-intracerebral-hemorrhage-obs-5-hematoma
InstanceOf: JPCVDObservationHematomaVolume
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-hematoma-volume"
* status = #final
* subject.reference = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* encounter.reference = "urn:uuid:729ea223-38b0-557f-af41-b56802faec1c"
* effectiveDateTime = "2026-09-12T20:20:00+09:00"
* category[0] = $JP-obs-category#imaging
* code.coding[local] = JPCVDObservationCS#hematoma-volume "血腫量"
* valueQuantity.value = 38
* bodySite.text = "右被殻"
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#admission "入院時(来院時)"

Instance: ex-intracerebral-hemorrhage-obs-6-mrs-dis
InstanceOf: JPCVDObservationMRS
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-mrs"
* status = #final
* subject.reference = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* encounter.reference = "urn:uuid:729ea223-38b0-557f-af41-b56802faec1c"
* effectiveDateTime = "2026-10-09T10:00:00+09:00"
* category[0] = $JP-obs-category#survey
* code = $LNC#75859-9 "Modified Rankin Scale"
* valueInteger = 4
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#discharge "退院時"

Instance: ex-intracerebral-hemorrhage-proc-1-evacuation
InstanceOf: JPCVDProcedureHematomaEvacuation
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Procedure_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-procedure-hematoma-evacuation"
* status = #completed
* subject.reference = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* encounter.reference = "urn:uuid:729ea223-38b0-557f-af41-b56802faec1c"
* performer[0].actor.reference = "urn:uuid:b68487ae-56c5-51eb-a2c9-f163792c0472"
* code.coding[0] = JPCVDProcedureCS#hematoma-evacuation "頭蓋内血腫除去術 (開頭・内視鏡・定位)"
* code.text = "神経内視鏡下血腫除去術"
* performedPeriod.start = "2026-09-13T01:10:00+09:00"
* performedPeriod.end = "2026-09-13T02:45:00+09:00"
* bodySite[0].text = "右被殻"

Instance: ex-intracerebral-hemorrhage-med-1
InstanceOf: JPCVDMedicationRequestDischarge
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-medicationrequest-discharge"
* identifier[rpNumber].value = "1"
* identifier[orderInRp].value = "1"
* identifier[requestIdentifier].system = $resourceInstance-identifier
* identifier[requestIdentifier].value = "2712345678-2026091201-RX1"
* status = #completed
* intent = #order
* medicationCodeableConcept.coding[codingYJ] = $YJ#2149040F2030 "カンデサルタン錠4mg「あすか」"
* medicationCodeableConcept.text = "カンデサルタン錠4mg「あすか」"
* subject.reference = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* encounter.reference = "urn:uuid:729ea223-38b0-557f-af41-b56802faec1c"
* authoredOn = "2026-10-10"
* requester.reference = "urn:uuid:b68487ae-56c5-51eb-a2c9-f163792c0472"
* dosageInstruction[0].extension[periodOfUse].valuePeriod.start = "2026-10-11"
* dosageInstruction[0].text = "1回2錠 1日1回 朝食後"
* dosageInstruction[0].timing.code.coding[unCoded] = $UsageUncoded#0X0XXXXXXXXX0000 "ダミー用法コード"
* dosageInstruction[0].timing.code.text = "1日1回朝食後"
* dosageInstruction[0].doseAndRate[0].type = http://terminology.hl7.org/CodeSystem/dose-rate-type#ordered "Ordered"
* dosageInstruction[0].doseAndRate[0].doseQuantity = urn:oid:1.2.392.100495.20.2.101#TAB "錠"
* dosageInstruction[0].doseAndRate[0].doseQuantity.value = 2
* dispenseRequest.expectedSupplyDuration = 14 'd' "日"

Instance: ex-intracerebral-hemorrhage-hospital-course
InstanceOf: $JP_DocumentReference_eCS
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* status = #current
* subject.reference = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* date = "2026-10-10T14:00:00+09:00"
* author[0].reference = "urn:uuid:b68487ae-56c5-51eb-a2c9-f163792c0472"
* description = "入院中経過"
* content[0].attachment.contentType = #text/plain
* content[0].attachment.language = #ja
* content[0].attachment.data = "Q1Tjgaflj7Pooqvmrrvlh7rooYAo6KGA6IWr6YePMzhtTCnjgILjg4vjgqvjg6vjgrjjg5Tjg7PmjIHntprpnZnms6jjgaflj47nuK7mnJ/ooYDlnKcxNDBtbUhn5pyq5rqA44Gr566h55CG44CC5oSP6K2Y6Zqc5a6z44Gu6YCy6KGM44GM44GC44KKOeaciDEz5pel56We57WM5YaF6KaW6Y+h5LiL6KGA6IWr6Zmk5Y676KGT44KS5pa96KGM44CC6KGT5b6M57WM6YGO6Imv5aW944CB5YaF5pyN6ZmN5Zyn6Jas44G456e76KGM44CCbVJTIDTjgaflm57lvqnmnJ/jg6rjg4/jg5Pjg6rjg4bjg7zjgrfjg6fjg7Pnl4XpmaLjgbjou6LpmaLjgII="
* content[0].attachment.title = "入院中経過"

Instance: ex-intracerebral-hemorrhage-discharge-plan
InstanceOf: $JP_CarePlan_eCS
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">血圧130/80mmHg未満を目標に降圧療法を継続。回復期リハビリテーションを継続する。</div>"
* identifier[0].system = $resourceInstance-identifier
* identifier[0].value = "2712345678-2026091201-CP1"
* status = #active
* intent = #plan
* category = $careplan-category#discharge-plan "退院時プラン"
* title = "退院時方針"
* description = "血圧130/80mmHg未満を目標に降圧療法を継続。回復期リハビリテーションを継続する。"
* subject.reference = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* encounter.reference = "urn:uuid:729ea223-38b0-557f-af41-b56802faec1c"
* period.start = "2026-10-10T10:00:00+09:00"
* created = "2026-10-10T14:00:00+09:00"
* author.reference = "urn:uuid:b68487ae-56c5-51eb-a2c9-f163792c0472"

Instance: ex-intracerebral-hemorrhage-consent
InstanceOf: JPCVDConsentRegistry
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* meta.profile[0] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-consent-registry"
* status = #active
* scope = $consentscope#research "Research"
* category[registry] = $consentcategorycodes#research "Research Information Access"
* patient.reference = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* dateTime = "2026-09-12T21:30:00+09:00"
* organization[0].reference = "urn:uuid:4198a6da-1624-5781-8a18-7e9ceae8f30d"
* policyRule = JPCVDConsentModelCS#opt-out "オプトアウト (通知・公表と拒否の機会の提供)"
* provision.type = #permit
* provision.period.start = "2026-09-12"
* provision.purpose[0] = $v3-ActReason#HRESCH "healthcare research"

Instance: ex-intracerebral-hemorrhage-registry-subject
InstanceOf: JPCVDResearchSubjectRegistry
Usage: #inline
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* meta.profile[0] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-researchsubject-registry"
* status = #on-study
* period.start = "2026-10-10"
* study.reference = "urn:uuid:fea9bc24-f1fd-597a-b66d-659f59bf5674"
* individual.reference = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* consent.reference = "urn:uuid:38591ea9-0760-5756-98be-51fe7af9d5de"

Instance: jp-cvd-example-bundle-intracerebral-hemorrhage
InstanceOf: JPCVDBundleDischargeSummary
Title: "脳内出血 退院時サマリー例 / Intracerebral hemorrhage discharge summary"
Description: "67歳女性、右被殻出血 (血腫量 38mL)。神経内視鏡下血腫除去術。降圧療法を継続し回復期リハビリ病院へ転院。MEDIS 病名管理番号は例示用の値。"
Usage: #example
* meta.lastUpdated = "2026-10-10T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-bundle-discharge-summary"
* identifier.system = $bundle-identifier
* identifier.value = "2712345678^2026^DS-2026091201"
* type = #document
* timestamp = "2026-10-10T14:00:00+09:00"
* entry[composition][0].fullUrl = "urn:uuid:76358bcb-dbc2-5c96-bec1-1af333c286e9"
* entry[composition][0].resource = ex-intracerebral-hemorrhage-composition
* entry[organization][0].fullUrl = "urn:uuid:4198a6da-1624-5781-8a18-7e9ceae8f30d"
* entry[organization][0].resource = ex-intracerebral-hemorrhage-organization
* entry[practitioners][0].fullUrl = "urn:uuid:b68487ae-56c5-51eb-a2c9-f163792c0472"
* entry[practitioners][0].resource = ex-intracerebral-hemorrhage-practitioner
* entry[patient][0].fullUrl = "urn:uuid:3117d6fe-a881-5ca3-bcfe-dd4a943fe2c6"
* entry[patient][0].resource = ex-intracerebral-hemorrhage-patient
* entry[encounter][0].fullUrl = "urn:uuid:729ea223-38b0-557f-af41-b56802faec1c"
* entry[encounter][0].resource = ex-intracerebral-hemorrhage-encounter
* entry[condition][0].fullUrl = "urn:uuid:4bfaab6a-6b13-55fa-9a03-5bf46e84917b"
* entry[condition][0].resource = ex-intracerebral-hemorrhage-condition
* entry[observation][0].fullUrl = "urn:uuid:74b55b33-154b-5bad-be2a-2406733214c4"
* entry[observation][0].resource = ex-intracerebral-hemorrhage-obs-1-gcs-adm
* entry[observation][1].fullUrl = "urn:uuid:50f48840-9b34-51ca-b8dc-da5834a07e60"
* entry[observation][1].resource = ex-intracerebral-hemorrhage-obs-2-jcs-adm
* entry[observation][2].fullUrl = "urn:uuid:9d3c2a8a-3c7b-5587-9377-86c5a2d9fa0f"
* entry[observation][2].resource = ex-intracerebral-hemorrhage-obs-3-nihss-adm
* entry[observation][3].fullUrl = "urn:uuid:e067369a-8396-5e56-a241-45d2c7f61b8b"
* entry[observation][3].resource = ex-intracerebral-hemorrhage-obs-4-mrs-pre
* entry[observation][4].fullUrl = "urn:uuid:6cc3729b-f021-55d5-a321-cb468d874ee5"
* entry[observation][4].resource = ex-intracerebral-hemorrhage-obs-5-hematoma
* entry[observation][5].fullUrl = "urn:uuid:2574b3ff-6a08-565c-8f6d-ea3564222e6a"
* entry[observation][5].resource = ex-intracerebral-hemorrhage-obs-6-mrs-dis
* entry[procedure][0].fullUrl = "urn:uuid:5a94fa6d-aa51-54b1-bb07-92e4af02d246"
* entry[procedure][0].resource = ex-intracerebral-hemorrhage-proc-1-evacuation
* entry[medicationRequest][0].fullUrl = "urn:uuid:12095066-d5ef-53cb-af41-d87289255f0e"
* entry[medicationRequest][0].resource = ex-intracerebral-hemorrhage-med-1
* entry[documentReference][0].fullUrl = "urn:uuid:37ff128d-7625-5683-b41e-d7091631e833"
* entry[documentReference][0].resource = ex-intracerebral-hemorrhage-hospital-course
* entry[carePlan][0].fullUrl = "urn:uuid:d21224d2-70df-5af6-bca8-40c65cb40fd1"
* entry[carePlan][0].resource = ex-intracerebral-hemorrhage-discharge-plan
* entry[advancedDirective][0].fullUrl = "urn:uuid:38591ea9-0760-5756-98be-51fe7af9d5de"
* entry[advancedDirective][0].resource = ex-intracerebral-hemorrhage-consent
* entry[researchSubject][0].fullUrl = "urn:uuid:74e19b5c-53aa-5348-b556-cb4ae993209a"
* entry[researchSubject][0].resource = ex-intracerebral-hemorrhage-registry-subject
* entry[researchStudy][0].fullUrl = "urn:uuid:fea9bc24-f1fd-597a-b66d-659f59bf5674"
* entry[researchStudy][0].resource = jp-cvd-registry-study
