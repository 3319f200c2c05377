import { PREFECTURES } from '../synthetic/reference-data.js';
import { IG_EXTENSION, SYSTEM } from '../synthetic/canonical.js';
import type { RegistryTerms } from './ig-terms.js';
import type { CaseFacts, ObservationFact, ProcedureFact, RegistryCase } from './model.js';

/** The stored resources of one accepted discharge-summary document. */
export interface StoredDocument {
  /** Stored Bundle id and its identifier `system|value`. */
  documentId: string;
  documentIdentifier: string;
  /**
   * Every entry as stored: with its stored id and references rewritten to `Type/id` (a Patient, Practitioner or
   * Organization matched to an earlier one carries that one's id). The Composition comes first.
   */
  resources: fhir4.Resource[];
}

/** JP-CLINS admit-Source 4: 他の病院・診療所の病棟からの転院 (admitted from another hospital's ward). */
const ADMIT_SOURCE_TRANSFER = '4';
/** jp-cvd-arrival-mode code of an inter-hospital transfer. */
const ARRIVAL_MODE_TRANSFER = 'interhospital-transfer';
/** jp-cvd-discharge-destination code of a death discharge. */
const DESTINATION_DEATH = 'death';

/**
 * Derives the registry case of a discharge summary: the admission (Composition.encounter) with its patient, hospital,
 * registry diagnoses, times, procedures, scores and discharge prescriptions. A plain JP-CLINS summary without the
 * registry extensions yields what its data holds; one without a registry diagnosis yields `diseases: []`. Returns
 * undefined when the Composition names no stored Encounter or Patient (there is no admission to key a case on).
 */
export function deriveCase(document: StoredDocument, terms: RegistryTerms): RegistryCase | undefined {
  const byReference = new Map(document.resources.map((resource) => [`${resource.resourceType}/${resource.id}`, resource]));
  const resolve = <T extends fhir4.Resource>(reference: fhir4.Reference | undefined, type: T['resourceType']): T | undefined => {
    const found = reference?.reference ? byReference.get(reference.reference) : undefined;
    return found?.resourceType === type ? (found as T) : undefined;
  };
  const composition = document.resources.find((resource): resource is fhir4.Composition => resource.resourceType === 'Composition');
  const encounter = resolve<fhir4.Encounter>(composition?.encounter, 'Encounter');
  const patient = resolve<fhir4.Patient>(composition?.subject, 'Patient') ?? resolve<fhir4.Patient>(encounter?.subject, 'Patient');
  if (!composition || !encounter?.id || !patient?.id) return undefined;
  const hospital = resolve<fhir4.Organization>(composition.custodian, 'Organization') ?? resolve<fhir4.Organization>(encounter.serviceProvider, 'Organization');
  const hospitalCode = hospital?.identifier?.find((identifier) => identifier.system === SYSTEM.medicalInstitutionNo)?.value ?? '';

  const ofType = <T extends fhir4.Resource>(type: T['resourceType']) => document.resources.filter((resource): resource is T => resource.resourceType === type);
  const conditions = ofType<fhir4.Condition>('Condition');
  // The main diagnosis: Encounter.diagnosis by rank (discharge diagnoses first), then the document's order.
  const ranked = [...(encounter.diagnosis ?? [])]
    .sort((a, b) => diagnosisOrder(a) - diagnosisOrder(b))
    .map((diagnosis) => resolve<fhir4.Condition>(diagnosis.condition, 'Condition'))
    .filter((condition): condition is fhir4.Condition => !!condition);
  const ordered = [...new Set([...ranked, ...conditions])];
  const registryConditions = ordered.filter((condition) => terms.diseaseGroup(condition));
  const principal = registryConditions[0];
  const diseases = [...new Set(registryConditions.map((condition) => terms.diseaseGroup(condition)!))];

  const admittedAt = encounter.period?.start;
  const dispositions = encounter.hospitalization?.dischargeDisposition?.coding ?? [];
  const dischargeDestination = codeOf(extension(encounter.hospitalization, IG_EXTENSION.dischargeDestination));
  const arrivalMode = codeOf(extension(encounter, IG_EXTENSION.arrivalMode));
  const admitSource = encounter.hospitalization?.admitSource?.coding?.find((coding) => coding.system === SYSTEM.admitSource)?.code;

  const dischargeMedications = ofType<fhir4.MedicationRequest>('MedicationRequest').map((request) => ({
    ...optional('code', terms.yjCode(request)),
    classes: terms.drugClasses(request),
  }));
  const facts: CaseFacts = {
    ...(principal ? { onset: onsetOf(principal) } : {}),
    ...optional('arrivalAt', extension(encounter, IG_EXTENSION.arrivalTime)?.valueDateTime),
    ...optional('arrivalMode', arrivalMode),
    transferredIn: arrivalMode === ARRIVAL_MODE_TRANSFER || admitSource === ADMIT_SOURCE_TRANSFER,
    ...optional('dischargeDestination', dischargeDestination),
    procedures: ofType<fhir4.Procedure>('Procedure').flatMap((procedure) => procedureFact(procedure, terms)),
    dischargeDrugClasses: [...new Set(dischargeMedications.flatMap((medication) => medication.classes))].sort(),
    dischargeMedications,
    observations: ofType<fhir4.Observation>('Observation').flatMap((observation) => observationFact(observation, terms)),
    comorbidities: [...new Set(ordered.filter((condition) => !terms.diseaseGroup(condition)).flatMap((condition) => terms.icd10Codes(condition)))],
  };

  return {
    encounterId: encounter.id,
    documentId: document.documentId,
    documentIdentifier: document.documentIdentifier,
    hospitalCode,
    ...optional('hospitalPrefecture', prefectureOfHospital(hospital, hospitalCode)),
    patientId: patient.id,
    ...optional('patientPrefecture', prefectureOfAddress(patient.address)),
    ...optional('sex', patient.gender),
    ...optional('birthDate', patient.birthDate),
    ...optional('ageAtAdmission', patient.birthDate && admittedAt ? ageOn(patient.birthDate, admittedAt) : undefined),
    diseases,
    ...optional('principalDisease', principal && terms.diseaseGroup(principal)),
    ...optional('admittedAt', admittedAt),
    ...optional('dischargedAt', encounter.period?.end),
    died: dispositions.some((coding) => terms.isDeathDisposition(coding)) || dischargeDestination === DESTINATION_DEATH,
    facts,
  };
}

