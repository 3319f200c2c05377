// ============================================================================
// measures.fsh — 臨床指標 / clinical indicators as FHIR Measures
//
// Each indicator is a proportion Measure whose population criteria are FHIRPath expressions (text/fhirpath)
// evaluated by the registry server over one *registry case* (one acute admission, as derived at ingest; the JSON
// shape is documented in docs/INDICATORS.md and src/registry/cases/model.ts). %context is the case itself.
// The server reads which indicators exist, their populations and their criteria from these Measures only.
//   - initial-population: the cases of the indicator's disease (principal diagnosis);
//   - denominator ⊆ initial-population; denominator-exclusion ⊆ denominator; numerator ⊆ denominator minus
//     exclusions; measureScore = numerator / (denominator − denominator-exclusion).
// Times are compared as FHIRPath DateTimes (with offset); a missing time makes a comparison empty (= false).
// Secondary use: cases of patients whose registry Consent decision is 'deny' are never counted.
// ============================================================================

Alias: $measure-population = http://terminology.hl7.org/CodeSystem/measure-population
Alias: $measure-scoring = http://terminology.hl7.org/CodeSystem/measure-scoring
Alias: $measure-type = http://terminology.hl7.org/CodeSystem/measure-type
Alias: $measure-improvement = http://terminology.hl7.org/CodeSystem/measure-improvement-notation
Alias: $usage-context-type = http://terminology.hl7.org/CodeSystem/usage-context-type

