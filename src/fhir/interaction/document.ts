import { isDeepStrictEqual } from 'node:util';
import { documentEntries, documentEntryKey, identifierTokens, type DocumentEntryTarget } from '../../registry/cases/case-store.js';
import { completenessIssues } from '../../registry/cases/completeness.js';
import { recordDocument } from '../../registry/cases/ingest.js';
import { linkIngestedPatients } from '../../registry/linkage/linker.js';
import type { BatchWrite } from '../../store/resource-store.js';
import { atEntry, checkBundle, checkUniqueFullUrls, conditionKey, resolveLinks, type ParsedEntry } from '../bundle-processing.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { newId } from '../ids.js';
import { badRequest, FhirError } from '../outcome.js';
import { checkType } from '../resource-checks.js';
import { versionHeaders, writeResponse } from '../respond.js';
import { validateForWrite } from '../write-validation.js';
import { create } from './create.js';
import { searchMatches } from './search-type.js';
import { documentScope } from '../tenancy.js';

/** Entries of these types stand for the same real-world party across documents: matched by identifier, not re-created. */
const SHARED_BY_IDENTIFIER = new Set(['Patient', 'Practitioner', 'Organization']);
/** JP-CLINS: the document's version number (Composition.extension, valueString "1", "2", ...). */
const COMPOSITION_VERSION_NUMBER = 'http://hl7.org/fhir/StructureDefinition/composition-clinicaldocument-versionNumber';

/** POST /Bundle: a document Bundle is ingested (see `documentBundle`); any other Bundle is an ordinary create. */
export async function createBundle(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const body = request.body as fhir4.Bundle | undefined;
  // The static path has no :type parameter; the generic create needs the type as the /:type route would give it.
  return body?.resourceType === 'Bundle' && body.type === 'document' ? documentBundle(context, request) : create(context, { ...request, type: 'Bundle' });
}

