/**
 * One declarative table per registry disease: share of admissions, demographics, pre-hospital delay, ICD-10 codes,
 * comorbidity prevalence, in-hospital mortality and length of stay, plus a `course` function that draws severity,
 * acute treatment (with times), outcome and discharge drugs from the table's parameters.
 *
 * The figures are round numbers in line with Japanese registry reports (J-ASPECT / Japan Stroke Data Bank for
 * stroke, JROAD-DPC and the Tokyo CCU Network for ACS and heart failure, Japanese aortic dissection series); they
 * are plausible assumptions for test data, not estimates. docs/GENERATOR.md lists them.
 */
import { DRUGS, type Drug } from './drugs.js';
import { HOUR, MINUTE, DAY, type ArrivalMode, type ComorbidityKey, type ObservationFact, type OnsetTimeStatus, type ProcedureFact } from './model.js';
import type { SeededRandom, Weighted } from './random.js';

export type DiseaseKey =
  | 'cerebral-infarction'
  | 'intracerebral-hemorrhage'
  | 'subarachnoid-hemorrhage'
  | 'acute-coronary-syndrome'
  | 'acute-aortic-dissection'
  | 'acute-heart-failure';

export interface HospitalCapabilities {
  pci: boolean;
  thrombectomy: boolean;
  cardiacSurgery: boolean;
}

export interface CourseContext {
  rng: SeededRandom;
  age: number;
  /** Door (arrival) time, or the onset time for in-hospital onset. */
  door: number;
  /** Onset (or last known well) to door in minutes; undefined when the onset time is unknown. */
  onsetToDoorMinutes?: number;
  hospital: HospitalCapabilities;
  comorbidities: ReadonlySet<ComorbidityKey>;
  /** False when an optional item is to be left out (the configured missing-data rate). */
  recorded: () => boolean;
}

export interface CourseResult {
  icd10: { code: string; display: string };
  observations: ObservationFact[];
  procedures: ProcedureFact[];
  /**
   * Multiplies the disease's in-hospital mortality by severity, age and treatment. Each course carries a leading
   * calibration constant so that the ratio averages ~1 over the disease's case mix (checked on 25,000 admissions).
   */
  deathRiskRatio: number;
  /** Probability that a survivor goes to a convalescent rehabilitation ward rather than home. */
  rehabilitationTransfer: number;
  /** Observations at discharge (the course has already been drawn). */
  atDischarge: (time: number, died: boolean) => ObservationFact[];
  medications: Drug[];
}

export interface DiseaseSpec {
  key: DiseaseKey;
  label: string;
  /** Share of registry admissions (the six add up to 1). */
  share: number;
  age: { mean: number; sd: number };
  maleShare: number;
  /** In-hospital death for an average patient of this disease. */
  inHospitalMortality: number;
  lengthOfStay: { medianDays: number; geometricSd: number };
  /** Symptom onset to hospital door, minutes. */
  onsetToDoor: { medianMinutes: number; geometricSd: number };
  onsetTimeStatus: Weighted<OnsetTimeStatus>[];
  arrivalMode: Weighted<ArrivalMode>[];
  inHospitalOnsetShare: number;
  comorbidity: Record<ComorbidityKey, number>;
  chiefComplaints: readonly string[];
  course: (context: CourseContext) => CourseResult;
}

const w = <T>(value: T, weight: number): Weighted<T> => ({ value, weight });
const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
const icd = (code: string, display: string) => ({ code, display });
const code = (value: string) => ({ type: 'code' as const, code: value });
const integer = (value: number) => ({ type: 'integer' as const, value: Math.round(value) });
const quantity = (value: number, decimals = 0) => ({ type: 'quantity' as const, value: Number(value.toFixed(decimals)) });

/** JCS from GCS: the usual bedside correspondence (GCS 15 → 0–1, 13–14 → I-digit, 9–12 → II-digit, ≤8 → III-digit). */
function jcsFromGcs(gcs: number, rng: SeededRandom): string {
  if (gcs >= 15) return rng.pick(['0', '0', '1']);
  if (gcs >= 13) return rng.pick(['1', '2', '3']);
  if (gcs >= 9) return rng.pick(['10', '20', '30']);
  if (gcs >= 6) return rng.pick(['100', '200']);
  return rng.pick(['200', '300']);
}

function mrsFromNihss(nihss: number, rng: SeededRandom): number {
  const base = nihss === 0 ? 0 : nihss <= 2 ? 1 : nihss <= 5 ? 2 : nihss <= 10 ? 3 : nihss <= 20 ? 4 : 5;
  return clamp(base + rng.weighted([w(-1, 1), w(0, 3), w(1, 1)]), 0, 5);
}

function ageRisk(age: number, reference: number): number {
  return Math.exp(0.04 * (age - reference));
}

