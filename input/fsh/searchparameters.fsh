// ============================================================================
// searchparameters.fsh — 登録サーバの検索パラメータ / registry search parameters
// ============================================================================

RuleSet: SearchParamMeta(id, name)
* url = "http://jp-cvd-registry.org/fhir/SearchParameter/{id}"
* name = "{name}"
* status = #draft
* experimental = false
* publisher = "jp-cvd-registry project"
* jurisdiction = urn:iso:std:iso:3166#JP "Japan"

Instance: jp-cvd-condition-disease-group
InstanceOf: SearchParameter
Usage: #definition
Title: "Condition: 対象疾患群 / disease group"
Description: "Condition の ICD-10 (2013 JP) コードから登録対象疾患群 (jp-cvd-disease-group のコード) を導く。値はシステムなしのトークン。/ The registry disease group derived from the Condition's ICD-10 code; token values are the jp-cvd-disease-group codes."
* insert SearchParamMeta(jp-cvd-condition-disease-group, JPCVDConditionDiseaseGroup)
* description = "登録対象疾患群 (cerebral-infarction, intracerebral-hemorrhage, subarachnoid-hemorrhage, acute-coronary-syndrome, acute-aortic-dissection, acute-heart-failure)"
* code = #disease-group
* base[0] = #Condition
* type = #token
* expression = "Condition.code.coding.where(system = 'http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full').code.select(iif($this.startsWith('I63'), 'cerebral-infarction', iif($this.startsWith('I61'), 'intracerebral-hemorrhage', iif($this.startsWith('I60'), 'subarachnoid-hemorrhage', iif($this = 'I200' or $this.startsWith('I21') or $this.startsWith('I22') or $this.startsWith('I24'), 'acute-coronary-syndrome', iif($this = 'I710', 'acute-aortic-dissection', iif($this.startsWith('I50') or $this = 'I110' or $this = 'I130' or $this = 'I132', 'acute-heart-failure', {})))))))"
* xpathUsage = #normal

Instance: jp-cvd-bundle-disease-group
InstanceOf: SearchParameter
Usage: #definition
Title: "Bundle: 対象疾患群 / disease group"
Description: "退院時サマリー文書に含まれる Condition の登録対象疾患群。/ Disease group of the Conditions inside a discharge-summary document."
* insert SearchParamMeta(jp-cvd-bundle-disease-group, JPCVDBundleDiseaseGroup)
* description = "文書中の Condition の登録対象疾患群 / disease group of the document's Conditions"
* code = #disease-group
* base[0] = #Bundle
* type = #token
* expression = "Bundle.entry.resource.ofType(Condition).code.coding.where(system = 'http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full').code.select(iif($this.startsWith('I63'), 'cerebral-infarction', iif($this.startsWith('I61'), 'intracerebral-hemorrhage', iif($this.startsWith('I60'), 'subarachnoid-hemorrhage', iif($this = 'I200' or $this.startsWith('I21') or $this.startsWith('I22') or $this.startsWith('I24'), 'acute-coronary-syndrome', iif($this = 'I710', 'acute-aortic-dissection', iif($this.startsWith('I50') or $this = 'I110' or $this = 'I130' or $this = 'I132', 'acute-heart-failure', {})))))))"
* xpathUsage = #normal

Instance: jp-cvd-bundle-hospital
InstanceOf: SearchParameter
Usage: #definition
Title: "Bundle: 医療機関 / hospital"
Description: "文書に含まれる医療機関 (Organization) の医療機関コード10桁。JP-CLINS 退院時サマリーでは作成医療機関 (custodian) が該当する。/ The 10-digit medical institution codes of the Organizations in the document (in a JP-CLINS discharge summary: the custodian hospital)."
* insert SearchParamMeta(jp-cvd-bundle-hospital, JPCVDBundleHospital)
* description = "医療機関コード10桁 (system http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no)"
* code = #hospital
* base[0] = #Bundle
* type = #token
* expression = "Bundle.entry.resource.ofType(Organization).identifier.where(system = 'http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no')"
* xpathUsage = #normal

Instance: jp-cvd-bundle-discharge-date
InstanceOf: SearchParameter
Usage: #definition
Title: "Bundle: 退院日 / discharge date"
Description: "退院日時 (Composition.event.period.end)。/ Discharge date-time."
* insert SearchParamMeta(jp-cvd-bundle-discharge-date, JPCVDBundleDischargeDate)
* description = "退院日時 / discharge date-time (Composition.event.period.end)"
* code = #discharge-date
* base[0] = #Bundle
* type = #date
* expression = "Bundle.entry.resource.ofType(Composition).event.period.end"
* xpathUsage = #normal

Instance: jp-cvd-bundle-admission-date
InstanceOf: SearchParameter
Usage: #definition
Title: "Bundle: 入院日 / admission date"
Description: "入院日時 (Composition.event.period.start)。/ Admission date-time."
* insert SearchParamMeta(jp-cvd-bundle-admission-date, JPCVDBundleAdmissionDate)
* description = "入院日時 / admission date-time (Composition.event.period.start)"
* code = #admission-date
* base[0] = #Bundle
* type = #date
* expression = "Bundle.entry.resource.ofType(Composition).event.period.start"
* xpathUsage = #normal