/** Discharge diagnoses (diagnosis-role DD) before others, then by rank. */
function diagnosisOrder(diagnosis: fhir4.EncounterDiagnosis): number {
  const discharge = diagnosis.use?.coding?.some((coding) => coding.system === SYSTEM.diagnosisRole && coding.code === 'DD');
  return (discharge ? 0 : 1_000_000) + (diagnosis.rank ?? 999_999);
}

function onsetOf(condition: fhir4.Condition): NonNullable<CaseFacts['onset']> {
  const inHospital = extension(condition, IG_EXTENSION.inHospitalOnset)?.valueBoolean;
  return {
    ...optional('at', condition.onsetDateTime ?? condition.onsetPeriod?.start),
    ...optional('status', codeOf(extension(condition, IG_EXTENSION.onsetTimeStatus))),
    ...optional('lastKnownWell', extension(condition, IG_EXTENSION.lastKnownWell)?.valueDateTime),
    ...(typeof inHospital === 'boolean' ? { inHospital } : {}),
  };
}

function procedureFact(procedure: fhir4.Procedure, terms: RegistryTerms): ProcedureFact[] {
  const kind = terms.procedureKind(procedure);
  if (!kind || procedure.status === 'not-done' || procedure.status === 'entered-in-error') return [];
  return [{
    kind,
    ...optional('start', procedure.performedPeriod?.start ?? procedure.performedDateTime),
    ...optional('firstDeviceAt', extension(procedure, IG_EXTENSION.firstDeviceTime)?.valueDateTime),
    ...optional('reperfusionAt', extension(procedure, IG_EXTENSION.reperfusionTime)?.valueDateTime),
  }];
}

function observationFact(observation: fhir4.Observation, terms: RegistryTerms): ObservationFact[] {
  const kind = terms.observationKind(observation);
  if (!kind || observation.status === 'entered-in-error' || observation.status === 'cancelled') return [];
  const value = observation.valueInteger ?? observation.valueQuantity?.value;
  return [{
    kind,
    ...optional('value', typeof value === 'number' ? value : undefined),
    ...optional('code', observation.valueCodeableConcept?.coding?.find((coding) => coding.code)?.code),
    ...optional('at', observation.effectiveDateTime ?? observation.effectivePeriod?.start),
    ...optional('timepoint', codeOf(extension(observation, IG_EXTENSION.assessmentTimepoint))),
    ...optional('implausible', terms.implausibility(kind, observation)),
  }];
}

function extension(element: { extension?: fhir4.Extension[] } | undefined, url: string): fhir4.Extension | undefined {
  return element?.extension?.find((candidate) => candidate.url === url);
}

/** The code of a coded extension value (code, Coding or CodeableConcept). */
function codeOf(ext: fhir4.Extension | undefined): string | undefined {
  return ext?.valueCode ?? ext?.valueCoding?.code ?? ext?.valueCodeableConcept?.coding?.find((coding) => coding.code)?.code;
}

/** `{ [key]: value }` when value is defined, else nothing: keeps absent facts out of the stored JSON. */
function optional<K extends string, V>(key: K, value: V | undefined | null | false | ''): { [P in K]?: V } {
  return value === undefined || value === null || value === false || value === '' ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** Full years from a birth date to the local calendar date of an instant (its own offset, as written). */
export function ageOn(birthDate: string, instant: string): number | undefined {
  const birth = /^(\d{4})-(\d{2})-(\d{2})/.exec(birthDate);
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(instant);
  if (!birth || !day) return undefined;
  const [by, bm, bd] = birth.slice(1).map(Number);
  const [y, m, d] = day.slice(1).map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The hospital's prefecture: JP Core's prefecture-number extension when present, else the first two digits of the
 * medical institution code (which are the prefecture code by the code's construction).
 */
function prefectureOfHospital(hospital: fhir4.Organization | undefined, hospitalCode: string): string | undefined {
  const coded = hospital?.extension?.find((ext) => ext.valueCoding?.system === SYSTEM.prefectureNo)?.valueCoding?.code;
  return coded ?? (/^\d{10}$/.test(hospitalCode) ? hospitalCode.slice(0, 2) : undefined);
}

/** The prefecture code of an address: from `state`, else from the start of its text (Japanese addresses lead with it). */
function prefectureOfAddress(addresses: fhir4.Address[] | undefined): string | undefined {
  for (const address of addresses ?? []) {
    const match = PREFECTURES.find((prefecture) => address.state === prefecture.name || address.text?.startsWith(prefecture.name));
    if (match) return match.code;
  }
  return undefined;
}
