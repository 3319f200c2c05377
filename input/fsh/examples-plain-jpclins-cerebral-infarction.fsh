// examples-plain-jpclins-cerebral-infarction.fsh — GENERATED example discharge summary (JP-CLINS 退院時サマリーそのまま (脳梗塞) / A plain JP-CLINS discharge summary (cerebral infarction)).
// Times are JST; references are urn:uuid fullUrls; MEDIS key numbers are illustrative.

Instance: ex-plain-jpclins-cerebral-infarction-composition
InstanceOf: $JP_Composition_eDischargeSummary
Usage: #inline
* meta.lastUpdated = "2026-09-22T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Composition_eDischargeSummary"
* extension[version].valueString = "1"
* identifier.system = $resourceInstance-identifier
* identifier.value = "1410654321-2026090901-DS"
* status = #final
* type.coding[0] = $doc-typecodes#18842-5 "退院時サマリー"
* category.coding[0] = $doc-subtypecodes#DISCHARGE "退院時文書"
* subject.reference = "urn:uuid:9d71d606-2d09-54ff-9e92-a9e1a1138dd8"
* encounter.reference = "urn:uuid:70114b50-8428-5db0-b594-ef06f563cc2f"
* date = "2026-09-22T14:00:00+09:00"
* author[0].reference = "urn:uuid:8e3b456b-511e-55b8-a50c-0eafcfac9668"
* author[+].reference = "urn:uuid:c22d6ad0-74d9-5403-846f-87d641cab386"
* title = "退院時サマリー"
* custodian.reference = "urn:uuid:c22d6ad0-74d9-5403-846f-87d641cab386"
* event.period.start = "2026-09-09T17:00:00+09:00"
* event.period.end = "2026-09-22T10:00:00+09:00"
* section[structuredSection].title = "構造情報"
* section[structuredSection].code.coding[0] = $document-section#300 "構造情報セクション"
* section[structuredSection].section[detailsOnAdmissionSection].title = "入院時詳細"
* section[structuredSection].section[detailsOnAdmissionSection].code.coding[0] = $document-section#322 "入院時詳細セクション"
* section[structuredSection].section[detailsOnAdmissionSection].entry[+].reference = "urn:uuid:70114b50-8428-5db0-b594-ef06f563cc2f"
* section[structuredSection].section[diagnosesOnAdmissionSection].title = "入院時診断"
* section[structuredSection].section[diagnosesOnAdmissionSection].code.coding[0] = $document-section#342 "入院時診断セクション"
* section[structuredSection].section[diagnosesOnAdmissionSection].entry[+].reference = "urn:uuid:ca651bd7-27aa-58a9-aef1-1cdc5b16143b"
* section[structuredSection].section[chiefComplaintsSection].title = "主訴"
* section[structuredSection].section[chiefComplaintsSection].code.coding[0] = $document-section#352 "主訴セクション"
* section[structuredSection].section[chiefComplaintsSection].text.status = #additional
* section[structuredSection].section[chiefComplaintsSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">右手のしびれ、ふらつき</div>"
* section[structuredSection].section[reasonForAdmissionSection].title = "入院理由"
* section[structuredSection].section[reasonForAdmissionSection].code.coding[0] = $document-section#312 "入院理由セクション"
* section[structuredSection].section[reasonForAdmissionSection].text.status = #additional
* section[structuredSection].section[reasonForAdmissionSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">急性期脳梗塞の入院加療</div>"
* section[structuredSection].section[reasonForAdmissionSection].entry[+].reference = "urn:uuid:70114b50-8428-5db0-b594-ef06f563cc2f"
* section[structuredSection].section[presentIllnessSection].title = "現病歴"
* section[structuredSection].section[presentIllnessSection].code.coding[0] = $document-section#362 "現病歴セクション"
* section[structuredSection].section[presentIllnessSection].text.status = #additional
* section[structuredSection].section[presentIllnessSection].text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">2026年9月8日朝から右手のしびれとふらつきを自覚。症状が続くため9月9日に家族の運転で来院。</div>"
* section[structuredSection].section[hospitalCourseSection].title = "入院中経過"
* section[structuredSection].section[hospitalCourseSection].code.coding[0] = $document-section#333 "入院中経過セクション"
* section[structuredSection].section[hospitalCourseSection].entry[+].reference = "urn:uuid:f4bf2547-ab99-5f64-9955-e7266b66ad18"
* section[structuredSection].section[detailsOnDischargeSection].title = "退院時詳細"
* section[structuredSection].section[detailsOnDischargeSection].code.coding[0] = $document-section#324 "退院時詳細セクション"
* section[structuredSection].section[detailsOnDischargeSection].entry[+].reference = "urn:uuid:70114b50-8428-5db0-b594-ef06f563cc2f"
* section[structuredSection].section[diagnosesOnDischargeSection].title = "退院時診断"
* section[structuredSection].section[diagnosesOnDischargeSection].code.coding[0] = $document-section#344 "退院時診断セクション"
* section[structuredSection].section[diagnosesOnDischargeSection].entry[+].reference = "urn:uuid:ca651bd7-27aa-58a9-aef1-1cdc5b16143b"
* section[structuredSection].section[medicationOnDischargeSection].title = "退院時投薬指示"
* section[structuredSection].section[medicationOnDischargeSection].code.coding[0] = $document-section#444 "退院時投薬指示セクション"
* section[structuredSection].section[medicationOnDischargeSection].entry[+].reference = "urn:uuid:7302b582-2abc-5b6b-81bd-f2553e39a6ef"
* section[structuredSection].section[instructionOnDischargeSection].title = "退院時方針指示"
* section[structuredSection].section[instructionOnDischargeSection].code.coding[0] = $document-section#424 "退院時方針指示セクション"
* section[structuredSection].section[instructionOnDischargeSection].entry[+].reference = "urn:uuid:1fe5bedc-62b4-5e74-89ba-52845f152995"

Instance: ex-plain-jpclins-cerebral-infarction-organization
InstanceOf: $JP_Organization_eCS
Usage: #inline
* meta.lastUpdated = "2026-09-22T14:00:00+09:00"
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">港南台内科クリニック病院 (医療機関コード 1410654321)</div>"
* identifier[medicalInstitutionCode].system = $medical-institution-no
* identifier[medicalInstitutionCode].value = "1410654321"
* type = $organization-type#prov "Healthcare Provider"
* name = "港南台内科クリニック病院"
* address.text = "神奈川県横浜市港南区港南台5-2-10"
* address.postalCode = "234-0054"
* address.country = "JP"

Instance: ex-plain-jpclins-cerebral-infarction-practitioner
InstanceOf: $JP_Practitioner_eCS
Usage: #inline
* meta.lastUpdated = "2026-09-22T14:00:00+09:00"
* identifier[0].system = "urn:oid:1.2.392.100495.20.3.41.11410654321"
* identifier[0].value = "D0071"
* name[0].text = "森 和彦"
* name[0].family = "森"
* name[0].given[0] = "和彦"

Instance: ex-plain-jpclins-cerebral-infarction-patient
InstanceOf: $JP_Patient_eCS
Usage: #inline
* meta.lastUpdated = "2026-09-22T14:00:00+09:00"
* identifier[0].system = "urn:oid:1.2.392.100495.20.3.51.11410654321"
* identifier[0].value = "00120877"
* identifier[1].system = $insurance-memberID
* identifier[1].value = "39141011::40120877:"
* name[0].use = #official
* name[0].text = "木村 千代"
* name[0].family = "木村"
* name[0].given[0] = "千代"
* name[0].extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
* name[0].extension[0].valueCode = #IDE
* name[1].use = #official
* name[1].text = "キムラ チヨ"
* name[1].family = "キムラ"
* name[1].given[0] = "チヨ"
* name[1].extension[0].url = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
* name[1].extension[0].valueCode = #SYL
* gender = #female
* birthDate = "1942-11-30"
* address[0].text = "神奈川県横浜市港南区日野南3-7-1"
* address[0].postalCode = "234-0055"
* address[0].country = "JP"

Instance: ex-plain-jpclins-cerebral-infarction-encounter
InstanceOf: $JP_Encounter_eCS
Usage: #inline
* meta.lastUpdated = "2026-09-22T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Encounter_eCS"
* identifier[0].system = "http://jp-cvd-registry.org/fhir/NamingSystem/admission-number/1410654321"
* identifier[0].value = "2026090901"
* status = #finished
* class = $v3-ActCode#IMP "inpatient encounter"
* priority = $v3-ActPriority#EM "emergency"
* subject.reference = "urn:uuid:9d71d606-2d09-54ff-9e92-a9e1a1138dd8"
* period.start = "2026-09-09T17:00:00+09:00"
* period.end = "2026-09-22T10:00:00+09:00"
* length = 13 'd' "日"
* serviceProvider.reference = "urn:uuid:c22d6ad0-74d9-5403-846f-87d641cab386"
* diagnosis[0].condition.reference = "urn:uuid:ca651bd7-27aa-58a9-aef1-1cdc5b16143b"
* diagnosis[0].use.coding[0] = $diagnosis-role#DD "Discharge diagnosis"
* diagnosis[0].rank = 1
* hospitalization.admitSource.coding[0] = $admit-source#1 "家庭からの入院"
* hospitalization.dischargeDisposition.coding[0] = $discharge-disposition#1 "傷病が治癒・軽快"

Instance: ex-plain-jpclins-cerebral-infarction-condition
InstanceOf: $JP_Condition_eCS
Usage: #inline
* meta.lastUpdated = "2026-09-22T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Condition_eCS"
* identifier[resourceIdentifier].system = $resourceInstance-identifier
* identifier[resourceIdentifier].value = "1410654321-2026090901-DX1"
* clinicalStatus = $condition-clinical#active "Active"
* verificationStatus = $condition-ver-status#confirmed "Confirmed"
* category = $condition-category#encounter-diagnosis "Encounter Diagnosis"
* code.coding[medisRecordNo] = $MEDIS#20057002 "ラクナ梗塞"
* code.coding[icd10] = $ICD10JP#I638 "その他の脳梗塞"
* code.text = "ラクナ梗塞"
* subject.reference = "urn:uuid:9d71d606-2d09-54ff-9e92-a9e1a1138dd8"
* encounter.reference = "urn:uuid:70114b50-8428-5db0-b594-ef06f563cc2f"
* recordedDate = "2026-09-09T17:00:00+09:00"
* recorder.reference = "urn:uuid:8e3b456b-511e-55b8-a50c-0eafcfac9668"
* onsetDateTime = "2026-09-08T07:00:00+09:00"

Instance: ex-plain-jpclins-cerebral-infarction-med-1
InstanceOf: $JP_MedicationRequest_eCS
Usage: #inline
* meta.lastUpdated = "2026-09-22T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS"
* identifier[rpNumber].value = "1"
* identifier[orderInRp].value = "1"
* identifier[requestIdentifier].system = $resourceInstance-identifier
* identifier[requestIdentifier].value = "1410654321-2026090901-RX1"
* status = #completed
* intent = #order
* medicationCodeableConcept.coding[codingYJ] = $YJ#3399008F2021 "プラビックス錠75mg"
* medicationCodeableConcept.text = "プラビックス錠75mg"
* subject.reference = "urn:uuid:9d71d606-2d09-54ff-9e92-a9e1a1138dd8"
* encounter.reference = "urn:uuid:70114b50-8428-5db0-b594-ef06f563cc2f"
* authoredOn = "2026-09-22"
* requester.reference = "urn:uuid:8e3b456b-511e-55b8-a50c-0eafcfac9668"
* dosageInstruction[0].extension[periodOfUse].valuePeriod.start = "2026-09-23"
* dosageInstruction[0].text = "1回1錠 1日1回 朝食後"
* dosageInstruction[0].timing.code.coding[unCoded] = $UsageUncoded#0X0XXXXXXXXX0000 "ダミー用法コード"
* dosageInstruction[0].timing.code.text = "1日1回朝食後"
* dosageInstruction[0].doseAndRate[0].type = http://terminology.hl7.org/CodeSystem/dose-rate-type#ordered "Ordered"
* dosageInstruction[0].doseAndRate[0].doseQuantity = urn:oid:1.2.392.100495.20.2.101#TAB "錠"
* dosageInstruction[0].doseAndRate[0].doseQuantity.value = 1
* dispenseRequest.expectedSupplyDuration = 28 'd' "日"

Instance: ex-plain-jpclins-cerebral-infarction-hospital-course
InstanceOf: $JP_DocumentReference_eCS
Usage: #inline
* meta.lastUpdated = "2026-09-22T14:00:00+09:00"
* status = #current
* subject.reference = "urn:uuid:9d71d606-2d09-54ff-9e92-a9e1a1138dd8"
* date = "2026-09-22T14:00:00+09:00"
* author[0].reference = "urn:uuid:8e3b456b-511e-55b8-a50c-0eafcfac9668"
* description = "入院中経過"
* content[0].attachment.contentType = #text/plain
* content[0].attachment.language = #ja
* content[0].attachment.data = "TVJJ5ouh5pWj5by36Kq/5YOP44Gn5bem5pS+57ea5Yag44Gr5bCP5qKX5aGe44CC55m655eH44GL44KJMjTmmYLplpPku6XkuIrntYzpgY7jgZfjgabjgYrjgorlho3ngYzmtYHnmYLms5Xjga7pganlv5zjgarjgZfjgILjgq/jg63jg5Tjg4njgrDjg6zjg6vjgpLplovlp4vjgZfjg6rjg4/jg5Pjg6rjgpLooYzjgYTjgIHnl4fnirbjga/jgbvjgbzmtojlpLHjgZfoh6rlroXpgIDpmaLjgII="
* content[0].attachment.title = "入院中経過"

Instance: ex-plain-jpclins-cerebral-infarction-discharge-plan
InstanceOf: $JP_CarePlan_eCS
Usage: #inline
* meta.lastUpdated = "2026-09-22T14:00:00+09:00"
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">クロピドグレルを継続。血圧管理と外来リハビリを継続する。</div>"
* identifier[0].system = $resourceInstance-identifier
* identifier[0].value = "1410654321-2026090901-CP1"
* status = #active
* intent = #plan
* category = $careplan-category#discharge-plan "退院時プラン"
* title = "退院時方針"
* description = "クロピドグレルを継続。血圧管理と外来リハビリを継続する。"
* subject.reference = "urn:uuid:9d71d606-2d09-54ff-9e92-a9e1a1138dd8"
* encounter.reference = "urn:uuid:70114b50-8428-5db0-b594-ef06f563cc2f"
* period.start = "2026-09-22T10:00:00+09:00"
* created = "2026-09-22T14:00:00+09:00"
* author.reference = "urn:uuid:8e3b456b-511e-55b8-a50c-0eafcfac9668"

Instance: jp-cvd-example-bundle-plain-jpclins-cerebral-infarction
InstanceOf: $JP_Bundle_eDischargeSummary
Title: "JP-CLINS 退院時サマリーそのまま (脳梗塞) / A plain JP-CLINS discharge summary (cerebral infarction)"
Description: "本 IG のプロファイル・拡張・登録項目を一切使わない、電子カルテ情報共有サービス向けのままの JP-CLINS 退院時サマリー。対象疾患 (I638) を含むので登録 Bundle プロファイルにも適合する (最小負担の原則)。84歳女性、ラクナ梗塞、保存的治療。MEDIS 病名管理番号は例示用の値。"
Usage: #example
* meta.lastUpdated = "2026-09-22T14:00:00+09:00"
* meta.profile[0] = "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary"
* identifier.system = $bundle-identifier
* identifier.value = "1410654321^2026^DS-2026090901"
* type = #document
* timestamp = "2026-09-22T14:00:00+09:00"
* entry[composition][0].fullUrl = "urn:uuid:7b9fa798-4da7-54fc-b84a-3ace508ce40b"
* entry[composition][0].resource = ex-plain-jpclins-cerebral-infarction-composition
* entry[organization][0].fullUrl = "urn:uuid:c22d6ad0-74d9-5403-846f-87d641cab386"
* entry[organization][0].resource = ex-plain-jpclins-cerebral-infarction-organization
* entry[practitioners][0].fullUrl = "urn:uuid:8e3b456b-511e-55b8-a50c-0eafcfac9668"
* entry[practitioners][0].resource = ex-plain-jpclins-cerebral-infarction-practitioner
* entry[patient][0].fullUrl = "urn:uuid:9d71d606-2d09-54ff-9e92-a9e1a1138dd8"
* entry[patient][0].resource = ex-plain-jpclins-cerebral-infarction-patient
* entry[encounter][0].fullUrl = "urn:uuid:70114b50-8428-5db0-b594-ef06f563cc2f"
* entry[encounter][0].resource = ex-plain-jpclins-cerebral-infarction-encounter
* entry[condition][0].fullUrl = "urn:uuid:ca651bd7-27aa-58a9-aef1-1cdc5b16143b"
* entry[condition][0].resource = ex-plain-jpclins-cerebral-infarction-condition
* entry[medicationRequest][0].fullUrl = "urn:uuid:7302b582-2abc-5b6b-81bd-f2553e39a6ef"
* entry[medicationRequest][0].resource = ex-plain-jpclins-cerebral-infarction-med-1
* entry[documentReference][0].fullUrl = "urn:uuid:f4bf2547-ab99-5f64-9955-e7266b66ad18"
* entry[documentReference][0].resource = ex-plain-jpclins-cerebral-infarction-hospital-course
* entry[carePlan][0].fullUrl = "urn:uuid:1fe5bedc-62b4-5e74-89ba-52845f152995"
* entry[carePlan][0].resource = ex-plain-jpclins-cerebral-infarction-discharge-plan
