// ============================================================================
// procedures.fsh — 急性期治療 / acute treatments with their times
//   Procedure profiles on JP-CLINS JP_Procedure_eCS (Composition section 713 入院中治療).
//   Time convention: performedDateTime, or performedPeriod.start, is the *start* of the treatment:
//     IV thrombolysis = needle time (bolus start), thrombectomy = groin/arterial puncture time,
//     PCI and coronary angiography (CAG) = arterial puncture time (the first device / balloon time is an
//     extension), surgery = skin incision.
// ============================================================================

CodeSystem: JPCVDProcedureCS
Id: jp-cvd-procedure
Title: "循環器病データベース 治療・処置 / JP-CVD procedure codes"
Description: "登録対象の急性期治療。SNOMED CT が確認できたもの (静注血栓溶解療法・血栓回収療法) は SNOMED CT を併記する。/ Registry acute treatments; SNOMED CT is added where verified."
* insert LocalCodeSystem
* #ivt "静注血栓溶解療法 (rt-PA 静注療法)"
* insert EN(#ivt, Intravenous thrombolysis)
* #thrombectomy "経皮経管的脳血栓回収術"
* insert EN(#thrombectomy, Mechanical thrombectomy)
* #cag "冠動脈造影 (CAG)"
* insert EN(#cag, Coronary angiography)
* #pci "経皮的冠動脈インターベンション (PCI)"
* insert EN(#pci, Percutaneous coronary intervention)
* #cabg "冠動脈バイパス術 (CABG)"
* insert EN(#cabg, Coronary artery bypass grafting)
* #clipping "脳動脈瘤頸部クリッピング術"
* insert EN(#clipping, Aneurysm neck clipping)
* #coiling "脳動脈瘤コイル塞栓術"
* insert EN(#coiling, Endovascular aneurysm coiling)
* #hematoma-evacuation "頭蓋内血腫除去術 (開頭・内視鏡・定位)"
* insert EN(#hematoma-evacuation, Intracerebral hematoma evacuation)
* #open-aortic-repair "大動脈人工血管置換術 (開胸・開腹)"
* insert EN(#open-aortic-repair, Open surgical aortic repair - graft replacement)
* #tevar "胸部大動脈ステントグラフト内挿術 (TEVAR)"
* insert EN(#tevar, Thoracic endovascular aortic repair)
* #iabp "大動脈内バルーンパンピング (IABP)"
* insert EN(#iabp, Intra-aortic balloon pump)
* #va-ecmo "経皮的心肺補助 (PCPS / VA-ECMO)"
* insert EN(#va-ecmo, Veno-arterial extracorporeal membrane oxygenation)
* #impella "補助循環用ポンプカテーテル (Impella)"
* insert EN(#impella, Percutaneous microaxial left ventricular assist pump)
* #vad "補助人工心臓 (VAD)"
* insert EN(#vad, Ventricular assist device implantation)

ValueSet: JPCVDIVThrombolysisVS
Id: jp-cvd-procedure-ivt
Title: "静注血栓溶解療法 / IV thrombolysis"
Description: "静注血栓溶解療法のコード。/ IV thrombolysis codes."
* insert LocalValueSet
* JPCVDProcedureCS#ivt
* $SCT#472191000119101 "Intravenous thrombolytic therapy"

ValueSet: JPCVDThrombectomyVS
Id: jp-cvd-procedure-thrombectomy
Title: "血栓回収療法 / Mechanical thrombectomy"
Description: "血栓回収療法のコード。/ Mechanical thrombectomy codes."
* insert LocalValueSet
* JPCVDProcedureCS#thrombectomy
* $SCT#397046001 "Thrombectomy"

ValueSet: JPCVDCAGVS
Id: jp-cvd-procedure-cag
Title: "冠動脈造影 / Coronary angiography"
Description: "冠動脈造影 (診断カテーテル)。/ Diagnostic coronary angiography."
* insert LocalValueSet
* JPCVDProcedureCS#cag

ValueSet: JPCVDPCIVS
Id: jp-cvd-procedure-pci
Title: "PCI"
Description: "経皮的冠動脈インターベンション。/ PCI."
* insert LocalValueSet
* JPCVDProcedureCS#pci

ValueSet: JPCVDCABGVS
Id: jp-cvd-procedure-cabg
Title: "CABG"
Description: "冠動脈バイパス術。/ CABG."
* insert LocalValueSet
* JPCVDProcedureCS#cabg

ValueSet: JPCVDAneurysmRepairVS
Id: jp-cvd-procedure-aneurysm-repair
Title: "脳動脈瘤治療 / Cerebral aneurysm repair"
Description: "クリッピング・コイル塞栓。/ Clipping or coiling."
* insert LocalValueSet
* JPCVDProcedureCS#clipping
* JPCVDProcedureCS#coiling

ValueSet: JPCVDHematomaEvacuationVS
Id: jp-cvd-procedure-hematoma-evacuation
Title: "血腫除去術 / Hematoma evacuation"
Description: "頭蓋内血腫除去術。/ Hematoma evacuation."
* insert LocalValueSet
* JPCVDProcedureCS#hematoma-evacuation

ValueSet: JPCVDAorticRepairVS
Id: jp-cvd-procedure-aortic-repair
Title: "大動脈解離の手術・血管内治療 / Aortic repair"
Description: "人工血管置換術・TEVAR。/ Open repair or TEVAR."
* insert LocalValueSet
* JPCVDProcedureCS#open-aortic-repair
* JPCVDProcedureCS#tevar

ValueSet: JPCVDMechanicalCirculatorySupportVS
Id: jp-cvd-procedure-mcs
Title: "補助循環 / Mechanical circulatory support"
Description: "IABP・VA-ECMO・Impella・VAD。/ IABP, VA-ECMO, Impella, VAD."
* insert LocalValueSet
* JPCVDProcedureCS#iabp
* JPCVDProcedureCS#va-ecmo
* JPCVDProcedureCS#impella
* JPCVDProcedureCS#vad

ValueSet: JPCVDRegistryProcedureVS
Id: jp-cvd-procedure
Title: "登録対象治療 (全体) / All registry procedures"
Description: "登録対象の急性期治療すべて。/ All registry procedures."
* insert LocalValueSet
* include codes from system JPCVDProcedureCS
* $SCT#472191000119101 "Intravenous thrombolytic therapy"
* $SCT#397046001 "Thrombectomy"

// --- coronary details -------------------------------------------------------
CodeSystem: JPCVDCoronaryVesselCS
Id: jp-cvd-coronary-vessel
Title: "冠動脈 (責任病変) / Coronary vessel (culprit lesion)"
Description: "責任病変の冠動脈 (AHA 分類の区域番号を含む)。/ Culprit coronary vessel with AHA segment numbers."
* insert LocalCodeSystem
* #RCA "右冠動脈 (#1-4)"
* insert EN(#RCA, Right coronary artery - AHA 1-4)
* #LMT "左主幹部 (#5)"
* insert EN(#LMT, Left main trunk - AHA 5)
* #LAD "左前下行枝 (#6-10)"
* insert EN(#LAD, Left anterior descending artery - AHA 6-10)
* #LCX "左回旋枝 (#11-15)"
* insert EN(#LCX, Left circumflex artery - AHA 11-15)
* #GRAFT "バイパスグラフト"
* insert EN(#GRAFT, Bypass graft)
* #seg-1 "#1 右冠動脈近位部"
* insert EN(#seg-1, AHA 1 proximal RCA)
* #seg-2 "#2 右冠動脈中間部"
* insert EN(#seg-2, AHA 2 mid RCA)
* #seg-3 "#3 右冠動脈遠位部"
* insert EN(#seg-3, AHA 3 distal RCA)
* #seg-4 "#4 右冠動脈末梢 (後下行枝・房室結節枝)"
* insert EN(#seg-4, AHA 4 PD or AV branch)
* #seg-5 "#5 左主幹部"
* insert EN(#seg-5, AHA 5 left main)
* #seg-6 "#6 左前下行枝近位部"
* insert EN(#seg-6, AHA 6 proximal LAD)
* #seg-7 "#7 左前下行枝中間部"
* insert EN(#seg-7, AHA 7 mid LAD)
* #seg-8 "#8 左前下行枝遠位部"
* insert EN(#seg-8, AHA 8 distal LAD)
* #seg-9 "#9 第一対角枝"
* insert EN(#seg-9, AHA 9 first diagonal)
* #seg-10 "#10 第二対角枝"
* insert EN(#seg-10, AHA 10 second diagonal)
* #seg-11 "#11 左回旋枝近位部"
* insert EN(#seg-11, AHA 11 proximal LCX)
* #seg-12 "#12 鈍角枝"
* insert EN(#seg-12, AHA 12 obtuse marginal)
* #seg-13 "#13 左回旋枝遠位部"
* insert EN(#seg-13, AHA 13 distal LCX)
* #seg-14 "#14 後側壁枝"
* insert EN(#seg-14, AHA 14 posterolateral)
* #seg-15 "#15 後下行枝 (左回旋枝)"
* insert EN(#seg-15, AHA 15 posterior descending from LCX)

ValueSet: JPCVDCoronaryVesselVS
Id: jp-cvd-coronary-vessel
Title: "冠動脈 (責任病変) / Culprit coronary vessel"
Description: "責任病変。/ Culprit vessel."
* insert LocalValueSet
* include codes from system JPCVDCoronaryVesselCS

CodeSystem: JPCVDTIMIFlowCS
Id: jp-cvd-timi-flow
Title: "TIMI 血流分類 / TIMI flow grade"
Description: "TIMI flow grade 0-3."
* insert LocalCodeSystem
* #0 "TIMI 0: 順行性血流なし"
* insert EN(#0, TIMI 0 - No antegrade flow)
* #1 "TIMI 1: 造影剤は閉塞部を越えるが末梢は造影されない"
* insert EN(#1, TIMI 1 - Penetration without perfusion)
* #2 "TIMI 2: 末梢まで造影されるが遅延"
* insert EN(#2, TIMI 2 - Partial reperfusion - delayed flow)
* #3 "TIMI 3: 正常血流"
* insert EN(#3, TIMI 3 - Complete perfusion)

ValueSet: JPCVDTIMIFlowVS
Id: jp-cvd-timi-flow
Title: "TIMI 血流分類 / TIMI flow grade"
Description: "TIMI flow grade."
* insert LocalValueSet
* include codes from system JPCVDTIMIFlowCS

// --- extensions -------------------------------------------------------------
Extension: JPCVDFirstDeviceTime
Id: jp-cvd-first-device-time
Title: "初回デバイス通過時刻 (balloon time) / First device time"
Description: "PCI で責任病変に最初のデバイス (バルーン・血栓吸引カテーテル等) を通過・拡張した時刻。door-to-balloon 時間の終点。/ Time of the first device in the culprit lesion; end of the door-to-balloon interval."
Context: Procedure
* insert ProfileMeta
* value[x] only dateTime
* valueDateTime 1..1

Extension: JPCVDReperfusionTime
Id: jp-cvd-reperfusion-time
Title: "再灌流時刻 / Reperfusion time"
Description: "血栓回収療法・PCI で再灌流 (mTICI 2b 以上 / TIMI 3) が得られた時刻。/ Time reperfusion was achieved."
Context: Procedure
* insert ProfileMeta
* value[x] only dateTime
* valueDateTime 1..1

Extension: JPCVDTIMIFlowPre
Id: jp-cvd-timi-flow-pre
Title: "PCI 前 TIMI 血流 / TIMI flow before PCI"
Description: "PCI 前の責任病変の TIMI flow grade。/ TIMI flow grade of the culprit lesion before PCI."
Context: Procedure
* insert ProfileMeta
* value[x] only CodeableConcept
* valueCodeableConcept 1..1
* valueCodeableConcept from JPCVDTIMIFlowVS (required)

Extension: JPCVDTIMIFlowPost
Id: jp-cvd-timi-flow-post
Title: "PCI 後 TIMI 血流 / TIMI flow after PCI"
Description: "PCI 後の責任病変の TIMI flow grade。/ TIMI flow grade of the culprit lesion after PCI."
Context: Procedure
* insert ProfileMeta
* value[x] only CodeableConcept
* valueCodeableConcept 1..1
* valueCodeableConcept from JPCVDTIMIFlowVS (required)

// --- profiles ---------------------------------------------------------------
RuleSet: CVDProcedureRules(valueSet)
* insert ProfileMeta
* status MS
* code 1..1 MS
* code from {valueSet} (required)
* subject MS
* encounter MS
* performed[x] 1..1 MS
* performed[x] only dateTime or Period
* performer MS

Profile: JPCVDProcedureIVThrombolysis
Parent: $JP_Procedure_eCS
Id: jp-cvd-procedure-ivt
Title: "静注血栓溶解療法 / IV thrombolysis (JP-CVD)"
Description: "rt-PA (アルテプラーゼ) 静注療法。performed の開始時刻 = 投与開始 (needle time)。薬剤名は usedCode.text に記載してよい。/ IV thrombolysis; the start of performed[x] is the needle time."
* insert CVDProcedureRules(JPCVDIVThrombolysisVS)
* usedCode MS

Profile: JPCVDProcedureThrombectomy
Parent: $JP_Procedure_eCS
Id: jp-cvd-procedure-thrombectomy
Title: "血栓回収療法 / Mechanical thrombectomy (JP-CVD)"
Description: "経皮経管的脳血栓回収術。performed の開始時刻 = 穿刺時刻 (puncture time)、再灌流時刻は拡張、最終 mTICI は outcome または mTICI Observation。/ Thrombectomy; start of performed[x] = puncture time; reperfusion time extension; final mTICI in outcome or an mTICI Observation."
* insert CVDProcedureRules(JPCVDThrombectomyVS)
* extension contains JPCVDReperfusionTime named reperfusionTime 0..1 MS
* outcome MS
* outcome from JPCVDmTICIVS (extensible)
* bodySite MS

Profile: JPCVDProcedureCAG
Parent: $JP_Procedure_eCS
Id: jp-cvd-procedure-cag
Title: "冠動脈造影 / Coronary angiography (JP-CVD)"
Description: "診断目的の冠動脈造影 (CAG)。performed の開始時刻 = 穿刺時刻。引き続き PCI を行った場合も CAG を別の Procedure として記録する (NSTE-ACS の72時間以内 CAG 指標の起点)。/ Diagnostic coronary angiography; start of performed[x] = arterial puncture. Recorded as its own Procedure also when PCI follows (the NSTE-ACS angiography-within-72-hours indicator)."
* insert CVDProcedureRules(JPCVDCAGVS)

Profile: JPCVDProcedurePCI
Parent: $JP_Procedure_eCS
Id: jp-cvd-procedure-pci
Title: "経皮的冠動脈インターベンション / PCI (JP-CVD)"
Description: "PCI。performed の開始時刻 = 穿刺時刻、初回デバイス時刻 (balloon time) は拡張、責任病変は bodySite、TIMI flow は拡張。/ PCI; puncture time = start of performed[x]; first-device (balloon) time, culprit vessel (bodySite) and TIMI flow."
* insert CVDProcedureRules(JPCVDPCIVS)
* extension contains
    JPCVDFirstDeviceTime named firstDeviceTime 0..1 MS and
    JPCVDTIMIFlowPre named timiFlowPre 0..1 MS and
    JPCVDTIMIFlowPost named timiFlowPost 0..1 MS
* bodySite MS
* bodySite from JPCVDCoronaryVesselVS (extensible)

Profile: JPCVDProcedureCABG
Parent: $JP_Procedure_eCS
Id: jp-cvd-procedure-cabg
Title: "冠動脈バイパス術 / CABG (JP-CVD)"
Description: "CABG。performed の開始時刻 = 執刀開始。/ CABG; start of performed[x] = skin incision."
* insert CVDProcedureRules(JPCVDCABGVS)

Profile: JPCVDProcedureAneurysmRepair
Parent: $JP_Procedure_eCS
Id: jp-cvd-procedure-aneurysm-repair
Title: "脳動脈瘤治療 (クリッピング・コイル塞栓) / Aneurysm clipping or coiling (JP-CVD)"
Description: "破裂脳動脈瘤の再出血予防処置。/ Clipping or coiling of the ruptured aneurysm."
* insert CVDProcedureRules(JPCVDAneurysmRepairVS)
* bodySite MS

Profile: JPCVDProcedureHematomaEvacuation
Parent: $JP_Procedure_eCS
Id: jp-cvd-procedure-hematoma-evacuation
Title: "血腫除去術 / Hematoma evacuation (JP-CVD)"
Description: "脳内出血の血腫除去術 (開頭・神経内視鏡・定位)。/ Hematoma evacuation."
* insert CVDProcedureRules(JPCVDHematomaEvacuationVS)
* bodySite MS

Profile: JPCVDProcedureAorticRepair
Parent: $JP_Procedure_eCS
Id: jp-cvd-procedure-aortic-repair
Title: "大動脈解離の手術・TEVAR / Aortic surgery or TEVAR (JP-CVD)"
Description: "人工血管置換術または TEVAR。/ Open aortic repair or TEVAR."
* insert CVDProcedureRules(JPCVDAorticRepairVS)

Profile: JPCVDProcedureMechanicalCirculatorySupport
Parent: $JP_Procedure_eCS
Id: jp-cvd-procedure-mcs
Title: "補助循環 / Mechanical circulatory support (JP-CVD)"
Description: "IABP・VA-ECMO (PCPS)・Impella・VAD。performedPeriod で導入・離脱時刻を表す。/ IABP, VA-ECMO, Impella, VAD; performedPeriod = start and weaning."
* insert CVDProcedureRules(JPCVDMechanicalCirculatorySupportVS)