/** Adds `drug` with the given probability. */
function maybe(list: Drug[], rng: SeededRandom, probability: number, drug: Drug): void {
  if (rng.chance(probability)) list.push(drug);
}

/** Observations taken at admission, each subject to the missing-data rate. */
function admissionObservations(context: CourseContext, items: [ObservationFact['kind'], ObservationFact['value']][]): ObservationFact[] {
  return items
    .filter(() => context.recorded())
    .map(([kind, value], index) => ({ kind, value, timepoint: 'admission' as const, time: context.door + (10 + index * 5) * MINUTE }));
}

// ---------------------------------------------------------------------------------------------------------------
// 脳梗塞 cerebral infarction
// ---------------------------------------------------------------------------------------------------------------
const TOAST_SUBTYPES: Weighted<{ toast: string; icd10: { code: string; display: string }; medianNihss: number }>[] = [
  w({ toast: 'LAA', icd10: icd('I633', '脳動脈の血栓症による脳梗塞'), medianNihss: 5 }, 25),
  w({ toast: 'CE', icd10: icd('I634', '脳動脈の塞栓症による脳梗塞'), medianNihss: 9 }, 27),
  w({ toast: 'SVO', icd10: icd('I638', 'その他の脳梗塞'), medianNihss: 2 }, 25),
  w({ toast: 'OC', icd10: icd('I635', '脳動脈の詳細不明の閉塞又は狭窄による脳梗塞'), medianNihss: 4 }, 5),
  w({ toast: 'UD', icd10: icd('I639', '脳梗塞，詳細不明'), medianNihss: 4 }, 18),
];

