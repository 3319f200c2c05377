// examples-acute-coronary-syndrome.fsh — GENERATED example discharge summary (急性冠症候群 退院時サマリー例 / Acute coronary syndrome discharge summary).
// Times are JST; references are urn:uuid fullUrls; MEDIS key numbers are illustrative.

Instance: ex-acute-coronary-syndrome-composition
InstanceOf: JPCVDCompositionDischargeSummary
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Composition_eDischargeSummary"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-composition-discharge-summary"
* extension[version].valueString = "1"
* identifier.system = $resourceInstance-identifier
* identifier.value = "2310987654-2026072001-DS"
* status = #final
* type.coding[0] = $doc-typecodes#18842-5 "退院時サマリー"
* category.coding[0] = $doc-subtypecodes#DISCHARGE "退院時文書"
* subject.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* encounter.reference = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* date = "2026-07-30T14:00:00+09:00"
* author[0].reference = "urn:uuid:2e7177c4-2439-5f12-ac35-e063d71e1939"
* author[+].reference = "urn:uuid:9844367b-7182-58aa-9bdb-2043ddea28d9"
* title = "退院時サマリー"
* custodian.reference = "urn:uuid:9844367b-7182-58aa-9bdb-2043ddea28d9"
* event.period.start = "2026-07-20T09:10:00+09:00"
* event.period.end = "2026-07-30T10:00:00+09:00"
* section[structuredSection].title = "構造情報"
* section[structuredSection].code.coding[0] = $document-section#300 "構造情報セクション"
* section[structuredSection].section[detailsOnAdmissionSection].title = "入院時詳細"
* section[structuredSection].section[detailsOnAdmissionSection].code.coding[0] = $document-section#322 "入院時詳細セクション"
* section[structuredSection].section[detailsOnAdmissionSection].entry[+].reference = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* section[structuredSection].section[diagnosesOnAdmissionSection].title = "入院時診断"
* section[structuredSection].section[diagnosesOnAdmissionSection].code.coding[0] = $document-section#342 "入院時診断セクション"
* section[structuredSection].section[diagnosesOnAdmissionSection].entry[+].reference = "urn:uuid:89d2a6ab-1bb1-5731-a0a9-7c4138808fd3"
* section[structuredSection].section[chiefComplaintsSection].title = "主訴"
* section[structuredSection].section[chiefComplaintsSection].code.coding[0] = $document-section#352 "主訴セクション"
* section[structuredSection].section[chiefComplaintsSection].text.status = #additional
* section[structuredSection].section[chiefComplaintsSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">胸痛</div>"
* section[structuredSection].section[reasonForAdmissionSection].title = "入院理由"
* section[structuredSection].section[reasonForAdmissionSection].code.coding[0] = $document-section#312 "入院理由セクション"
* section[structuredSection].section[reasonForAdmissionSection].text.status = #additional
* section[structuredSection].section[reasonForAdmissionSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">ST上昇型急性心筋梗塞に対する緊急冠動脈インターベンション目的</div>"
* section[structuredSection].section[reasonForAdmissionSection].entry[+].reference = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* section[structuredSection].section[presentIllnessSection].title = "現病歴"
* section[structuredSection].section[presentIllnessSection].code.coding[0] = $document-section#362 "現病歴セクション"
* section[structuredSection].section[presentIllnessSection].text.status = #additional
* section[structuredSection].section[presentIllnessSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">2026年7月20日 6時30分、起床後に前胸部絞扼感が出現し持続。7時15分救急搬送。心電図でV1-V4のST上昇。</div>"
* section[structuredSection].section[physicalStatusOnAdmissionSection].title = "入院時身体所見"
* section[structuredSection].section[physicalStatusOnAdmissionSection].code.coding[0] = $document-section#612 "入院時身体所見セクション"
* section[structuredSection].section[physicalStatusOnAdmissionSection].entry[+].reference = "urn:uuid:27457295-866e-54e9-9152-47afa76ce6f3"
* section[structuredSection].section[hospitalCourseSection].title = "入院中経過"
* section[structuredSection].section[hospitalCourseSection].code.coding[0] = $document-section#333 "入院中経過セクション"
* section[structuredSection].section[hospitalCourseSection].entry[+].reference = "urn:uuid:94531492-7bfa-5bad-acca-aa837359ec7f"
* section[structuredSection].section[hospitalProcedureSection].title = "入院中治療"
* section[structuredSection].section[hospitalProcedureSection].code.coding[0] = $document-section#713 "入院中治療セクション"
* section[structuredSection].section[hospitalProcedureSection].entry[+].reference = "urn:uuid:22a8275f-9655-5a07-b6fe-9146e947f639"
* section[structuredSection].section[hospitalStudySection].title = "入院中検査結果"
* section[structuredSection].section[hospitalStudySection].code.coding[0] = $document-section#623 "入院中検査結果セクション"
* section[structuredSection].section[hospitalStudySection].entry[+].reference = "urn:uuid:f4a5374a-d402-5846-8951-fe2897e10d0d"
* section[structuredSection].section[hospitalStudySection].entry[+].reference = "urn:uuid:444df6f5-3d80-5d9b-bbd0-12d58f05733d"
* section[structuredSection].section[hospitalStudySection].entry[+].reference = "urn:uuid:58be6eeb-07e8-5b07-a6e0-16be44375de9"
* section[structuredSection].section[detailsOnDischargeSection].title = "退院時詳細"
* section[structuredSection].section[detailsOnDischargeSection].code.coding[0] = $document-section#324 "退院時詳細セクション"
* section[structuredSection].section[detailsOnDischargeSection].entry[+].reference = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* section[structuredSection].section[diagnosesOnDischargeSection].title = "退院時診断"
* section[structuredSection].section[diagnosesOnDischargeSection].code.coding[0] = $document-section#344 "退院時診断セクション"
* section[structuredSection].section[diagnosesOnDischargeSection].entry[+].reference = "urn:uuid:89d2a6ab-1bb1-5731-a0a9-7c4138808fd3"
* section[structuredSection].section[medicationOnDischargeSection].title = "退院時投薬指示"
* section[structuredSection].section[medicationOnDischargeSection].code.coding[0] = $document-section#444 "退院時投薬指示セクション"
* section[structuredSection].section[medicationOnDischargeSection].entry[+].reference = "urn:uuid:5b8f81f8-881f-5b24-8529-3a837d0b2321"
* section[structuredSection].section[medicationOnDischargeSection].entry[+].reference = "urn:uuid:63bfe2d0-040f-530c-9110-5e44cb373522"
* section[structuredSection].section[medicationOnDischargeSection].entry[+].reference = "urn:uuid:214d9b56-da34-52c5-ae6f-e71fbadcbbcd"
* section[structuredSection].section[medicationOnDischargeSection].entry[+].reference = "urn:uuid:55773781-3034-5553-a9c1-26c0d3c396c1"
* section[structuredSection].section[instructionOnDischargeSection].title = "退院時方針指示"
* section[structuredSection].section[instructionOnDischargeSection].code.coding[0] = $document-section#424 "退院時方針指示セクション"
* section[structuredSection].section[instructionOnDischargeSection].entry[+].reference = "urn:uuid:e41435e5-b9a2-5a2d-bfdf-54043904fab5"
* section[structuredSection].section[researchParticipationSection].title = "臨床研究参加"
* section[structuredSection].section[researchParticipationSection].code.coding[0] = $document-section#830 "臨床研究参加セクション"
* section[structuredSection].section[researchParticipationSection].entry[+].reference = "urn:uuid:a57af3a4-1f4e-52d2-8722-ec7522345904"

Instance: ex-acute-coronary-syndrome-organization
InstanceOf: $JP_Organization_eCS
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">名港ハートセンター (医療機関コード 2310987654)</div>"
* identifier[medicalInstitutionCode].system = $medical-institution-no
* identifier[medicalInstitutionCode].value = "2310987654"
* type = $organization-type#prov "Healthcare Provider"
* name = "名港ハートセンター"
* address.text = "愛知県名古屋市港区港楽2-6-32"
* address.postalCode = "455-0015"
* address.country = "JP"

Instance: ex-acute-coronary-syndrome-practitioner
InstanceOf: $JP_Practitioner_eCS
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* identifier[0].system = "urn:oid:1.2.392.100495.20.3.41.12310987654"
* identifier[0].value = "D2231"
* name[0].text = "加藤 雅人"
* name[0].family = "加藤"
* name[0].given[0] = "雅人"

Instance: ex-acute-coronary-syndrome-patient
InstanceOf: $JP_Patient_eCS
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* identifier[0].system = "urn:oid:1.2.392.100495.20.3.51.12310987654"
* identifier[0].value = "00771204"
* identifier[1].system = $insurance-memberID
* identifier[1].value = "06230019:4102:5531:00"
* name[0].use = #official
* name[0].text = "田中 健一"
* name[0].family = "田中"
* name[0].given[0] = "健一"
* name[0].extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
* name[0].extension[0].valueCode = #IDE
* name[1].use = #official
* name[1].text = "タナカ ケンイチ"
* name[1].family = "タナカ"
* name[1].given[0] = "ケンイチ"
* name[1].extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
* name[1].extension[0].valueCode = #SYL
* gender = #male
* birthDate = "1968-04-11"
* address[0].text = "愛知県名古屋市南区道徳新町5-21"
* address[0].postalCode = "457-0834"
* address[0].country = "JP"

Instance: ex-acute-coronary-syndrome-encounter
InstanceOf: JPCVDEncounterAdmission
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Encounter_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-encounter-admission"
* extension[arrivalTime].valueDateTime = "2026-07-20T07:15:00+09:00"
* extension[arrivalMode].valueCodeableConcept = JPCVDArrivalModeCS#ambulance "救急車"
* identifier[0].system = "http://jp-cvd-registry.org/fhir/NamingSystem/admission-number/2310987654"
* identifier[0].value = "2026072001"
* status = #finished
* class = $v3-ActCode#IMP "inpatient encounter"
* priority = $v3-ActPriority#EM "emergency"
* subject.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* period.start = "2026-07-20T09:10:00+09:00"
* period.end = "2026-07-30T10:00:00+09:00"
* length = 10 'd' "日"
* serviceProvider.reference = "urn:uuid:9844367b-7182-58aa-9bdb-2043ddea28d9"
* diagnosis[0].condition.reference = "urn:uuid:89d2a6ab-1bb1-5731-a0a9-7c4138808fd3"
* diagnosis[0].use.coding[0] = $diagnosis-role#DD "Discharge diagnosis"
* diagnosis[0].rank = 1
* hospitalization.admitSource.coding[0] = $admit-source#1 "家庭からの入院"
* hospitalization.extension[dischargeDestination].valueCodeableConcept = JPCVDDischargeDestinationCS#home "自宅(在宅)"
* hospitalization.dischargeDisposition.coding[0] = $discharge-disposition#1 "傷病が治癒・軽快"

Instance: ex-acute-coronary-syndrome-condition
InstanceOf: JPCVDConditionAcuteCoronarySyndrome
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Condition_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-condition-acute-coronary-syndrome"
* identifier[resourceIdentifier].system = $resourceInstance-identifier
* identifier[resourceIdentifier].value = "2310987654-2026072001-DX1"
* clinicalStatus = $condition-clinical#active "Active"
* verificationStatus = $condition-ver-status#confirmed "Confirmed"
* category = $condition-category#encounter-diagnosis "Encounter Diagnosis"
* code.coding[medisRecordNo] = $MEDIS#20060021 "急性前壁心筋梗塞"
* code.coding[icd10] = $ICD10JP#I210 "前壁の急性貫壁性心筋梗塞"
* code.text = "急性前壁心筋梗塞"
* subject.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* encounter.reference = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* recordedDate = "2026-07-20T09:10:00+09:00"
* recorder.reference = "urn:uuid:2e7177c4-2439-5f12-ac35-e063d71e1939"
* extension[onsetTimeStatus].valueCode = #witnessed
* extension[inHospitalOnset].valueBoolean = false
* onsetDateTime = "2026-07-20T06:30:00+09:00"

Instance: ex-acute-coronary-syndrome-obs-1-killip
InstanceOf: JPCVDObservationKillip
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-killip"
* status = #final
* subject.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* encounter.reference = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* effectiveDateTime = "2026-07-20T07:20:00+09:00"
* category[0] = $JP-obs-category#exam
* code.coding[local] = JPCVDObservationCS#killip "Killip 分類"
* valueCodeableConcept = JPCVDKillipCS#I "Class I: 心不全徴候なし"
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#admission "入院時(来院時)"

Instance: ex-acute-coronary-syndrome-obs-2-acs-type
InstanceOf: JPCVDObservationACSType
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-acs-type"
* status = #final
* subject.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* encounter.reference = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* effectiveDateTime = "2026-07-20T07:20:00+09:00"
* category[0] = $JP-obs-category#exam
* code.coding[local] = JPCVDObservationCS#acs-type "急性冠症候群の病型 (STEMI/NSTEMI/不安定狭心症)"
* valueCodeableConcept = JPCVDACSTypeCS#STEMI "ST上昇型急性心筋梗塞"

Instance: ex-acute-coronary-syndrome-obs-3-troponin-peak
InstanceOf: JPCVDObservationTroponin
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-troponin"
* status = #final
* subject.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* encounter.reference = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* effectiveDateTime = "2026-07-20T18:00:00+09:00"
* category[0] = $JP-obs-category#laboratory
* code = $LNC#89579-7 "Troponin I.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method"
* code.text = "高感度トロポニンI"
* valueQuantity = 18500 'ng/L' "ng/L"
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#worst "入院中最悪値・最高値"

Instance: ex-acute-coronary-syndrome-obs-4-lvef
InstanceOf: JPCVDObservationLVEF
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-lvef"
* status = #final
* subject.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* encounter.reference = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* effectiveDateTime = "2026-07-22T11:00:00+09:00"
* category[0] = $JP-obs-category#imaging
* code = $LNC#10230-1 "Left ventricular Ejection fraction"
* valueQuantity.value = 45

Instance: ex-acute-coronary-syndrome-proc-1-pci
InstanceOf: JPCVDProcedurePCI
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Procedure_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-procedure-pci"
* status = #completed
* subject.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* encounter.reference = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* performer[0].actor.reference = "urn:uuid:2e7177c4-2439-5f12-ac35-e063d71e1939"
* code.coding[0] = JPCVDProcedureCS#pci "経皮的冠動脈インターベンション (PCI)"
* code.text = "経皮的冠動脈ステント留置術"
* performedPeriod.start = "2026-07-20T07:48:00+09:00"
* performedPeriod.end = "2026-07-20T08:40:00+09:00"
* extension[firstDeviceTime].valueDateTime = "2026-07-20T08:02:00+09:00"
* extension[timiFlowPre].valueCodeableConcept = JPCVDTIMIFlowCS#0 "TIMI 0: 順行性血流なし"
* extension[timiFlowPost].valueCodeableConcept = JPCVDTIMIFlowCS#3 "TIMI 3: 正常血流"
* bodySite[0] = JPCVDCoronaryVesselCS#seg-6 "#6 左前下行枝近位部"

Instance: ex-acute-coronary-syndrome-med-1
InstanceOf: JPCVDMedicationRequestDischarge
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-medicationrequest-discharge"
* identifier[rpNumber].value = "1"
* identifier[orderInRp].value = "1"
* identifier[requestIdentifier].system = $resourceInstance-identifier
* identifier[requestIdentifier].value = "2310987654-2026072001-RX1"
* status = #completed
* intent = #order
* medicationCodeableConcept.coding[codingYJ] = $YJ#3399007H1021 "バイアスピリン錠100mg"
* medicationCodeableConcept.text = "バイアスピリン錠100mg"
* subject.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* encounter.reference = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* authoredOn = "2026-07-30"
* requester.reference = "urn:uuid:2e7177c4-2439-5f12-ac35-e063d71e1939"
* dosageInstruction[0].extension[periodOfUse].valuePeriod.start = "2026-07-31"
* dosageInstruction[0].text = "1回1錠 1日1回 朝食後"
* dosageInstruction[0].timing.code.coding[unCoded] = $UsageUncoded#0X0XXXXXXXXX0000 "ダミー用法コード"
* dosageInstruction[0].timing.code.text = "1日1回朝食後"
* dosageInstruction[0].doseAndRate[0].type = http://terminology.hl7.org/CodeSystem/dose-rate-type#ordered "Ordered"
* dosageInstruction[0].doseAndRate[0].doseQuantity = urn:oid:1.2.392.100495.20.2.101#TAB "錠"
* dosageInstruction[0].doseAndRate[0].doseQuantity.value = 1
* dispenseRequest.expectedSupplyDuration = 28 'd' "日"

Instance: ex-acute-coronary-syndrome-med-2
InstanceOf: JPCVDMedicationRequestDischarge
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-medicationrequest-discharge"
* identifier[rpNumber].value = "2"
* identifier[orderInRp].value = "1"
* identifier[requestIdentifier].system = $resourceInstance-identifier
* identifier[requestIdentifier].value = "2310987654-2026072001-RX2"
* status = #completed
* intent = #order
* medicationCodeableConcept.coding[codingYJ] = $YJ#3399009F1020 "エフィエント錠3.75mg"
* medicationCodeableConcept.text = "エフィエント錠3.75mg"
* subject.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* encounter.reference = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* authoredOn = "2026-07-30"
* requester.reference = "urn:uuid:2e7177c4-2439-5f12-ac35-e063d71e1939"
* dosageInstruction[0].extension[periodOfUse].valuePeriod.start = "2026-07-31"
* dosageInstruction[0].text = "1回1錠 1日1回 朝食後"
* dosageInstruction[0].timing.code.coding[unCoded] = $UsageUncoded#0X0XXXXXXXXX0000 "ダミー用法コード"
* dosageInstruction[0].timing.code.text = "1日1回朝食後"
* dosageInstruction[0].doseAndRate[0].type = http://terminology.hl7.org/CodeSystem/dose-rate-type#ordered "Ordered"
* dosageInstruction[0].doseAndRate[0].doseQuantity = urn:oid:1.2.392.100495.20.2.101#TAB "錠"
* dosageInstruction[0].doseAndRate[0].doseQuantity.value = 1
* dispenseRequest.expectedSupplyDuration = 28 'd' "日"

Instance: ex-acute-coronary-syndrome-med-3
InstanceOf: JPCVDMedicationRequestDischarge
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-medicationrequest-discharge"
* identifier[rpNumber].value = "3"
* identifier[orderInRp].value = "1"
* identifier[requestIdentifier].system = $resourceInstance-identifier
* identifier[requestIdentifier].value = "2310987654-2026072001-RX3"
* status = #completed
* intent = #order
* medicationCodeableConcept.coding[codingYJ] = $YJ#2189015F2216 "アトルバスタチン錠10mg「ケミファ」"
* medicationCodeableConcept.text = "アトルバスタチン錠10mg「ケミファ」"
* subject.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* encounter.reference = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* authoredOn = "2026-07-30"
* requester.reference = "urn:uuid:2e7177c4-2439-5f12-ac35-e063d71e1939"
* dosageInstruction[0].extension[periodOfUse].valuePeriod.start = "2026-07-31"
* dosageInstruction[0].text = "1回1錠 1日1回 夕食後"
* dosageInstruction[0].timing.code.coding[unCoded] = $UsageUncoded#0X0XXXXXXXXX0000 "ダミー用法コード"
* dosageInstruction[0].timing.code.text = "1日1回夕食後"
* dosageInstruction[0].doseAndRate[0].type = http://terminology.hl7.org/CodeSystem/dose-rate-type#ordered "Ordered"
* dosageInstruction[0].doseAndRate[0].doseQuantity = urn:oid:1.2.392.100495.20.2.101#TAB "錠"
* dosageInstruction[0].doseAndRate[0].doseQuantity.value = 1
* dispenseRequest.expectedSupplyDuration = 28 'd' "日"

Instance: ex-acute-coronary-syndrome-med-4
InstanceOf: JPCVDMedicationRequestDischarge
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-medicationrequest-discharge"
* identifier[rpNumber].value = "4"
* identifier[orderInRp].value = "1"
* identifier[requestIdentifier].system = $resourceInstance-identifier
* identifier[requestIdentifier].value = "2310987654-2026072001-RX4"
* status = #completed
* intent = #order
* medicationCodeableConcept.coding[codingYJ] = $YJ#2123016F1107 "メインテート錠2.5mg"
* medicationCodeableConcept.text = "メインテート錠2.5mg"
* subject.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* encounter.reference = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* authoredOn = "2026-07-30"
* requester.reference = "urn:uuid:2e7177c4-2439-5f12-ac35-e063d71e1939"
* dosageInstruction[0].extension[periodOfUse].valuePeriod.start = "2026-07-31"
* dosageInstruction[0].text = "1回1錠 1日1回 朝食後"
* dosageInstruction[0].timing.code.coding[unCoded] = $UsageUncoded#0X0XXXXXXXXX0000 "ダミー用法コード"
* dosageInstruction[0].timing.code.text = "1日1回朝食後"
* dosageInstruction[0].doseAndRate[0].type = http://terminology.hl7.org/CodeSystem/dose-rate-type#ordered "Ordered"
* dosageInstruction[0].doseAndRate[0].doseQuantity = urn:oid:1.2.392.100495.20.2.101#TAB "錠"
* dosageInstruction[0].doseAndRate[0].doseQuantity.value = 1
* dispenseRequest.expectedSupplyDuration = 28 'd' "日"

Instance: ex-acute-coronary-syndrome-hospital-course
InstanceOf: $JP_DocumentReference_eCS
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* status = #current
* subject.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* date = "2026-07-30T14:00:00+09:00"
* author[0].reference = "urn:uuid:2e7177c4-2439-5f12-ac35-e063d71e1939"
* description = "入院中経過"
* content[0].attachment.contentType = #text/plain
* content[0].attachment.language = #ja
* content[0].attachment.data = "5p2l6Zmi5pmCS2lsbGlwIEnjgILnt4rmgKXlhqDli5XohIjpgKDlvbHjgaflt6bliY3kuIvooYzmnp3ov5HkvY3pg6goIzYp44Gu5a6M5YWo6ZaJ5aGeKFRJTUkgMCnjgII35pmCNDjliIbnqb/liLrjgIE45pmCMDLliIbjgavooYDmoJPlkLjlvJXlvozjg5Djg6vjg7zjg7Pmi6HlvLXjgIHolqzliaTmurblh7rmgKfjgrnjg4bjg7Pjg4jnlZnnva7jgZdUSU1JIDPjgIJocy3jg4jjg63jg53jg4vjg7NJ44OU44O844KvIDE4LDUwMCBuZy9M44CC5b+D44Ko44Kz44O844GnTFZFRiA0NSXjgILlv4Poh5Pjg6rjg4/jg5Pjg6rjgpLplovlp4vjgZflkIjkvbXnl4fjgarjgY/oh6rlroXpgIDpmaLjgII="
* content[0].attachment.title = "入院中経過"

Instance: ex-acute-coronary-syndrome-discharge-plan
InstanceOf: $JP_CarePlan_eCS
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">DAPT(アスピリン+プラスグレル)を12か月継続。LDL-C 70mg/dL未満を目標。外来心臓リハビリテーションに通院する。</div>"
* identifier[0].system = $resourceInstance-identifier
* identifier[0].value = "2310987654-2026072001-CP1"
* status = #active
* intent = #plan
* category = $careplan-category#discharge-plan "退院時プラン"
* title = "退院時方針"
* description = "DAPT(アスピリン+プラスグレル)を12か月継続。LDL-C 70mg/dL未満を目標。外来心臓リハビリテーションに通院する。"
* subject.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* encounter.reference = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* period.start = "2026-07-30T10:00:00+09:00"
* created = "2026-07-30T14:00:00+09:00"
* author.reference = "urn:uuid:2e7177c4-2439-5f12-ac35-e063d71e1939"

Instance: ex-acute-coronary-syndrome-consent
InstanceOf: JPCVDConsentRegistry
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* meta.profile[0] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-consent-registry"
* status = #active
* scope = $consentscope#research "Research"
* category[registry] = $consentcategorycodes#research "Research Information Access"
* patient.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* dateTime = "2026-07-20T09:10:00+09:00"
* organization[0].reference = "urn:uuid:9844367b-7182-58aa-9bdb-2043ddea28d9"
* policyRule = JPCVDConsentModelCS#opt-out "オプトアウト (通知・公表と拒否の機会の提供)"
* provision.type = #permit
* provision.period.start = "2026-07-20"
* provision.purpose[0] = $v3-ActReason#HRESCH "healthcare research"

Instance: ex-acute-coronary-syndrome-registry-subject
InstanceOf: JPCVDResearchSubjectRegistry
Usage: #inline
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* meta.profile[0] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-researchsubject-registry"
* status = #on-study
* period.start = "2026-07-30"
* study.reference = "urn:uuid:fea9bc24-f1fd-597a-b66d-659f59bf5674"
* individual.reference = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* consent.reference = "urn:uuid:2b7552c9-3fef-5e2d-ac00-996cde1ddc96"

Instance: jp-cvd-example-bundle-acute-coronary-syndrome
InstanceOf: JPCVDBundleDischargeSummary
Title: "急性冠症候群 退院時サマリー例 / Acute coronary syndrome discharge summary"
Description: "58歳男性、前壁 STEMI (Killip I)。primary PCI (door-to-balloon 47分, 責任病変 #6, TIMI 0→3)。DAPT・スタチン・β遮断薬で自宅退院。MEDIS 病名管理番号は例示用の値。"
Usage: #example
* meta.lastUpdated = "2026-07-30T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-bundle-discharge-summary"
* identifier.system = $bundle-identifier
* identifier.value = "2310987654^2026^DS-2026072001"
* type = #document
* timestamp = "2026-07-30T14:00:00+09:00"
* entry[composition][0].fullUrl = "urn:uuid:e5c09691-c707-5423-8472-e2b21c900a5f"
* entry[composition][0].resource = ex-acute-coronary-syndrome-composition
* entry[organization][0].fullUrl = "urn:uuid:9844367b-7182-58aa-9bdb-2043ddea28d9"
* entry[organization][0].resource = ex-acute-coronary-syndrome-organization
* entry[practitioners][0].fullUrl = "urn:uuid:2e7177c4-2439-5f12-ac35-e063d71e1939"
* entry[practitioners][0].resource = ex-acute-coronary-syndrome-practitioner
* entry[patient][0].fullUrl = "urn:uuid:08579488-6785-53e4-bf31-a51d52648bdb"
* entry[patient][0].resource = ex-acute-coronary-syndrome-patient
* entry[encounter][0].fullUrl = "urn:uuid:97899eff-2be2-59d5-9a42-578d847a53e2"
* entry[encounter][0].resource = ex-acute-coronary-syndrome-encounter
* entry[condition][0].fullUrl = "urn:uuid:89d2a6ab-1bb1-5731-a0a9-7c4138808fd3"
* entry[condition][0].resource = ex-acute-coronary-syndrome-condition
* entry[observation][0].fullUrl = "urn:uuid:27457295-866e-54e9-9152-47afa76ce6f3"
* entry[observation][0].resource = ex-acute-coronary-syndrome-obs-1-killip
* entry[observation][1].fullUrl = "urn:uuid:f4a5374a-d402-5846-8951-fe2897e10d0d"
* entry[observation][1].resource = ex-acute-coronary-syndrome-obs-2-acs-type
* entry[observation][2].fullUrl = "urn:uuid:444df6f5-3d80-5d9b-bbd0-12d58f05733d"
* entry[observation][2].resource = ex-acute-coronary-syndrome-obs-3-troponin-peak
* entry[observation][3].fullUrl = "urn:uuid:58be6eeb-07e8-5b07-a6e0-16be44375de9"
* entry[observation][3].resource = ex-acute-coronary-syndrome-obs-4-lvef
* entry[procedure][0].fullUrl = "urn:uuid:22a8275f-9655-5a07-b6fe-9146e947f639"
* entry[procedure][0].resource = ex-acute-coronary-syndrome-proc-1-pci
* entry[medicationRequest][0].fullUrl = "urn:uuid:5b8f81f8-881f-5b24-8529-3a837d0b2321"
* entry[medicationRequest][0].resource = ex-acute-coronary-syndrome-med-1
* entry[medicationRequest][1].fullUrl = "urn:uuid:63bfe2d0-040f-530c-9110-5e44cb373522"
* entry[medicationRequest][1].resource = ex-acute-coronary-syndrome-med-2
* entry[medicationRequest][2].fullUrl = "urn:uuid:214d9b56-da34-52c5-ae6f-e71fbadcbbcd"
* entry[medicationRequest][2].resource = ex-acute-coronary-syndrome-med-3
* entry[medicationRequest][3].fullUrl = "urn:uuid:55773781-3034-5553-a9c1-26c0d3c396c1"
* entry[medicationRequest][3].resource = ex-acute-coronary-syndrome-med-4
* entry[documentReference][0].fullUrl = "urn:uuid:94531492-7bfa-5bad-acca-aa837359ec7f"
* entry[documentReference][0].resource = ex-acute-coronary-syndrome-hospital-course
* entry[carePlan][0].fullUrl = "urn:uuid:e41435e5-b9a2-5a2d-bfdf-54043904fab5"
* entry[carePlan][0].resource = ex-acute-coronary-syndrome-discharge-plan
* entry[advancedDirective][0].fullUrl = "urn:uuid:2b7552c9-3fef-5e2d-ac00-996cde1ddc96"
* entry[advancedDirective][0].resource = ex-acute-coronary-syndrome-consent
* entry[researchSubject][0].fullUrl = "urn:uuid:a57af3a4-1f4e-52d2-8722-ec7522345904"
* entry[researchSubject][0].resource = ex-acute-coronary-syndrome-registry-subject
* entry[researchStudy][0].fullUrl = "urn:uuid:fea9bc24-f1fd-597a-b66d-659f59bf5674"
* entry[researchStudy][0].resource = jp-cvd-registry-study
