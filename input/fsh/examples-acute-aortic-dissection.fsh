// examples-acute-aortic-dissection.fsh — GENERATED example discharge summary (急性大動脈解離 退院時サマリー例 (院内死亡) / Acute aortic dissection discharge summary (in-hospital death)).
// Times are JST; references are urn:uuid fullUrls; MEDIS key numbers are illustrative.

Instance: ex-acute-aortic-dissection-composition
InstanceOf: JPCVDCompositionDischargeSummary
Usage: #inline
* meta.lastUpdated = "2026-06-18T12:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Composition_eDischargeSummary"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-composition-discharge-summary"
* extension[version].valueString = "1"
* identifier.system = $resourceInstance-identifier
* identifier.value = "4010246813-2026061401-DS"
* status = #final
* type.coding[0] = $doc-typecodes#18842-5 "退院時サマリー"
* category.coding[0] = $doc-subtypecodes#DISCHARGE "退院時文書"
* subject.reference = "urn:uuid:92656a6d-0ab9-5ccc-a109-4d7d839a1434"
* encounter.reference = "urn:uuid:fe9bd7d3-b6a5-5ad6-86c5-7b973f1fc89d"
* date = "2026-06-18T12:00:00+09:00"
* author[0].reference = "urn:uuid:dbb71e4c-56d8-509c-b1e9-bbcd355b1208"
* author[+].reference = "urn:uuid:01b5c47c-1408-598a-9741-49a006f34f15"
* title = "退院時サマリー"
* custodian.reference = "urn:uuid:01b5c47c-1408-598a-9741-49a006f34f15"
* event.period.start = "2026-06-14T23:50:00+09:00"
* event.period.end = "2026-06-18T04:12:00+09:00"
* section[structuredSection].title = "構造情報"
* section[structuredSection].code.coding[0] = $document-section#300 "構造情報セクション"
* section[structuredSection].section[detailsOnAdmissionSection].title = "入院時詳細"
* section[structuredSection].section[detailsOnAdmissionSection].code.coding[0] = $document-section#322 "入院時詳細セクション"
* section[structuredSection].section[detailsOnAdmissionSection].entry[+].reference = "urn:uuid:fe9bd7d3-b6a5-5ad6-86c5-7b973f1fc89d"
* section[structuredSection].section[diagnosesOnAdmissionSection].title = "入院時診断"
* section[structuredSection].section[diagnosesOnAdmissionSection].code.coding[0] = $document-section#342 "入院時診断セクション"
* section[structuredSection].section[diagnosesOnAdmissionSection].entry[+].reference = "urn:uuid:1246f50d-d63f-5cdb-b55f-9a5cbf8db0d5"
* section[structuredSection].section[chiefComplaintsSection].title = "主訴"
* section[structuredSection].section[chiefComplaintsSection].code.coding[0] = $document-section#352 "主訴セクション"
* section[structuredSection].section[chiefComplaintsSection].text.status = #additional
* section[structuredSection].section[chiefComplaintsSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">突然の背部痛</div>"
* section[structuredSection].section[reasonForAdmissionSection].title = "入院理由"
* section[structuredSection].section[reasonForAdmissionSection].code.coding[0] = $document-section#312 "入院理由セクション"
* section[structuredSection].section[reasonForAdmissionSection].text.status = #additional
* section[structuredSection].section[reasonForAdmissionSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">急性大動脈解離 Stanford A型に対する緊急手術目的</div>"
* section[structuredSection].section[reasonForAdmissionSection].entry[+].reference = "urn:uuid:fe9bd7d3-b6a5-5ad6-86c5-7b973f1fc89d"
* section[structuredSection].section[presentIllnessSection].title = "現病歴"
* section[structuredSection].section[presentIllnessSection].code.coding[0] = $document-section#362 "現病歴セクション"
* section[structuredSection].section[presentIllnessSection].text.status = #additional
* section[structuredSection].section[presentIllnessSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">2026年6月14日 22時15分、自宅で入浴後に突然の胸背部痛が出現。23時00分救急搬送。造影CTで上行大動脈から腹部大動脈に及ぶ解離。</div>"
* section[structuredSection].section[hospitalCourseSection].title = "入院中経過"
* section[structuredSection].section[hospitalCourseSection].code.coding[0] = $document-section#333 "入院中経過セクション"
* section[structuredSection].section[hospitalCourseSection].entry[+].reference = "urn:uuid:61d09459-bb2a-5256-a1b3-d80b3bd0ba6d"
* section[structuredSection].section[hospitalProcedureSection].title = "入院中治療"
* section[structuredSection].section[hospitalProcedureSection].code.coding[0] = $document-section#713 "入院中治療セクション"
* section[structuredSection].section[hospitalProcedureSection].entry[+].reference = "urn:uuid:7b5f0483-68ce-5cf9-bcef-5d5c8048909c"
* section[structuredSection].section[hospitalStudySection].title = "入院中検査結果"
* section[structuredSection].section[hospitalStudySection].code.coding[0] = $document-section#623 "入院中検査結果セクション"
* section[structuredSection].section[hospitalStudySection].entry[+].reference = "urn:uuid:2aed9337-6fb4-51d4-a9f2-1526b9788213"
* section[structuredSection].section[hospitalStudySection].entry[+].reference = "urn:uuid:d15a8e2c-d610-5e26-8fcf-f333ebbaff67"
* section[structuredSection].section[detailsOnDischargeSection].title = "退院時詳細"
* section[structuredSection].section[detailsOnDischargeSection].code.coding[0] = $document-section#324 "退院時詳細セクション"
* section[structuredSection].section[detailsOnDischargeSection].entry[+].reference = "urn:uuid:fe9bd7d3-b6a5-5ad6-86c5-7b973f1fc89d"
* section[structuredSection].section[diagnosesOnDischargeSection].title = "退院時診断"
* section[structuredSection].section[diagnosesOnDischargeSection].code.coding[0] = $document-section#344 "退院時診断セクション"
* section[structuredSection].section[diagnosesOnDischargeSection].entry[+].reference = "urn:uuid:1246f50d-d63f-5cdb-b55f-9a5cbf8db0d5"
* section[structuredSection].section[medicationOnDischargeSection].title = "退院時投薬指示"
* section[structuredSection].section[medicationOnDischargeSection].code.coding[0] = $document-section#444 "退院時投薬指示セクション"
* section[structuredSection].section[medicationOnDischargeSection].text.status = #additional
* section[structuredSection].section[medicationOnDischargeSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">死亡退院のため退院時処方なし。</div>"
* section[structuredSection].section[instructionOnDischargeSection].title = "退院時方針指示"
* section[structuredSection].section[instructionOnDischargeSection].code.coding[0] = $document-section#424 "退院時方針指示セクション"
* section[structuredSection].section[instructionOnDischargeSection].entry[+].reference = "urn:uuid:f7734408-d1bb-5f5b-9852-472880c8d6a3"
* section[structuredSection].section[researchParticipationSection].title = "臨床研究参加"
* section[structuredSection].section[researchParticipationSection].code.coding[0] = $document-section#830 "臨床研究参加セクション"
* section[structuredSection].section[researchParticipationSection].entry[+].reference = "urn:uuid:ad643c90-ed7d-5966-9add-c01eac1bf0c2"

Instance: ex-acute-aortic-dissection-organization
InstanceOf: $JP_Organization_eCS
Usage: #inline
* meta.lastUpdated = "2026-06-18T12:00:00+09:00"
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">博多みなと医療センター (医療機関コード 4010246813)</div>"
* identifier[medicalInstitutionCode].system = $medical-institution-no
* identifier[medicalInstitutionCode].value = "4010246813"
* type = $organization-type#prov "Healthcare Provider"
* name = "博多みなと医療センター"
* address.text = "福岡県福岡市博多区築港本町7-3"
* address.postalCode = "812-0021"
* address.country = "JP"

Instance: ex-acute-aortic-dissection-practitioner
InstanceOf: $JP_Practitioner_eCS
Usage: #inline
* meta.lastUpdated = "2026-06-18T12:00:00+09:00"
* identifier[0].system = "urn:oid:1.2.392.100495.20.3.41.14010246813"
* identifier[0].value = "D0652"
* name[0].text = "山口 誠司"
* name[0].family = "山口"
* name[0].given[0] = "誠司"

Instance: ex-acute-aortic-dissection-patient
InstanceOf: $JP_Patient_eCS
Usage: #inline
* meta.lastUpdated = "2026-06-18T12:00:00+09:00"
* identifier[0].system = "urn:oid:1.2.392.100495.20.3.51.14010246813"
* identifier[0].value = "00330871"
* identifier[1].system = $insurance-memberID
* identifier[1].value = "39401017::20330871:"
* name[0].use = #official
* name[0].text = "伊藤 誠"
* name[0].family = "伊藤"
* name[0].given[0] = "誠"
* name[0].extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
* name[0].extension[0].valueCode = #IDE
* name[1].use = #official
* name[1].text = "イトウ マコト"
* name[1].family = "イトウ"
* name[1].given[0] = "マコト"
* name[1].extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
* name[1].extension[0].valueCode = #SYL
* gender = #male
* birthDate = "1954-02-28"
* address[0].text = "福岡県福岡市東区箱崎4-11-2"
* address[0].postalCode = "812-0053"
* address[0].country = "JP"
* deceasedDateTime = "2026-06-18T04:12:00+09:00"

Instance: ex-acute-aortic-dissection-encounter
InstanceOf: JPCVDEncounterAdmission
Usage: #inline
* meta.lastUpdated = "2026-06-18T12:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Encounter_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-encounter-admission"
* extension[arrivalTime].valueDateTime = "2026-06-14T23:00:00+09:00"
* extension[arrivalMode].valueCodeableConcept = JPCVDArrivalModeCS#ambulance "救急車"
* identifier[0].system = "http://jp-cvd-registry.org/fhir/NamingSystem/admission-number/4010246813"
* identifier[0].value = "2026061401"
* status = #finished
* class = $v3-ActCode#IMP "inpatient encounter"
* priority = $v3-ActPriority#EM "emergency"
* subject.reference = "urn:uuid:92656a6d-0ab9-5ccc-a109-4d7d839a1434"
* period.start = "2026-06-14T23:50:00+09:00"
* period.end = "2026-06-18T04:12:00+09:00"
* length = 4 'd' "日"
* serviceProvider.reference = "urn:uuid:01b5c47c-1408-598a-9741-49a006f34f15"
* diagnosis[0].condition.reference = "urn:uuid:1246f50d-d63f-5cdb-b55f-9a5cbf8db0d5"
* diagnosis[0].use.coding[0] = $diagnosis-role#DD "Discharge diagnosis"
* diagnosis[0].rank = 1
* hospitalization.admitSource.coding[0] = $admit-source#1 "家庭からの入院"
* hospitalization.extension[dischargeDestination].valueCodeableConcept = JPCVDDischargeDestinationCS#death "死亡退院"
* hospitalization.dischargeDisposition.coding[0] = $discharge-disposition#6 "傷病による死亡"

Instance: ex-acute-aortic-dissection-condition
InstanceOf: JPCVDConditionAcuteAorticDissection
Usage: #inline
* meta.lastUpdated = "2026-06-18T12:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Condition_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-condition-acute-aortic-dissection"
* identifier[resourceIdentifier].system = $resourceInstance-identifier
* identifier[resourceIdentifier].value = "4010246813-2026061401-DX1"
* clinicalStatus = $condition-clinical#active "Active"
* verificationStatus = $condition-ver-status#confirmed "Confirmed"
* category = $condition-category#encounter-diagnosis "Encounter Diagnosis"
* code.coding[medisRecordNo] = $MEDIS#20052203 "急性大動脈解離 Stanford A型"
* code.coding[icd10] = $ICD10JP#I710 "大動脈の解離［各部位］"
* code.text = "急性大動脈解離 Stanford A型"
* subject.reference = "urn:uuid:92656a6d-0ab9-5ccc-a109-4d7d839a1434"
* encounter.reference = "urn:uuid:fe9bd7d3-b6a5-5ad6-86c5-7b973f1fc89d"
* recordedDate = "2026-06-14T23:50:00+09:00"
* recorder.reference = "urn:uuid:dbb71e4c-56d8-509c-b1e9-bbcd355b1208"
* extension[onsetTimeStatus].valueCode = #witnessed
* extension[inHospitalOnset].valueBoolean = false
* onsetDateTime = "2026-06-14T22:15:00+09:00"

Instance: ex-acute-aortic-dissection-obs-1-stanford
InstanceOf: JPCVDObservationStanford
Usage: #inline
* meta.lastUpdated = "2026-06-18T12:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-stanford"
* status = #final
* subject.reference = "urn:uuid:92656a6d-0ab9-5ccc-a109-4d7d839a1434"
* encounter.reference = "urn:uuid:fe9bd7d3-b6a5-5ad6-86c5-7b973f1fc89d"
* effectiveDateTime = "2026-06-14T23:20:00+09:00"
* category[0] = $JP-obs-category#imaging
* code.coding[local] = JPCVDObservationCS#stanford "Stanford 分類"
* valueCodeableConcept = JPCVDStanfordCS#A "Stanford A型: 上行大動脈に解離あり"

Instance: ex-acute-aortic-dissection-obs-2-debakey
InstanceOf: JPCVDObservationDeBakey
Usage: #inline
* meta.lastUpdated = "2026-06-18T12:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-debakey"
* status = #final
* subject.reference = "urn:uuid:92656a6d-0ab9-5ccc-a109-4d7d839a1434"
* encounter.reference = "urn:uuid:fe9bd7d3-b6a5-5ad6-86c5-7b973f1fc89d"
* effectiveDateTime = "2026-06-14T23:20:00+09:00"
* category[0] = $JP-obs-category#imaging
* code.coding[local] = JPCVDObservationCS#debakey "DeBakey 分類"
* valueCodeableConcept = JPCVDDeBakeyCS#I "I型: 上行大動脈から弓部以遠に及ぶ"

Instance: ex-acute-aortic-dissection-proc-1-aortic-repair
InstanceOf: JPCVDProcedureAorticRepair
Usage: #inline
* meta.lastUpdated = "2026-06-18T12:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Procedure_eCS"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-procedure-aortic-repair"
* status = #completed
* subject.reference = "urn:uuid:92656a6d-0ab9-5ccc-a109-4d7d839a1434"
* encounter.reference = "urn:uuid:fe9bd7d3-b6a5-5ad6-86c5-7b973f1fc89d"
* performer[0].actor.reference = "urn:uuid:dbb71e4c-56d8-509c-b1e9-bbcd355b1208"
* code.coding[0] = JPCVDProcedureCS#open-aortic-repair "大動脈人工血管置換術 (開胸・開腹)"
* code.text = "上行弓部大動脈人工血管置換術"
* performedPeriod.start = "2026-06-15T01:30:00+09:00"
* performedPeriod.end = "2026-06-15T08:05:00+09:00"

Instance: ex-acute-aortic-dissection-hospital-course
InstanceOf: $JP_DocumentReference_eCS
Usage: #inline
* meta.lastUpdated = "2026-06-18T12:00:00+09:00"
* status = #current
* subject.reference = "urn:uuid:92656a6d-0ab9-5ccc-a109-4d7d839a1434"
* date = "2026-06-18T12:00:00+09:00"
* author[0].reference = "urn:uuid:dbb71e4c-56d8-509c-b1e9-bbcd355b1208"
* description = "入院中経過"
* content[0].attachment.contentType = #text/plain
* content[0].attachment.language = #ja
* content[0].attachment.data = "U3RhbmZvcmQgQeWei+ODu0RlQmFrZXkgSeWei+OBruaApeaAp+Wkp+WLleiEiOino+mbouOAgeW/g+OCv+ODs+ODneODiuODvOODh+OBquOBl+OAgjbmnIgxNeaXpTHmmYIzMOWIhuOBi+OCieS4iuihjOW8k+mDqOWkp+WLleiEiOS6uuW3peihgOeuoee9ruaPm+ihk+OCkuaWveihjOOAguihk+W+jOiFuOeuoeiZmuihgOOCkuWQiOS9teOBl+WkmuiHk+WZqOS4jeWFqOOBjOmAsuihjOOAgTbmnIgxOOaXpTTmmYIxMuWIhuatu+S6oemAgOmZouOAgg=="
* content[0].attachment.title = "入院中経過"

Instance: ex-acute-aortic-dissection-discharge-plan
InstanceOf: $JP_CarePlan_eCS
Usage: #inline
* meta.lastUpdated = "2026-06-18T12:00:00+09:00"
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">死亡退院。ご家族に経過を説明済み。</div>"
* identifier[0].system = $resourceInstance-identifier
* identifier[0].value = "4010246813-2026061401-CP1"
* status = #active
* intent = #plan
* category = $careplan-category#discharge-plan "退院時プラン"
* title = "退院時方針"
* description = "死亡退院。ご家族に経過を説明済み。"
* subject.reference = "urn:uuid:92656a6d-0ab9-5ccc-a109-4d7d839a1434"
* encounter.reference = "urn:uuid:fe9bd7d3-b6a5-5ad6-86c5-7b973f1fc89d"
* period.start = "2026-06-18T04:12:00+09:00"
* created = "2026-06-18T12:00:00+09:00"
* author.reference = "urn:uuid:dbb71e4c-56d8-509c-b1e9-bbcd355b1208"

Instance: ex-acute-aortic-dissection-consent
InstanceOf: JPCVDConsentRegistry
Usage: #inline
* meta.lastUpdated = "2026-06-18T12:00:00+09:00"
* meta.profile[0] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-consent-registry"
* status = #active
* scope = $consentscope#research "Research"
* category[registry] = $consentcategorycodes#research "Research Information Access"
* patient.reference = "urn:uuid:92656a6d-0ab9-5ccc-a109-4d7d839a1434"
* dateTime = "2026-06-14T23:50:00+09:00"
* organization[0].reference = "urn:uuid:01b5c47c-1408-598a-9741-49a006f34f15"
* policyRule = JPCVDConsentModelCS#opt-out "オプトアウト (通知・公表と拒否の機会の提供)"
* provision.type = #permit
* provision.period.start = "2026-06-14"
* provision.purpose[0] = $v3-ActReason#HRESCH "healthcare research"

Instance: ex-acute-aortic-dissection-registry-subject
InstanceOf: JPCVDResearchSubjectRegistry
Usage: #inline
* meta.lastUpdated = "2026-06-18T12:00:00+09:00"
* meta.profile[0] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-researchsubject-registry"
* status = #on-study
* period.start = "2026-06-18"
* study.reference = "urn:uuid:fea9bc24-f1fd-597a-b66d-659f59bf5674"
* individual.reference = "urn:uuid:92656a6d-0ab9-5ccc-a109-4d7d839a1434"
* consent.reference = "urn:uuid:37b42703-9a2a-5a81-beef-45f4c71bbfe7"

Instance: jp-cvd-example-bundle-acute-aortic-dissection
InstanceOf: JPCVDBundleDischargeSummary
Title: "急性大動脈解離 退院時サマリー例 (院内死亡) / Acute aortic dissection discharge summary (in-hospital death)"
Description: "72歳男性、Stanford A型 (DeBakey I型) 急性大動脈解離。緊急上行弓部大動脈人工血管置換術後、術後3日目に多臓器不全で死亡 (退院時転帰 6)。MEDIS 病名管理番号は例示用の値。"
Usage: #example
* meta.lastUpdated = "2026-06-18T12:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary"
* meta.profile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-bundle-discharge-summary"
* identifier.system = $bundle-identifier
* identifier.value = "4010246813^2026^DS-2026061401"
* type = #document
* timestamp = "2026-06-18T12:00:00+09:00"
* entry[composition][0].fullUrl = "urn:uuid:737dc178-412e-596b-a981-c770fc760826"
* entry[composition][0].resource = ex-acute-aortic-dissection-composition
* entry[organization][0].fullUrl = "urn:uuid:01b5c47c-1408-598a-9741-49a006f34f15"
* entry[organization][0].resource = ex-acute-aortic-dissection-organization
* entry[practitioners][0].fullUrl = "urn:uuid:dbb71e4c-56d8-509c-b1e9-bbcd355b1208"
* entry[practitioners][0].resource = ex-acute-aortic-dissection-practitioner
* entry[patient][0].fullUrl = "urn:uuid:92656a6d-0ab9-5ccc-a109-4d7d839a1434"
* entry[patient][0].resource = ex-acute-aortic-dissection-patient
* entry[encounter][0].fullUrl = "urn:uuid:fe9bd7d3-b6a5-5ad6-86c5-7b973f1fc89d"
* entry[encounter][0].resource = ex-acute-aortic-dissection-encounter
* entry[condition][0].fullUrl = "urn:uuid:1246f50d-d63f-5cdb-b55f-9a5cbf8db0d5"
* entry[condition][0].resource = ex-acute-aortic-dissection-condition
* entry[observation][0].fullUrl = "urn:uuid:2aed9337-6fb4-51d4-a9f2-1526b9788213"
* entry[observation][0].resource = ex-acute-aortic-dissection-obs-1-stanford
* entry[observation][1].fullUrl = "urn:uuid:d15a8e2c-d610-5e26-8fcf-f333ebbaff67"
* entry[observation][1].resource = ex-acute-aortic-dissection-obs-2-debakey
* entry[procedure][0].fullUrl = "urn:uuid:7b5f0483-68ce-5cf9-bcef-5d5c8048909c"
* entry[procedure][0].resource = ex-acute-aortic-dissection-proc-1-aortic-repair
* entry[documentReference][0].fullUrl = "urn:uuid:61d09459-bb2a-5256-a1b3-d80b3bd0ba6d"
* entry[documentReference][0].resource = ex-acute-aortic-dissection-hospital-course
* entry[carePlan][0].fullUrl = "urn:uuid:f7734408-d1bb-5f5b-9852-472880c8d6a3"
* entry[carePlan][0].resource = ex-acute-aortic-dissection-discharge-plan
* entry[advancedDirective][0].fullUrl = "urn:uuid:37b42703-9a2a-5a81-beef-45f4c71bbfe7"
* entry[advancedDirective][0].resource = ex-acute-aortic-dissection-consent
* entry[researchSubject][0].fullUrl = "urn:uuid:ad643c90-ed7d-5966-9add-c01eac1bf0c2"
* entry[researchSubject][0].resource = ex-acute-aortic-dissection-registry-subject
* entry[researchStudy][0].fullUrl = "urn:uuid:fea9bc24-f1fd-597a-b66d-659f59bf5674"
* entry[researchStudy][0].resource = jp-cvd-registry-study
