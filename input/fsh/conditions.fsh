// ============================================================================
// conditions.fsh — 対象6疾患の傷病名 / the six registry diseases
//   Condition profiles on JP-CLINS JP_Condition_eCS, ICD-10 (2013, JP) ValueSets,
//   disease-group CodeSystem + ConceptMap, onset extensions.
// ICD-10 2013 (JP) codes are written without a dot (JP Core convention). The ICD-10 CodeSystem is not
// distributed in a FHIR package here, so every ValueSet enumerates its codes explicitly.
// ============================================================================

// ---------------------------------------------------------------------------
// 疾患群 / disease groups
// ---------------------------------------------------------------------------
CodeSystem: JPCVDDiseaseGroupCS
Id: jp-cvd-disease-group
Title: "循環器病データベース 対象疾患群 / JP-CVD registry disease group"
Description: "登録対象の6疾患群。/ The six disease groups of the registry."
* insert LocalCodeSystem
* #cerebral-infarction "脳梗塞"
* insert EN(#cerebral-infarction, Cerebral infarction)
* #intracerebral-hemorrhage "脳内出血"
* insert EN(#intracerebral-hemorrhage, Intracerebral hemorrhage)
* #subarachnoid-hemorrhage "くも膜下出血"
* insert EN(#subarachnoid-hemorrhage, Subarachnoid hemorrhage)
* #acute-coronary-syndrome "急性冠症候群"
* insert EN(#acute-coronary-syndrome, Acute coronary syndrome)
* #acute-aortic-dissection "急性大動脈解離"
* insert EN(#acute-aortic-dissection, Acute aortic dissection)
* #acute-heart-failure "急性心不全"
* insert EN(#acute-heart-failure, Acute heart failure)

ValueSet: JPCVDDiseaseGroupVS
Id: jp-cvd-disease-group
Title: "対象疾患群 / Registry disease groups"
Description: "登録対象の6疾患群。/ The six disease groups."
* insert LocalValueSet
* include codes from system JPCVDDiseaseGroupCS

// ---------------------------------------------------------------------------
// ICD-10 (2013, 日本版) ValueSets / ICD-10 2013 JP value sets
// 表示名は ICD-10(2013年版) 準拠の参考表記 / displays are for reference
// ---------------------------------------------------------------------------
ValueSet: JPCVDCerebralInfarctionICD10VS
Id: jp-cvd-icd10-cerebral-infarction
Title: "脳梗塞 ICD-10 / Cerebral infarction ICD-10 (I63)"
Description: "脳梗塞 (I63.0–I63.9) の ICD-10 2013 コード(ドットなし)。/ ICD-10 2013 codes for cerebral infarction (I63), without dot."
* insert LocalValueSet
* $ICD10JP#I630 "脳実質外動脈の血栓症による脳梗塞"
* $ICD10JP#I631 "脳実質外動脈の塞栓症による脳梗塞"
* $ICD10JP#I632 "脳実質外動脈の詳細不明の閉塞又は狭窄による脳梗塞"
* $ICD10JP#I633 "脳動脈の血栓症による脳梗塞"
* $ICD10JP#I634 "脳動脈の塞栓症による脳梗塞"
* $ICD10JP#I635 "脳動脈の詳細不明の閉塞又は狭窄による脳梗塞"
* $ICD10JP#I636 "脳静脈血栓症による脳梗塞，非化膿性"
* $ICD10JP#I638 "その他の脳梗塞"
* $ICD10JP#I639 "脳梗塞，詳細不明"

ValueSet: JPCVDIntracerebralHemorrhageICD10VS
Id: jp-cvd-icd10-intracerebral-hemorrhage
Title: "脳内出血 ICD-10 / Intracerebral hemorrhage ICD-10 (I61)"
Description: "脳内出血 (I61.0–I61.9) の ICD-10 2013 コード。/ ICD-10 2013 codes for non-traumatic intracerebral hemorrhage (I61)."
* insert LocalValueSet
* $ICD10JP#I610 "大脳半球の脳内出血，皮質下"
* $ICD10JP#I611 "大脳半球の脳内出血，皮質"
* $ICD10JP#I612 "大脳半球の脳内出血，詳細不明"
* $ICD10JP#I613 "脳幹の脳内出血"
* $ICD10JP#I614 "小脳の脳内出血"
* $ICD10JP#I615 "脳内出血，脳室内"
* $ICD10JP#I616 "脳内出血，多発限局性"
* $ICD10JP#I618 "その他の脳内出血"
* $ICD10JP#I619 "脳内出血，詳細不明"

ValueSet: JPCVDSubarachnoidHemorrhageICD10VS
Id: jp-cvd-icd10-subarachnoid-hemorrhage
Title: "くも膜下出血 ICD-10 / Subarachnoid hemorrhage ICD-10 (I60)"
Description: "くも膜下出血 (I60.0–I60.9) の ICD-10 2013 コード。/ ICD-10 2013 codes for non-traumatic subarachnoid hemorrhage (I60)."
* insert LocalValueSet
* $ICD10JP#I600 "頚動脈サイフォン及び頚動脈分岐部からのくも膜下出血"
* $ICD10JP#I601 "中大脳動脈からのくも膜下出血"
* $ICD10JP#I602 "前交通動脈からのくも膜下出血"
* $ICD10JP#I603 "後交通動脈からのくも膜下出血"
* $ICD10JP#I604 "脳底動脈からのくも膜下出血"
* $ICD10JP#I605 "椎骨動脈からのくも膜下出血"
* $ICD10JP#I606 "その他の頭蓋内動脈からのくも膜下出血"
* $ICD10JP#I607 "頭蓋内動脈からのくも膜下出血，詳細不明"
* $ICD10JP#I608 "その他のくも膜下出血"
* $ICD10JP#I609 "くも膜下出血，詳細不明"

ValueSet: JPCVDAcuteCoronarySyndromeICD10VS
Id: jp-cvd-icd10-acute-coronary-syndrome
Title: "急性冠症候群 ICD-10 / Acute coronary syndrome ICD-10 (I20.0, I21, I22, I24)"
Description: "急性冠症候群: 不安定狭心症 I20.0、急性心筋梗塞 I21、再梗塞 I22、その他の急性虚血性心疾患 I24。/ Unstable angina I20.0, acute MI I21, subsequent MI I22, other acute ischaemic heart disease I24."
* insert LocalValueSet
* $ICD10JP#I200 "不安定狭心症"
* $ICD10JP#I210 "前壁の急性貫壁性心筋梗塞"
* $ICD10JP#I211 "下壁の急性貫壁性心筋梗塞"
* $ICD10JP#I212 "その他の部位の急性貫壁性心筋梗塞"
* $ICD10JP#I213 "部位不明の急性貫壁性心筋梗塞"
* $ICD10JP#I214 "急性心内膜下心筋梗塞"
* $ICD10JP#I219 "急性心筋梗塞，詳細不明"
* $ICD10JP#I220 "前壁の再梗塞"
* $ICD10JP#I221 "下壁の再梗塞"
* $ICD10JP#I228 "その他の部位の再梗塞"
* $ICD10JP#I229 "部位不明の再梗塞"
* $ICD10JP#I240 "冠動脈血栓症，心筋梗塞に至らなかったもの"
* $ICD10JP#I241 "ドレスラー症候群"
* $ICD10JP#I248 "その他の型の急性虚血性心疾患"
* $ICD10JP#I249 "急性虚血性心疾患，詳細不明"

ValueSet: JPCVDAcuteAorticDissectionICD10VS
Id: jp-cvd-icd10-acute-aortic-dissection
Title: "急性大動脈解離 ICD-10 / Acute aortic dissection ICD-10 (I71.0)"
Description: "大動脈解離 I71.0。急性期であることは入院契機・発症日時で判断する。/ Dissection of aorta I71.0; acuity is established by the admission and onset date-time."
* insert LocalValueSet
* $ICD10JP#I710 "大動脈の解離［各部位］"

ValueSet: JPCVDAcuteHeartFailureICD10VS
Id: jp-cvd-icd10-acute-heart-failure
Title: "急性心不全 ICD-10 / Acute heart failure ICD-10 (I50, I11.0, I13.0, I13.2)"
Description: """
急性心不全: I50.0, I50.1, I50.9 に加え、ICD-10 のコーディング規則上「心不全を伴う高血圧性心疾患」として
I11.0、「心不全を伴う高血圧性心腎疾患」として I13.0 / I13.2 に分類される心不全入院も含める
(DPC 上6桁 050130 心不全と同じ範囲)。I13.1(腎不全のみ)、I11.9、I13.9 は含めない。
/ Heart failure I50.0/I50.1/I50.9 plus heart-failure admissions that ICD-10 rules classify as hypertensive heart
disease with (congestive) heart failure I11.0 or hypertensive heart and renal disease with heart failure I13.0 /
I13.2 (the same range as DPC group 050130). I13.1 (renal failure only), I11.9 and I13.9 are excluded.
"""
* insert LocalValueSet
* $ICD10JP#I500 "うっ血性心不全"
* $ICD10JP#I501 "左室不全"
* $ICD10JP#I509 "心不全，詳細不明"
* $ICD10JP#I110 "（うっ血性）心不全を伴う高血圧性心疾患"
* $ICD10JP#I130 "（うっ血性）心不全を伴う高血圧性心腎疾患"
* $ICD10JP#I132 "（うっ血性）心不全及び腎不全の両者を伴う高血圧性心腎疾患"

ValueSet: JPCVDRegistryDiseaseICD10VS
Id: jp-cvd-icd10-registry-diseases
Title: "登録対象疾患 ICD-10 (全6疾患) / All registry diseases ICD-10"
Description: "6疾患の ICD-10 コードの和集合。Bundle の登録要件 (jp-cvd-bdl-1) に用いる。/ Union of the six disease value sets; used by the Bundle inclusion rule jp-cvd-bdl-1."
* insert LocalValueSet
* include codes from valueset JPCVDCerebralInfarctionICD10VS
* include codes from valueset JPCVDIntracerebralHemorrhageICD10VS
* include codes from valueset JPCVDSubarachnoidHemorrhageICD10VS
* include codes from valueset JPCVDAcuteCoronarySyndromeICD10VS
* include codes from valueset JPCVDAcuteAorticDissectionICD10VS
* include codes from valueset JPCVDAcuteHeartFailureICD10VS

// ICD-10 → 疾患群 / ICD-10 to disease group (used by the disease-group SearchParameter and analytics)
Instance: jp-cvd-icd10-to-disease-group
InstanceOf: ConceptMap
Usage: #definition
Title: "ICD-10 から対象疾患群へ / ICD-10 to registry disease group"
Description: "ICD-10 2013 (JP) コードを登録対象疾患群に対応付ける。/ Maps ICD-10 2013 JP codes to the registry disease groups."
* url = "http://jp-cvd-registry.org/fhir/ConceptMap/jp-cvd-icd10-to-disease-group"
* name = "JPCVDICD10ToDiseaseGroup"
* status = #draft
* experimental = false
* sourceCanonical = Canonical(JPCVDRegistryDiseaseICD10VS)
* targetCanonical = Canonical(JPCVDDiseaseGroupVS)
* group[0].source = $ICD10JP
* group[0].target = Canonical(JPCVDDiseaseGroupCS)
* insert MapICD(I630, cerebral-infarction)
* insert MapICD(I631, cerebral-infarction)
* insert MapICD(I632, cerebral-infarction)
* insert MapICD(I633, cerebral-infarction)
* insert MapICD(I634, cerebral-infarction)
* insert MapICD(I635, cerebral-infarction)
* insert MapICD(I636, cerebral-infarction)
* insert MapICD(I638, cerebral-infarction)
* insert MapICD(I639, cerebral-infarction)
* insert MapICD(I610, intracerebral-hemorrhage)
* insert MapICD(I611, intracerebral-hemorrhage)
* insert MapICD(I612, intracerebral-hemorrhage)
* insert MapICD(I613, intracerebral-hemorrhage)
* insert MapICD(I614, intracerebral-hemorrhage)
* insert MapICD(I615, intracerebral-hemorrhage)
* insert MapICD(I616, intracerebral-hemorrhage)
* insert MapICD(I618, intracerebral-hemorrhage)
* insert MapICD(I619, intracerebral-hemorrhage)
* insert MapICD(I600, subarachnoid-hemorrhage)
* insert MapICD(I601, subarachnoid-hemorrhage)
* insert MapICD(I602, subarachnoid-hemorrhage)
* insert MapICD(I603, subarachnoid-hemorrhage)
* insert MapICD(I604, subarachnoid-hemorrhage)
* insert MapICD(I605, subarachnoid-hemorrhage)
* insert MapICD(I606, subarachnoid-hemorrhage)
* insert MapICD(I607, subarachnoid-hemorrhage)
* insert MapICD(I608, subarachnoid-hemorrhage)
* insert MapICD(I609, subarachnoid-hemorrhage)
* insert MapICD(I200, acute-coronary-syndrome)
* insert MapICD(I210, acute-coronary-syndrome)
* insert MapICD(I211, acute-coronary-syndrome)
* insert MapICD(I212, acute-coronary-syndrome)
* insert MapICD(I213, acute-coronary-syndrome)
* insert MapICD(I214, acute-coronary-syndrome)
* insert MapICD(I219, acute-coronary-syndrome)
* insert MapICD(I220, acute-coronary-syndrome)
* insert MapICD(I221, acute-coronary-syndrome)
* insert MapICD(I228, acute-coronary-syndrome)
* insert MapICD(I229, acute-coronary-syndrome)
* insert MapICD(I240, acute-coronary-syndrome)
* insert MapICD(I241, acute-coronary-syndrome)
* insert MapICD(I248, acute-coronary-syndrome)
* insert MapICD(I249, acute-coronary-syndrome)
* insert MapICD(I710, acute-aortic-dissection)
* insert MapICD(I500, acute-heart-failure)
* insert MapICD(I501, acute-heart-failure)
* insert MapICD(I509, acute-heart-failure)
* insert MapICD(I110, acute-heart-failure)
* insert MapICD(I130, acute-heart-failure)
* insert MapICD(I132, acute-heart-failure)

RuleSet: MapICD(icd, group)
* group[0].element[+].code = #{icd}
* group[0].element[=].target[0].code = #{group}
* group[0].element[=].target[0].equivalence = #wider

// ---------------------------------------------------------------------------
// 発症時刻 / onset extensions
// ---------------------------------------------------------------------------
CodeSystem: JPCVDOnsetTimeStatusCS
Id: jp-cvd-onset-time-status
Title: "発症時刻の確かさ / Onset time status"
Description: "Condition.onsetDateTime が何を表すか。/ What Condition.onsetDateTime represents."
* insert LocalCodeSystem
* #witnessed "発症時刻確定(目撃あり・本人申告)"
* insert EN(#witnessed, Witnessed or reported onset time)
* #estimated "発症時刻推定"
* insert EN(#estimated, Estimated onset time)
* #last-known-well "発症時刻不明・最終未発症確認時刻あり"
* insert EN(#last-known-well, Onset unknown - last known well time recorded)
* #unknown "発症時刻不明"
* insert EN(#unknown, Onset time unknown)

ValueSet: JPCVDOnsetTimeStatusVS
Id: jp-cvd-onset-time-status
Title: "発症時刻の確かさ / Onset time status"
Description: "発症時刻の確かさ。/ Onset time status."
* insert LocalValueSet
* include codes from system JPCVDOnsetTimeStatusCS

Extension: JPCVDOnsetTimeStatus
Id: jp-cvd-onset-time-status
Title: "発症時刻の確かさ / Onset time status"
Description: "onsetDateTime が確定・推定か、発症時刻不明で最終未発症確認時刻 (last known well) を用いるか、完全に不明か。/ Whether the onset time is witnessed, estimated, only a last-known-well time, or unknown."
Context: Condition
* insert ProfileMeta
* value[x] only code
* valueCode 1..1
* valueCode from JPCVDOnsetTimeStatusVS (required)

Extension: JPCVDLastKnownWell
Id: jp-cvd-last-known-well
Title: "最終未発症確認時刻 / Last known well"
Description: "発症時刻不明の場合の最終未発症確認時刻 (脳卒中で必須の時間指標)。/ Time the patient was last known to be without symptoms, when the onset time is unknown."
Context: Condition
* insert ProfileMeta
* value[x] only dateTime
* valueDateTime 1..1

Extension: JPCVDInHospitalOnset
Id: jp-cvd-in-hospital-onset
Title: "院内発症 / In-hospital onset"
Description: "他疾患で入院中の発症 (院内発症) なら true。/ True when the disease started while the patient was already in hospital for another reason."
Context: Condition
* insert ProfileMeta
* value[x] only boolean
* valueBoolean 1..1

// ---------------------------------------------------------------------------
// Condition profiles
// ---------------------------------------------------------------------------
Invariant: jp-cvd-cond-1
Description: "発症時刻の確かさが last-known-well なら最終未発症確認時刻を記載する。/ last-known-well status requires the last-known-well extension."
Severity: #error
Expression: "extension('http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-onset-time-status').value.where($this = 'last-known-well').exists() implies extension('http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-last-known-well').exists()"

Invariant: jp-cvd-cond-2
Description: "発症時刻の確かさが unknown なら onsetDateTime は記載しない。/ unknown onset status excludes onset[x]."
Severity: #error
Expression: "extension('http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-onset-time-status').value.where($this = 'unknown').exists() implies onset.empty()"

RuleSet: CVDConditionRules(valueSet)
* insert ProfileMeta
* obeys jp-cvd-cond-1 and jp-cvd-cond-2
* extension contains
    JPCVDOnsetTimeStatus named onsetTimeStatus 0..1 MS and
    JPCVDLastKnownWell named lastKnownWell 0..1 MS and
    JPCVDInHospitalOnset named inHospitalOnset 0..1 MS
* code.coding[icd10] 1..1 MS
* code.coding[icd10] from {valueSet} (required)
* code.coding[icd10].code 1..1
* onset[x] MS
* onsetDateTime MS
* encounter MS
* verificationStatus MS

Profile: JPCVDConditionCerebralInfarction
Parent: $JP_Condition_eCS
Id: jp-cvd-condition-cerebral-infarction
Title: "脳梗塞 / Cerebral infarction (JP-CVD)"
Description: "脳梗塞 (I63) の傷病名。JP-CLINS JP_Condition_eCS に ICD-10 必須化と発症時刻情報を加えたもの。/ Cerebral infarction diagnosis: JP_Condition_eCS plus a required ICD-10 I63 coding and onset information."
* insert CVDConditionRules(JPCVDCerebralInfarctionICD10VS)

Profile: JPCVDConditionIntracerebralHemorrhage
Parent: $JP_Condition_eCS
Id: jp-cvd-condition-intracerebral-hemorrhage
Title: "脳内出血 / Intracerebral hemorrhage (JP-CVD)"
Description: "脳内出血 (I61) の傷病名。/ Intracerebral hemorrhage diagnosis (I61) on JP_Condition_eCS."
* insert CVDConditionRules(JPCVDIntracerebralHemorrhageICD10VS)

Profile: JPCVDConditionSubarachnoidHemorrhage
Parent: $JP_Condition_eCS
Id: jp-cvd-condition-subarachnoid-hemorrhage
Title: "くも膜下出血 / Subarachnoid hemorrhage (JP-CVD)"
Description: "くも膜下出血 (I60) の傷病名。/ Subarachnoid hemorrhage diagnosis (I60) on JP_Condition_eCS."
* insert CVDConditionRules(JPCVDSubarachnoidHemorrhageICD10VS)

Profile: JPCVDConditionAcuteCoronarySyndrome
Parent: $JP_Condition_eCS
Id: jp-cvd-condition-acute-coronary-syndrome
Title: "急性冠症候群 / Acute coronary syndrome (JP-CVD)"
Description: "急性冠症候群 (I20.0, I21, I22, I24) の傷病名。STEMI/NSTEMI の別は Observation (jp-cvd-observation-acs-type) で表す。/ ACS diagnosis on JP_Condition_eCS; the STEMI/NSTEMI/UA type is an Observation."
* insert CVDConditionRules(JPCVDAcuteCoronarySyndromeICD10VS)

Profile: JPCVDConditionAcuteAorticDissection
Parent: $JP_Condition_eCS
Id: jp-cvd-condition-acute-aortic-dissection
Title: "急性大動脈解離 / Acute aortic dissection (JP-CVD)"
Description: "急性大動脈解離 (I71.0) の傷病名。Stanford / DeBakey 分類は Observation で表す。/ Acute aortic dissection (I71.0) on JP_Condition_eCS; Stanford and DeBakey types are Observations."
* insert CVDConditionRules(JPCVDAcuteAorticDissectionICD10VS)

Profile: JPCVDConditionAcuteHeartFailure
Parent: $JP_Condition_eCS
Id: jp-cvd-condition-acute-heart-failure
Title: "急性心不全 / Acute heart failure (JP-CVD)"
Description: "急性心不全 (I50.x; 高血圧性の心不全入院は I11.0 / I13.0 / I13.2) の傷病名。/ Acute heart failure (I50.x; hypertensive heart-failure admissions coded I11.0 / I13.0 / I13.2) on JP_Condition_eCS."
* insert CVDConditionRules(JPCVDAcuteHeartFailureICD10VS)
