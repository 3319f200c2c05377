/**
 * FHIR-independent description of one synthetic admission: the clinical facts the disease tables produce and the
 * Bundle builder turns into resources. Times are epoch milliseconds; they are written with +09:00 (JST).
 */
import type { DiseaseKey } from './diseases.js';
import type { Drug } from './drugs.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type OnsetTimeStatus = 'witnessed' | 'estimated' | 'last-known-well' | 'unknown';
export type ArrivalMode = 'ambulance' | 'helicopter' | 'interhospital-transfer' | 'walk-in' | 'in-hospital';
export type DischargeDestination = 'home' | 'transfer-acute' | 'transfer-rehabilitation' | 'nursing-facility' | 'death' | 'other';
export type Timepoint = 'pre-onset' | 'admission' | 'worst' | 'discharge';

export type ObservationKind =
  | 'nihss'
  | 'mrs'
  | 'gcs'
  | 'jcs'
  | 'wfns'
  | 'huntKosnik'
  | 'fisher'
  | 'killip'
  | 'acsType'
  | 'stanford'
  | 'debakey'
  | 'nyha'
  | 'lvef'
  | 'toast'
  | 'mtici'
  | 'aspects'
  | 'hematomaVolume'
  | 'bnp'
  | 'ntProBnp'
  | 'troponin'
  | 'creatineKinase'
  | 'dDimer';

export type ObservationValue = { type: 'integer'; value: number } | { type: 'code'; code: string } | { type: 'quantity'; value: number };

export interface ObservationFact {
  kind: ObservationKind;
  time: number;
  timepoint?: Timepoint;
  value: ObservationValue;
  /** Index into the admission's procedures (mTICI belongs to its thrombectomy). */
  procedureIndex?: number;
}

export type ProcedureKind =
  | 'ivt'
  | 'thrombectomy'
  | 'cag'
  | 'pci'
  | 'cabg'
  | 'clipping'
  | 'coiling'
  | 'hematoma-evacuation'
  | 'open-aortic-repair'
  | 'tevar'
  | 'iabp'
  | 'va-ecmo'
  | 'impella';

export interface ProcedureFact {
  kind: ProcedureKind;
  /** Needle time (IVT), arterial puncture (thrombectomy, CAG, PCI), skin incision (surgery), device start (MCS). */
  start: number;
  end?: number;
  firstDeviceTime?: number;
  reperfusionTime?: number;
  culpritVessel?: 'RCA' | 'LMT' | 'LAD' | 'LCX';
  timiPre?: string;
  timiPost?: string;
}

export type ComorbidityKey = 'hypertension' | 'diabetes' | 'dyslipidemia' | 'atrialFibrillation' | 'chronicKidneyDisease';

export interface ClinicalAdmission {
  disease: DiseaseKey;
  icd10: { code: string; display: string };
  onsetTimeStatus?: OnsetTimeStatus;
  /** Onset (or, for last-known-well, the last-known-well time); undefined when unknown. */
  onset?: number;
  inHospitalOnset: boolean;
  arrivalMode?: ArrivalMode;
  door?: number;
  admission: number;
  discharge: number;
  died: boolean;
  dischargeDestination?: DischargeDestination;
  comorbidities: ComorbidityKey[];
  observations: ObservationFact[];
  procedures: ProcedureFact[];
  medications: Drug[];
  chiefComplaint: string;
}
