import type { BatchWrite } from '../../store/resource-store.js';
import { atEntry, checkBundle, checkUniqueFullUrls, conditionKey, resolveLinks, type ParsedEntry } from '../bundle-processing.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { newId } from '../ids.js';
import { badRequest } from '../outcome.js';
import { checkType } from '../resource-checks.js';
import { versionHeaders, writeResponse } from '../respond.js';
import { validateForWrite } from '../write-validation.js';
import { create } from './create.js';
import { searchMatches } from './search-type.js';

/** Entries of these types stand for the same real-world party across documents: matched by identifier, not re-created. */
const SHARED_BY_IDENTIFIER = new Set(['Patient', 'Practitioner', 'Organization']);

/** POST /Bundle: a document Bundle is ingested (see `documentBundle`); any other Bundle is an ordinary create. */
export async function createBundle(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const body = request.body as fhir4.Bundle | undefined;
  // The static path has no :type parameter; the generic create needs the type as the /:type route would give it.
  return body?.resourceType === 'Bundle' && body.type === 'document' ? documentBundle(context, request) : create(context, { ...request, type: 'Bundle' });
}

/**
 * Document ingest, in one transaction: the Bundle is stored as submitted (for audit and re-export), and every entry
 * as its own resource with fullUrl links rewritten to the stored ids. Patient, Practitioner and Organization entries
 * whose identifier matches a stored resource become references to it. Idempotent on Bundle.identifier: a document
 * already stored answers 200 with the stored Bundle and stores nothing.
 */
export async function documentBundle(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const bundle = checkBundle(request.body, ['document']);
  checkUniqueFullUrls(bundle);
  const identifier = bundle.identifier;
  if (!identifier?.system || !identifier.value) {
    throw badRequest('A document Bundle needs an identifier with system and value (bdl-9)', ['Bundle.identifier']);
  }
  const entries = (bundle.entry ?? []).map((entry, index) => documentEntry(context, entry, index));
  if (entries[0]?.resource?.resourceType !== 'Composition') {
    throw badRequest('The first entry of a document Bundle must be a Composition', ['Bundle.entry[0].resource']);
  }
  const documentKey = `${identifier.system}|${identifier.value}`;
  // The document is validated whole (base R4 document rules and every profile it claims, e.g. JP-CLINS
  // eDischargeSummary) before anything is stored: errors refuse it with 422.
  const issues = validateForWrite(context, bundle as fhir4.Resource);

  return context.store.transaction(async (store) => {
    const tx: FhirContext = { ...context, store };
    // Serialises resubmissions of one document, so a retry racing the original cannot store it twice.
    await store.lockKey(conditionKey('Bundle', `identifier=${documentKey}`));
    const stored = await searchMatches(tx, 'Bundle', [['identifier', documentKey]], 'Document identifier', 1);
    if (stored.length) {
      const previous = await store.read('Bundle', stored[0].id);
      if (previous?.resource) return { status: 200, headers: versionHeaders(request.baseUrl, previous, true), body: previous.resource };
    }

    // Two documents about one new patient must not create it twice: lock every shared identifier, in one order.
    const shared = entries.filter((entry) => SHARED_BY_IDENTIFIER.has(entry.resource!.resourceType));
    const keys = shared.flatMap((entry) => identifierTokens(entry.resource!).map((token) => conditionKey(entry.resource!.resourceType, `identifier=${token}`)));
    for (const key of [...new Set(keys)].sort()) await store.lockKey(key);

    const targets = new Map<string, string>();
    const writes: { entry: ParsedEntry; id: string }[] = [];
    for (const entry of entries) {
      const type = entry.resource!.resourceType;
      const existing = shared.includes(entry) ? await atEntry(entry, () => storedByIdentifier(tx, entry.resource!)) : undefined;
      const id = existing ?? newId();
      if (entry.fullUrl) targets.set(entry.fullUrl, `${type}/${id}`);
      if (!existing) writes.push({ entry, id });
    }
    const derived: BatchWrite[] = [];
    for (const { entry, id } of writes) {
      const resource = await atEntry(entry, () => resolveLinks(tx, entry, entry.resource!, targets));
      derived.push({ resource: { ...resource, id }, id, method: 'POST' });
    }
    const [document] = await store.writeMany([{ resource: bundle, id: newId(), method: 'POST' }, ...derived]);
    return writeResponse(request, 201, document.version, `Stored document ${documentKey} as Bundle/${document.version.id} with ${derived.length} derived resources`, issues);
  });
}

/** A document entry: fullUrl and resource are required, and the resource must be of a served type. */
function documentEntry(context: FhirContext, entry: fhir4.BundleEntry, index: number): ParsedEntry {
  const label = `Bundle.entry[${index}]`;
  const resource = entry?.resource;
  if (!resource || typeof resource !== 'object' || typeof resource.resourceType !== 'string') {
    throw badRequest(`${label} has no resource`, [`${label}.resource`]);
  }
  if (!entry.fullUrl) throw badRequest(`${label} has no fullUrl (required in a document)`, [`${label}.fullUrl`]);
  const type = checkType(context, resource.resourceType);
  return { index, label, fullUrl: entry.fullUrl, method: 'POST', url: type, segments: [type], query: [], resource, headers: {} };
}

/** The stored resource an entry's identifiers (system and value) match, when exactly one does. */
async function storedByIdentifier(context: FhirContext, resource: fhir4.Resource): Promise<string | undefined> {
  for (const token of identifierTokens(resource)) {
    const matches = await searchMatches(context, resource.resourceType, [['identifier', token]], 'Identifier', 2);
    if (matches.length === 1) return matches[0].id;
  }
  return undefined;
}

/** `system|value` of each identifier that has both. */
function identifierTokens(resource: fhir4.Resource): string[] {
  const identifiers = (resource as { identifier?: fhir4.Identifier[] }).identifier;
  return (Array.isArray(identifiers) ? identifiers : []).filter((one) => one?.system && one.value).map((one) => `${one.system}|${one.value}`);
}
