// examples-procedures.fsh — 単独の治療例 (文書例に含まれない治療) / standalone examples of the remaining treatment profiles
// Patients and admissions are referenced by identifier (as a registry receives them outside a document).

RuleSet: ExampleProcedureSubject(code, pid, admno)
* subject.identifier.system = "urn:oid:1.2.392.100495.20.3.51.1{code}"
* subject.identifier.value = "{pid}"
* encounter.identifier.system = "http://jp-cvd-registry.org/fhir/NamingSystem/admission-number/{code}"
* encounter.identifier.value = "{admno}"

Instance: jp-cvd-example-procedure-cabg
InstanceOf: JPCVDProcedureCABG
Title: "冠動脈バイパス術の例 / CABG example"
Description: "NSTEMI 3枝病変に対する待機的 CABG (入院4日目)。/ CABG for three-vessel NSTEMI on day 4."
Usage: #example
* meta.lastUpdated = "2026-04-20T12:00:00+09:00"
* status = #completed
* code.coding[0] = JPCVDProcedureCS#cabg "冠動脈バイパス術 (CABG)"
* code.text = "冠動脈バイパス術 (心拍動下, 3枝)"
* insert ExampleProcedureSubject(2310987654, 00801542, 2026041501)
* performedPeriod.start = "2026-04-18T09:15:00+09:00"
* performedPeriod.end = "2026-04-18T14:40:00+09:00"

Instance: jp-cvd-example-procedure-clipping
InstanceOf: JPCVDProcedureAneurysmRepair
Title: "脳動脈瘤頸部クリッピング術の例 / Aneurysm clipping example"
Description: "中大脳動脈瘤破裂によるくも膜下出血に対する開頭クリッピング術。/ Clipping of a ruptured MCA aneurysm."
Usage: #example
* meta.lastUpdated = "2026-03-02T12:00:00+09:00"
* status = #completed
* code.coding[0] = JPCVDProcedureCS#clipping "脳動脈瘤頸部クリッピング術"
* code.text = "開頭脳動脈瘤頸部クリッピング術"
* insert ExampleProcedureSubject(0110123456, 00094421, 2026022801)
* performedPeriod.start = "2026-02-28T22:30:00+09:00"
* performedPeriod.end = "2026-03-01T03:05:00+09:00"
* bodySite[0].text = "右中大脳動脈瘤"

Instance: jp-cvd-example-procedure-iabp
InstanceOf: JPCVDProcedureMechanicalCirculatorySupport
Title: "補助循環 (IABP) の例 / IABP example"
Description: "心原性ショック (Killip IV) を伴う急性心筋梗塞に対する IABP。performedPeriod が導入から離脱まで。/ IABP for cardiogenic shock; performedPeriod spans insertion to removal."
Usage: #example
* meta.lastUpdated = "2026-04-25T12:00:00+09:00"
* status = #completed
* code.coding[0] = JPCVDProcedureCS#iabp "大動脈内バルーンパンピング (IABP)"
* code.text = "IABP"
* insert ExampleProcedureSubject(2310987654, 00803317, 2026042101)
* performedPeriod.start = "2026-04-21T03:40:00+09:00"
* performedPeriod.end = "2026-04-24T10:00:00+09:00"
