// ============================================================================
// observations.fsh — 重症度・病型・転帰・検査 / severity, subtype, outcome and laboratory Observations
//   All derive from JP-CLINS JP_Observation_Common_eCS (the Bundle's `observation` entry slice).
//   LOINC / SNOMED CT codes are used only where verified (see the guidance page); other items use the IG's
//   local CodeSystem jp-cvd-observation (Japanese display, English designation).
//   Placement in the JP-CLINS Composition: admission findings -> section 612, discharge findings -> 614,
//   test / imaging / classification results -> 623. The 90-day mRS is sent later as a standalone resource.
// ============================================================================

// ---------------------------------------------------------------------------
// Local observation codes
// ---------------------------------------------------------------------------
CodeSystem: JPCVDObservationCS
Id: jp-cvd-observation
Title: "循環器病データベース 観察項目 / JP-CVD observation codes"
Description: "標準コード (LOINC/SNOMED CT) が確認できない登録項目のローカルコード。/ Local codes for registry items without a verified LOINC or SNOMED CT code."
* insert LocalCodeSystem
* #jcs "Japan Coma Scale (JCS)"
* insert EN(#jcs, Japan Coma Scale)
* #wfns "WFNS 分類 (くも膜下出血)"
* insert EN(#wfns, WFNS grade of subarachnoid hemorrhage)
* #hunt-kosnik "Hunt and Kosnik 分類"
* insert EN(#hunt-kosnik, Hunt and Kosnik grade)
* #fisher "Fisher 分類 (CT)"
* insert EN(#fisher, Fisher grade on CT)
* #killip "Killip 分類"
* insert EN(#killip, Killip class)
* #acs-type "急性冠症候群の病型 (STEMI/NSTEMI/不安定狭心症)"
* insert EN(#acs-type, Acute coronary syndrome type)
* #stanford "Stanford 分類"
* insert EN(#stanford, Stanford classification of aortic dissection)
* #debakey "DeBakey 分類"
* insert EN(#debakey, DeBakey classification of aortic dissection)
* #nyha "NYHA 心機能分類"
* insert EN(#nyha, NYHA functional class)
* #toast "TOAST 分類 (脳梗塞病型)"
* insert EN(#toast, TOAST ischemic stroke subtype)
* #mtici "mTICI 再灌流グレード"
* insert EN(#mtici, Modified treatment in cerebral ischemia reperfusion grade)
* #aspects "ASPECTS"
* insert EN(#aspects, Alberta Stroke Program Early CT Score)
* #hematoma-volume "血腫量"
* insert EN(#hematoma-volume, Intracerebral hematoma volume)
* #troponin "心筋トロポニン"
* insert EN(#troponin, Cardiac troponin)

ValueSet: JPCVDObservationCodeVS
Id: jp-cvd-observation
Title: "観察項目 (ローカル) / Local observation codes"
Description: "ローカル観察項目コード。/ Local observation codes."
* insert LocalValueSet
* include codes from system JPCVDObservationCS

// ---------------------------------------------------------------------------
// Assessment time point (pre-onset / admission / discharge / day 90 ...)
// ---------------------------------------------------------------------------
CodeSystem: JPCVDAssessmentTimepointCS
Id: jp-cvd-assessment-timepoint
Title: "評価時点 / Assessment time point"
Description: "重症度・転帰スコアの評価時点。/ When a score was assessed."
* insert LocalCodeSystem
* #pre-onset "発症前"
* insert EN(#pre-onset, Before onset - premorbid)
* #admission "入院時(来院時)"
* insert EN(#admission, On admission or arrival)
* #post-treatment-24h "治療後24時間"
* insert EN(#post-treatment-24h, 24 hours after treatment)
* #worst "入院中最悪値・最高値"
* insert EN(#worst, Worst or peak value during the stay)
* #discharge "退院時"
* insert EN(#discharge, At discharge)
* #day-90 "発症90日後"
* insert EN(#day-90, 90 days after onset)

ValueSet: JPCVDAssessmentTimepointVS
Id: jp-cvd-assessment-timepoint
Title: "評価時点 / Assessment time point"
Description: "評価時点。/ Assessment time point."
* insert LocalValueSet
* include codes from system JPCVDAssessmentTimepointCS

Extension: JPCVDAssessmentTimepoint
Id: jp-cvd-assessment-timepoint
Title: "評価時点 / Assessment time point"
Description: "スコアの評価時点 (例: mRS 発症前/退院時/90日後)。/ The clinical time point of the assessment (e.g. mRS before onset, at discharge, at 90 days)."
Context: Observation
* insert ProfileMeta
* value[x] only CodeableConcept
* valueCodeableConcept 1..1
* valueCodeableConcept from JPCVDAssessmentTimepointVS (required)

// ---------------------------------------------------------------------------
// Grade / class code systems
// ---------------------------------------------------------------------------
CodeSystem: JPCVDJCSCS
Id: jp-cvd-jcs
Title: "Japan Coma Scale"
Description: "JCS (3-3-9度方式)。コードは JCS の数値。/ Japan Coma Scale; the code is the JCS number."
* insert LocalCodeSystem
* #0 "0: 意識清明"
* insert EN(#0, 0 - Alert)
* #1 "I-1: だいたい清明だが今ひとつはっきりしない"
* insert EN(#1, I-1 - Almost fully conscious)
* #2 "I-2: 見当識障害がある"
* insert EN(#2, I-2 - Disoriented)
* #3 "I-3: 自分の名前・生年月日が言えない"
* insert EN(#3, I-3 - Cannot state own name or date of birth)
* #10 "II-10: 普通の呼びかけで容易に開眼する"
* insert EN(#10, II-10 - Opens eyes to normal voice)
* #20 "II-20: 大きな声または体をゆさぶることにより開眼する"
* insert EN(#20, II-20 - Opens eyes to loud voice or shaking)
* #30 "II-30: 痛み刺激を加えつつ呼びかけを繰り返すと辛うじて開眼する"
* insert EN(#30, II-30 - Opens eyes only to repeated pain and calling)
* #100 "III-100: 痛み刺激に対し払いのけるような動作をする"
* insert EN(#100, III-100 - Localizes pain)
* #200 "III-200: 痛み刺激で少し手足を動かしたり顔をしかめる"
* insert EN(#200, III-200 - Withdraws or grimaces to pain)
* #300 "III-300: 痛み刺激に反応しない"
* insert EN(#300, III-300 - No response to pain)

ValueSet: JPCVDJCSVS
Id: jp-cvd-jcs
Title: "Japan Coma Scale"
Description: "JCS。/ JCS values."
* insert LocalValueSet
* include codes from system JPCVDJCSCS

CodeSystem: JPCVDWFNSCS
Id: jp-cvd-wfns
Title: "WFNS 分類 / WFNS grade"
Description: "World Federation of Neurosurgical Societies grading of SAH."
* insert LocalCodeSystem
* #I "Grade I: GCS 15, 局所神経症状なし"
* insert EN(#I, Grade I - GCS 15 without motor deficit)
* #II "Grade II: GCS 14-13, 局所神経症状なし"
* insert EN(#II, Grade II - GCS 14-13 without motor deficit)
* #III "Grade III: GCS 14-13, 局所神経症状あり"
* insert EN(#III, Grade III - GCS 14-13 with motor deficit)
* #IV "Grade IV: GCS 12-7"
* insert EN(#IV, Grade IV - GCS 12-7)
* #V "Grade V: GCS 6-3"
* insert EN(#V, Grade V - GCS 6-3)

ValueSet: JPCVDWFNSVS
Id: jp-cvd-wfns
Title: "WFNS 分類 / WFNS grade"
Description: "WFNS grade."
* insert LocalValueSet
* include codes from system JPCVDWFNSCS

CodeSystem: JPCVDHuntKosnikCS
Id: jp-cvd-hunt-kosnik
Title: "Hunt and Kosnik 分類 / Hunt and Kosnik grade"
Description: "Hunt and Kosnik grading of SAH (1974)."
* insert LocalCodeSystem
* #0 "Grade 0: 未破裂"
* insert EN(#0, Grade 0 - Unruptured aneurysm)
* #I "Grade I: 無症状か軽度の頭痛・項部硬直"
* insert EN(#I, Grade I - Asymptomatic or minimal headache and slight nuchal rigidity)
* #Ia "Grade Ia: 急性の髄膜・脳症状なし、固定した神経学的失調あり"
* insert EN(#Ia, Grade Ia - Fixed neurological deficit without acute meningeal reaction)
* #II "Grade II: 中等度〜重度の頭痛・項部硬直、脳神経麻痺以外の神経学的失調なし"
* insert EN(#II, Grade II - Moderate to severe headache and nuchal rigidity - no deficit other than cranial nerve palsy)
* #III "Grade III: 傾眠・錯乱・軽度の局所神経症状"
* insert EN(#III, Grade III - Drowsiness or confusion or mild focal deficit)
* #IV "Grade IV: 昏迷・中等度〜重篤な片麻痺"
* insert EN(#IV, Grade IV - Stupor - moderate to severe hemiparesis)
* #V "Grade V: 深昏睡・除脳硬直"
* insert EN(#V, Grade V - Deep coma - decerebrate rigidity)

ValueSet: JPCVDHuntKosnikVS
Id: jp-cvd-hunt-kosnik
Title: "Hunt and Kosnik 分類 / Hunt and Kosnik grade"
Description: "Hunt and Kosnik grade."
* insert LocalValueSet
* include codes from system JPCVDHuntKosnikCS

CodeSystem: JPCVDFisherCS
Id: jp-cvd-fisher
Title: "Fisher 分類 / Fisher grade"
Description: "CT 上のくも膜下出血の分布 (Fisher 1980)。/ Fisher CT grade."
* insert LocalCodeSystem
* #1 "Group 1: 出血なし"
* insert EN(#1, Group 1 - No blood detected)
* #2 "Group 2: びまん性の薄い出血 (厚さ1mm未満)"
* insert EN(#2, Group 2 - Diffuse thin layer less than 1 mm)
* #3 "Group 3: 限局した血腫または厚い出血 (1mm以上)"
* insert EN(#3, Group 3 - Localized clot or layer 1 mm or thicker)
* #4 "Group 4: 脳内・脳室内血腫を伴う"
* insert EN(#4, Group 4 - Intracerebral or intraventricular clot)

ValueSet: JPCVDFisherVS
Id: jp-cvd-fisher
Title: "Fisher 分類 / Fisher grade"
Description: "Fisher grade."
* insert LocalValueSet
* include codes from system JPCVDFisherCS

CodeSystem: JPCVDKillipCS
Id: jp-cvd-killip
Title: "Killip 分類 / Killip class"
Description: "急性心筋梗塞の Killip 分類。/ Killip classification."
* insert LocalCodeSystem
* #I "Class I: 心不全徴候なし"
* insert EN(#I, Class I - No heart failure)
* #II "Class II: 軽度〜中等度心不全 (ラ音が肺野の50%未満)"
* insert EN(#II, Class II - Rales in less than half of the lung fields or S3)
* #III "Class III: 重症心不全・肺水腫"
* insert EN(#III, Class III - Pulmonary edema)
* #IV "Class IV: 心原性ショック"
* insert EN(#IV, Class IV - Cardiogenic shock)

ValueSet: JPCVDKillipVS
Id: jp-cvd-killip
Title: "Killip 分類 / Killip class"
Description: "Killip class."
* insert LocalValueSet
* include codes from system JPCVDKillipCS

CodeSystem: JPCVDACSTypeCS
Id: jp-cvd-acs-type
Title: "急性冠症候群の病型 / ACS type"
Description: "STEMI / NSTEMI / 不安定狭心症。/ ACS type."
* insert LocalCodeSystem
* #STEMI "ST上昇型急性心筋梗塞"
* insert EN(#STEMI, ST-elevation myocardial infarction)
* #NSTEMI "非ST上昇型急性心筋梗塞"
* insert EN(#NSTEMI, Non-ST-elevation myocardial infarction)
* #UA "不安定狭心症"
* insert EN(#UA, Unstable angina)

ValueSet: JPCVDACSTypeVS
Id: jp-cvd-acs-type
Title: "急性冠症候群の病型 / ACS type"
Description: "ACS type."
* insert LocalValueSet
* include codes from system JPCVDACSTypeCS

CodeSystem: JPCVDStanfordCS
Id: jp-cvd-stanford
Title: "Stanford 分類 / Stanford type"
Description: "大動脈解離の Stanford 分類。/ Stanford classification."
* insert LocalCodeSystem
* #A "Stanford A型: 上行大動脈に解離あり"
* insert EN(#A, Type A - Ascending aorta involved)
* #B "Stanford B型: 上行大動脈に解離なし"
* insert EN(#B, Type B - Ascending aorta not involved)

ValueSet: JPCVDStanfordVS
Id: jp-cvd-stanford
Title: "Stanford 分類 / Stanford type"
Description: "Stanford type."
* insert LocalValueSet
* include codes from system JPCVDStanfordCS

CodeSystem: JPCVDDeBakeyCS
Id: jp-cvd-debakey
Title: "DeBakey 分類 / DeBakey type"
Description: "大動脈解離の DeBakey 分類。/ DeBakey classification."
* insert LocalCodeSystem
* #I "I型: 上行大動脈から弓部以遠に及ぶ"
* insert EN(#I, Type I - Ascending aorta extending to the arch or beyond)
* #II "II型: 上行大動脈に限局"
* insert EN(#II, Type II - Confined to the ascending aorta)
* #IIIa "IIIa型: 下行大動脈 (横隔膜上に限局)"
* insert EN(#IIIa, Type IIIa - Descending aorta above the diaphragm)
* #IIIb "IIIb型: 下行大動脈 (横隔膜下に及ぶ)"
* insert EN(#IIIb, Type IIIb - Descending aorta extending below the diaphragm)

ValueSet: JPCVDDeBakeyVS
Id: jp-cvd-debakey
Title: "DeBakey 分類 / DeBakey type"
Description: "DeBakey type."
* insert LocalValueSet
* include codes from system JPCVDDeBakeyCS

ValueSet: JPCVDNYHAVS
Id: jp-cvd-nyha
Title: "NYHA 心機能分類 / NYHA class"
Description: "NYHA class I-IV (SNOMED CT)。/ NYHA functional class values, SNOMED CT."
* insert LocalValueSet
* $SCT#420300004 "New York Heart Association Classification - Class I"
* $SCT#421704003 "New York Heart Association Classification - Class II"
* $SCT#420913000 "New York Heart Association Classification - Class III"
* $SCT#422293003 "New York Heart Association Classification - Class IV"

CodeSystem: JPCVDTOASTCS
Id: jp-cvd-toast
Title: "TOAST 分類 / TOAST subtype"
Description: "脳梗塞の病型 (TOAST 分類)。/ TOAST classification of ischemic stroke."
* insert LocalCodeSystem
* #LAA "アテローム血栓性脳梗塞 (大血管アテローム硬化)"
* insert EN(#LAA, Large-artery atherosclerosis)
* #CE "心原性脳塞栓症"
* insert EN(#CE, Cardioembolism)
* #SVO "ラクナ梗塞 (小血管閉塞)"
* insert EN(#SVO, Small-vessel occlusion)
* #OC "その他の原因確定"
* insert EN(#OC, Stroke of other determined etiology)
* #UD "原因不明"
* insert EN(#UD, Stroke of undetermined etiology)

ValueSet: JPCVDTOASTVS
Id: jp-cvd-toast
Title: "TOAST 分類 / TOAST subtype"
Description: "TOAST subtype."
* insert LocalValueSet
* include codes from system JPCVDTOASTCS

CodeSystem: JPCVDmTICICS
Id: jp-cvd-mtici
Title: "mTICI グレード / mTICI grade"
Description: "血栓回収療法後の再灌流グレード (expanded TICI を含む)。/ Reperfusion grade after thrombectomy."
* insert LocalCodeSystem
* #0 "0: 再灌流なし"
* insert EN(#0, 0 - No perfusion)
* #1 "1: 閉塞部を越える造影はあるが末梢の灌流なし"
* insert EN(#1, 1 - Antegrade flow past the occlusion without distal perfusion)
* #2a "2a: 灌流域の50%未満の再灌流"
* insert EN(#2a, 2a - Reperfusion of less than half of the territory)
* #2b "2b: 灌流域の50%以上の再灌流"
* insert EN(#2b, 2b - Reperfusion of half or more of the territory)
* #2c "2c: ほぼ完全な再灌流 (末梢の遅延のみ)"
* insert EN(#2c, 2c - Near-complete reperfusion)
* #3 "3: 完全再灌流"
* insert EN(#3, 3 - Complete reperfusion)

ValueSet: JPCVDmTICIVS
Id: jp-cvd-mtici
Title: "mTICI グレード / mTICI grade"
Description: "mTICI grade."
* insert LocalValueSet
* include codes from system JPCVDmTICICS

// ---------------------------------------------------------------------------
// Laboratory code value sets (JLAC10 + LOINC)
// ---------------------------------------------------------------------------
ValueSet: JPCVDBNPCodeVS
Id: jp-cvd-lab-bnp
Title: "BNP 検査コード / BNP test codes"
Description: "BNP: JLAC10 (MEDIS 17桁; JP-CLINS コア55項目の BNP) と LOINC。/ BNP: JLAC10 (MEDIS 17 digits; the JP-CLINS core-55 BNP codes) and LOINC."
* insert LocalValueSet
* $JLAC10#4Z271000002205101 "BNP"
* $LNC#30934-4 "Natriuretic peptide B [Mass/volume] in Serum or Plasma"
* include codes from valueset http://jpfhir.jp/fhir/clins/ValueSet/JLAC10/JP_CLINS_ObsLabResult_CoreLabo_bnp_VS

ValueSet: JPCVDNTproBNPCodeVS
Id: jp-cvd-lab-nt-probnp
Title: "NT-proBNP 検査コード / NT-proBNP test codes"
Description: "NT-proBNP: JLAC10 と LOINC。/ NT-proBNP: JLAC10 and LOINC."
* insert LocalValueSet
* $JLAC10#4Z272000002305301 "NT-proBNP"
* $LNC#33762-6 "Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma"
* include codes from valueset http://jpfhir.jp/fhir/clins/ValueSet/JLAC10/JP_CLINS_ObsLabResult_CoreLabo_nt_probnp_VS

ValueSet: JPCVDTroponinCodeVS
Id: jp-cvd-lab-troponin
Title: "心筋トロポニン検査コード / Cardiac troponin test codes"
Description: """
心筋トロポニン: JP-CLINS コア55項目に含まれないため JLAC10 コードは施設の JLAC10 マッピングをそのまま送る
(本 ValueSet は LOINC とローカルコードを列挙し、binding は extensible)。
/ Cardiac troponin is not in the JP-CLINS core-55 set: hospitals send their own JLAC10 mapping; this value set lists
LOINC and the IG's local code and is bound extensibly.
"""
* insert LocalValueSet
* $LNC#10839-9 "Troponin I.cardiac [Mass/volume] in Serum or Plasma"
* $LNC#89579-7 "Troponin I.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method"
* JPCVDObservationCS#troponin "心筋トロポニン"

// ---------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------
RuleSet: CVDObservationRules
* insert ProfileMeta
* status MS
* code MS
* subject 1..1 MS
* encounter MS
* effective[x] 1..1 MS
* effective[x] only dateTime or Period
* extension contains JPCVDAssessmentTimepoint named timepoint 0..1 MS

RuleSet: CVDLocalCode(code)
* code.coding 1..*
* code.coding ^slicing.discriminator.type = #value
* code.coding ^slicing.discriminator.path = "system"
* code.coding ^slicing.rules = #open
* code.coding contains local 1..1 MS
* code.coding[local].system 1..1
* code.coding[local].system = "http://jp-cvd-registry.org/fhir/CodeSystem/jp-cvd-observation" (exactly)
* code.coding[local].code 1..1
* code.coding[local].code = #{code} (exactly)

RuleSet: CVDScoreCategory(cat)
* category 1..* MS
* category ^comment = "推奨: JP Core の JP_SimpleObservationCategory_CS#{cat} (HL7 observation-category の同名コードでもよい)。/ Recommended: JP_SimpleObservationCategory_CS#{cat}; the HL7 observation-category code of the same name is also accepted."

Invariant: jp-cvd-obs-range-nihss
Description: "NIHSS は 0〜42。/ NIHSS is 0 to 42."
Severity: #error
Expression: "value.empty() or (value >= 0 and value <= 42)"

Invariant: jp-cvd-obs-range-mrs
Description: "mRS は 0〜6。/ mRS is 0 to 6."
Severity: #error
Expression: "value.empty() or (value >= 0 and value <= 6)"

Invariant: jp-cvd-obs-range-gcs
Description: "GCS 合計は 3〜15。/ GCS total is 3 to 15."
Severity: #error
Expression: "value.empty() or (value >= 3 and value <= 15)"

Invariant: jp-cvd-obs-range-aspects
Description: "ASPECTS は 0〜10。/ ASPECTS is 0 to 10."
Severity: #error
Expression: "value.empty() or (value >= 0 and value <= 10)"

Invariant: jp-cvd-obs-range-lvef
Description: "LVEF は 0〜100 %。/ LVEF is 0 to 100 %."
Severity: #error
Expression: "value.empty() or (value.value >= 0 and value.value <= 100)"

Invariant: jp-cvd-obs-plausible-lvef
Description: "LVEF 5〜90 % の外は入力誤りの疑い (登録の完全性で「不自然」)。/ An LVEF outside 5 to 90 % is likely an entry error (implausible in the registry's completeness report)."
Severity: #warning
Expression: "value.empty() or (value.value >= 5 and value.value <= 90)"

Invariant: jp-cvd-obs-mrs-timepoint
Description: "mRS には評価時点 (発症前・退院時・90日後) が必須。/ mRS requires its time point."
Severity: #error
Expression: "extension('http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-assessment-timepoint').exists()"

Profile: JPCVDObservationNIHSS
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-nihss
Title: "NIHSS 合計点 / NIHSS total score (JP-CVD)"
Description: "NIH Stroke Scale 合計点 (LOINC 72089-6)。入院時は 612、退院時は 614 セクション。/ NIHSS total score; admission in section 612, discharge in 614."
* insert CVDObservationRules
* obeys jp-cvd-obs-range-nihss
* insert CVDScoreCategory(survey)
* code = $LNC#72089-6
* value[x] only integer
* valueInteger MS

Profile: JPCVDObservationMRS
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-mrs
Title: "modified Rankin Scale (JP-CVD)"
Description: "mRS (LOINC 75859-9)。評価時点拡張で発症前・退院時・90日後を区別する。/ mRS; the time-point extension says pre-onset, discharge or day 90."
* insert CVDObservationRules
* obeys jp-cvd-obs-range-mrs and jp-cvd-obs-mrs-timepoint
* insert CVDScoreCategory(survey)
* code = $LNC#75859-9
* extension[timepoint] 1..1
* value[x] only integer
* valueInteger MS

Profile: JPCVDObservationGCS
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-gcs
Title: "Glasgow Coma Scale 合計 / GCS total (JP-CVD)"
Description: "GCS 合計点 (LOINC 9269-2)。/ Glasgow Coma Scale total."
* insert CVDObservationRules
* obeys jp-cvd-obs-range-gcs
* insert CVDScoreCategory(survey)
* code = $LNC#9269-2
* value[x] only integer
* valueInteger MS

Profile: JPCVDObservationJCS
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-jcs
Title: "Japan Coma Scale (JP-CVD)"
Description: "JCS (ローカルコード; 標準コードなし)。/ Japan Coma Scale (local code)."
* insert CVDObservationRules
* insert CVDScoreCategory(survey)
* insert CVDLocalCode(jcs)
* value[x] only CodeableConcept
* valueCodeableConcept from JPCVDJCSVS (required)

Profile: JPCVDObservationWFNS
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-wfns
Title: "WFNS 分類 / WFNS grade (JP-CVD)"
Description: "くも膜下出血の WFNS 分類。/ WFNS grade of SAH."
* insert CVDObservationRules
* insert CVDScoreCategory(survey)
* insert CVDLocalCode(wfns)
* value[x] only CodeableConcept
* valueCodeableConcept from JPCVDWFNSVS (required)

Profile: JPCVDObservationHuntKosnik
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-hunt-kosnik
Title: "Hunt and Kosnik 分類 / Hunt and Kosnik grade (JP-CVD)"
Description: "くも膜下出血の Hunt and Kosnik 分類。/ Hunt and Kosnik grade."
* insert CVDObservationRules
* insert CVDScoreCategory(survey)
* insert CVDLocalCode(hunt-kosnik)
* value[x] only CodeableConcept
* valueCodeableConcept from JPCVDHuntKosnikVS (required)

Profile: JPCVDObservationFisher
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-fisher
Title: "Fisher 分類 / Fisher grade (JP-CVD)"
Description: "CT による Fisher 分類 (623 入院中検査結果)。/ Fisher CT grade (section 623)."
* insert CVDObservationRules
* insert CVDScoreCategory(imaging)
* insert CVDLocalCode(fisher)
* value[x] only CodeableConcept
* valueCodeableConcept from JPCVDFisherVS (required)

Profile: JPCVDObservationKillip
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-killip
Title: "Killip 分類 / Killip class (JP-CVD)"
Description: "来院時 Killip 分類。/ Killip class on arrival."
* insert CVDObservationRules
* insert CVDScoreCategory(exam)
* insert CVDLocalCode(killip)
* value[x] only CodeableConcept
* valueCodeableConcept from JPCVDKillipVS (required)

Profile: JPCVDObservationACSType
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-acs-type
Title: "急性冠症候群の病型 / ACS type (JP-CVD)"
Description: "STEMI / NSTEMI / 不安定狭心症 (心電図・バイオマーカーによる病型)。/ STEMI, NSTEMI or unstable angina."
* insert CVDObservationRules
* insert CVDScoreCategory(exam)
* insert CVDLocalCode(acs-type)
* value[x] only CodeableConcept
* valueCodeableConcept from JPCVDACSTypeVS (required)

Profile: JPCVDObservationStanford
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-stanford
Title: "Stanford 分類 / Stanford type (JP-CVD)"
Description: "大動脈解離の Stanford 分類 (造影 CT)。/ Stanford type of aortic dissection."
* insert CVDObservationRules
* insert CVDScoreCategory(imaging)
* insert CVDLocalCode(stanford)
* value[x] only CodeableConcept
* valueCodeableConcept from JPCVDStanfordVS (required)

Profile: JPCVDObservationDeBakey
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-debakey
Title: "DeBakey 分類 / DeBakey type (JP-CVD)"
Description: "大動脈解離の DeBakey 分類。/ DeBakey type of aortic dissection."
* insert CVDObservationRules
* insert CVDScoreCategory(imaging)
* insert CVDLocalCode(debakey)
* value[x] only CodeableConcept
* valueCodeableConcept from JPCVDDeBakeyVS (required)

Profile: JPCVDObservationNYHA
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-nyha
Title: "NYHA 心機能分類 / NYHA class (JP-CVD)"
Description: "NYHA 分類。code は SNOMED CT 762994006 とローカルコード、値は SNOMED CT。/ NYHA class: code SNOMED CT 762994006 plus the local code; values SNOMED CT."
* insert CVDObservationRules
* insert CVDScoreCategory(exam)
* insert CVDLocalCode(nyha)
* code.coding contains snomed 0..1 MS
* code.coding[snomed].system 1..1
* code.coding[snomed].system = "http://snomed.info/sct" (exactly)
* code.coding[snomed].code 1..1
* code.coding[snomed].code = #762994006 (exactly)
* value[x] only CodeableConcept
* valueCodeableConcept from JPCVDNYHAVS (required)

Profile: JPCVDObservationLVEF
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-lvef
Title: "左室駆出率 / LVEF (JP-CVD)"
Description: "左室駆出率 (LOINC 10230-1, %)。HFrEF (<40%)・HFmrEF (40-49%)・HFpEF (≥50%) の区分に用いる。/ Left ventricular ejection fraction in %."
* insert CVDObservationRules
* obeys jp-cvd-obs-range-lvef and jp-cvd-obs-plausible-lvef
* insert CVDScoreCategory(imaging)
* code = $LNC#10230-1
* value[x] only Quantity
* valueQuantity = $UCUM#% "%"

Profile: JPCVDObservationTOAST
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-toast
Title: "TOAST 分類 / TOAST subtype (JP-CVD)"
Description: "脳梗塞病型 (TOAST)。/ Ischemic stroke subtype (TOAST)."
* insert CVDObservationRules
* insert CVDScoreCategory(exam)
* insert CVDLocalCode(toast)
* value[x] only CodeableConcept
* valueCodeableConcept from JPCVDTOASTVS (required)

Profile: JPCVDObservationMTICI
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-mtici
Title: "mTICI グレード / mTICI grade (JP-CVD)"
Description: "血栓回収療法の最終再灌流グレード。partOf で血栓回収 Procedure を参照する。/ Final reperfusion grade; partOf references the thrombectomy Procedure."
* insert CVDObservationRules
* insert CVDScoreCategory(procedure)
* insert CVDLocalCode(mtici)
* partOf MS
* partOf only Reference(JPCVDProcedureThrombectomy)
* value[x] only CodeableConcept
* valueCodeableConcept from JPCVDmTICIVS (required)

Profile: JPCVDObservationASPECTS
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-aspects
Title: "ASPECTS (JP-CVD)"
Description: "Alberta Stroke Program Early CT Score (0〜10)。/ ASPECTS 0-10."
* insert CVDObservationRules
* obeys jp-cvd-obs-range-aspects
* insert CVDScoreCategory(imaging)
* insert CVDLocalCode(aspects)
* value[x] only integer

Profile: JPCVDObservationHematomaVolume
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-hematoma-volume
Title: "血腫量 / Hematoma volume (JP-CVD)"
Description: "脳内出血の血腫量 (mL; ABC/2 法など)。部位は bodySite。/ Intracerebral hematoma volume in mL; site in bodySite."
* insert CVDObservationRules
* insert CVDScoreCategory(imaging)
* insert CVDLocalCode(hematoma-volume)
* bodySite MS
* value[x] only Quantity
* valueQuantity = $UCUM#mL "mL"

RuleSet: CVDLabRules
* insert CVDObservationRules
* insert CVDScoreCategory(laboratory)
* value[x] only Quantity
* valueQuantity MS
* valueQuantity.system = $UCUM
* valueQuantity.code 1..1

Profile: JPCVDObservationBNP
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-bnp
Title: "BNP (JP-CVD)"
Description: "BNP (pg/mL)。JLAC10 または LOINC で表す。/ BNP in pg/mL, coded with JLAC10 and/or LOINC."
* insert CVDLabRules
* code from JPCVDBNPCodeVS (required)
* valueQuantity.code = #pg/mL

Profile: JPCVDObservationNTproBNP
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-nt-probnp
Title: "NT-proBNP (JP-CVD)"
Description: "NT-proBNP (pg/mL)。JLAC10 または LOINC。/ NT-proBNP in pg/mL, JLAC10 and/or LOINC."
* insert CVDLabRules
* code from JPCVDNTproBNPCodeVS (required)
* valueQuantity.code = #pg/mL

Profile: JPCVDObservationTroponin
Parent: $JP_Observation_Common_eCS
Id: jp-cvd-observation-troponin
Title: "心筋トロポニン / Cardiac troponin (JP-CVD)"
Description: "心筋トロポニン (I または T; 高感度法を含む)。施設の JLAC10 コードを併記する。ピーク値は評価時点 worst。/ Cardiac troponin; send the hospital's JLAC10 code as well; the peak value uses time point 'worst'."
* insert CVDLabRules
* code from JPCVDTroponinCodeVS (extensible)
