// ============================================================================
// measures-later.fsh — 臨床指標 (後続作業) / clinical indicators (later work)
//
// The clinical indicators named in the MHLW material will be expressed as FHIR Measure resources (with
// FHIRPath/CQL libraries) in a later iteration. The data they need is already carried by this IG:
//   - reperfusion < 12 h, door-to-balloon: Encounter arrival-time extension (jp-cvd-arrival-time),
//     Condition.onsetDateTime, PCI performed[x].start and jp-cvd-first-device-time;
//   - coronary angiography < 72 h: PCI / CABG Procedure times;
//   - DAPT at discharge: >= 2 MedicationRequests of class antiplatelet (ConceptMap jp-cvd-yj-to-drug-class);
//   - beta-blocker and ACE-i/ARB for heart failure or LVEF < 40 %: jp-cvd-observation-lvef + drug classes;
//   - door-to-needle, door-to-puncture: jp-cvd-arrival-time, jp-cvd-procedure-ivt / -thrombectomy start;
//   - mRS 0-2 at 90 days: jp-cvd-observation-mrs with time point day-90.
// The indicator identifiers are reserved below so that reports can already cite them.
// ============================================================================

CodeSystem: JPCVDIndicatorCS
Id: jp-cvd-indicator
Title: "臨床指標 (予約) / Clinical indicators (reserved)"
Description: "後続版で Measure として定義する臨床指標の識別子。/ Identifiers of the indicators to be defined as Measures later."
* insert LocalCodeSystem
* #acs-reperfusion-12h "発症12時間以内の再灌流療法 (STEMI)"
* insert EN(#acs-reperfusion-12h, Reperfusion within 12 hours of onset - STEMI)
* #acs-door-to-balloon "door-to-balloon 時間"
* insert EN(#acs-door-to-balloon, Door-to-balloon time)
* #acs-cag-72h "72時間以内の冠動脈造影 (NSTE-ACS)"
* insert EN(#acs-cag-72h, Coronary angiography within 72 hours - NSTE-ACS)
* #acs-dapt-discharge "退院時 DAPT 処方"
* insert EN(#acs-dapt-discharge, Dual antiplatelet therapy at discharge)
* #hf-bb-acei-lowef "LVEF<40% の心不全に対する β遮断薬・ACE阻害薬/ARB/ARNI 処方"
* insert EN(#hf-bb-acei-lowef, Beta-blocker and ACE-i or ARB or ARNI for HF with LVEF below 40 percent)
* #stroke-door-to-needle "door-to-needle 時間"
* insert EN(#stroke-door-to-needle, Door-to-needle time)
* #stroke-door-to-puncture "door-to-puncture 時間"
* insert EN(#stroke-door-to-puncture, Door-to-puncture time)
* #stroke-mrs-0-2-day90 "90日後 mRS 0-2 の割合"
* insert EN(#stroke-mrs-0-2-day90, Proportion with mRS 0-2 at 90 days)
