import { Pseudonymizer } from './pseudonym.js';

export interface DeidentifyOptions {
  /** HMAC key of the pseudonyms (same key, same pseudonyms across exports). */
  key: string;
  /** Shift each patient's full dates by a keyed offset of up to this many days; 0 keeps dates. */
  dateShiftDays: number;
}

/** Resource types left out of a de-identified export: they exist to describe people or hold free text and files. */
export const WITHHELD_TYPES = new Set(['Binary', 'Media', 'DocumentReference', 'Communication', 'Person', 'RelatedPerson', 'AuditEvent']);

/** Elements removed wherever they occur: direct identifiers, contact details and free text. */
const REMOVED_ELEMENTS = new Set([
  'identifier',
  'alias',
  'telecom',
  'photo',
  'contact',
  'note',
  'comment',
  'presentedForm',
  'valueString',
  'valueMarkdown',
  'valueHumanName',
  'valueContactPoint',
  'valueIdentifier',
  'valueAttachment',
  'valueBase64Binary',
]);

/** Resource types whose `name` names a person or an institution (a quasi-identifier next to the prefecture). */
const NAMED_TYPES = new Set(['Patient', 'Practitioner', 'Organization', 'Location', 'HealthcareService', 'Group']);

/** Coverage elements holding insurance numbers (保険者番号, 記号・番号) or linking family members. */
const COVERAGE_REMOVED = new Set(['subscriberId', 'class', 'dependent']);

/** Address parts kept: the prefecture (JP Core puts 都道府県 in `state`) and above. */
const ADDRESS_KEPT = ['use', 'type', 'state', 'country'];

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/;
/** A reference to a resource by type and id, relative or absolute, optionally versioned. */
const RESOURCE_REFERENCE = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** Marks the output as pseudonymized (HL7 v3 ObservationValue PSEUDED). */
const PSEUDONYMIZED_LABEL: fhir4.Coding = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
  code: 'PSEUDED',
  display: 'pseudonymized',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Turns registry resources into de-identified copies for public-health and research use ("匿名化したうえで活用").
 * What is kept and removed is listed in docs/DEIDENTIFICATION.md; this class is the single place implementing it.
 */
export class Deidentifier {
  private readonly pseudonyms: Pseudonymizer;

  constructor(private readonly options: DeidentifyOptions) {
    this.pseudonyms = new Pseudonymizer(options.key);
  }

  /** The de-identified copy of `resource`, or undefined when its type is withheld. Never modifies the input. */
  apply(resource: fhir4.Resource): fhir4.Resource | undefined {
    if (WITHHELD_TYPES.has(resource.resourceType)) return undefined;
    const patientId = patientOf(resource);
    const shiftDays = patientId ? this.pseudonyms.dateShiftDays(patientId, this.options.dateShiftDays) : 0;
    const body = this.clean(resource as unknown as Json, resource.resourceType, shiftDays) as Record<string, Json>;
    const profile = resource.meta?.profile;
    const header: Record<string, Json> = {
      resourceType: resource.resourceType,
      ...(resource.id ? { id: this.pseudonyms.id(resource.resourceType, resource.id) } : {}),
      meta: { ...(profile ? { profile } : {}), security: [PSEUDONYMIZED_LABEL as unknown as Json] },
    };
    // Birth date reduced to the year; not shifted, so the year stays true.
    const birthDate = (resource as fhir4.Patient).birthDate;
    if (resource.resourceType === 'Patient' && typeof birthDate === 'string') header.birthDate = birthDate.slice(0, 4);
    return { ...header, ...body } as unknown as fhir4.Resource;
  }

  private clean(value: Json, resourceType: string, shiftDays: number): Json {
    if (typeof value === 'string') return shiftDays ? shiftDate(value, shiftDays) : value;
    if (Array.isArray(value)) {
      return value.map((item) => this.clean(item, resourceType, shiftDays)).filter((item) => item !== undefined && !isEmpty(item));
    }
    if (value === null || typeof value !== 'object') return value;
    // A narrative (resource text, Composition section text): free text, dropped.
    if (typeof value.div === 'string') return {};
    const result: Record<string, Json> = {};
    for (const [key, child] of Object.entries(value)) {
      if (REMOVED_ELEMENTS.has(key)) continue;
      if (key === 'name' && NAMED_TYPES.has(resourceType)) continue;
      if (resourceType === 'Coverage' && COVERAGE_REMOVED.has(key)) continue;
      if (key === 'meta' || key === 'id' || key === 'birthDate') continue;
      if (key === 'address' || key === 'valueAddress') {
        const addresses = (Array.isArray(child) ? child : [child]).map(prefectureOnly).filter((address) => !isEmpty(address));
        if (addresses.length) result[key] = Array.isArray(child) ? addresses : addresses[0];
        continue;
      }
      if (key === 'reference' && typeof child === 'string') {
        const rewritten = this.reference(child);
        if (rewritten) result[key] = rewritten;
        continue;
      }
      // A Reference's display text names its target (a person, a hospital); a Coding's display is kept.
      if (key === 'display' && ('reference' in value || !('code' in value))) continue;
      const cleaned = this.clean(child, resourceType, shiftDays);
      if (!isEmpty(cleaned)) result[key] = cleaned;
    }
    // An extension whose value was removed carries nothing but its url: drop it.
    const onlyUrlLeft = Object.keys(result).length === 1 && typeof result.url === 'string';
    return onlyUrlLeft && Object.keys(value).length > 1 ? {} : result;
  }

  /** `Type/id` (relative, absolute or versioned) becomes `Type/<pseudonym>`; contained (#) stays; others go. */
  private reference(reference: string): string | undefined {
    if (reference.startsWith('#')) return reference;
    const match = RESOURCE_REFERENCE.exec(reference);
    return match ? `${match[1]}/${this.pseudonyms.id(match[1], match[2])}` : undefined;
  }
}

/** The patient a resource belongs to: itself, or its first reference to a Patient. */
export function patientOf(resource: fhir4.Resource): string | undefined {
  if (resource.resourceType === 'Patient') return resource.id;
  const record = resource as unknown as Record<string, Json>;
  for (const key of ['subject', 'patient', 'beneficiary', 'individual']) {
    const found = firstPatientReference(record[key]);
    if (found) return found;
  }
  return firstPatientReference(record as Json);
}

function firstPatientReference(value: Json | undefined): string | undefined {
  if (value === null || value === undefined || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstPatientReference(item);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value.reference === 'string') {
    const match = RESOURCE_REFERENCE.exec(value.reference);
    if (match?.[1] === 'Patient') return match[2];
  }
  for (const child of Object.values(value)) {
    const found = firstPatientReference(child);
    if (found) return found;
  }
  return undefined;
}

function prefectureOnly(address: Json): Json {
  if (address === null || typeof address !== 'object' || Array.isArray(address)) return {};
  const kept: Record<string, Json> = {};
  for (const key of ADDRESS_KEPT) if (address[key] !== undefined) kept[key] = address[key];
  return kept;
}

/** Shifts a full date or dateTime by whole days, keeping its precision and time zone; partial dates stay. */
function shiftDate(text: string, days: number): string {
  const match = FULL_DATE.exec(text);
  if (!match) return text;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  if (Number.isNaN(day.getTime())) return text;
  return `${day.toISOString().slice(0, 10)}${match[4] ?? ''}`;
}

function isEmpty(value: Json | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}
