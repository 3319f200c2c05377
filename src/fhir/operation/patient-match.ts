import { linkageSettings } from '../../config.js';
import { findCandidates } from '../../registry/linkage/linker.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { fullUrl } from '../bundle.js';
import { badRequest, FhirError } from '../outcome.js';

const MATCH_GRADE = 'http://hl7.org/fhir/StructureDefinition/match-grade';
const DEFAULT_COUNT = 10;
const MAX_COUNT = 100;

interface MatchInput {
  patient: fhir4.Patient;
  onlyCertainMatches: boolean;
  count: number;
}

function matchInput(body: unknown): MatchInput {
  const parameters = body as fhir4.Parameters | undefined;
  if (!parameters || typeof parameters !== 'object' || parameters.resourceType !== 'Parameters') {
    throw badRequest('Patient/$match needs a Parameters body with a "resource" parameter holding a Patient');
  }
  const list = Array.isArray(parameters.parameter) ? parameters.parameter : [];
  const resources = list.filter((parameter) => parameter?.name === 'resource');
  if (resources.length !== 1 || resources[0].resource?.resourceType !== 'Patient') {
    throw badRequest('Patient/$match needs exactly one "resource" parameter holding a Patient', ['Parameters.parameter']);
  }
  const only = list.find((parameter) => parameter?.name === 'onlyCertainMatches');
  if (only && typeof only.valueBoolean !== 'boolean') throw badRequest('"onlyCertainMatches" must be a valueBoolean', ['Parameters.parameter']);
  const count = list.find((parameter) => parameter?.name === 'count');
  if (count && (!Number.isInteger(count.valueInteger) || count.valueInteger! < 1)) {
    throw badRequest('"count" must be a positive valueInteger', ['Parameters.parameter']);
  }
  const patient = resources[0].resource as fhir4.Patient;
  checkMatchedElements(patient);
  return { patient, onlyCertainMatches: only?.valueBoolean ?? false, count: Math.min(count?.valueInteger ?? DEFAULT_COUNT, MAX_COUNT) };
}

const ARRAY_ELEMENTS: Record<string, string> = { identifier: 'Identifier', name: 'HumanName', address: 'Address' };
const isString = (value: unknown) => value === undefined || typeof value === 'string';

/** The elements linkage reads must have their R4 shapes: a malformed one is the client's error, not a crash. */
function checkMatchedElements(patient: fhir4.Patient): void {
  const shape = patient as unknown as Record<string, unknown>;
  for (const [name, type] of Object.entries(ARRAY_ELEMENTS)) {
    const value = shape[name];
    if (value !== undefined && !(Array.isArray(value) && value.every((item) => item && typeof item === 'object'))) {
      throw badRequest(`Patient.${name} must be an array of ${type}`, [`Patient.${name}`]);
    }
  }
  const strings = [
    patient.birthDate,
    patient.gender,
    ...(patient.name ?? []).flatMap((name) => [name.family, name.text]),
    ...(patient.identifier ?? []).flatMap((identifier) => [identifier.system, identifier.value]),
    ...(patient.address ?? []).flatMap((address) => [address.postalCode, address.use]),
  ];
  if (typeof patient.birthDate === 'string' && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(patient.birthDate)) {
    throw badRequest(`Patient.birthDate "${patient.birthDate}" is not a FHIR date`, ['Patient.birthDate']);
  }
  const givens = (patient.name ?? []).map((name) => name.given);
  const extensions = (patient.name ?? []).map((name) => name.extension);
  if (
    !strings.every(isString) ||
    !givens.every((given) => given === undefined || (Array.isArray(given) && given.every(isString))) ||
    !extensions.every((extension) => extension === undefined || (Array.isArray(extension) && extension.every((item) => item && typeof item === 'object')))
  ) {
    throw badRequest('Patient.birthDate, gender, names, identifiers and postal codes must be strings (HumanName.given an array of them, HumanName.extension an array of Extension)', ['Patient']);
  }
}

/**
 * POST [base]/Patient/$match (R4 Patient-match): the stored Patients that may be the person of the given Patient,
 * best first, as a searchset Bundle whose entries carry search.score (0–1) and the match-grade extension. Scoring
 * and thresholds are the registry's linkage (docs/LINKAGE.md). A hospital client sees candidates among its own
 * patients only (its store scope); researchers and administrators, who see no identifiable data, are refused.
 */
export async function patientMatch(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const role = request.principal?.role;
  if (role === 'researcher' || role === 'administrator') {
    throw new FhirError(403, 'forbidden', `Patient/$match returns identifiable patients; a ${role} client may not call it`);
  }
  const { patient, onlyCertainMatches, count } = matchInput(request.body);
  const candidates = await findCandidates(context, patient, linkageSettings());
  const chosen = candidates.filter((candidate) => !onlyCertainMatches || candidate.grade === 'certain').slice(0, count);
  const bundle: fhir4.Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: chosen.length,
    entry: chosen.map((candidate) => ({
      fullUrl: fullUrl(request.baseUrl, 'Patient', candidate.patient.id!),
      resource: candidate.patient,
      search: { mode: 'match', score: candidate.score, extension: [{ url: MATCH_GRADE, valueCode: candidate.grade }] },
    })),
  };
  return { status: 200, headers: {}, body: bundle };
}
