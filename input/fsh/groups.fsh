// ============================================================================
// groups.fsh — 登録症例の条件で定義する患者群 / patient groups defined over registry cases
//   Group.characteristic codes the server evaluates over the registry's derived cases (one case per admission) for
//   Group/[id]/$export: a patient belongs to the Group when one of their cases meets every characteristic
//   (docs/EXPORT.md, "Group by characteristic").
// ============================================================================

CodeSystem: JPCVDGroupCharacteristicCS
Id: jp-cvd-group-characteristic
Title: "登録症例の群条件 / Registry case characteristic"
Description: "Group.characteristic.code: 登録症例(入院)について判定する条件。/ Characteristics tested on a registry case (one admission)."
* insert LocalCodeSystem
* #principal-disease "主病名の疾患群"
* insert EN(#principal-disease, Disease group of the case's principal diagnosis; value: a jp-cvd-disease-group code)
* #residence-prefecture "患者住所の都道府県"
* insert EN(#residence-prefecture, Prefecture of the patient's address; value: a JIS X 0401 prefecture code urn:oid:1.2.392.100495.20.3.21)
* #hospital-prefecture "医療機関の都道府県"
* insert EN(#hospital-prefecture, Prefecture of the hospital; value: a JIS X 0401 prefecture code urn:oid:1.2.392.100495.20.3.21)

Instance: group-cerebral-infarction-tokyo
InstanceOf: Group
Title: "東京都在住の脳梗塞症例 / Cerebral infarction cases of Tokyo residents"
Usage: #example
* type = #person
* actual = false
* name = "東京都在住の脳梗塞症例"
* characteristic[0].code = JPCVDGroupCharacteristicCS#principal-disease
* characteristic[0].valueCodeableConcept = JPCVDDiseaseGroupCS#cerebral-infarction
* characteristic[0].exclude = false
* characteristic[1].code = JPCVDGroupCharacteristicCS#residence-prefecture
* characteristic[1].valueCodeableConcept = urn:oid:1.2.392.100495.20.3.21#13 "東京都"
* characteristic[1].exclude = false
