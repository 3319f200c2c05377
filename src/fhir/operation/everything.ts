import type { SearchMatch } from '../../search/search-engine.js';
import { fullUrl, linkUrl } from '../bundle.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { badRequest, notFound } from '../outcome.js';
import { pageSize } from '../paging.js';
import { withParameterErrors } from '../interaction/search-type.js';
import { patientCompartment } from './export/parameters.js';

const PARAMETERS = new Set(['start', 'end', '_since', '_type', '_count', '_cursor']);
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The search parameter that carries a type's care date, first one the type has: `date` where it is the R4
 * clinical-date parameter (Encounter, Observation, Procedure ...), else the date a type names otherwise (Condition
 * onset, MedicationRequest authoredOn ...). Types with none (Patient, Coverage ...) are not narrowed by start and end.
 */
const CARE_DATE_PARAMETERS = ['date', 'onset-date', 'authoredon', 'authored', 'effective-time', 'whenhandedover', 'collected', 'created'];
const CLINICAL_DATE = 'http://hl7.org/fhir/SearchParameter/clinical-date';

/** Types searched together: those sharing a care-date parameter (none for undated types). */
interface TypeGroup {
  careDate?: string;
  types: string[];
}

/** Position in the result: the group being read and the search engine's cursor within it. */
function encodeCursor(group: number, engineCursor: string | undefined): string {
  return Buffer.from(JSON.stringify([group, engineCursor ?? null])).toString('base64url');
}

function decodeCursor(text: string, groups: number): { group: number; engineCursor?: string } {
  try {
    const [group, engineCursor] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Number.isSafeInteger(group) && group >= 0 && group < groups && (engineCursor === null || typeof engineCursor === 'string')) {
      return { group, ...(engineCursor ? { engineCursor } : {}) };
    }
  } catch {
    // reported below
  }
  throw badRequest('The paging cursor is not valid; start again from the first page', ['_cursor']);
}

function parameters(request: FhirRequest) {
  for (const [name] of request.query) {
    if (!PARAMETERS.has(name)) throw badRequest(`Patient/$everything does not support the parameter "${name}" (start, end, _since, _type, _count)`, [name]);
  }
  const single = (name: string, pattern: RegExp, what: string) => {
    const values = request.query.filter(([key]) => key === name).map(([, value]) => value);
    if (values.length > 1) throw badRequest(`"${name}" may be given once`, [name]);
    if (values[0] !== undefined && !pattern.test(values[0])) throw badRequest(`"${name}" must be ${what}, got "${values[0]}"`, [name]);
    return values[0];
  };
  const start = single('start', DATE, 'a date (YYYY, YYYY-MM or YYYY-MM-DD)');
  const end = single('end', DATE, 'a date (YYYY, YYYY-MM or YYYY-MM-DD)');
  const since = single('_since', INSTANT, 'an instant with a time zone');
  const types = request.query.filter(([key]) => key === '_type').flatMap(([, value]) => value.split(',').map((type) => type.trim()));
  const cursor = request.query.find(([key]) => key === '_cursor')?.[1];
  return { start, end, since, types: types.length ? types : undefined, cursor };
}

/**
 * Patient/[id]/$everything (R4): the patient's compartment (every resource that refers to the patient through a
 * parameter of the CompartmentDefinition Patient) plus the resources those refer to (Practitioner, Organization,
 * Encounter, Medication ...), as a searchset paged by `_count`. `start`/`end` narrow each type by its care date,
 * `_since` by last change, `_type` to the listed types. The caller's read scope applies throughout.
 */