CodeSystem: JPCVDIndicatorCS
Id: jp-cvd-indicator
Title: "臨床指標 / Clinical indicators"
Description: "登録の臨床指標の識別子 (各指標は同じ id の Measure として定義)。/ Identifiers of the registry's clinical indicators; each is defined by the Measure with the same id."
* insert LocalCodeSystem
* #acs-reperfusion-12h "発症12時間以内の再灌流療法 (STEMI)"
* insert EN(#acs-reperfusion-12h, Reperfusion within 12 hours of onset - STEMI)
* #acs-door-to-balloon "door-to-balloon 時間"
* insert EN(#acs-door-to-balloon, Door-to-balloon time)
* #acs-cag-72h "72時間以内の冠動脈造影 (NSTE-ACS)"
* insert EN(#acs-cag-72h, Coronary angiography within 72 hours - NSTE-ACS)
* #acs-dapt-discharge "退院時 DAPT 処方"
* insert EN(#acs-dapt-discharge, Dual antiplatelet therapy at discharge)
* #acs-beta-blocker-hf-lowef "心不全または LVEF<40% の ACS に対する退院時 β遮断薬"
* insert EN(#acs-beta-blocker-hf-lowef, Beta-blocker at discharge for ACS with heart failure or LVEF below 40 percent)
* #acs-acei-arb-hf-lowef "心不全または LVEF<40% の ACS に対する退院時 ACE阻害薬/ARB"
* insert EN(#acs-acei-arb-hf-lowef, ACE-i or ARB at discharge for ACS with heart failure or LVEF below 40 percent)
* #acs-statin-discharge "ACS 退院時スタチン処方"
* insert EN(#acs-statin-discharge, Statin at discharge - ACS)
* #stroke-ivt-4-5h "発症4.5時間以内の rt-PA 静注療法"
* insert EN(#stroke-ivt-4-5h, IV thrombolysis within 4.5 hours of onset)
* #stroke-door-to-needle "door-to-needle 時間"
* insert EN(#stroke-door-to-needle, Door-to-needle time)
* #stroke-door-to-puncture "door-to-puncture 時間"
* insert EN(#stroke-door-to-puncture, Door-to-puncture time)
* #stroke-antithrombotic-discharge "脳梗塞 退院時抗血栓薬処方"
* insert EN(#stroke-antithrombotic-discharge, Antithrombotic at discharge - cerebral infarction)
* #stroke-anticoagulant-af "心房細動を伴う脳梗塞の退院時抗凝固薬処方"
* insert EN(#stroke-anticoagulant-af, Anticoagulant at discharge for cerebral infarction with atrial fibrillation)
* #stroke-statin-discharge "脳梗塞 退院時スタチン処方"
* insert EN(#stroke-statin-discharge, Statin at discharge - cerebral infarction)
* #stroke-mrs-0-2-day90 "90日後 mRS 0-2 の割合 (予約: 退院時サマリーに90日後の評価がないため Measure は未定義)"
* insert EN(#stroke-mrs-0-2-day90, Proportion with mRS 0-2 at 90 days - reserved; no Measure since discharge summaries carry no day-90 assessment)
* #hf-beta-blocker-lowef "LVEF<40% の心不全に対する退院時 β遮断薬"
* insert EN(#hf-beta-blocker-lowef, Beta-blocker at discharge for HF with LVEF below 40 percent)
* #hf-raas-inhibitor-lowef "LVEF<40% の心不全に対する退院時 ACE阻害薬/ARB/ARNI"
* insert EN(#hf-raas-inhibitor-lowef, ACE-i or ARB or ARNI at discharge for HF with LVEF below 40 percent)
* #hf-mra-lowef "LVEF<40% の心不全に対する退院時 MRA"
* insert EN(#hf-mra-lowef, MRA at discharge for HF with LVEF below 40 percent)
* #hf-sglt2i-lowef "LVEF<40% の心不全に対する退院時 SGLT2阻害薬"
* insert EN(#hf-sglt2i-lowef, SGLT2 inhibitor at discharge for HF with LVEF below 40 percent)
* #hf-bb-acei-lowef "LVEF<40% の心不全に対する β遮断薬・ACE阻害薬/ARB/ARNI 処方"
* insert EN(#hf-bb-acei-lowef, Beta-blocker and ACE-i or ARB or ARNI for HF with LVEF below 40 percent)
* #mortality-cerebral-infarction "院内死亡率 (脳梗塞)"
* insert EN(#mortality-cerebral-infarction, In-hospital mortality - cerebral infarction)
* #mortality-intracerebral-hemorrhage "院内死亡率 (脳内出血)"
* insert EN(#mortality-intracerebral-hemorrhage, In-hospital mortality - intracerebral hemorrhage)
* #mortality-subarachnoid-hemorrhage "院内死亡率 (くも膜下出血)"
* insert EN(#mortality-subarachnoid-hemorrhage, In-hospital mortality - subarachnoid hemorrhage)
* #mortality-acute-coronary-syndrome "院内死亡率 (急性冠症候群)"
* insert EN(#mortality-acute-coronary-syndrome, In-hospital mortality - acute coronary syndrome)
* #mortality-acute-aortic-dissection "院内死亡率 (急性大動脈解離)"
* insert EN(#mortality-acute-aortic-dissection, In-hospital mortality - acute aortic dissection)
* #mortality-acute-heart-failure "院内死亡率 (急性心不全)"
* insert EN(#mortality-acute-heart-failure, In-hospital mortality - acute heart failure)

ValueSet: JPCVDIndicatorVS
Id: jp-cvd-indicator
Title: "臨床指標 / Clinical indicators"
Description: "登録の臨床指標。/ The registry's clinical indicators."
* insert LocalValueSet
* include codes from system JPCVDIndicatorCS

// ---------------------------------------------------------------------------
// Rule sets
// ---------------------------------------------------------------------------
// id = the indicator code; disease = jp-cvd-disease-group code; type = process | outcome; improvement = increase | decrease
RuleSet: Indicator(id, name, disease, type, improvement)
* url = "http://jp-cvd-registry.org/fhir/Measure/{id}"
* identifier.system = "http://jp-cvd-registry.org/fhir/CodeSystem/jp-cvd-indicator"
* identifier.value = "{id}"
* name = "{name}"
* status = #draft
* experimental = false
* language = #ja
* publisher = "jp-cvd-registry project"
* jurisdiction = urn:iso:std:iso:3166#JP "Japan"
* useContext.code = $usage-context-type#focus
* useContext.valueCodeableConcept = JPCVDDiseaseGroupCS#{disease}
* topic = JPCVDIndicatorCS#{id}
* scoring = $measure-scoring#proportion
* type = $measure-type#{type}
* improvementNotation = $measure-improvement#{improvement}
* group[0].population[0].code = $measure-population#initial-population
* group[0].population[0].description = "主病名が当該疾患の症例 / cases whose principal diagnosis is the disease"
* group[0].population[0].criteria.language = #text/fhirpath
* group[0].population[0].criteria.expression = "principalDisease = '{disease}'"

// One further population of group 0 (denominator, denominator-exclusion, numerator), in that order.
RuleSet: Population(code, description, expression)
* group[0].population[+].code = $measure-population#{code}
* group[0].population[=].description = "{description}"
* group[0].population[=].criteria.language = #text/fhirpath
* group[0].population[=].criteria.expression = "{expression}"

// Discharge-medication indicators share their exclusion: a transfer to another acute-care hospital (the
// prescription is decided there). Alive at discharge is part of each denominator.
RuleSet: TransferOutExclusion
* insert Population(denominator-exclusion, [[他の急性期病院への転院 / transferred to another acute-care hospital]], [[facts.dischargeDestination = 'transfer-acute']])

// ---------------------------------------------------------------------------
// 急性冠症候群 / acute coronary syndrome
// ---------------------------------------------------------------------------
Instance: acs-reperfusion-12h
InstanceOf: Measure
Usage: #definition
Title: "発症12時間以内の再灌流療法 (STEMI) / Reperfusion within 12 hours of onset (STEMI)"
* insert Indicator(acs-reperfusion-12h, ACSReperfusion12h, acute-coronary-syndrome, process, increase)
* title = "発症12時間以内の再灌流療法 (STEMI) / Reperfusion within 12 hours of onset (STEMI)"
* description = "STEMI のうち発症12時間以内に来院した症例で、発症12時間以内に PCI による再灌流 (初回デバイス時刻、なければ穿刺時刻) が行われた割合。/ Share of STEMI patients arriving within 12 hours of onset who were reperfused by PCI (first device time, else puncture time) within 12 hours of onset."
* insert Population(denominator, [[STEMI (病型 Observation) / STEMI (ACS type observation)]], [[facts.observations.exists(kind = 'acs-type' and code = 'STEMI')]])
* insert Population(denominator-exclusion, [[発症時刻不明、または発症から来院まで12時間超 / onset time unknown, or arrival more than 12 hours after onset]], [[facts.onset.at.empty() or facts.arrivalAt.toDateTime() > facts.onset.at.toDateTime() + 12 hours]])
* insert Population(numerator, [[発症12時間以内の PCI / PCI within 12 hours of onset]], [[facts.procedures.exists(kind = 'pci' and iif(firstDeviceAt.exists(), firstDeviceAt, start).toDateTime() <= %context.facts.onset.at.toDateTime() + 12 hours)]])

Instance: acs-door-to-balloon
InstanceOf: Measure
Usage: #definition
Title: "door-to-balloon 90分以内 (STEMI) / Door-to-balloon within 90 minutes (STEMI)"
* insert Indicator(acs-door-to-balloon, ACSDoorToBalloon, acute-coronary-syndrome, process, increase)
* title = "door-to-balloon 90分以内 (STEMI) / Door-to-balloon within 90 minutes (STEMI)"
* description = "PCI を受けた STEMI のうち、来院 (door) から初回デバイス (balloon) まで90分以内の割合。転院搬送・院内発症・時刻欠測は除外。/ Share of STEMI patients treated with PCI whose first device time was within 90 minutes of arrival; transfers in, in-hospital onset and missing times are excluded."
* insert Population(denominator, [[PCI を受けた STEMI / STEMI treated with PCI]], [[facts.observations.exists(kind = 'acs-type' and code = 'STEMI') and facts.procedures.exists(kind = 'pci')]])
* insert Population(denominator-exclusion, [[転院搬送、院内発症、来院時刻または初回デバイス時刻の欠測 / transferred in, in-hospital onset, door or first device time missing]], [[facts.transferredIn = true or facts.onset.inHospital = true or facts.arrivalAt.empty() or facts.procedures.where(kind = 'pci' and firstDeviceAt.exists()).empty()]])
* insert Population(numerator, [[来院から90分以内の初回デバイス / first device within 90 minutes of arrival]], [[facts.procedures.exists(kind = 'pci' and firstDeviceAt.toDateTime() <= %context.facts.arrivalAt.toDateTime() + 90 minutes)]])

Instance: acs-cag-72h
InstanceOf: Measure
Usage: #definition
Title: "72時間以内の冠動脈造影 (NSTE-ACS) / Coronary angiography within 72 hours (NSTE-ACS)"
* insert Indicator(acs-cag-72h, ACSCoronaryAngiography72h, acute-coronary-syndrome, process, increase)
* title = "72時間以内の冠動脈造影 (NSTE-ACS) / Coronary angiography within 72 hours (NSTE-ACS)"
* description = "NSTEMI・不安定狭心症のうち、来院から72時間以内に冠動脈造影 (CAG、または造影を伴う PCI) が行われた割合。/ Share of NSTEMI and unstable angina patients with coronary angiography (CAG, or PCI which includes it) within 72 hours of arrival."
* insert Population(denominator, [[NSTEMI または不安定狭心症 / NSTEMI or unstable angina]], [[facts.observations.exists(kind = 'acs-type' and (code = 'NSTEMI' or code = 'UA'))]])
* insert Population(denominator-exclusion, [[来院時刻の欠測または院内発症 / door time missing or in-hospital onset]], [[facts.arrivalAt.empty() or facts.onset.inHospital = true]])
* insert Population(numerator, [[来院から72時間以内の CAG または PCI / CAG or PCI within 72 hours of arrival]], [[facts.procedures.exists((kind = 'cag' or kind = 'pci') and start.toDateTime() <= %context.facts.arrivalAt.toDateTime() + 72 hours)]])

Instance: acs-dapt-discharge
InstanceOf: Measure
Usage: #definition
Title: "退院時 DAPT 処方 (PCI 施行 ACS) / Dual antiplatelet therapy at discharge (ACS with PCI)"
* insert Indicator(acs-dapt-discharge, ACSDAPTAtDischarge, acute-coronary-syndrome, process, increase)
* title = "退院時 DAPT 処方 (PCI 施行 ACS) / Dual antiplatelet therapy at discharge (ACS with PCI)"
* description = "PCI を受け生存退院した ACS のうち、抗血小板薬2剤 (退院時処方のうち抗血小板薬に分類され成分 (YJ コード先頭7桁) の異なるものが2剤以上) が処方された割合。抗凝固薬併用例と急性期転院は除外。/ Share of ACS patients treated with PCI and discharged alive who were prescribed two antiplatelet agents (two discharge prescriptions classed antiplatelet with different ingredients, YJ code's first 7 characters); patients on an anticoagulant and acute transfers out are excluded."
* insert Population(denominator, [[PCI を受け生存退院 / PCI, discharged alive]], [[died = false and facts.procedures.exists(kind = 'pci')]])
* insert Population(denominator-exclusion, [[急性期転院、または退院時抗凝固薬 / acute transfer out, or anticoagulant at discharge]], [[facts.dischargeDestination = 'transfer-acute' or facts.dischargeDrugClasses contains 'anticoagulant']])
* insert Population(numerator, [[抗血小板薬2剤以上 (YJ コード先頭7桁 = 成分の異なる処方) / two or more antiplatelet agents (distinct YJ ingredient codes, first 7 characters)]], [[facts.dischargeMedications.where(classes contains 'antiplatelet').code.select(substring(0, 7)).distinct().count() >= 2]])

Instance: acs-beta-blocker-hf-lowef
InstanceOf: Measure
Usage: #definition
Title: "心不全または LVEF<40% の ACS: 退院時 β遮断薬 / ACS with HF or LVEF below 40 %: beta-blocker at discharge"
* insert Indicator(acs-beta-blocker-hf-lowef, ACSBetaBlockerHFLowEF, acute-coronary-syndrome, process, increase)
* title = "心不全または LVEF<40% の ACS: 退院時 β遮断薬 / ACS with HF or LVEF below 40 %: beta-blocker at discharge"
* description = "心不全 (Killip II 以上または急性心不全の併記) または LVEF<40% の生存退院 ACS のうち、β遮断薬が処方された割合。/ Share of ACS patients discharged alive with heart failure (Killip II or worse, or an acute heart failure diagnosis) or LVEF below 40 % who were prescribed a beta-blocker."
* insert Population(denominator, [[心不全または LVEF<40% で生存退院 / HF or LVEF below 40 %, discharged alive]], [[died = false and (facts.observations.exists(kind = 'lvef' and value < 40) or facts.observations.exists(kind = 'killip' and code != 'I') or diseases contains 'acute-heart-failure')]])
* insert TransferOutExclusion
* insert Population(numerator, [[β遮断薬 / beta-blocker]], [[facts.dischargeDrugClasses contains 'beta-blocker']])

Instance: acs-acei-arb-hf-lowef
InstanceOf: Measure
Usage: #definition
Title: "心不全または LVEF<40% の ACS: 退院時 ACE阻害薬/ARB / ACS with HF or LVEF below 40 %: ACE-i or ARB at discharge"
* insert Indicator(acs-acei-arb-hf-lowef, ACSACEiARBHFLowEF, acute-coronary-syndrome, process, increase)
* title = "心不全または LVEF<40% の ACS: 退院時 ACE阻害薬/ARB / ACS with HF or LVEF below 40 %: ACE-i or ARB at discharge"
* description = "心不全 (Killip II 以上または急性心不全の併記) または LVEF<40% の生存退院 ACS のうち、ACE阻害薬または ARB が処方された割合。/ Share of ACS patients discharged alive with heart failure or LVEF below 40 % who were prescribed an ACE inhibitor or an ARB."
* insert Population(denominator, [[心不全または LVEF<40% で生存退院 / HF or LVEF below 40 %, discharged alive]], [[died = false and (facts.observations.exists(kind = 'lvef' and value < 40) or facts.observations.exists(kind = 'killip' and code != 'I') or diseases contains 'acute-heart-failure')]])
* insert TransferOutExclusion
* insert Population(numerator, [[ACE阻害薬または ARB / ACE inhibitor or ARB]], [[facts.dischargeDrugClasses.exists($this = 'acei' or $this = 'arb')]])

Instance: acs-statin-discharge
InstanceOf: Measure
Usage: #definition
Title: "ACS 退院時スタチン処方 / Statin at discharge (ACS)"
* insert Indicator(acs-statin-discharge, ACSStatinAtDischarge, acute-coronary-syndrome, process, increase)
* title = "ACS 退院時スタチン処方 / Statin at discharge (ACS)"
* description = "生存退院した ACS のうちスタチンが処方された割合。/ Share of ACS patients discharged alive who were prescribed a statin."
* insert Population(denominator, [[生存退院 / discharged alive]], [[died = false]])
* insert TransferOutExclusion
* insert Population(numerator, [[スタチン / statin]], [[facts.dischargeDrugClasses contains 'statin']])

// ---------------------------------------------------------------------------
// 脳梗塞 / cerebral infarction
// ---------------------------------------------------------------------------
Instance: stroke-ivt-4-5h
InstanceOf: Measure
Usage: #definition
Title: "発症4.5時間以内の rt-PA 静注療法 / IV thrombolysis within 4.5 hours of onset"
* insert Indicator(stroke-ivt-4-5h, StrokeIVTWithin4h30m, cerebral-infarction, process, increase)
* title = "発症4.5時間以内の rt-PA 静注療法 / IV thrombolysis within 4.5 hours of onset"
* description = "発症 (または最終健常確認) から4.5時間以内に来院した脳梗塞のうち、発症4.5時間以内に rt-PA 静注療法が開始された割合。転院搬送と院内発症は除外。/ Share of cerebral infarction patients arriving within 4.5 hours of onset (or last known well) who received IV thrombolysis within 4.5 hours of onset; transfers in and in-hospital onset are excluded."
* insert Population(denominator, [[発症4.5時間以内の来院 / arrival within 4.5 hours of onset]], [[facts.arrivalAt.toDateTime() <= iif(facts.onset.at.exists(), facts.onset.at, facts.onset.lastKnownWell).toDateTime() + 270 minutes]])
* insert Population(denominator-exclusion, [[転院搬送または院内発症 / transferred in or in-hospital onset]], [[facts.transferredIn = true or facts.onset.inHospital = true]])
* insert Population(numerator, [[発症4.5時間以内の静注血栓溶解 / IV thrombolysis within 4.5 hours of onset]], [[facts.procedures.exists(kind = 'ivt' and start.toDateTime() <= iif(%context.facts.onset.at.exists(), %context.facts.onset.at, %context.facts.onset.lastKnownWell).toDateTime() + 270 minutes)]])

Instance: stroke-door-to-needle
InstanceOf: Measure
Usage: #definition
Title: "door-to-needle 60分以内 / Door-to-needle within 60 minutes"
* insert Indicator(stroke-door-to-needle, StrokeDoorToNeedle, cerebral-infarction, process, increase)
* title = "door-to-needle 60分以内 / Door-to-needle within 60 minutes"
* description = "rt-PA 静注療法を受けた脳梗塞のうち、来院から投与開始まで60分以内の割合。転院搬送・院内発症・時刻欠測は除外。/ Share of IV-thrombolysed cerebral infarction patients with a door-to-needle time of 60 minutes or less; transfers in, in-hospital onset and missing times are excluded."
* insert Population(denominator, [[rt-PA 静注療法 / IV thrombolysis]], [[facts.procedures.exists(kind = 'ivt')]])
* insert Population(denominator-exclusion, [[転院搬送、院内発症、来院時刻または投与開始時刻の欠測 / transferred in, in-hospital onset, door or needle time missing]], [[facts.transferredIn = true or facts.onset.inHospital = true or facts.arrivalAt.empty() or facts.procedures.where(kind = 'ivt' and start.exists()).empty()]])
* insert Population(numerator, [[来院から60分以内の投与開始 / needle within 60 minutes of arrival]], [[facts.procedures.exists(kind = 'ivt' and start.toDateTime() <= %context.facts.arrivalAt.toDateTime() + 60 minutes)]])

Instance: stroke-door-to-puncture
InstanceOf: Measure
Usage: #definition
Title: "door-to-puncture 90分以内 / Door-to-puncture within 90 minutes"
* insert Indicator(stroke-door-to-puncture, StrokeDoorToPuncture, cerebral-infarction, process, increase)
* title = "door-to-puncture 90分以内 / Door-to-puncture within 90 minutes"
* description = "血栓回収療法を受けた脳梗塞のうち、来院から穿刺まで90分以内の割合。転院搬送・院内発症・時刻欠測は除外。/ Share of cerebral infarction patients treated by thrombectomy with a door-to-puncture time of 90 minutes or less; transfers in, in-hospital onset and missing times are excluded."
* insert Population(denominator, [[血栓回収療法 / mechanical thrombectomy]], [[facts.procedures.exists(kind = 'thrombectomy')]])
* insert Population(denominator-exclusion, [[転院搬送、院内発症、来院時刻または穿刺時刻の欠測 / transferred in, in-hospital onset, door or puncture time missing]], [[facts.transferredIn = true or facts.onset.inHospital = true or facts.arrivalAt.empty() or facts.procedures.where(kind = 'thrombectomy' and start.exists()).empty()]])
* insert Population(numerator, [[来院から90分以内の穿刺 / puncture within 90 minutes of arrival]], [[facts.procedures.exists(kind = 'thrombectomy' and start.toDateTime() <= %context.facts.arrivalAt.toDateTime() + 90 minutes)]])

Instance: stroke-antithrombotic-discharge
InstanceOf: Measure
Usage: #definition
Title: "脳梗塞 退院時抗血栓薬処方 / Antithrombotic at discharge (cerebral infarction)"
* insert Indicator(stroke-antithrombotic-discharge, StrokeAntithromboticAtDischarge, cerebral-infarction, process, increase)
* title = "脳梗塞 退院時抗血栓薬処方 / Antithrombotic at discharge (cerebral infarction)"
* description = "生存退院した脳梗塞のうち抗血小板薬または抗凝固薬が処方された割合。/ Share of cerebral infarction patients discharged alive who were prescribed an antiplatelet agent or an anticoagulant."
* insert Population(denominator, [[生存退院 / discharged alive]], [[died = false]])
* insert TransferOutExclusion
* insert Population(numerator, [[抗血小板薬または抗凝固薬 / antiplatelet or anticoagulant]], [[facts.dischargeDrugClasses.exists($this = 'antiplatelet' or $this = 'anticoagulant')]])

Instance: stroke-anticoagulant-af
InstanceOf: Measure
Usage: #definition
Title: "心房細動を伴う脳梗塞: 退院時抗凝固薬 / Cerebral infarction with AF: anticoagulant at discharge"
* insert Indicator(stroke-anticoagulant-af, StrokeAnticoagulantAF, cerebral-infarction, process, increase)
* title = "心房細動を伴う脳梗塞: 退院時抗凝固薬 / Cerebral infarction with AF: anticoagulant at discharge"
* description = "心房細動 (併存症 ICD-10 I48) を伴い生存退院した脳梗塞のうち抗凝固薬が処方された割合。/ Share of cerebral infarction patients with atrial fibrillation (comorbidity ICD-10 I48) discharged alive who were prescribed an anticoagulant."
* insert Population(denominator, [[心房細動を伴い生存退院 / atrial fibrillation, discharged alive]], [[died = false and facts.comorbidities.exists(startsWith('I48'))]])
* insert TransferOutExclusion
* insert Population(numerator, [[抗凝固薬 / anticoagulant]], [[facts.dischargeDrugClasses contains 'anticoagulant']])

Instance: stroke-statin-discharge
InstanceOf: Measure
Usage: #definition
Title: "脳梗塞 退院時スタチン処方 / Statin at discharge (cerebral infarction)"
* insert Indicator(stroke-statin-discharge, StrokeStatinAtDischarge, cerebral-infarction, process, increase)
* title = "脳梗塞 退院時スタチン処方 / Statin at discharge (cerebral infarction)"
* description = "生存退院した脳梗塞のうちスタチンが処方された割合。/ Share of cerebral infarction patients discharged alive who were prescribed a statin."
* insert Population(denominator, [[生存退院 / discharged alive]], [[died = false]])
* insert TransferOutExclusion
* insert Population(numerator, [[スタチン / statin]], [[facts.dischargeDrugClasses contains 'statin']])

// ---------------------------------------------------------------------------
// 急性心不全 / acute heart failure (LVEF < 40 %)
// ---------------------------------------------------------------------------
RuleSet: HFLowEFDenominator
* insert Population(denominator, [[LVEF<40% で生存退院 / LVEF below 40 %, discharged alive]], [[died = false and facts.observations.exists(kind = 'lvef' and value < 40)]])
* insert TransferOutExclusion

Instance: hf-beta-blocker-lowef
InstanceOf: Measure
Usage: #definition
Title: "LVEF<40% の心不全: 退院時 β遮断薬 / HF with LVEF below 40 %: beta-blocker at discharge"
* insert Indicator(hf-beta-blocker-lowef, HFBetaBlockerLowEF, acute-heart-failure, process, increase)
* title = "LVEF<40% の心不全: 退院時 β遮断薬 / HF with LVEF below 40 %: beta-blocker at discharge"
* description = "LVEF<40% で生存退院した急性心不全のうち β遮断薬が処方された割合。/ Share of acute heart failure patients with LVEF below 40 % discharged alive who were prescribed a beta-blocker."
* insert HFLowEFDenominator
* insert Population(numerator, [[β遮断薬 / beta-blocker]], [[facts.dischargeDrugClasses contains 'beta-blocker']])

Instance: hf-raas-inhibitor-lowef
InstanceOf: Measure
Usage: #definition
Title: "LVEF<40% の心不全: 退院時 ACE阻害薬/ARB/ARNI / HF with LVEF below 40 %: ACE-i, ARB or ARNI at discharge"
* insert Indicator(hf-raas-inhibitor-lowef, HFRAASInhibitorLowEF, acute-heart-failure, process, increase)
* title = "LVEF<40% の心不全: 退院時 ACE阻害薬/ARB/ARNI / HF with LVEF below 40 %: ACE-i, ARB or ARNI at discharge"
* description = "LVEF<40% で生存退院した急性心不全のうち ACE阻害薬・ARB・ARNI のいずれかが処方された割合。/ Share of acute heart failure patients with LVEF below 40 % discharged alive who were prescribed an ACE inhibitor, an ARB or an ARNI."
* insert HFLowEFDenominator
* insert Population(numerator, [[ACE阻害薬・ARB・ARNI / ACE-i, ARB or ARNI]], [[facts.dischargeDrugClasses.exists($this = 'acei' or $this = 'arb' or $this = 'arni')]])

Instance: hf-mra-lowef
InstanceOf: Measure
Usage: #definition
Title: "LVEF<40% の心不全: 退院時 MRA / HF with LVEF below 40 %: MRA at discharge"
* insert Indicator(hf-mra-lowef, HFMRALowEF, acute-heart-failure, process, increase)
* title = "LVEF<40% の心不全: 退院時 MRA / HF with LVEF below 40 %: MRA at discharge"
* description = "LVEF<40% で生存退院した急性心不全のうちミネラルコルチコイド受容体拮抗薬が処方された割合。/ Share of acute heart failure patients with LVEF below 40 % discharged alive who were prescribed a mineralocorticoid receptor antagonist."
* insert HFLowEFDenominator
* insert Population(numerator, [[MRA]], [[facts.dischargeDrugClasses contains 'mra']])

Instance: hf-sglt2i-lowef
InstanceOf: Measure
Usage: #definition
Title: "LVEF<40% の心不全: 退院時 SGLT2阻害薬 / HF with LVEF below 40 %: SGLT2 inhibitor at discharge"
* insert Indicator(hf-sglt2i-lowef, HFSGLT2iLowEF, acute-heart-failure, process, increase)
* title = "LVEF<40% の心不全: 退院時 SGLT2阻害薬 / HF with LVEF below 40 %: SGLT2 inhibitor at discharge"
* description = "LVEF<40% で生存退院した急性心不全のうち SGLT2阻害薬が処方された割合。/ Share of acute heart failure patients with LVEF below 40 % discharged alive who were prescribed an SGLT2 inhibitor."
* insert HFLowEFDenominator
* insert Population(numerator, [[SGLT2阻害薬 / SGLT2 inhibitor]], [[facts.dischargeDrugClasses contains 'sglt2i']])

Instance: hf-bb-acei-lowef
InstanceOf: Measure
Usage: #definition
Title: "LVEF<40% の心不全: β遮断薬と ACE阻害薬/ARB/ARNI の併用 / HF with LVEF below 40 %: beta-blocker and ACE-i, ARB or ARNI"
* insert Indicator(hf-bb-acei-lowef, HFBetaBlockerAndRAASiLowEF, acute-heart-failure, process, increase)
* title = "LVEF<40% の心不全: β遮断薬と ACE阻害薬/ARB/ARNI の併用 / HF with LVEF below 40 %: beta-blocker and ACE-i, ARB or ARNI"
* description = "LVEF<40% で生存退院した急性心不全のうち、β遮断薬と ACE阻害薬・ARB・ARNI の両方が処方された割合。/ Share of acute heart failure patients with LVEF below 40 % discharged alive who were prescribed both a beta-blocker and an ACE inhibitor, ARB or ARNI."
* insert HFLowEFDenominator
* insert Population(numerator, [[β遮断薬と ACE阻害薬・ARB・ARNI / beta-blocker and ACE-i, ARB or ARNI]], [[facts.dischargeDrugClasses contains 'beta-blocker' and facts.dischargeDrugClasses.exists($this = 'acei' or $this = 'arb' or $this = 'arni')]])

// ---------------------------------------------------------------------------
// 院内死亡率 / in-hospital mortality (six diseases)
// ---------------------------------------------------------------------------
RuleSet: MortalityPopulations
* insert Population(denominator, [[当該疾患の全症例 / all cases of the disease]], [[true]])
* insert Population(denominator-exclusion, [[他の急性期病院への転院 (転帰不明) / transferred to another acute-care hospital - outcome unknown]], [[facts.dischargeDestination = 'transfer-acute']])
* insert Population(numerator, [[死亡退院 / in-hospital death]], [[died = true]])

Instance: mortality-cerebral-infarction
InstanceOf: Measure
Usage: #definition
Title: "院内死亡率 (脳梗塞) / In-hospital mortality (cerebral infarction)"
* insert Indicator(mortality-cerebral-infarction, MortalityCerebralInfarction, cerebral-infarction, outcome, decrease)
* title = "院内死亡率 (脳梗塞) / In-hospital mortality (cerebral infarction)"
* description = "脳梗塞症例のうち死亡退院の割合 (急性期転院は転帰不明として除外)。リスク調整なし。/ Share of cerebral infarction cases ending in in-hospital death (acute transfers out excluded as outcome unknown); not risk-adjusted."
* insert MortalityPopulations

Instance: mortality-intracerebral-hemorrhage
InstanceOf: Measure
Usage: #definition
Title: "院内死亡率 (脳内出血) / In-hospital mortality (intracerebral hemorrhage)"
* insert Indicator(mortality-intracerebral-hemorrhage, MortalityIntracerebralHemorrhage, intracerebral-hemorrhage, outcome, decrease)
* title = "院内死亡率 (脳内出血) / In-hospital mortality (intracerebral hemorrhage)"
* description = "脳内出血症例のうち死亡退院の割合 (急性期転院は除外)。リスク調整なし。/ Share of intracerebral hemorrhage cases ending in in-hospital death (acute transfers out excluded); not risk-adjusted."
* insert MortalityPopulations

Instance: mortality-subarachnoid-hemorrhage
InstanceOf: Measure
Usage: #definition
Title: "院内死亡率 (くも膜下出血) / In-hospital mortality (subarachnoid hemorrhage)"
* insert Indicator(mortality-subarachnoid-hemorrhage, MortalitySubarachnoidHemorrhage, subarachnoid-hemorrhage, outcome, decrease)
* title = "院内死亡率 (くも膜下出血) / In-hospital mortality (subarachnoid hemorrhage)"
* description = "くも膜下出血症例のうち死亡退院の割合 (急性期転院は除外)。リスク調整なし。/ Share of subarachnoid hemorrhage cases ending in in-hospital death (acute transfers out excluded); not risk-adjusted."
* insert MortalityPopulations

Instance: mortality-acute-coronary-syndrome
InstanceOf: Measure
Usage: #definition
Title: "院内死亡率 (急性冠症候群) / In-hospital mortality (acute coronary syndrome)"
* insert Indicator(mortality-acute-coronary-syndrome, MortalityAcuteCoronarySyndrome, acute-coronary-syndrome, outcome, decrease)
* title = "院内死亡率 (急性冠症候群) / In-hospital mortality (acute coronary syndrome)"
* description = "急性冠症候群症例のうち死亡退院の割合 (急性期転院は除外)。リスク調整なし。/ Share of acute coronary syndrome cases ending in in-hospital death (acute transfers out excluded); not risk-adjusted."
* insert MortalityPopulations

Instance: mortality-acute-aortic-dissection
InstanceOf: Measure
Usage: #definition
Title: "院内死亡率 (急性大動脈解離) / In-hospital mortality (acute aortic dissection)"
* insert Indicator(mortality-acute-aortic-dissection, MortalityAcuteAorticDissection, acute-aortic-dissection, outcome, decrease)
* title = "院内死亡率 (急性大動脈解離) / In-hospital mortality (acute aortic dissection)"
* description = "急性大動脈解離症例のうち死亡退院の割合 (急性期転院は除外)。リスク調整なし。/ Share of acute aortic dissection cases ending in in-hospital death (acute transfers out excluded); not risk-adjusted."
* insert MortalityPopulations

Instance: mortality-acute-heart-failure
InstanceOf: Measure
Usage: #definition
Title: "院内死亡率 (急性心不全) / In-hospital mortality (acute heart failure)"
* insert Indicator(mortality-acute-heart-failure, MortalityAcuteHeartFailure, acute-heart-failure, outcome, decrease)
* title = "院内死亡率 (急性心不全) / In-hospital mortality (acute heart failure)"
* description = "急性心不全症例のうち死亡退院の割合 (急性期転院は除外)。リスク調整なし。/ Share of acute heart failure cases ending in in-hospital death (acute transfers out excluded); not risk-adjusted."
* insert MortalityPopulations
