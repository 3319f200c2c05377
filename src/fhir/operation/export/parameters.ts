import type { ReadScope } from '../../../store/tenancy.js';
import type { FhirContext, FhirRequest } from '../../context.js';
import { badRequest } from '../../outcome.js';

/** Which data a job exports: the whole system, every patient's compartment, or a Group's members' compartments. */
export type ExportLevel = 'system' | 'patient' | 'group';

/** The validated parameters of a kick-off, stored with the job so that a restarted server can run it again. */
export interface ExportParameters {
  level: ExportLevel;
  groupId?: string;
  /** Types to export, in output order; for patient and group level only Patient compartment members. */
  types: string[];
  /** Only resources changed after this instant. */
  since?: string;
  /** `_typeFilter` queries by type (several for one type are alternatives). */
  typeFilters: Record<string, string[]>;
  /** `_elements`: element names kept (besides the mandatory ones), per type or for all types (key "*"). */
  elements?: Record<string, string[]>;
  /** Patient ids of a patient/group export restricted by `patient` or by Group membership. */
  patients?: string[];
  /** De-identified output (`_deidentify=true`, see docs/DEIDENTIFICATION.md). */
  deidentify: boolean;
  /** Whose data the job reads (the kick-off caller's tenancy); absent on jobs from before tenancy: all data. */
  readScope?: ReadScope;
  /** The client that kicked the job off: only it may poll, download or cancel (absent without authentication). */
  owner?: string;
}

const OUTPUT_FORMATS = new Set(['application/fhir+ndjson', 'application/ndjson', 'ndjson']);
const KNOWN_PARAMETERS = new Set(['_outputFormat', '_since', '_type', '_typeFilter', '_elements', 'patient', '_deidentify', 'includeAssociatedData']);
/** FHIR instant: a dateTime with seconds and a time zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const ELEMENT = /^([A-Z][A-Za-z]+\.)?[a-z][A-Za-z0-9]*(\[x\])?$/;

/** A kick-off's parameters as name/value pairs: the query string and, for POST, a Parameters body. */
function rawParameters(request: FhirRequest): [string, string][] {
  const pairs = [...request.query];
  if (request.method !== 'POST' || request.body === undefined) return pairs;
  const body = request.body as fhir4.Parameters;
  if (body?.resourceType !== 'Parameters') throw badRequest('POST $export takes a Parameters resource');
  for (const parameter of body.parameter ?? []) {
    const value =
      parameter.valueString ?? parameter.valueCode ?? parameter.valueInstant ?? parameter.valueBoolean?.toString() ?? parameter.valueReference?.reference;
    if (value === undefined) throw badRequest(`$export parameter "${parameter.name}" has no supported value`, ['Parameters.parameter']);
    pairs.push([parameter.name, value]);
  }
  return pairs;
}

/** Patient ids from `patient` references (Patient/x). */
function patientIds(values: string[]): string[] {
  return values.map((reference) => {
    const match = /^Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(reference.trim());
    if (!match) throw badRequest(`"patient" must reference a Patient as Patient/[id], got "${reference}"`);
    return match[1];
  });
}

/** The resource types of the Patient compartment (CompartmentDefinition Patient of the loaded R4 package). */
export function patientCompartment(context: FhirContext): Map<string, string[]> {
  const definition = context.conformance
    .allOfType<fhir4.CompartmentDefinition>('CompartmentDefinition')
    .find((candidate) => candidate.code === 'Patient');
  const members = new Map<string, string[]>([['Patient', []]]);
  for (const entry of definition?.resource ?? []) {
    const params = (entry.param ?? []).filter((param) => param !== '{def}');
    if (params.length && context.resourceTypes.has(entry.code)) members.set(entry.code, params);
  }
  return members;
}

/**
 * Validates a kick-off request into ExportParameters; every problem is a 400 with an OperationOutcome.
 * `level` and `groupId` come from the route.
 */
