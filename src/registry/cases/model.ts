/**
 * A registry case: one acute admission (one stored Encounter from an accepted discharge-summary document) with the
 * facts the registry's indicators, epidemiology and care listings need, read once at ingest so that analytics never
 * re-walk the resources. Persisted as one row per admission in table `registry_case` (see src/db/migrations.ts);
 * `facts` is the jsonb column. All date-times are ISO 8601 strings with offset, as in the source resources.
 *
 * Codes are the IG's: disease groups from CodeSystem jp-cvd-disease-group, procedure kinds from jp-cvd-procedure,
 * drug classes from jp-cvd-drug-class (via ConceptMap jp-cvd-yj-to-drug-class), observation kinds named after the
 * IG's jp-cvd-observation-* profiles (without the prefix: 'nihss', 'lvef', 'mrs', 'acs-type', ...).
 */
export interface RegistryCase {
  /** Stored Encounter id: the case key. A corrected document updates the same case. */
  encounterId: string;
  /** Stored Bundle id of the (latest accepted) document the case comes from, and its identifier `system|value`. */
  documentId: string;
  documentIdentifier: string;
  /** 10-digit medical institution code of the submitting hospital (Organization identifier). */
  hospitalCode: string;
  /** 2-digit prefecture code (JIS X 0401) of the hospital. */
  hospitalPrefecture?: string;
  /** Stored Patient id (the hospital's own record) and the patient's demographics at admission. */
  patientId: string;
  patientPrefecture?: string;
  sex?: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
  ageAtAdmission?: number;
  /** Disease-group codes of the discharge diagnoses; empty when the document is not a registry case. */
  diseases: string[];
  /** The disease group of the main diagnosis (first registry Condition of the discharge-diagnosis section). */
  principalDisease?: string;
  admittedAt?: string;
  dischargedAt?: string;
  /** In-hospital death (JP-CLINS discharge disposition 6/7 or discharge destination 'death'). */
  died: boolean;
  facts: CaseFacts;
}

export interface CaseFacts {
  onset?: {
    at?: string;
    /** jp-cvd-onset-time-status code. */
    status?: string;
    lastKnownWell?: string;
    inHospital?: boolean;
  };
  /** Door time (jp-cvd-arrival-time). */
  arrivalAt?: string;
  /** jp-cvd-arrival-mode code. */
  arrivalMode?: string;
  /** Arrived by inter-hospital transfer. */
  transferredIn: boolean;
  /** jp-cvd-discharge-destination code; 'transfer-acute' is a transfer out. */
  dischargeDestination?: string;
  procedures: ProcedureFact[];
  /** Drug classes (jp-cvd-drug-class codes, including the raas-inhibitor children acei/arb/arni) prescribed at discharge. */
  dischargeDrugClasses: string[];
  /** One entry per discharge prescription, in document order: counting agents (DAPT) needs more than the distinct classes. */
  dischargeMedications: DischargeMedication[];
  observations: ObservationFact[];
  /** ICD-10 codes of the other (comorbidity) Conditions. */
  comorbidities: string[];
}

export interface DischargeMedication {
  /** YJ code (12 characters; the first 7 name the ingredient and route). */
  code?: string;
  /** The prescription's drug classes with their parents, as in dischargeDrugClasses. */
  classes: string[];
}

export interface ProcedureFact {
  /** jp-cvd-procedure code, e.g. 'ivt', 'thrombectomy', 'pci', 'cag'. */
  kind: string;
  /** performed[x] start: needle (IVT), arterial puncture (thrombectomy, PCI, CAG), incision (surgery). */
  start?: string;
  firstDeviceAt?: string;
  reperfusionAt?: string;
}

export interface ObservationFact {
  /** IG observation profile id without 'jp-cvd-observation-', e.g. 'nihss', 'lvef', 'acs-type'. */
  kind: string;
  /** Numeric value (integer scores, quantities) or the code of a coded value. */
  value?: number;
  code?: string;
  at?: string;
  /** jp-cvd-assessment-timepoint code. */
  timepoint?: string;
  /** Why the value is implausible: the human text of the IG range or plausibility invariant it fails. */
  implausible?: string;
}
