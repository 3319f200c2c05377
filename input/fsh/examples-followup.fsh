// examples-followup.fsh — 退院後の追跡情報の例 / follow-up example sent after discharge

Instance: jp-cvd-example-mrs-day90-cerebral-infarction
InstanceOf: JPCVDObservationMRS
Title: "90日後 mRS (脳梗塞例の追跡) / 90-day mRS follow-up"
Description: "脳梗塞例 (jp-cvd-example-bundle-cerebral-infarction) の発症90日後 mRS。退院時サマリーとは別に単独で POST する。患者は医療機関の患者 ID で、入院は入院番号で参照する。/ The 90-day mRS of the cerebral infarction example, POSTed on its own; patient and admission are referenced by identifier."
Usage: #example
* meta.lastUpdated = "2027-01-05T10:00:00+09:00"
* status = #final
* category[0] = $JP-obs-category#survey
* code = $LNC#75859-9 "Modified Rankin Scale"
* subject.identifier.system = "urn:oid:1.2.392.100495.20.3.51.11310512345"
* subject.identifier.value = "00482913"
* subject.display = "佐藤 一郎"
* encounter.identifier.system = "http://jp-cvd-registry.org/fhir/NamingSystem/admission-number/1310512345"
* encounter.identifier.value = "2026100301"
* effectiveDateTime = "2027-01-01T14:00:00+09:00"
* extension[timepoint].valueCodeableConcept = JPCVDAssessmentTimepointCS#day-90 "発症90日後"
* valueInteger = 1
* method.text = "外来診察による評価 / assessed at the outpatient clinic"