function cerebralInfarctionCourse(context: CourseContext): CourseResult {
  const { rng, door } = context;
  const subtype = rng.weighted(TOAST_SUBTYPES);
  const cardioembolic = subtype.toast === 'CE' || context.comorbidities.has('atrialFibrillation');
  const nihss = clamp(Math.round(rng.logNormal(subtype.medianNihss, 2.2)) - 1, 0, 42);
  const preOnsetMrs = rng.weighted([w(0, 55), w(1, 15), w(2, 10), w(3, 10), w(4, 8), w(5, 2)]);
  const gcs = clamp(Math.round(15 - nihss / 3.5 + rng.normal(0, 0.8)), 3, 15);
  const observations = admissionObservations(context, [
    ['nihss', integer(nihss)],
    ['gcs', integer(gcs)],
    ['jcs', code(jcsFromGcs(gcs, rng))],
  ]);
  if (context.recorded()) observations.push({ kind: 'mrs', timepoint: 'pre-onset', time: door + 20 * MINUTE, value: integer(preOnsetMrs) });
  if (context.recorded()) observations.push({ kind: 'toast', time: door + 3 * DAY, value: code(subtype.toast) });

  const procedures: ProcedureFact[] = [];
  const sinceOnset = context.onsetToDoorMinutes;
  // IV thrombolysis: within 4.5 h of onset (needle by ~4 h), NIHSS ≥ 4, independent before onset.
  let needle: number | undefined;
  if (sinceOnset !== undefined && sinceOnset <= 210 && nihss >= 4 && preOnsetMrs <= 2 && rng.chance(0.45)) {
    needle = door + Math.max(15, rng.logNormal(60, 1.45)) * MINUTE;
    procedures.push({ kind: 'ivt', start: needle, end: needle + 60 * MINUTE });
  }
  // Mechanical thrombectomy: large-vessel-occlusion-like severity, capable hospital, within 24 h.
  let reperfused = false;
  if (sinceOnset !== undefined && sinceOnset <= 16 * 60 && nihss >= 6 && subtype.toast !== 'SVO' && context.hospital.thrombectomy && rng.chance(0.4)) {
    const puncture = Math.max(door + Math.max(30, rng.logNormal(90, 1.5)) * MINUTE, (needle ?? 0) + 10 * MINUTE);
    const reperfusion = puncture + Math.max(10, rng.logNormal(40, 1.6)) * MINUTE;
    const mtici = rng.weighted([w('3', 30), w('2c', 15), w('2b', 40), w('2a', 8), w('1', 3), w('0', 4)]);
    reperfused = ['2b', '2c', '3'].includes(mtici);
    procedures.push({ kind: 'thrombectomy', start: puncture, end: reperfusion + 15 * MINUTE, reperfusionTime: reperfused ? reperfusion : undefined });
    if (context.recorded()) observations.push({ kind: 'aspects', time: door + 20 * MINUTE, value: integer(rng.weighted([w(10, 15), w(9, 25), w(8, 25), w(7, 20), w(6, 15)])) });
    observations.push({ kind: 'mtici', time: reperfusion, value: code(mtici), procedureIndex: procedures.length - 1 });
  }
  const improvement = reperfused ? 0.35 : needle !== undefined ? 0.6 : 0.8;
  const dischargeNihss = clamp(Math.round(nihss * improvement + rng.normal(0, 1.5)), 0, 42);

  const medications: Drug[] = [];
  if (cardioembolic) {
    if (rng.chance(0.85)) medications.push(rng.weighted([w(DRUGS.edoxaban, 45), w(DRUGS.apixaban, 35), w(DRUGS.warfarin, 20)]));
  } else if (rng.chance(0.88)) {
    medications.push(rng.weighted([w(DRUGS.clopidogrel, 55), w(DRUGS.aspirin, 45)]));
    if (nihss <= 3 && rng.chance(0.3)) medications.push(DRUGS.aspirin === medications[0] ? DRUGS.clopidogrel : DRUGS.aspirin);
  }
  maybe(medications, rng, 0.7, rng.pick([DRUGS.atorvastatin, DRUGS.rosuvastatin]));
  if (context.comorbidities.has('hypertension')) maybe(medications, rng, 0.6, rng.pick([DRUGS.azilsartan, DRUGS.candesartan, DRUGS.amlodipine]));
  if (medications.some((drug) => drug.drugClass === 'antiplatelet')) maybe(medications, rng, 0.3, DRUGS.lansoprazole);

  return {
    icd10: subtype.icd10,
    observations,
    procedures,
    deathRiskRatio: 0.6 * Math.exp(0.11 * (nihss - 6)) * ageRisk(context.age, 75) * (reperfused ? 0.7 : 1),
    rehabilitationTransfer: clamp(dischargeNihss / 10, 0.05, 0.85),
    atDischarge: (time, died) => {
      const items: ObservationFact[] = [];
      if (!died && context.recorded()) items.push({ kind: 'nihss', timepoint: 'discharge', time, value: integer(dischargeNihss) });
      if (context.recorded() || died) items.push({ kind: 'mrs', timepoint: 'discharge', time, value: integer(died ? 6 : Math.max(preOnsetMrs, mrsFromNihss(dischargeNihss, rng))) });
      return items;
    },
    medications,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 脳内出血 intracerebral hemorrhage
// ---------------------------------------------------------------------------------------------------------------
function intracerebralHemorrhageCourse(context: CourseContext): CourseResult {
  const { rng, door } = context;
  const icd10 = rng.weighted([
    w(icd('I610', '大脳半球の脳内出血，皮質下'), 50),
    w(icd('I611', '大脳半球の脳内出血，皮質'), 12),
    w(icd('I613', '脳幹の脳内出血'), 10),
    w(icd('I614', '小脳の脳内出血'), 8),
    w(icd('I615', '脳内出血，脳室内'), 5),
    w(icd('I619', '脳内出血，詳細不明'), 15),
  ]);
  const volume = clamp(rng.logNormal(12, 2.2), 0.5, 150);
  const gcs = clamp(Math.round(15 - volume / 9 + rng.normal(0, 1.5)), 3, 15);
  const nihss = clamp(Math.round(volume / 2.5 + rng.normal(2, 3)), 0, 40);
  const observations = admissionObservations(context, [
    ['gcs', integer(gcs)],
    ['jcs', code(jcsFromGcs(gcs, rng))],
    ['nihss', integer(nihss)],
    ['hematomaVolume', quantity(volume, 1)],
  ]);
  const procedures: ProcedureFact[] = [];
  if (volume > 30 && gcs >= 6 && gcs <= 13 && rng.chance(0.35)) {
    const start = door + Math.max(90, rng.logNormal(6 * 60, 2)) * MINUTE;
    procedures.push({ kind: 'hematoma-evacuation', start, end: start + rng.int(60, 180) * MINUTE });
  }
  const medications: Drug[] = [];
  maybe(medications, rng, 0.55, DRUGS.amlodipine);
  maybe(medications, rng, 0.5, rng.pick([DRUGS.azilsartan, DRUGS.candesartan]));
  maybe(medications, rng, 0.15, DRUGS.lansoprazole);
  const dischargeNihss = clamp(Math.round(nihss * 0.75 + rng.normal(0, 2)), 0, 42);
  return {
    icd10,
    observations,
    procedures,
    deathRiskRatio: 0.7 * Math.exp(0.025 * (volume - 12)) * Math.exp(0.2 * (12 - gcs)) * ageRisk(context.age, 70),
    rehabilitationTransfer: clamp(dischargeNihss / 8, 0.1, 0.9),
    atDischarge: (time, died) =>
      context.recorded() || died ? [{ kind: 'mrs', timepoint: 'discharge', time, value: integer(died ? 6 : mrsFromNihss(dischargeNihss, rng)) }] : [],
    medications,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// くも膜下出血 subarachnoid hemorrhage
// ---------------------------------------------------------------------------------------------------------------
const WFNS_GRADES = [
  { grade: 'I', weight: 35, gcs: [15, 15], huntKosnik: ['I', 'II'], deathRisk: 0.3 },
  { grade: 'II', weight: 20, gcs: [13, 14], huntKosnik: ['II', 'III'], deathRisk: 0.5 },
  { grade: 'III', weight: 5, gcs: [13, 14], huntKosnik: ['III'], deathRisk: 0.8 },
  { grade: 'IV', weight: 20, gcs: [7, 12], huntKosnik: ['III', 'IV'], deathRisk: 1.6 },
  { grade: 'V', weight: 20, gcs: [3, 6], huntKosnik: ['V'], deathRisk: 3 },
] as const;

function subarachnoidHemorrhageCourse(context: CourseContext): CourseResult {
  const { rng, door } = context;
  const icd10 = rng.weighted([
    w(icd('I602', '前交通動脈からのくも膜下出血'), 25),
    w(icd('I603', '後交通動脈からのくも膜下出血'), 20),
    w(icd('I601', '中大脳動脈からのくも膜下出血'), 15),
    w(icd('I600', '頚動脈サイフォン及び頚動脈分岐部からのくも膜下出血'), 5),
    w(icd('I604', '脳底動脈からのくも膜下出血'), 4),
    w(icd('I605', '椎骨動脈からのくも膜下出血'), 3),
    w(icd('I606', 'その他の頭蓋内動脈からのくも膜下出血'), 3),
    w(icd('I607', '頭蓋内動脈からのくも膜下出血，詳細不明'), 10),
    w(icd('I609', 'くも膜下出血，詳細不明'), 15),
  ]);
  const wfns = rng.weighted(WFNS_GRADES.map((grade) => w(grade, grade.weight)));
  const gcs = rng.int(wfns.gcs[0], wfns.gcs[1]);
  const fisher = rng.weighted([w('1', 5), w('2', 15), w('3', 55), w('4', 25)]);
  const observations = admissionObservations(context, [
    ['wfns', code(wfns.grade)],
    ['huntKosnik', code(rng.pick(wfns.huntKosnik))],
    ['gcs', integer(gcs)],
    ['jcs', code(jcsFromGcs(gcs, rng))],
    ['fisher', code(fisher)],
  ]);
  const procedures: ProcedureFact[] = [];
  let treated = false;
  if (rng.chance(wfns.grade === 'V' ? 0.4 : 0.9)) {
    treated = true;
    const start = door + Math.max(60, rng.logNormal(10 * 60, 2)) * MINUTE;
    const kind = rng.chance(0.55) ? 'coiling' : 'clipping';
    procedures.push({ kind, start, end: start + (kind === 'coiling' ? rng.int(90, 180) : rng.int(180, 360)) * MINUTE });
  }
  const medications: Drug[] = [];
  maybe(medications, rng, 0.3, DRUGS.amlodipine);
  maybe(medications, rng, 0.2, DRUGS.candesartan);
  const dischargeMrs = clamp(WFNS_GRADES.indexOf(wfns) + rng.weighted([w(-1, 2), w(0, 2), w(1, 1)]), 0, 5);
  return {
    icd10,
    observations,
    procedures,
    deathRiskRatio: 0.78 * wfns.deathRisk * (treated ? 0.8 : 2) * ageRisk(context.age, 62),
    rehabilitationTransfer: clamp(dischargeMrs / 5, 0.05, 0.85),
    atDischarge: (time, died) => (context.recorded() || died ? [{ kind: 'mrs', timepoint: 'discharge', time, value: integer(died ? 6 : dischargeMrs) }] : []),
    medications,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 急性冠症候群 acute coronary syndrome
// ---------------------------------------------------------------------------------------------------------------
const ACS_TYPES = [
  w({ type: 'STEMI', pci: 0.9, troponinMedian: 8000, ckMedian: 2000, lvefMean: 48, deathRisk: 1.3 }, 55),
  w({ type: 'NSTEMI', pci: 0.7, troponinMedian: 1500, ckMedian: 400, lvefMean: 55, deathRisk: 0.9 }, 25),
  w({ type: 'UA', pci: 0.5, troponinMedian: 20, ckMedian: 120, lvefMean: 60, deathRisk: 0.2 }, 20),
];

const KILLIP_DEATH_RISK: Record<string, number> = { I: 0.5, II: 1.3, III: 2.8, IV: 7 };

function acuteCoronarySyndromeCourse(context: CourseContext): CourseResult {
  const { rng, door } = context;
  const acs = rng.weighted(ACS_TYPES);
  const icd10 =
    acs.type === 'UA'
      ? rng.weighted([w(icd('I200', '不安定狭心症'), 95), w(icd('I249', '急性虚血性心疾患，詳細不明'), 5)])
      : acs.type === 'NSTEMI'
        ? rng.weighted([w(icd('I214', '急性心内膜下心筋梗塞'), 90), w(icd('I229', '部位不明の再梗塞'), 4), w(icd('I219', '急性心筋梗塞，詳細不明'), 6)])
        : rng.weighted([
            w(icd('I210', '前壁の急性貫壁性心筋梗塞'), 45),
            w(icd('I211', '下壁の急性貫壁性心筋梗塞'), 38),
            w(icd('I212', 'その他の部位の急性貫壁性心筋梗塞'), 8),
            w(icd('I213', '部位不明の急性貫壁性心筋梗塞'), 5),
            w(icd('I221', '下壁の再梗塞'), 2),
            w(icd('I220', '前壁の再梗塞'), 2),
          ]);
  const killip = rng.weighted([w('I', 75), w('II', 12), w('III', 6), w('IV', 7)]);
  const lvef = clamp(Math.round(rng.normal(acs.lvefMean - (killip === 'IV' ? 12 : killip === 'III' ? 7 : 0), 10)), 15, 80);
  const gcs = killip === 'IV' ? rng.int(8, 15) : 15;
  const observations = admissionObservations(context, [
    ['acsType', code(acs.type)],
    ['killip', code(killip)],
    ['jcs', code(jcsFromGcs(gcs, rng))],
  ]);
  if (context.recorded()) observations.push({ kind: 'troponin', timepoint: 'worst', time: door + rng.int(3, 12) * HOUR, value: quantity(rng.logNormal(acs.troponinMedian, 2.5), 1) });
  if (context.recorded()) observations.push({ kind: 'creatineKinase', timepoint: 'worst', time: door + rng.int(6, 18) * HOUR, value: quantity(rng.logNormal(acs.ckMedian, 2)) });
  if (context.recorded()) observations.push({ kind: 'lvef', time: door + rng.int(1, 4) * DAY, value: quantity(lvef) });

  const procedures: ProcedureFact[] = [];
  const pciProbability = context.hospital.pci ? acs.pci : acs.pci * 0.15;
  let pciStart = door;
  if (rng.chance(pciProbability)) {
    // STEMI: primary PCI, door-to-balloon median ~80 min; NSTEMI/UA: early invasive within ~24 h.
    const balloon =
      acs.type === 'STEMI' ? door + Math.max(25, rng.logNormal(80, 1.5)) * MINUTE : door + Math.max(60, rng.logNormal(14 * 60, 2.2)) * MINUTE;
    pciStart = Math.max(door + 10 * MINUTE, balloon - Math.max(8, rng.logNormal(18, 1.4)) * MINUTE);
    // Diagnostic angiography through the same puncture, PCI ad hoc: both Procedures start at the puncture.
    procedures.push({ kind: 'cag', start: pciStart, end: pciStart + rng.int(10, 25) * MINUTE });
    procedures.push({
      kind: 'pci',
      start: pciStart,
      end: balloon + rng.int(30, 90) * MINUTE,
      firstDeviceTime: balloon,
      culpritVessel: rng.weighted([w('LAD', 45), w('RCA', 35), w('LCX', 15), w('LMT', 5)]),
      timiPre: acs.type === 'STEMI' ? rng.weighted([w('0', 55), w('1', 10), w('2', 15), w('3', 20)]) : rng.weighted([w('2', 30), w('3', 70)]),
      timiPost: rng.weighted([w('3', 90), w('2', 7), w('1', 2), w('0', 1)]),
    });
  } else {
    // Angiography without PCI (no culprit lesion to treat, surgical anatomy, medical management): at a hospital with
    // a cath lab for most NSTE-ACS within a day or two, some only after 72 h; rarely where there is none.
    const cagProbability = context.hospital.pci ? (acs.type === 'STEMI' ? 0.6 : 0.8) : 0.1;
    const cagStart = rng.chance(cagProbability)
      ? door + (acs.type === 'STEMI' ? Math.max(20, rng.logNormal(60, 1.6)) : Math.max(45, rng.logNormal(20 * 60, 2.4))) * MINUTE
      : undefined;
    if (cagStart !== undefined) procedures.push({ kind: 'cag', start: cagStart, end: cagStart + rng.int(15, 40) * MINUTE });
    if (context.hospital.cardiacSurgery && rng.chance(0.1)) {
      const start = Math.max(door + rng.int(1, 5) * DAY, (cagStart ?? door) + 12 * HOUR);
      procedures.push({ kind: 'cabg', start, end: start + rng.int(4, 6) * HOUR });
    }
  }
  const supportProbability = killip === 'IV' ? 0.55 : killip === 'III' ? 0.2 : 0.02;
  if (rng.chance(supportProbability)) {
    const kind = killip === 'IV' ? rng.weighted([w('iabp' as const, 55), w('va-ecmo' as const, 25), w('impella' as const, 20)]) : 'iabp';
    const start = Math.max(door + 15 * MINUTE, pciStart - 5 * MINUTE);
    procedures.push({ kind, start, end: start + rng.int(36, 120) * HOUR });
  }

  const medications: Drug[] = [];
  const hadPci = procedures.some((procedure) => procedure.kind === 'pci');
  if (hadPci ? rng.chance(0.95) : rng.chance(0.8)) medications.push(DRUGS.aspirin);
  if (hadPci && rng.chance(0.95)) medications.push(rng.weighted([w(DRUGS.prasugrel, 60), w(DRUGS.clopidogrel, 40)]));
  maybe(medications, rng, 0.9, rng.pick([DRUGS.atorvastatin, DRUGS.rosuvastatin]));
  maybe(medications, rng, lvef < 40 ? 0.85 : 0.6, DRUGS.bisoprolol);
  maybe(medications, rng, lvef < 40 ? 0.8 : 0.6, rng.weighted([w(DRUGS.enalapril, 40), w(DRUGS.candesartan, 40), w(DRUGS.azilsartan, 20)]));
  if (lvef < 40) maybe(medications, rng, 0.4, DRUGS.eplerenone);
  if (lvef < 40) maybe(medications, rng, 0.3, DRUGS.dapagliflozin);
  if (medications.filter((drug) => drug.drugClass === 'antiplatelet').length >= 2) maybe(medications, rng, 0.7, DRUGS.lansoprazole);

  return {
    icd10,
    observations,
    procedures,
    deathRiskRatio: 0.78 * KILLIP_DEATH_RISK[killip] * acs.deathRisk * ageRisk(context.age, 70) * (hadPci ? 0.8 : 1.3),
    rehabilitationTransfer: 0.05,
    atDischarge: () => [],
    medications,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 急性大動脈解離 acute aortic dissection
// ---------------------------------------------------------------------------------------------------------------
function acuteAorticDissectionCourse(context: CourseContext): CourseResult {
  const { rng, door } = context;
  const typeA = rng.chance(0.6);
  const debakey = typeA ? rng.weighted([w('I', 70), w('II', 30)]) : rng.weighted([w('IIIa', 35), w('IIIb', 65)]);
  const gcs = typeA && rng.chance(0.15) ? rng.int(6, 14) : 15;
  const observations = admissionObservations(context, [
    ['stanford', code(typeA ? 'A' : 'B')],
    ['debakey', code(debakey)],
    ['jcs', code(jcsFromGcs(gcs, rng))],
    ['dDimer', quantity(rng.logNormal(12, 2.5), 1)],
  ]);
  const procedures: ProcedureFact[] = [];
  let operated = false;
  if (typeA && context.hospital.cardiacSurgery && rng.chance(0.85)) {
    operated = true;
    const start = door + Math.max(60, rng.logNormal(4 * 60, 1.6)) * MINUTE;
    procedures.push({ kind: 'open-aortic-repair', start, end: start + rng.int(5, 9) * HOUR });
  } else if (!typeA && rng.chance(0.15)) {
    operated = true;
    const start = door + Math.max(6 * 60, rng.logNormal(3 * 24 * 60, 2)) * MINUTE;
    procedures.push({ kind: 'tevar', start, end: start + rng.int(2, 4) * HOUR });
  }
  const medications: Drug[] = [];
  maybe(medications, rng, 0.8, DRUGS.bisoprolol);
  maybe(medications, rng, 0.6, rng.pick([DRUGS.azilsartan, DRUGS.candesartan]));
  maybe(medications, rng, 0.6, DRUGS.amlodipine);
  return {
    icd10: icd('I710', '大動脈の解離［各部位］'),
    observations,
    procedures,
    // Type A without surgery carries the highest early mortality; type B is mostly managed medically.
    deathRiskRatio: 0.6 * (typeA ? (operated ? 1 : 3.5) : 0.35) * ageRisk(context.age, 70),
    rehabilitationTransfer: 0.15,
    atDischarge: () => [],
    medications,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 急性心不全 acute heart failure
// ---------------------------------------------------------------------------------------------------------------
function acuteHeartFailureCourse(context: CourseContext): CourseResult {
  const { rng, door } = context;
  const icd10 = rng.weighted([
    w(icd('I500', 'うっ血性心不全'), 60),
    w(icd('I501', '左室不全'), 10),
    w(icd('I509', '心不全，詳細不明'), 15),
    w(icd('I110', '（うっ血性）心不全を伴う高血圧性心疾患'), 10),
    w(icd('I130', '（うっ血性）心不全を伴う高血圧性心腎疾患'), 3),
    w(icd('I132', '（うっ血性）心不全及び腎不全の両者を伴う高血圧性心腎疾患'), 2),
  ]);
  const phenotype = rng.weighted([w('HFrEF', 40), w('HFmrEF', 15), w('HFpEF', 45)]);
  const lvef = phenotype === 'HFrEF' ? rng.int(15, 39) : phenotype === 'HFmrEF' ? rng.int(40, 49) : rng.int(50, 72);
  const nyha = rng.weighted([w('II', 10), w('III', 35), w('IV', 55)]);
  const observations = admissionObservations(context, [
    ['nyha', code(nyha)],
    ['jcs', code(rng.weighted([w('0', 85), w('1', 10), w('2', 3), w('10', 2)]))],
  ]);
  if (context.recorded()) {
    observations.push(
      rng.chance(0.75)
        ? { kind: 'bnp', timepoint: 'admission', time: door + 40 * MINUTE, value: quantity(clamp(rng.logNormal(800, 2.2), 100, 5000), 1) }
        : { kind: 'ntProBnp', timepoint: 'admission', time: door + 40 * MINUTE, value: quantity(clamp(rng.logNormal(5000, 2.5), 400, 35000)) },
    );
  }
  if (context.recorded()) observations.push({ kind: 'lvef', time: door + rng.int(1, 3) * DAY, value: quantity(lvef) });
  const procedures: ProcedureFact[] = [];
  if (nyha === 'IV' && rng.chance(0.03)) {
    const start = door + rng.int(1, 24) * HOUR;
    procedures.push({ kind: rng.chance(0.7) ? 'iabp' : 'va-ecmo', start, end: start + rng.int(48, 120) * HOUR });
  }
  const reduced = phenotype === 'HFrEF';
  const medications: Drug[] = [];
  maybe(medications, rng, 0.85, DRUGS.furosemide);
  maybe(medications, rng, reduced ? 0.85 : 0.5, rng.pick([DRUGS.bisoprolol, DRUGS.carvedilol]));
  if (rng.chance(reduced ? 0.8 : 0.5)) medications.push(rng.weighted([w(DRUGS.sacubitrilValsartan, reduced ? 35 : 10), w(DRUGS.enalapril, 30), w(DRUGS.candesartan, 35)]));
  maybe(medications, rng, reduced ? 0.55 : 0.3, rng.pick([DRUGS.spironolactone, DRUGS.eplerenone]));
  maybe(medications, rng, reduced ? 0.6 : 0.4, rng.pick([DRUGS.dapagliflozin, DRUGS.empagliflozin]));
  if (context.comorbidities.has('atrialFibrillation')) maybe(medications, rng, 0.75, rng.pick([DRUGS.edoxaban, DRUGS.apixaban, DRUGS.warfarin]));
  const dischargeNyha = rng.weighted([w('I', 30), w('II', 55), w('III', 15)]);
  return {
    icd10,
    observations,
    procedures,
    deathRiskRatio: 0.92 * (nyha === 'IV' ? 1.3 : 0.7) * ageRisk(context.age, 80),
    rehabilitationTransfer: 0.08,
    atDischarge: (time, died) => (!died && context.recorded() ? [{ kind: 'nyha', timepoint: 'discharge', time, value: code(dischargeNyha) }] : []),
    medications,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------------------------
const STROKE_ARRIVAL: Weighted<ArrivalMode>[] = [w('ambulance', 62), w('walk-in', 26), w('interhospital-transfer', 10), w('helicopter', 2)];
const CARDIAC_ARRIVAL: Weighted<ArrivalMode>[] = [w('ambulance', 58), w('walk-in', 27), w('interhospital-transfer', 13), w('helicopter', 2)];

export const DISEASES: readonly DiseaseSpec[] = [
  {
    key: 'cerebral-infarction',
    label: '脳梗塞',
    share: 0.35,
    age: { mean: 76, sd: 11 },
    maleShare: 0.58,
    inHospitalMortality: 0.05,
    lengthOfStay: { medianDays: 18, geometricSd: 1.8 },
    onsetToDoor: { medianMinutes: 240, geometricSd: 3.2 },
    onsetTimeStatus: [w('witnessed', 55), w('estimated', 10), w('last-known-well', 30), w('unknown', 5)],
    arrivalMode: STROKE_ARRIVAL,
    inHospitalOnsetShare: 0.02,
    comorbidity: { hypertension: 0.7, diabetes: 0.28, dyslipidemia: 0.4, atrialFibrillation: 0.22, chronicKidneyDisease: 0.15 },
    chiefComplaints: ['右片麻痺', '左片麻痺', '構音障害', '失語', 'めまい・歩行障害', '意識障害'],
    course: cerebralInfarctionCourse,
  },
  {
    key: 'intracerebral-hemorrhage',
    label: '脳内出血',
    share: 0.12,
    age: { mean: 70, sd: 13 },
    maleShare: 0.58,
    inHospitalMortality: 0.15,
    lengthOfStay: { medianDays: 24, geometricSd: 1.8 },
    onsetToDoor: { medianMinutes: 120, geometricSd: 2.8 },
    onsetTimeStatus: [w('witnessed', 65), w('estimated', 10), w('last-known-well', 20), w('unknown', 5)],
    arrivalMode: STROKE_ARRIVAL,
    inHospitalOnsetShare: 0.01,
    comorbidity: { hypertension: 0.75, diabetes: 0.18, dyslipidemia: 0.25, atrialFibrillation: 0.08, chronicKidneyDisease: 0.12 },
    chiefComplaints: ['片麻痺', '頭痛・嘔吐', '意識障害', '構音障害'],
    course: intracerebralHemorrhageCourse,
  },
  {
    key: 'subarachnoid-hemorrhage',
    label: 'くも膜下出血',
    share: 0.04,
    age: { mean: 63, sd: 14 },
    maleShare: 0.35,
    inHospitalMortality: 0.22,
    lengthOfStay: { medianDays: 30, geometricSd: 1.7 },
    onsetToDoor: { medianMinutes: 90, geometricSd: 2.8 },
    onsetTimeStatus: [w('witnessed', 75), w('estimated', 10), w('last-known-well', 10), w('unknown', 5)],
    arrivalMode: STROKE_ARRIVAL,
    inHospitalOnsetShare: 0.005,
    comorbidity: { hypertension: 0.45, diabetes: 0.08, dyslipidemia: 0.15, atrialFibrillation: 0.03, chronicKidneyDisease: 0.05 },
    chiefComplaints: ['突然の激しい頭痛', '意識障害', '頭痛・嘔吐'],
    course: subarachnoidHemorrhageCourse,
  },
  {
    key: 'acute-coronary-syndrome',
    label: '急性冠症候群',
    share: 0.2,
    age: { mean: 70, sd: 12 },
    maleShare: 0.75,
    inHospitalMortality: 0.07,
    lengthOfStay: { medianDays: 11, geometricSd: 1.7 },
    onsetToDoor: { medianMinutes: 150, geometricSd: 3 },
    onsetTimeStatus: [w('witnessed', 80), w('estimated', 15), w('unknown', 5)],
    arrivalMode: CARDIAC_ARRIVAL,
    inHospitalOnsetShare: 0.02,
    comorbidity: { hypertension: 0.68, diabetes: 0.35, dyslipidemia: 0.55, atrialFibrillation: 0.08, chronicKidneyDisease: 0.18 },
    chiefComplaints: ['胸痛', '胸部圧迫感', '冷汗を伴う胸痛', '呼吸困難'],
    course: acuteCoronarySyndromeCourse,
  },
  {
    key: 'acute-aortic-dissection',
    label: '急性大動脈解離',
    share: 0.04,
    age: { mean: 70, sd: 13 },
    maleShare: 0.55,
    inHospitalMortality: 0.15,
    lengthOfStay: { medianDays: 22, geometricSd: 1.7 },
    onsetToDoor: { medianMinutes: 100, geometricSd: 2.5 },
    onsetTimeStatus: [w('witnessed', 85), w('estimated', 10), w('unknown', 5)],
    arrivalMode: CARDIAC_ARRIVAL,
    inHospitalOnsetShare: 0.005,
    comorbidity: { hypertension: 0.8, diabetes: 0.1, dyslipidemia: 0.3, atrialFibrillation: 0.06, chronicKidneyDisease: 0.12 },
    chiefComplaints: ['胸背部痛', '突然の背部痛', '胸痛'],
    course: acuteAorticDissectionCourse,
  },
  {
    key: 'acute-heart-failure',
    label: '急性心不全',
    share: 0.25,
    age: { mean: 80, sd: 10 },
    maleShare: 0.53,
    inHospitalMortality: 0.07,
    lengthOfStay: { medianDays: 17, geometricSd: 1.7 },
    onsetToDoor: { medianMinutes: 24 * 60, geometricSd: 3 },
    onsetTimeStatus: [w('estimated', 60), w('witnessed', 15), w('unknown', 25)],
    arrivalMode: [w('ambulance', 45), w('walk-in', 45), w('interhospital-transfer', 9), w('helicopter', 1)],
    inHospitalOnsetShare: 0.01,
    comorbidity: { hypertension: 0.7, diabetes: 0.35, dyslipidemia: 0.35, atrialFibrillation: 0.4, chronicKidneyDisease: 0.35 },
    chiefComplaints: ['呼吸困難', '起坐呼吸', '下腿浮腫', '労作時息切れ'],
    course: acuteHeartFailureCourse,
  },
];

export function diseaseSpec(key: DiseaseKey): DiseaseSpec {
  const spec = DISEASES.find((disease) => disease.key === key);
  if (!spec) throw new Error(`unknown disease ${key}`);
  return spec;
}
