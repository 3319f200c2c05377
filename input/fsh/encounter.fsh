// ============================================================================
// encounter.fsh — 入院 / the index admission
//   JP-CLINS JP_Encounter_eCS plus door (arrival) time, arrival mode, discharge destination.
//   Admission = Encounter.period.start; discharge = period.end; discharge disposition (退院時転帰) uses the
//   JP-CLINS code system; in-hospital death = disposition 6 or 7.
// ============================================================================

CodeSystem: JPCVDArrivalModeCS
Id: jp-cvd-arrival-mode
Title: "来院手段 / Arrival mode"
Description: "来院(搬送)手段。/ How the patient arrived at the hospital."
* insert LocalCodeSystem
* #ambulance "救急車"
* insert EN(#ambulance, Emergency medical services - ground ambulance)
* #helicopter "ドクターヘリ・救急ヘリ"
* insert EN(#helicopter, Helicopter emergency medical services)
* #interhospital-transfer "他院からの転院搬送"
* insert EN(#interhospital-transfer, Inter-hospital transfer)
* #walk-in "自力来院(自家用車・徒歩・公共交通等)"
* insert EN(#walk-in, Walk-in or private transport)
* #in-hospital "院内発症"
* insert EN(#in-hospital, In-hospital onset - no arrival)
* #other "その他"
* insert EN(#other, Other)
* #unknown "不明"
* insert EN(#unknown, Unknown)

ValueSet: JPCVDArrivalModeVS
Id: jp-cvd-arrival-mode
Title: "来院手段 / Arrival mode"
Description: "来院手段。/ Arrival mode."
* insert LocalValueSet
* include codes from system JPCVDArrivalModeCS

CodeSystem: JPCVDDischargeDestinationCS
Id: jp-cvd-discharge-destination
Title: "退院先 / Discharge destination"
Description: "退院先 (DPC 様式1の退院先区分を参考)。/ Where the patient went at discharge (after the DPC form-1 categories)."
* insert LocalCodeSystem
* #home "自宅(在宅)"
* insert EN(#home, Home)
* #transfer-acute "他の病院・診療所へ転院(急性期)"
* insert EN(#transfer-acute, Transfer to another acute-care hospital)
* #transfer-rehabilitation "回復期リハビリテーション病棟・病院へ転院"
* insert EN(#transfer-rehabilitation, Transfer to a convalescent rehabilitation ward or hospital)
* #nursing-facility "介護老人保健施設・介護医療院・福祉施設"
* insert EN(#nursing-facility, Long-term care or welfare facility)
* #death "死亡退院"
* insert EN(#death, Death)
* #other "その他"
* insert EN(#other, Other)

ValueSet: JPCVDDischargeDestinationVS
Id: jp-cvd-discharge-destination
Title: "退院先 / Discharge destination"
Description: "退院先。/ Discharge destination."
* insert LocalValueSet
* include codes from system JPCVDDischargeDestinationCS

ValueSet: JPCVDInHospitalDeathDispositionVS
Id: jp-cvd-in-hospital-death-disposition
Title: "院内死亡を表す退院時転帰 / Discharge dispositions meaning in-hospital death"
Description: "JP-CLINS 退院時転帰のうち死亡 (6: 傷病による死亡, 7: 傷病以外による死亡)。/ The JP-CLINS discharge dispositions that mean in-hospital death."
* insert LocalValueSet
* $discharge-disposition#6 "傷病による死亡"
* $discharge-disposition#7 "傷病以外による死亡"

Extension: JPCVDArrivalTime
Id: jp-cvd-arrival-time
Title: "来院時刻 (door time) / Hospital arrival (door) time"
Description: "病院到着時刻。door-to-needle / door-to-puncture / door-to-balloon 時間の起点。/ Time of arrival at the hospital door; the start of door-to-needle, door-to-puncture and door-to-balloon intervals."
Context: Encounter
* insert ProfileMeta
* value[x] only dateTime
* valueDateTime 1..1

Extension: JPCVDArrivalMode
Id: jp-cvd-arrival-mode
Title: "来院手段 / Arrival mode"
Description: "来院(搬送)手段。/ Arrival mode."
Context: Encounter
* insert ProfileMeta
* value[x] only CodeableConcept
* valueCodeableConcept 1..1
* valueCodeableConcept from JPCVDArrivalModeVS (required)

Extension: JPCVDDischargeDestination
Id: jp-cvd-discharge-destination
Title: "退院先 / Discharge destination"
Description: "退院先区分 (Encounter.hospitalization.destination は施設への参照なので区分をこの拡張で表す)。/ Discharge destination category (hospitalization.destination only references a place)."
Context: Encounter.hospitalization
* insert ProfileMeta
* value[x] only CodeableConcept
* valueCodeableConcept 1..1
* valueCodeableConcept from JPCVDDischargeDestinationVS (required)

Invariant: jp-cvd-enc-1
Description: "退院先が死亡退院なら退院時転帰は 6 または 7。/ Destination 'death' requires discharge disposition 6 or 7."
Severity: #error
Expression: "hospitalization.extension('http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-discharge-destination').value.coding.where(code = 'death').exists() implies hospitalization.dischargeDisposition.coding.where(system = 'http://jpfhir.jp/fhir/Common/CodeSystem/discharge-disposition' and (code = '6' or code = '7')).exists()"

Invariant: jp-cvd-enc-2
Description: "来院時刻は退院日時より前。/ Arrival precedes discharge."
Severity: #error
Expression: "(extension('http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-arrival-time').exists() and period.end.exists()) implies extension('http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-arrival-time').value <= period.end"

Profile: JPCVDEncounterAdmission
Parent: $JP_Encounter_eCS
Id: jp-cvd-encounter-admission
Title: "登録対象入院 / Registry index admission (JP-CVD)"
Description: """
登録対象の入院。JP-CLINS JP_Encounter_eCS に来院時刻・来院手段・退院先を加えたもの (いずれも任意)。
入院日時 = period.start、退院日時 = period.end、退院時転帰 = hospitalization.dischargeDisposition
(JP-CLINS 退院時転帰コード; 6/7 = 院内死亡)。
/ The index admission: JP_Encounter_eCS plus door time, arrival mode and discharge destination (all optional).
"""
* insert ProfileMeta
* obeys jp-cvd-enc-1 and jp-cvd-enc-2
* extension contains
    JPCVDArrivalTime named arrivalTime 0..1 MS and
    JPCVDArrivalMode named arrivalMode 0..1 MS
* class MS
* priority MS
* period.end MS
* serviceProvider MS
* hospitalization.admitSource MS
* hospitalization.extension contains JPCVDDischargeDestination named dischargeDestination 0..1 MS
* hospitalization.dischargeDisposition MS