/**
 * Document ingest, in one transaction: the Bundle is stored as submitted (for audit and re-export), and every entry
 * as its own resource with fullUrl links rewritten to the stored ids. Patient, Practitioner and Organization entries
 * whose identifier matches a stored resource become references to it. The registry case of the admission and its
 * completeness are derived and stored in the same transaction (src/registry/cases).
 *
 * Versions of one document (same Bundle.identifier) are ordered by the Composition's version number, then by
 * Bundle.timestamp: the same version again with the same content answers 200 with the stored Bundle and stores
 * nothing; a newer version (a correction) writes a new version of every resource the previous one stored, under the
 * same ids, and deletes those it no longer contains; an older or conflicting one is refused with 409.
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
  const version = documentVersion(bundle);
  // The document is validated whole (base R4 document rules and every profile it claims, e.g. JP-CLINS
  // eDischargeSummary) before anything is stored: errors refuse it with 422.
  const issues = validateForWrite(context, bundle as fhir4.Resource);

  // Stored under the document's hospital (a hospital client may submit only its own: 403 otherwise).
  return context.store.withScope(documentScope(context, bundle)).transaction(async (store) => {
    const tx: FhirContext = { ...context, store };
    // Serialises resubmissions of one document, so a retry racing the original cannot store it twice; and two
    // documents about one new patient, so they cannot create it twice (every shared identifier). One statement.
    const shared = entries.filter((entry) => SHARED_BY_IDENTIFIER.has(entry.resource!.resourceType));
    await store.lockKeys([
      conditionKey('Bundle', `identifier=${documentKey}`),
      ...shared.flatMap((entry) => identifierTokens(entry.resource!).map((token) => conditionKey(entry.resource!.resourceType, `identifier=${token}`))),
    ]);
    const stored = await searchMatches(tx, 'Bundle', [['identifier', documentKey]], 'Document identifier', 1);
    const previous = stored.length ? await store.read('Bundle', stored[0].id) : undefined;
    if (previous?.resource) {
      const previousBundle = previous.resource as fhir4.Bundle;
      const order = compareVersions(version, documentVersion(previousBundle));
      if (order === 0 && sameDocument(bundle, previousBundle)) {
        return { status: 200, headers: versionHeaders(request.baseUrl, previous, true), body: previous.resource };
      }
      if (order <= 0) {
        const what = order === 0 ? 'has the same version as the stored one but different content' : 'is older than the stored one';
        throw new FhirError(
          409,
          'conflict',
          `Document ${documentKey} (${describeVersion(version)}) ${what} (${describeVersion(documentVersion(previousBundle))}); ` +
            'a correction needs a higher Composition version number or a later Bundle.timestamp. Nothing was stored.',
          ['Bundle.identifier'],
        );
      }
    }
    // The resources an earlier version became (also when its Bundle was deleted since: they are written anew).
    const previousTargets = await documentEntries(store.sql, documentKey);

    const targets = new Map<string, string>();
    const entryTargets: DocumentEntryTarget[] = [];
    const writes: { entry: ParsedEntry; id: string; method: 'POST' | 'PUT' }[] = [];
    const usedKeys = new Set<string>();
    for (const entry of entries) {
      const type = entry.resource!.resourceType;
      const entryKey = documentEntryKey(entry.resource!, entry.fullUrl!, usedKeys);
      const prior = previousTargets.get(entryKey);
      let target: DocumentEntryTarget;
      if (prior && prior.resourceType === type) {
        target = prior;
        if (prior.owned) writes.push({ entry, id: prior.resourceId, method: 'PUT' });
      } else {
        const existing = shared.includes(entry) ? await atEntry(entry, () => storedByIdentifier(tx, entry.resource!)) : undefined;
        target = { entryKey, resourceType: type, resourceId: existing ?? newId(), owned: !existing };
        if (!existing) writes.push({ entry, id: target.resourceId, method: 'POST' });
      }
      entryTargets.push(target);
      if (entry.fullUrl) targets.set(entry.fullUrl, `${type}/${target.resourceId}`);
    }
    const derived: BatchWrite[] = [];
    const storedResources: fhir4.Resource[] = [];
    for (const { entry, id, method } of writes) {
      const resource = await atEntry(entry, () => resolveLinks(tx, entry, entry.resource!, targets));
      derived.push({ resource: { ...resource, id }, id, method });
    }
    const documentWrite: BatchWrite = previous ? { resource: bundle, id: previous.id, method: 'PUT' } : { resource: bundle, id: newId(), method: 'POST' };
    const [document, ...written] = await store.writeMany([documentWrite, ...derived]);
    storedResources.push(...written.map((result) => result.version.resource!));
    // Entries matched to earlier shared resources are part of the document as their submitted content says.
    for (const [index, target] of entryTargets.entries()) {
      if (!writes.some((write) => write.entry === entries[index])) storedResources.push({ ...entries[index].resource!, id: target.resourceId });
    }
    // A correction that no longer contains an entry removes the resource that entry became.
    const kept = new Set(entryTargets.map((target) => target.entryKey));
    for (const prior of previousTargets.values()) {
      if (prior.owned && !kept.has(prior.entryKey)) await store.delete(prior.resourceType, prior.resourceId);
    }
    // Patient linkage (名寄せ): each Patient written is linked to the same person's records at other hospitals.
    await linkIngestedPatients(tx, written.map((result) => result.version.resource!));
    const completeness = await recordDocument(store.sql, context.conformance, { documentId: document.version.id, documentIdentifier: documentKey, resources: storedResources }, entryTargets, previousTargets.size > 0);
    const action = previous ? `Replaced document ${documentKey} by version ${document.version.versionId} of Bundle/${document.version.id}` : `Stored document ${documentKey} as Bundle/${document.version.id}`;
    return writeResponse(request, previous ? 200 : 201, document.version, `${action} with ${derived.length} derived resources`, [
      ...issues,
      ...(completeness ? completenessIssues(completeness) : []),
    ]);
  });
}

/** A document's version: the Composition's clinical-document version number, and Bundle.timestamp. */
interface DocumentVersion {
  number?: number;
  timestamp?: string;
}

function documentVersion(bundle: fhir4.Bundle): DocumentVersion {
  const composition = bundle.entry?.[0]?.resource as fhir4.Composition | undefined;
  const text = composition?.extension?.find((ext) => ext.url === COMPOSITION_VERSION_NUMBER)?.valueString;
  const number = text !== undefined && /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
  return { ...(number !== undefined ? { number } : {}), ...(bundle.timestamp ? { timestamp: bundle.timestamp } : {}) };
}

/** Version number first; with equal (or absent) numbers, the later timestamp is the newer document. */
function compareVersions(a: DocumentVersion, b: DocumentVersion): number {
  if (a.number !== undefined && b.number !== undefined && a.number !== b.number) return a.number - b.number;
  const at = a.timestamp ? Date.parse(a.timestamp) : NaN;
  const bt = b.timestamp ? Date.parse(b.timestamp) : NaN;
  if (!Number.isNaN(at) && !Number.isNaN(bt) && at !== bt) return at - bt;
  return 0;
}

function describeVersion(version: DocumentVersion): string {
  return `version ${version.number ?? 'none'}, timestamp ${version.timestamp ?? 'none'}`;
}

/** The same document content, ignoring what storing it changed (id, meta.versionId, meta.lastUpdated). */
function sameDocument(submitted: fhir4.Bundle, stored: fhir4.Bundle): boolean {
  const comparable = (bundle: fhir4.Bundle) => {
    const { id: _id, meta, ...rest } = bundle;
    const { versionId: _versionId, lastUpdated: _lastUpdated, ...otherMeta } = meta ?? {};
    return { ...rest, meta: otherMeta };
  };
  return isDeepStrictEqual(JSON.parse(JSON.stringify(comparable(submitted))), comparable(stored));
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