export async function patientEverything(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const id = request.id;
  if (!id) throw badRequest('$everything needs a Patient id');
  const query = parameters(request);
  const patient = await context.store.read('Patient', id);
  if (!patient) throw notFound(`Patient/${id} is not known`);
  if (patient.deleted) throw notFound(`Patient/${id} has been deleted`);

  const compartment = patientCompartment(context);
  const wanted = query.types?.map((type) => {
    if (!context.resourceTypes.has(type)) throw badRequest(`_type names an unknown resource type "${type}"`, ['_type']);
    return type;
  });
  const members = [...compartment.keys()].filter((type) => !wanted || wanted.includes(type)).sort((a, b) => (a === 'Patient' ? -1 : b === 'Patient' ? 1 : a.localeCompare(b)));
  const groups = groupByCareDate(context, members, query.start !== undefined || query.end !== undefined);
  const count = pageSize(request);
  let position = query.cursor ? decodeCursor(query.cursor, groups.length) : { group: 0 };

  const matches: SearchMatch[] = [];
  const included: SearchMatch[] = [];
  let next: string | undefined;
  while (position.group < groups.length && matches.length < count) {
    const group = groups[position.group];
    const params: [string, string][] = [['_total', 'none'], ['_include', '*']];
    if (group.careDate && query.start) params.push([group.careDate, `ge${query.start}`]);
    if (group.careDate && query.end) params.push([group.careDate, `le${query.end}`]);
    if (query.since) params.push(['_lastUpdated', `gt${query.since}`]);
    if (position.engineCursor) params.push(['_cursor', position.engineCursor]);
    const result = await withParameterErrors(() =>
      context.search.search({ types: group.types, compartment: { type: 'Patient', id } }, params, {
        count: count - matches.length,
        scope: context.store.scope,
        tx: context.store.sql,
        baseUrl: request.baseUrl,
      }),
    );
    matches.push(...result.matches);
    included.push(...result.included);
    if (result.nextCursor) {
      next = encodeCursor(position.group, result.nextCursor);
      break;
    }
    position = { group: position.group + 1 };
    if (position.group < groups.length && matches.length >= count) next = encodeCursor(position.group, undefined);
  }

  const seen = new Set(matches.map((match) => `${match.type}/${match.id}`));
  const entry: fhir4.BundleEntry<fhir4.Resource>[] = matches.map((match) => ({ fullUrl: fullUrl(request.baseUrl, match.type, match.id), resource: match.resource, search: { mode: 'match' } }));
  for (const match of included) {
    const key = `${match.type}/${match.id}`;
    if (seen.has(key) || (wanted && !wanted.includes(match.type))) continue;
    seen.add(key);
    entry.push({ fullUrl: fullUrl(request.baseUrl, match.type, match.id), resource: match.resource, search: { mode: 'include' } });
  }
  const base = `${request.baseUrl}/Patient/${id}/$everything`;
  const criteria = request.query.filter(([name]) => name !== '_cursor');
  const link: fhir4.BundleLink[] = [{ relation: 'self', url: linkUrl(base, request.query) }];
  if (next) link.push({ relation: 'next', url: linkUrl(base, [...criteria, ['_cursor', next]]) });
  return { status: 200, headers: {}, body: { resourceType: 'Bundle', type: 'searchset', link, ...(entry.length ? { entry } : {}) } as fhir4.Bundle };
}

/** Compartment types grouped by care-date parameter (one group, undated, when start and end are not asked for). */
function groupByCareDate(context: FhirContext, types: string[], byDate: boolean): TypeGroup[] {
  if (!byDate) return types.length ? [{ types }] : [];
  const groups = new Map<string | undefined, string[]>();
  for (const type of types) {
    // A `date` of another meaning (MedicationRequest's dosage timing) is no care date.
    const supported = new Set(
      context.search
        .supportedParameters(type)
        .filter((parameter) => parameter.name !== 'date' || parameter.definition === CLINICAL_DATE)
        .map((parameter) => parameter.name),
    );
    const careDate = CARE_DATE_PARAMETERS.find((code) => supported.has(code));
    groups.set(careDate, [...(groups.get(careDate) ?? []), type]);
  }
  // Undated types (the Patient itself among them) first, then the dated groups in a fixed order.
  return [...groups.entries()]
    .sort(([a], [b]) => (a === undefined ? -1 : b === undefined ? 1 : CARE_DATE_PARAMETERS.indexOf(a) - CARE_DATE_PARAMETERS.indexOf(b)))
    .map(([careDate, grouped]) => ({ ...(careDate ? { careDate } : {}), types: grouped }));
}