export function parseExportRequest(context: FhirContext, request: FhirRequest, level: ExportLevel, groupId?: string): ExportParameters {
  const prefer = request.headers.prefer ?? '';
  if (!/(^|[,;\s])respond-async($|[,;\s])/.test(prefer)) throw badRequest('$export runs asynchronously: send "Prefer: respond-async"');
  const pairs = rawParameters(request);
  const values = (name: string) => pairs.filter(([key]) => key === name).map(([, value]) => value);
  for (const [name] of pairs) {
    if (!KNOWN_PARAMETERS.has(name)) throw badRequest(`$export does not support the parameter "${name}"`, [name]);
  }

  for (const format of values('_outputFormat')) {
    if (!OUTPUT_FORMATS.has(format.trim())) throw badRequest(`_outputFormat "${format}" is not supported; use application/fhir+ndjson`, ['_outputFormat']);
  }
  if (values('includeAssociatedData').length) throw badRequest('includeAssociatedData is not supported', ['includeAssociatedData']);

  const sinceValues = values('_since');
  if (sinceValues.length > 1) throw badRequest('_since may be given once', ['_since']);
  const since = sinceValues[0];
  if (since !== undefined && (!INSTANT.test(since) || Number.isNaN(Date.parse(since)))) {
    throw badRequest(`_since "${since}" is not a FHIR instant (e.g. 2024-04-01T00:00:00Z)`, ['_since']);
  }

  const compartment = level === 'system' ? undefined : patientCompartment(context);
  const allowed = compartment ? [...compartment.keys()].sort() : [...context.resourceTypes].sort();
  const requested = values('_type').flatMap((value) => value.split(',')).map((type) => type.trim()).filter(Boolean);
  for (const type of requested) {
    if (!context.resourceTypes.has(type)) throw badRequest(`_type "${type}" is not a resource type`, ['_type']);
    if (compartment && !compartment.has(type)) throw badRequest(`_type "${type}" is not in the Patient compartment`, ['_type']);
  }
  const types = requested.length ? allowed.filter((type) => requested.includes(type)) : allowed;

  const typeFilters: Record<string, string[]> = {};
  for (const filter of values('_typeFilter')) {
    const [type, query] = [filter.slice(0, filter.indexOf('?')), filter.slice(filter.indexOf('?') + 1)];
    if (!filter.includes('?') || !type || !query) throw badRequest(`_typeFilter "${filter}" must be [type]?[search parameters]`, ['_typeFilter']);
    if (!types.includes(type)) throw badRequest(`_typeFilter "${filter}" names a type that is not exported`, ['_typeFilter']);
    (typeFilters[type] ??= []).push(query);
  }

  let elements: Record<string, string[]> | undefined;
  const elementList = values('_elements').flatMap((value) => value.split(',')).map((element) => element.trim()).filter(Boolean);
  for (const element of elementList) {
    if (!ELEMENT.test(element)) throw badRequest(`_elements "${element}" must be [element] or [type].[element]`, ['_elements']);
    const [type, name] = element.includes('.') ? element.split('.') : ['*', element];
    (elements ??= {})[type] = [...(elements[type] ?? []), name.replace('[x]', '')];
  }

  const patientValues = values('patient');
  if (patientValues.length && level === 'system') throw badRequest('"patient" applies to Patient and Group level export only', ['patient']);
  const patients = patientValues.length ? patientIds(patientValues.flatMap((value) => value.split(','))) : undefined;

  const deidentifyValues = values('_deidentify');
  if (deidentifyValues.some((value) => value !== 'true' && value !== 'false')) throw badRequest('_deidentify must be true or false', ['_deidentify']);
  if (groupId !== undefined && !ID.test(groupId)) throw badRequest(`"${groupId}" is not a valid Group id`);

  return {
    level,
    ...(groupId ? { groupId } : {}),
    types,
    ...(since ? { since } : {}),
    typeFilters,
    ...(elements ? { elements } : {}),
    ...(patients ? { patients } : {}),
    deidentify: deidentifyValues.includes('true'),
  };
}
