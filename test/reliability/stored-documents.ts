import type { Queryable } from '../../src/db/database.js';
import { hasErrors, type Validator } from '../../src/validation/index.js';

/** Entry types document ingest matches by identifier instead of storing again (see src/fhir/interaction/document.ts). */
const SHARED_BY_IDENTIFIER = new Set(['Patient', 'Practitioner', 'Organization']);

export interface StoredResource {
  type: string;
  id: string;
  lastUpdated: string;
  /** The hospital whose data it is (tenancy, src/store/tenancy.ts); null for registry-level resources. */
  hospitalCode: string | null;
  content: fhir4.Resource;
}

/** Every current (not deleted) resource in the store. */
export async function storedResources(db: Queryable): Promise<StoredResource[]> {
  const { rows } = await db.query<{ type: string; id: string; last_updated: Date | string; hospital_code: string | null; content: fhir4.Resource | string }>(
    'SELECT type, id, last_updated, hospital_code, content FROM resource WHERE NOT deleted ORDER BY rid',
  );
  return rows.map((row) => ({
    type: row.type,
    id: row.id,
    lastUpdated: new Date(row.last_updated).toISOString(),
    hospitalCode: row.hospital_code,
    content: typeof row.content === 'string' ? JSON.parse(row.content) : row.content,
  }));
}

function identifierTokens(resource: fhir4.Resource): string[] {
  const identifiers = (resource as { identifier?: unknown }).identifier;
  return (Array.isArray(identifiers) ? (identifiers as fhir4.Identifier[]) : [])
    .filter((one) => one?.system && one.value)
    .map((one) => `${one.system}|${one.value}`);
}

/** Every `reference` string anywhere inside a resource. */
function references(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) references(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'reference' && typeof item === 'string') found.push(item);
      else references(item, found);
    }
  }
  return found;
}

/**
 * Problems with the stored documents: a document is complete when the resources written in its transaction (same
 * lastUpdated instant, as ResourceStore.writeMany stamps one instant per transaction) hold one resource per entry —
 * Patient/Practitioner/Organization entries may instead name an already stored resource by identifier — and every
 * relative reference in them resolves to a stored resource (fullUrl links were rewritten).
 * Documents written in the same instant are checked together.
 */
export function incompleteDocuments(stored: StoredResource[]): string[] {
  const problems: string[] = [];
  const byKey = new Set(stored.map((resource) => `${resource.type}/${resource.id}`));
  const sharedByToken = new Map<string, number>();
  for (const resource of stored) {
    if (!SHARED_BY_IDENTIFIER.has(resource.type)) continue;
    for (const token of identifierTokens(resource.content)) sharedByToken.set(`${resource.type}?${token}`, (sharedByToken.get(`${resource.type}?${token}`) ?? 0) + 1);
  }
  const byInstant = new Map<string, StoredResource[]>();
  for (const resource of stored) byInstant.set(resource.lastUpdated, [...(byInstant.get(resource.lastUpdated) ?? []), resource]);

  for (const [instant, group] of byInstant) {
    const documents = group.filter((resource) => resource.type === 'Bundle' && (resource.content as fhir4.Bundle).type === 'document');
    if (!documents.length) continue;
    const label = documents.map((document) => `Bundle/${document.id}`).join(' + ');
    const expected = new Map<string, number>();
    let sharedEntries = 0;
    for (const document of documents) {
      for (const entry of (document.content as fhir4.Bundle).entry ?? []) {
        const type = entry.resource!.resourceType;
        if (SHARED_BY_IDENTIFIER.has(type)) {
          sharedEntries++;
          if (!identifierTokens(entry.resource!).some((token) => sharedByToken.has(`${type}?${token}`)) && !group.some((one) => one.type === type)) {
            problems.push(`${label} (${instant}): its ${type} entry ${entry.fullUrl} is neither stored nor matched by identifier`);
          }
        } else expected.set(type, (expected.get(type) ?? 0) + 1);
      }
    }
    const derived = group.filter((resource) => !documents.includes(resource) && !SHARED_BY_IDENTIFIER.has(resource.type));
    const actual = new Map<string, number>();
    for (const resource of derived) actual.set(resource.type, (actual.get(resource.type) ?? 0) + 1);
    for (const type of new Set([...expected.keys(), ...actual.keys()])) {
      if ((expected.get(type) ?? 0) !== (actual.get(type) ?? 0)) {
        problems.push(`${label} (${instant}): ${expected.get(type) ?? 0} ${type} entries but ${actual.get(type) ?? 0} stored with it`);
      }
    }
    const sharedDerived = group.filter((resource) => SHARED_BY_IDENTIFIER.has(resource.type)).length;
    if (sharedDerived > sharedEntries) problems.push(`${label} (${instant}): ${sharedDerived} shared resources stored for ${sharedEntries} entries`);
    for (const resource of group) {
      if (documents.includes(resource)) continue;
      for (const reference of references(resource.content)) {
        if (reference.startsWith('#')) continue;
        if (/^[A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(reference) ? !byKey.has(reference) : reference.startsWith('urn:')) {
          problems.push(`${resource.type}/${resource.id} of ${label}: reference ${reference} does not resolve to a stored resource`);
        }
      }
    }
  }
  return problems;
}

/** Stored resources with validation errors (the document Bundles as stored, and every resource on its own). */
export function invalidResources(stored: StoredResource[], validator: Validator): string[] {
  const problems: string[] = [];
  for (const resource of stored) {
    const outcome = validator.validate(resource.content);
    if (hasErrors(outcome)) {
      const first = outcome.issue.find((issue) => issue.severity === 'error' || issue.severity === 'fatal');
      problems.push(`${resource.type}/${resource.id}: ${first?.diagnostics ?? 'invalid'} at ${first?.expression?.join(', ') ?? '?'}`);
    }
  }
  return problems;
}

/**
 * Patients of one hospital sharing an identifier (system|value): document ingest must match, never duplicate, them.
 * (The same person at two hospitals is two Patients, linked by patient linkage.)
 */
export function duplicatePatients(stored: StoredResource[]): string[] {
  const byToken = new Map<string, string[]>();
  for (const resource of stored) {
    if (resource.type !== 'Patient') continue;
    for (const token of identifierTokens(resource.content)) {
      const key = `hospital ${resource.hospitalCode}: ${token}`;
      byToken.set(key, [...(byToken.get(key) ?? []), resource.id]);
    }
  }
  return [...byToken].filter(([, ids]) => ids.length > 1).map(([key, ids]) => `Patient identifier (${key}) is on ${ids.length} Patients: ${ids.join(', ')}`);
}
