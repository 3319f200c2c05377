// examples-acute-heart-failure.fsh — GENERATED example discharge summary (急性心不全 退院時サマリー例 / Acute heart failure discharge summary).
// Times are JST; references are urn:uuid fullUrls; MEDIS key numbers are illustrative.

Instance: ex-acute-heart-failure-composition
InstanceOf: JPCVDCompositionDischargeSummary
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Composition_eDischargeSummary"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-composition-discharge-summary"
* extension[version].valueString = "1"
* identifier.system = $resourceInstance-identifier
* identifier.value = "0419876543-2026050301-DS"
* status = #final
* type.coding[0] = $doc-typecodes#18842-5 "退院時サマリー"
* category.coding[0] = $doc-subtypecodes#DISCHARGE "退院時文書"
* subject.reference = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* encounter.reference = "urn:uuid:b0f04d47-d450-5cf3-be90-b69ee0134180"
* date = "2026-05-24T15:00:00+09:00"
* author[0].reference = "urn:uuid:f5e3f9e3-888a-5223-b9ff-d4c5cb61058e"
* author[+].reference = "urn:uuid:e59945a5-cd45-5632-ae8d-bf474ebf866f"
* title = "退院時サマリー"
* custodian.reference = "urn:uuid:e59945a5-cd45-5632-ae8d-bf474ebf866f"
* event.period.start = "2026-05-03T12:00:00+09:00"
* event.period.end = "2026-05-24T10:00:00+09:00"
* section[structuredSection].title = "構造情報"
* section[structuredSection].code.coding[0] = $document-section#300 "構造情報セクション"
* section[structuredSection].section[detailsOnAdmissionSection].title = "入院時詳細"
* section[structuredSection].section[detailsOnAdmissionSection].code.coding[0] = $document-section#322 "入院時詳細セクション"
* section[structuredSection].section[detailsOnAdmissionSection].entry[+].reference = "urn:uuid:b0f04d47-d450-5cf3-be90-b69ee0134180"
* section[structuredSection].section[diagnosesOnAdmissionSection].title = "入院時診断"
* section[structuredSection].section[diagnosesOnAdmissionSection].code.coding[0] = $document-section#342 "入院時診断セクション"
* section[structuredSection].section[diagnosesOnAdmissionSection].entry[+].reference = "urn:uuid:f7374b75-8ea2-5b63-b84e-34c1cc0191f9"
* section[structuredSection].section[chiefComplaintsSection].title = "主訴"
* section[structuredSection].section[chiefComplaintsSection].code.coding[0] = $document-section#352 "主訴セクション"
* section[structuredSection].section[chiefComplaintsSection].text.status = #additional
* section[structuredSection].section[chiefComplaintsSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">呼吸困難、下腿浮腫</div>"
* section[structuredSection].section[reasonForAdmissionSection].title = "入院理由"
* section[structuredSection].section[reasonForAdmissionSection].code.coding[0] = $document-section#312 "入院理由セクション"
* section[structuredSection].section[reasonForAdmissionSection].text.status = #additional
* section[structuredSection].section[reasonForAdmissionSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">急性心不全(うっ血)に対する入院加療</div>"
* section[structuredSection].section[reasonForAdmissionSection].entry[+].reference = "urn:uuid:b0f04d47-d450-5cf3-be90-b69ee0134180"
* section[structuredSection].section[presentIllnessSection].title = "現病歴"
* section[structuredSection].section[presentIllnessSection].code.coding[0] = $document-section#362 "現病歴セクション"
* section[structuredSection].section[presentIllnessSection].text.status = #additional
* section[structuredSection].section[presentIllnessSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">2026年5月1日頃から労作時息切れと下腿浮腫が増悪。5月3日朝から起座呼吸となり救急要請、10時40分当院到着。</div>"
* section[structuredSection].section[physicalStatusOnAdmissionSection].title = "入院時身体所見"
* section[structuredSection].section[physicalStatusOnAdmissionSection].code.coding[0] = $document-section#612 "入院時身体所見セクション"
* section[structuredSection].section[physicalStatusOnAdmissionSection].entry[+].reference = "urn:uuid:4bef3301-427f-5ec7-851b-1a4b7af8f1a1"
* section[structuredSection].section[hospitalCourseSection].title = "入院中経過"
* section[structuredSection].section[hospitalCourseSection].code.coding[0] = $document-section#333 "入院中経過セクション"
* section[structuredSection].section[hospitalCourseSection].entry[+].reference = "urn:uuid:c9533d7e-b20a-561d-b36c-654bda3fdb2a"
* section[structuredSection].section[hospitalStudySection].title = "入院中検査結果"
* section[structuredSection].section[hospitalStudySection].code.coding[0] = $document-section#623 "入院中検査結果セクション"
* section[structuredSection].section[hospitalStudySection].entry[+].reference = "urn:uuid:b84aac12-9f11-57a7-af52-087a27c9e91e"
* section[structuredSection].section[hospitalStudySection].entry[+].reference = "urn:uuid:37290e8b-d1a3-59d3-a1d9-28fba3913df4"
* section[structuredSection].section[detailsOnDischargeSection].title = "退院時詳細"
* section[structuredSection].section[detailsOnDischargeSection].code.coding[0] = $document-section#324 "退院時詳細セクション"
* section[structuredSection].section[detailsOnDischargeSection].entry[+].reference = "urn:uuid:b0f04d47-d450-5cf3-be90-b69ee0134180"
* section[structuredSection].section[diagnosesOnDischargeSection].title = "退院時診断"
* section[structuredSection].section[diagnosesOnDischargeSection].code.coding[0] = $document-section#344 "退院時診断セクション"
* section[structuredSection].section[diagnosesOnDischargeSection].entry[+].reference = "urn:uuid:f7374b75-8ea2-5b63-b84e-34c1cc0191f9"
* section[structuredSection].section[physicalStatusOnDischargeSection].title = "退院時身体所見"
* section[structuredSection].section[physicalStatusOnDischargeSection].code.coding[0] = $document-section#614 "退院時身体所見セクション"
* section[structuredSection].section[physicalStatusOnDischargeSection].entry[+].reference = "urn:uuid:9d80934b-f7a4-5d2e-9d19-9a5f01548337"
* section[structuredSection].section[medicationOnDischargeSection].title = "退院時投薬指示"
* section[structuredSection].section[medicationOnDischargeSection].code.coding[0] = $document-section#444 "退院時投薬指示セクション"
* section[structuredSection].section[medicationOnDischargeSection].entry[+].reference = "urn:uuid:91fa7b68-efc4-5b35-b3e5-dd201468282f"
* section[structuredSection].section[medicationOnDischargeSection].entry[+].reference = "urn:uuid:63d2250a-5758-5cb2-9d32-696cda351289"
* section[structuredSection].section[medicationOnDischargeSection].entry[+].reference = "urn:uuid:561e73c6-d231-5e5f-81ee-353cae23b464"
* section[structuredSection].section[medicationOnDischargeSection].entry[+].reference = "urn:uuid:5010ad16-5f86-5c91-89dd-5848907278d9"
* section[structuredSection].section[instructionOnDischargeSection].title = "退院時方針指示"
* section[structuredSection].section[instructionOnDischargeSection].code.coding[0] = $document-section#424 "退院時方針指示セクション"
* section[structuredSection].section[instructionOnDischargeSection].entry[+].reference = "urn:uuid:bda202ad-b5d9-50c3-99ec-41105d25a976"
* section[structuredSection].section[researchParticipationSection].title = "臨床研究参加"
* section[structuredSection].section[researchParticipationSection].code.coding[0] = $document-section#830 "臨床研究参加セクション"
* section[structuredSection].section[researchParticipationSection].entry[+].reference = "urn:uuid:13c31bfb-6289-5224-93c2-7f999cde769c"

Instance: ex-acute-heart-failure-organization
InstanceOf: $JP_Organization_eCS
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">杜の都循環器病院 (医療機関コード 0419876543)</div>"
* identifier[medicalInstitutionCode].system = $medical-institution-no
* identifier[medicalInstitutionCode].value = "0419876543"
* type = $organization-type#prov "Healthcare Provider"
* name = "杜の都循環器病院"
* address.text = "宮城県仙台市青葉区一番町1-9-20"
* address.postalCode = "980-0811"
* address.country = "JP"

Instance: ex-acute-heart-failure-practitioner
InstanceOf: $JP_Practitioner_eCS
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* identifier[0].system = "urn:oid:1.2.392.100495.20.3.41.10419876543"
* identifier[0].value = "D0314"
* name[0].text = "佐々木 裕子"
* name[0].family = "佐々木"
* name[0].given[0] = "裕子"

Instance: ex-acute-heart-failure-patient
InstanceOf: $JP_Patient_eCS
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* identifier[0].system = "urn:oid:1.2.392.100495.20.3.51.10419876543"
* identifier[0].value = "00561128"
* identifier[1].system = $insurance-memberID
* identifier[1].value = "39041015::30561128:"
* name[0].use = #official
* name[0].text = "渡辺 ミツ"
* name[0].family = "渡辺"
* name[0].given[0] = "ミツ"
* name[0].extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
* name[0].extension[0].valueCode = #IDE
* name[1].use = #official
* name[1].text = "ワタナベ ミツ"
* name[1].family = "ワタナベ"
* name[1].given[0] = "ミツ"
* name[1].extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
* name[1].extension[0].valueCode = #SYL
* gender = #female
* birthDate = "1945-09-09"
* address[0].text = "宮城県仙台市若林区荒井東1-3-5"
* address[0].postalCode = "984-0032"
* address[0].country = "JP"

Instance: ex-acute-heart-failure-encounter
InstanceOf: JPCVDEncounterAdmission
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Encounter_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-encounter-admission"
* extension[arrivalTime].valueDateTime = "2026-05-03T10:40:00+09:00"
* extension[arrivalMode].valueCodeableConcept = JPCVDArrivalModeCS#ambulance "救急車"
* identifier[0].system = "http://jp-cvd-registry.org/fhir/NamingSystem/admission-number/0419876543"
* identifier[0].value = "2026050301"
* status = #finished
* class = $v3-ActCode#IMP "inpatient encounter"
* priority = $v3-ActPriority#EM "emergency"
* subject.reference = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* period.start = "2026-05-03T12:00:00+09:00"
* period.end = "2026-05-24T10:00:00+09:00"
* length = 21 'd' "日"
* serviceProvider.reference = "urn:uuid:e59945a5-cd45-5632-ae8d-bf474ebf866f"
* diagnosis[0].condition.reference = "urn:uuid:f7374b75-8ea2-5b63-b84e-34c1cc0191f9"
* diagnosis[0].use.coding[0] = $diagnosis-role#DD "Discharge diagnosis"
* diagnosis[0].rank = 1
* hospitalization.admitSource.coding[0] = $admit-source#1 "家庭からの入院"
* hospitalization.extension[dischargeDestination].valueCodeableConcept = JPCVDDischargeDestinationCS#home "自宅(在宅)"
* hospitalization.dischargeDisposition.coding[0] = $discharge-disposition#1 "傷病が治癒・軽快"

Instance: ex-acute-heart-failure-condition
InstanceOf: JPCVDConditionAcuteHeartFailure
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Condition_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-condition-acute-heart-failure"
* identifier[resourceIdentifier].system = $resourceInstance-identifier
* identifier[resourceIdentifier].value = "0419876543-2026050301-DX1"
* clinicalStatus = $condition-clinical#active "Active"
* verificationStatus = $condition-ver-status#confirmed "Confirmed"
* category = $condition-category#encounter-diagnosis "Encounter Diagnosis"
* code.coding[medisRecordNo] = $MEDIS#20064410 "高血圧性心疾患による急性心不全"
* code.coding[icd10] = $ICD10JP#I110 "（うっ血性）心不全を伴う高血圧性心疾患"
* code.text = "高血圧性心疾患による急性心不全"
* subject.reference = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* encounter.reference = "urn:uuid:b0f04d47-d450-5cf3-be90-b69ee0134180"
* recordedDate = "2026-05-03T12:00:00+09:00"
* recorder.reference = "urn:uuid:f5e3f9e3-888a-5223-b9ff-d4c5cb61058e"
* extension[onsetTimeStatus].valueCode = #estimated
* extension[inHospitalOnset].valueBoolean = false
* onsetDateTime = "2026-05-01"
* note[0].text = "ICD-10 の規則により高血圧性心疾患 (心不全を伴う) I11.0 でコーディング。登録上は急性心不全群として扱う。"

Instance: ex-acute-heart-failure-obs-1-nyha-adm
InstanceOf: JPCVDObservationNYHA
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-nyha"
* status = #final
* subject.reference = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* encounter.reference = "urn:uuid:b0f04d47-d450-5cf3-be90-b69ee0134180"
* effectiveDateTime = "2026-05-03T10:50:00+09:00"
* category[0] = $JP-obs-category#exam
* code.coding[local] = JPCVDObservationCS#nyha "NYHA 心機能分類"
* code.coding[snomed] = $SCT#762994006 "New York Heart Association Classification"
* valueCodeableConcept = $SCT#422293003 "New York Heart Association Classification - Class IV"
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#admission "入院時(来院時)"

Instance: ex-acute-heart-failure-obs-2-bnp-adm
InstanceOf: JPCVDObservationBNP
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-bnp"
* status = #final
* subject.reference = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* encounter.reference = "urn:uuid:b0f04d47-d450-5cf3-be90-b69ee0134180"
* effectiveDateTime = "2026-05-03T11:00:00+09:00"
* category[0] = $JP-obs-category#laboratory
* code.coding[0] = $JLAC10#4Z271000002205101 "BNP"
* code.coding[+] = $LNC#30934-4 "Natriuretic peptide B [Mass/volume] in Serum or Plasma"
* code.text = "BNP"
* valueQuantity = 1250 'pg/mL' "pg/mL"
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#admission "入院時(来院時)"

Instance: ex-acute-heart-failure-obs-3-lvef
InstanceOf: JPCVDObservationLVEF
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-lvef"
* status = #final
* subject.reference = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* encounter.reference = "urn:uuid:b0f04d47-d450-5cf3-be90-b69ee0134180"
* effectiveDateTime = "2026-05-04T14:00:00+09:00"
* category[0] = $JP-obs-category#imaging
* code = $LNC#10230-1 "Left ventricular Ejection fraction"
* valueQuantity.value = 32

Instance: ex-acute-heart-failure-obs-4-nyha-dis
InstanceOf: JPCVDObservationNYHA
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-nyha"
* status = #final
* subject.reference = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* encounter.reference = "urn:uuid:b0f04d47-d450-5cf3-be90-b69ee0134180"
* effectiveDateTime = "2026-05-23T10:00:00+09:00"
* category[0] = $JP-obs-category#exam
* code.coding[local] = JPCVDObservationCS#nyha "NYHA 心機能分類"
* code.coding[snomed] = $SCT#762994006 "New York Heart Association Classification"
* valueCodeableConcept = $SCT#421704003 "New York Heart Association Classification - Class II"
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#discharge "退院時"

Instance: ex-acute-heart-failure-med-1
InstanceOf: JPCVDMedicationRequestDischarge
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-medicationrequest-discharge"
* identifier[rpNumber].value = "1"
* identifier[orderInRp].value = "1"
* identifier[requestIdentifier].system = $resourceInstance-identifier
* identifier[requestIdentifier].value = "0419876543-2026050301-RX1"
* status = #completed
* intent = #order
* medicationCodeableConcept.coding[codingYJ] = $YJ#2123016F3037 "メインテート錠0.625mg"
* medicationCodeableConcept.text = "メインテート錠0.625mg"
* subject.reference = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* encounter.reference = "urn:uuid:b0f04d47-d450-5cf3-be90-b69ee0134180"
* authoredOn = "2026-05-24"
* requester.reference = "urn:uuid:f5e3f9e3-888a-5223-b9ff-d4c5cb61058e"
* dosageInstruction[0].extension[periodOfUse].valuePeriod.start = "2026-05-25"
* dosageInstruction[0].text = "1回1錠 1日1回 朝食後"
* dosageInstruction[0].timing.code.coding[unCoded] = $UsageUncoded#0X0XXXXXXXXX0000 "ダミー用法コード"
* dosageInstruction[0].timing.code.text = "1日1回朝食後"
* dosageInstruction[0].doseAndRate[0].type = http://terminology.hl7.org/CodeSystem/dose-rate-type#ordered "Ordered"
* dosageInstruction[0].doseAndRate[0].doseQuantity = urn:oid:1.2.392.100495.20.2.101#TAB "錠"
* dosageInstruction[0].doseAndRate[0].doseQuantity.value = 1
* dispenseRequest.expectedSupplyDuration = 28 'd' "日"

Instance: ex-acute-heart-failure-med-2
InstanceOf: JPCVDMedicationRequestDischarge
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-medicationrequest-discharge"
* identifier[rpNumber].value = "2"
* identifier[orderInRp].value = "1"
* identifier[requestIdentifier].system = $resourceInstance-identifier
* identifier[requestIdentifier].value = "0419876543-2026050301-RX2"
* status = #completed
* intent = #order
* medicationCodeableConcept.coding[codingYJ] = $YJ#2149040F2030 "カンデサルタン錠4mg「あすか」"
* medicationCodeableConcept.text = "カンデサルタン錠4mg「あすか」"
* subject.reference = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* encounter.reference = "urn:uuid:b0f04d47-d450-5cf3-be90-b69ee0134180"
* authoredOn = "2026-05-24"
* requester.reference = "urn:uuid:f5e3f9e3-888a-5223-b9ff-d4c5cb61058e"
* dosageInstruction[0].extension[periodOfUse].valuePeriod.start = "2026-05-25"
* dosageInstruction[0].text = "1回1錠 1日1回 朝食後"
* dosageInstruction[0].timing.code.coding[unCoded] = $UsageUncoded#0X0XXXXXXXXX0000 "ダミー用法コード"
* dosageInstruction[0].timing.code.text = "1日1回朝食後"
* dosageInstruction[0].doseAndRate[0].type = http://terminology.hl7.org/CodeSystem/dose-rate-type#ordered "Ordered"
* dosageInstruction[0].doseAndRate[0].doseQuantity = urn:oid:1.2.392.100495.20.2.101#TAB "錠"
* dosageInstruction[0].doseAndRate[0].doseQuantity.value = 1
* dispenseRequest.expectedSupplyDuration = 28 'd' "日"

Instance: ex-acute-heart-failure-med-3
InstanceOf: JPCVDMedicationRequestDischarge
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-medicationrequest-discharge"
* identifier[rpNumber].value = "3"
* identifier[orderInRp].value = "1"
* identifier[requestIdentifier].system = $resourceInstance-identifier
* identifier[requestIdentifier].value = "0419876543-2026050301-RX3"
* status = #completed
* intent = #order
* medicationCodeableConcept.coding[codingYJ] = $YJ#3969019F2023 "フォシーガ錠10mg"
* medicationCodeableConcept.text = "フォシーガ錠10mg"
* subject.reference = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* encounter.reference = "urn:uuid:b0f04d47-d450-5cf3-be90-b69ee0134180"
* authoredOn = "2026-05-24"
* requester.reference = "urn:uuid:f5e3f9e3-888a-5223-b9ff-d4c5cb61058e"
* dosageInstruction[0].extension[periodOfUse].valuePeriod.start = "2026-05-25"
* dosageInstruction[0].text = "1回1錠 1日1回 朝食後"
* dosageInstruction[0].timing.code.coding[unCoded] = $UsageUncoded#0X0XXXXXXXXX0000 "ダミー用法コード"
* dosageInstruction[0].timing.code.text = "1日1回朝食後"
* dosageInstruction[0].doseAndRate[0].type = http://terminology.hl7.org/CodeSystem/dose-rate-type#ordered "Ordered"
* dosageInstruction[0].doseAndRate[0].doseQuantity = urn:oid:1.2.392.100495.20.2.101#TAB "錠"
* dosageInstruction[0].doseAndRate[0].doseQuantity.value = 1
* dispenseRequest.expectedSupplyDuration = 28 'd' "日"

Instance: ex-acute-heart-failure-med-4
InstanceOf: JPCVDMedicationRequestDischarge
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-medicationrequest-discharge"
* identifier[rpNumber].value = "4"
* identifier[orderInRp].value = "1"
* identifier[requestIdentifier].system = $resourceInstance-identifier
* identifier[requestIdentifier].value = "0419876543-2026050301-RX4"
* status = #completed
* intent = #order
* medicationCodeableConcept.coding[nocoded] = http://jpfhir.jp/fhir/eCS/CodeSystem/MedicationCodeNocoded_CS#NOCODED "標準コードなし"
* medicationCodeableConcept.text = "フロセミド錠20mg"
* subject.reference = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* encounter.reference = "urn:uuid:b0f04d47-d450-5cf3-be90-b69ee0134180"
* authoredOn = "2026-05-24"
* requester.reference = "urn:uuid:f5e3f9e3-888a-5223-b9ff-d4c5cb61058e"
* dosageInstruction[0].extension[periodOfUse].valuePeriod.start = "2026-05-25"
* dosageInstruction[0].text = "1回1錠 1日1回 朝食後"
* dosageInstruction[0].timing.code.coding[unCoded] = $UsageUncoded#0X0XXXXXXXXX0000 "ダミー用法コード"
* dosageInstruction[0].timing.code.text = "1日1回朝食後"
* dosageInstruction[0].doseAndRate[0].type = http://terminology.hl7.org/CodeSystem/dose-rate-type#ordered "Ordered"
* dosageInstruction[0].doseAndRate[0].doseQuantity = urn:oid:1.2.392.100495.20.2.101#TAB "錠"
* dosageInstruction[0].doseAndRate[0].doseQuantity.value = 1
* dispenseRequest.expectedSupplyDuration = 28 'd' "日"

Instance: ex-acute-heart-failure-hospital-course
InstanceOf: $JP_DocumentReference_eCS
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* status = #current
* subject.reference = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* date = "2026-05-24T15:00:00+09:00"
* author[0].reference = "urn:uuid:f5e3f9e3-888a-5223-b9ff-d4c5cb61058e"
* description = "入院中経過"
* content[0].attachment.contentType = #text/plain
* content[0].attachment.language = #ja
* content[0].attachment.data = "5p2l6Zmi5pmCTllIQSBJVuOAgUJOUCAxLDI1MCBwZy9tTOOAguODleODreOCu+ODn+ODiemdmeazqOOBqE5QUFbjgafmlLnlloTjgILlv4PjgqjjgrPjg7zjgadMVkVGIDMyJShIRnJFRinjgIHlhqDli5XohIjpgKDlvbHjgafmnInmhI/ni63nqoTjgarjgZfjgILOsumBruaWreiWrOODu0FSQuODu1NHTFQy6Zi75a6z6Jas44KS5bCO5YWl44GX44CBTllIQSBJSeOBp+iHquWuhemAgOmZouOAgg=="
* content[0].attachment.title = "入院中経過"

Instance: ex-acute-heart-failure-discharge-plan
InstanceOf: $JP_CarePlan_eCS
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">塩分6g/日未満、体重を毎日測定し2kg以上の増加で受診。β遮断薬は外来で漸増。2週間後に外来受診。</div>"
* identifier[0].system = $resourceInstance-identifier
* identifier[0].value = "0419876543-2026050301-CP1"
* status = #active
* intent = #plan
* category = $careplan-category#discharge-plan "退院時プラン"
* title = "退院時方針"
* description = "塩分6g/日未満、体重を毎日測定し2kg以上の増加で受診。β遮断薬は外来で漸増。2週間後に外来受診。"
* subject.reference = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* encounter.reference = "urn:uuid:b0f04d47-d450-5cf3-be90-b69ee0134180"
* period.start = "2026-05-24T10:00:00+09:00"
* created = "2026-05-24T15:00:00+09:00"
* author.reference = "urn:uuid:f5e3f9e3-888a-5223-b9ff-d4c5cb61058e"

Instance: ex-acute-heart-failure-consent
InstanceOf: JPCVDConsentRegistry
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* meta.profile[0] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-consent-registry"
* status = #active
* scope = $consentscope#research "Research"
* category[registry] = $consentcategorycodes#research "Research Information Access"
* patient.reference = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* dateTime = "2026-05-03T12:00:00+09:00"
* organization[0].reference = "urn:uuid:e59945a5-cd45-5632-ae8d-bf474ebf866f"
* policyRule = JPCVDConsentModelCS#opt-out "オプトアウト (通知・公表と拒否の機会の提供)"
* provision.type = #permit
* provision.period.start = "2026-05-03"
* provision.purpose[0] = $v3-ActReason#HRESCH "healthcare research"

Instance: ex-acute-heart-failure-registry-subject
InstanceOf: JPCVDResearchSubjectRegistry
Usage: #inline
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* meta.profile[0] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-researchsubject-registry"
* status = #on-study
* period.start = "2026-05-24"
* study.reference = "urn:uuid:fea9bc24-f1fd-597a-b66d-659f59bf5674"
* individual.reference = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* consent.reference = "urn:uuid:3b898e87-57d0-5057-b31e-d80e91fb3f2d"

Instance: jp-cvd-example-bundle-acute-heart-failure
InstanceOf: JPCVDBundleDischargeSummary
Title: "急性心不全 退院時サマリー例 / Acute heart failure discharge summary"
Description: "81歳女性、高血圧性心疾患による急性心不全 (ICD-10 I11.0; 発症日は推定)。NYHA IV→II、BNP 1,250 pg/mL、LVEF 32% (HFrEF)。β遮断薬・ARB・SGLT2阻害薬で自宅退院。MEDIS 病名管理番号は例示用の値。"
Usage: #example
* meta.lastUpdated = "2026-05-24T15:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-bundle-discharge-summary"
* identifier.system = $bundle-identifier
* identifier.value = "0419876543^2026^DS-2026050301"
* type = #document
* timestamp = "2026-05-24T15:00:00+09:00"
* entry[composition][0].fullUrl = "urn:uuid:529e4e48-450a-5a78-800c-36a04ed05c09"
* entry[composition][0].resource = ex-acute-heart-failure-composition
* entry[organization][0].fullUrl = "urn:uuid:e59945a5-cd45-5632-ae8d-bf474ebf866f"
* entry[organization][0].resource = ex-acute-heart-failure-organization
* entry[practitioners][0].fullUrl = "urn:uuid:f5e3f9e3-888a-5223-b9ff-d4c5cb61058e"
* entry[practitioners][0].resource = ex-acute-heart-failure-practitioner
* entry[patient][0].fullUrl = "urn:uuid:3a54f3cd-291c-5a46-b8cd-beb9ab0ca3b6"
* entry[patient][0].resource = ex-acute-heart-failure-patient
* entry[encounter][0].fullUrl = "urn:uuid:b0f04d47-d450-5cf3-be90-b69ee0134180"
* entry[encounter][0].resource = ex-acute-heart-failure-encounter
* entry[condition][0].fullUrl = "urn:uuid:f7374b75-8ea2-5b63-b84e-34c1cc0191f9"
* entry[condition][0].resource = ex-acute-heart-failure-condition
* entry[observation][0].fullUrl = "urn:uuid:4bef3301-427f-5ec7-851b-1a4b7af8f1a1"
* entry[observation][0].resource = ex-acute-heart-failure-obs-1-nyha-adm
* entry[observation][1].fullUrl = "urn:uuid:b84aac12-9f11-57a7-af52-087a27c9e91e"
* entry[observation][1].resource = ex-acute-heart-failure-obs-2-bnp-adm
* entry[observation][2].fullUrl = "urn:uuid:37290e8b-d1a3-59d3-a1d9-28fba3913df4"
* entry[observation][2].resource = ex-acute-heart-failure-obs-3-lvef
* entry[observation][3].fullUrl = "urn:uuid:9d80934b-f7a4-5d2e-9d19-9a5f01548337"
* entry[observation][3].resource = ex-acute-heart-failure-obs-4-nyha-dis
* entry[medicationRequest][0].fullUrl = "urn:uuid:91fa7b68-efc4-5b35-b3e5-dd201468282f"
* entry[medicationRequest][0].resource = ex-acute-heart-failure-med-1
* entry[medicationRequest][1].fullUrl = "urn:uuid:63d2250a-5758-5cb2-9d32-696cda351289"
* entry[medicationRequest][1].resource = ex-acute-heart-failure-med-2
* entry[medicationRequest][2].fullUrl = "urn:uuid:561e73c6-d231-5e5f-81ee-353cae23b464"
* entry[medicationRequest][2].resource = ex-acute-heart-failure-med-3
* entry[medicationRequest][3].fullUrl = "urn:uuid:5010ad16-5f86-5c91-89dd-5848907278d9"
* entry[medicationRequest][3].resource = ex-acute-heart-failure-med-4
* entry[documentReference][0].fullUrl = "urn:uuid:c9533d7e-b20a-561d-b36c-654bda3fdb2a"
* entry[documentReference][0].resource = ex-acute-heart-failure-hospital-course
* entry[carePlan][0].fullUrl = "urn:uuid:bda202ad-b5d9-50c3-99ec-41105d25a976"
* entry[carePlan][0].resource = ex-acute-heart-failure-discharge-plan
* entry[advancedDirective][0].fullUrl = "urn:uuid:3b898e87-57d0-5057-b31e-d80e91fb3f2d"
* entry[advancedDirective][0].resource = ex-acute-heart-failure-consent
* entry[researchSubject][0].fullUrl = "urn:uuid:13c31bfb-6289-5224-93c2-7f999cde769c"
* entry[researchSubject][0].resource = ex-acute-heart-failure-registry-subject
* entry[researchStudy][0].fullUrl = "urn:uuid:fea9bc24-f1fd-597a-b66d-659f59bf5674"
* entry[researchStudy][0].resource = jp-cvd-registry-study
