import { isDeepStrictEqual } from 'node:util';
import { documentEntriesOf, documentEntryKey, identifierPairs, identifierTokens, type DocumentEntryTarget } from '../../registry/cases/case-store.js';
import { completenessIssues } from '../../registry/cases/completeness.js';
import { recordDocuments } from '../../registry/cases/ingest.js';
import { linkIngestedPatients } from '../../registry/linkage/linker.js';
import { storedByIdentifiers, type IdentifierKey } from '../../search/identifier-lookup.js';
import type { Queryable } from '../../db/database.js';
import type { BatchWrite, ResourceStore, StoredVersion } from '../../store/resource-store.js';
import { sees, writtenTenant, type ReadScope } from '../../store/tenancy.js';
import { atEntry, checkBundle, checkUniqueFullUrls, conditionKey, resolveLinks, type ParsedEntry } from '../bundle-processing.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { newId } from '../ids.js';
import { badRequest, FhirError } from '../outcome.js';
import { checkType } from '../resource-checks.js';
import { versionHeaders, writeResponse } from '../respond.js';
import { validateForWrite } from '../write-validation.js';
import { create } from './create.js';
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
 *
 * One document is a batch of one (`ingestDocuments`), so REST, transaction Bundles and `load` share one path.
 */
export async function documentBundle(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const [result] = await ingestDocuments(context, [request]);
  if ('error' in result) throw result.error;
  return result.response;
}

/** What became of one document of a batch: its response, or the client error that refused it (nothing of it stored). */
export type DocumentResult = { response: FhirResponse } | { error: FhirError };

/**
 * Ingests several document Bundles (each as `documentBundle` would) with a constant number of statements per
 * transaction rather than per document: one lock statement, one identifier look-up, one resource insert, one index
 * insert, the linkage hook and the registry rows for all of them. Each document is checked and validated first; one
 * refused there is reported and left out. The others are stored in one transaction per run of documents with
 * distinct identifiers (a later version of a document in the batch must see the earlier one stored). When that
 * transaction fails — a document refused once stored state is known (an older version, an unresolvable reference),
 * or a conflict with a concurrent writer — it is rolled back and its documents are ingested one transaction each, so
 * every document gets the result it would have had alone and a refused one sinks no other.
 */
export async function ingestDocuments(context: FhirContext, requests: FhirRequest[]): Promise<DocumentResult[]> {
  const results = new Array<DocumentResult>(requests.length);
  let run: Submitted[] = [];
  const keysInRun = new Set<string>();
  for (const [index, request] of requests.entries()) {
    let document: PreparedDocument;
    try {
      document = prepareDocument(context, request);
    } catch (error) {
      if (!(error instanceof FhirError)) throw error;
      results[index] = { error };
      continue;
    }
    if (keysInRun.has(document.documentKey)) {
      await storeRun(context, run, results);
      run = [];
      keysInRun.clear();
    }
    keysInRun.add(document.documentKey);
    run.push({ index, document });
  }
  if (run.length) await storeRun(context, run, results);
  return results;
}

/** A document checked and validated: what ingest knows before it touches the database. */
interface PreparedDocument {
  request: FhirRequest;
  bundle: fhir4.Bundle;
  entries: ParsedEntry[];
  /** `system|value` of Bundle.identifier. */
  documentKey: string;
  version: DocumentVersion;
  /** The validator's warnings and information, returned with the result. */
  issues: fhir4.OperationOutcomeIssue[];
  /** The document's hospital: its rows are stamped with it, and identifiers are matched among what it sees. */
  scope: ReadScope;
  /** Entries of SHARED_BY_IDENTIFIER types. */
  shared: ParsedEntry[];
}

interface Submitted {
  /** Position in the batch. */
  index: number;
  document: PreparedDocument;
}

function prepareDocument(context: FhirContext, request: FhirRequest): PreparedDocument {
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
  // The document is validated whole (base R4 document rules and every profile it claims, e.g. JP-CLINS
  // eDischargeSummary) before anything is stored: errors refuse it with 422.
  const issues = validateForWrite(context, bundle as fhir4.Resource);
  return {
    request,
    bundle,
    entries,
    documentKey: `${identifier.system}|${identifier.value}`,
    version: documentVersion(bundle),
    issues,
    // Stored under the document's hospital (a hospital client may submit only its own: 403 otherwise).
    scope: documentScope(context, bundle),
    shared: entries.filter((entry) => SHARED_BY_IDENTIFIER.has(entry.resource!.resourceType)),
  };
}

/** Stores a run of documents in one transaction; on failure, each of them in its own (see `ingestDocuments`). */
async function storeRun(context: FhirContext, run: Submitted[], results: DocumentResult[]): Promise<void> {
  try {
    const responses = await storeDocuments(context, run.map((submitted) => submitted.document));
    run.forEach((submitted, position) => (results[submitted.index] = { response: responses[position] }));
  } catch (error) {
    if (run.length > 1) {
      for (const submitted of run) await storeRun(context, [submitted], results);
    } else if (error instanceof FhirError) {
      results[run[0].index] = { error };
    } else {
      throw error;
    }
  }
}

/** A stored resource an identifier matched: its id and tenant, so each document sees only what its scope does. */
type IdentifierHolder = { id: string; hospitalCode: string | null };

/** Lookup key of an identifier on a type. */
const holderKey = (type: string, system: string, value: string) => `${type}|${system}|${value}`;

const identifierKeys = (resource: fhir4.Resource): IdentifierKey[] => identifierPairs(resource).map((pair) => ({ type: resource.resourceType, ...pair }));

/** The stored resources carrying each identifier, by `holderKey`. */
async function holdersOf(sql: Queryable, lookups: IdentifierKey[]): Promise<Map<string, IdentifierHolder[]>> {
  const holders = new Map<string, IdentifierHolder[]>();
  for (const match of await storedByIdentifiers(sql, lookups)) {
    const { type, system, value } = lookups[match.key];
    const key = holderKey(type, system, value);
    holders.set(key, [...(holders.get(key) ?? []), { id: match.id, hospitalCode: match.hospitalCode }]);
  }
  return holders;
}

/** The holders of an identifier that a document's scope sees. */
const visibleHolders = (holders: ReadonlyMap<string, IdentifierHolder[]>, scope: ReadScope, type: string, system: string, value: string) =>
  (holders.get(holderKey(type, system, value)) ?? []).filter((holder) => sees(scope, type, holder.hospitalCode));

/** The one stored resource a shared entry's identifiers match, as `scope` sees them (the first identifier that matches exactly one). */
function matchingHolder(holders: ReadonlyMap<string, IdentifierHolder[]>, scope: ReadScope, resource: fhir4.Resource): string | undefined {
  for (const { system, value } of identifierPairs(resource)) {
    const ids = new Set(visibleHolders(holders, scope, resource.resourceType, system, value).map((holder) => holder.id));
    if (ids.size === 1) return [...ids][0];
  }
  return undefined;
}

/** What one document will do inside the batch's transaction. */
interface DocumentPlan {
  document: PreparedDocument;
  /** The stored Bundle of an earlier version of the document. */
  previous?: StoredVersion;
  /** Set when the same version was stored before: the answer, and nothing is written. */
  unchanged?: FhirResponse;
  previousTargets: Map<string, DocumentEntryTarget>;
  entryTargets: DocumentEntryTarget[];
  /** The Bundle first, then the entries it writes. */
  writes: BatchWrite[];
  /** Entries matched to earlier shared resources: part of the document as their submitted content says. */
  matched: fhir4.Resource[];
}

/**
 * The transaction of `ingestDocuments`: locks, look-ups and writes batched over the documents, each document
 * planned in turn as it would be alone (a Patient the batch creates for one document is matched by the next).
 */
async function storeDocuments(context: FhirContext, documents: PreparedDocument[]): Promise<FhirResponse[]> {
  return context.store.transaction(async (store) => {
    // Serialises resubmissions of one document, so a retry racing the original cannot store it twice. One statement.
    await store.lockKeys(documents.map(({ documentKey }) => conditionKey('Bundle', `identifier=${documentKey}`)));
    const holders = await holdersOf(
      store.sql,
      documents.flatMap(({ bundle, shared }) => [{ type: 'Bundle', system: bundle.identifier!.system!, value: bundle.identifier!.value! }, ...shared.flatMap(({ resource }) => identifierKeys(resource!))]),
    );
    // A shared entry that matches no stored resource will be created: its identifiers are locked, so that two
    // documents about one new patient cannot create it twice, and looked up again once the lock is held (the other
    // may have created it meanwhile). Entries that match are only referenced and lock nothing, so concurrent
    // batches about known hospitals and doctors do not wait for each other. A hospital's document can match only
    // its hospital's resources (and registry-level ones): it locks the identifier for its hospital, and holds the
    // plain identifier key shared, which excludes registry-level writers (conditional creates, documents without a
    // hospital) but not other hospitals creating their own record of the same person.
    const creating = documents.flatMap(({ shared, scope }) =>
      shared.map(({ resource }) => ({ resource: resource!, tenant: writtenTenant(scope) })).filter(({ resource }) => !matchingHolder(holders, scope, resource)),
    );
    if (creating.length) {
      const keys = creating.flatMap(({ resource, tenant }) => identifierTokens(resource).map((token) => ({ key: conditionKey(resource.resourceType, `identifier=${token}`), tenant })));
      await store.lockKeys(
        keys.map(({ key, tenant }) => (tenant === null ? key : `${key}|${tenant}`)),
        keys.filter(({ tenant }) => tenant !== null).map(({ key }) => key),
      );
      const rechecked = creating.flatMap(({ resource }) => identifierKeys(resource));
      const fresh = await holdersOf(store.sql, rechecked);
      for (const { type, system, value } of rechecked) holders.set(holderKey(type, system, value), fresh.get(holderKey(type, system, value)) ?? []);
    }
    const previousEntries = await documentEntriesOf(
      store.sql,
      documents.map((document) => document.documentKey),
    );
    const plans: DocumentPlan[] = [];
    for (const document of documents) {
      const plan = await planDocument(context, store.withScope(document.scope), document, holders, previousEntries.get(document.documentKey) ?? new Map());
      plans.push(plan);
      // Shared resources this document creates are found by the documents after it, as if it had been stored.
      for (const write of plan.writes) {
        if (write.method !== 'POST' || !SHARED_BY_IDENTIFIER.has(write.resource.resourceType)) continue;
        for (const { system, value } of identifierPairs(write.resource)) {
          const key = holderKey(write.resource.resourceType, system, value);
          holders.set(key, [...(holders.get(key) ?? []), { id: write.id, hospitalCode: writtenTenant(document.scope) }]);
        }
      }
    }

    const written = await store.writeMany(plans.flatMap((plan) => plan.writes));
    const stored: { plan: DocumentPlan; document: StoredVersion; resources: fhir4.Resource[] }[] = [];
    let next = 0;
    for (const plan of plans) {
      if (plan.unchanged) continue;
      const [document, ...entries] = written.slice(next, (next += plan.writes.length)).map((result) => result.version);
      stored.push({ plan, document, resources: [...entries.map((version) => version.resource!), ...plan.matched] });
      // A correction that no longer contains an entry removes the resource that entry became.
      const kept = new Set(plan.entryTargets.map((target) => target.entryKey));
      for (const prior of plan.previousTargets.values()) {
        if (prior.owned && !kept.has(prior.entryKey)) await store.withScope(plan.document.scope).delete(prior.resourceType, prior.resourceId);
      }
    }
    // Patient linkage (名寄せ): each Patient written is linked to the same person's records at other hospitals.
    await linkIngestedPatients({ ...context, store }, written.map((result) => result.version.resource!));
    const completeness = await recordDocuments(
      store.sql,
      context.conformance,
      stored.map(({ plan, document, resources }) => ({
        document: { documentId: document.id, documentIdentifier: plan.document.documentKey, resources },
        targets: plan.entryTargets,
        replacing: plan.previousTargets.size > 0,
      })),
    );
    const responses = new Map(
      stored.map(({ plan, document }, position) => {
        const { documentKey, request, issues } = plan.document;
        const action = plan.previous ? `Replaced document ${documentKey} by version ${document.versionId} of Bundle/${document.id}` : `Stored document ${documentKey} as Bundle/${document.id}`;
        const report = completeness[position];
        const response = writeResponse(request, plan.previous ? 200 : 201, document, `${action} with ${plan.writes.length - 1} derived resources`, [
          ...issues,
          ...(report ? completenessIssues(report) : []),
        ]);
        return [plan, response] as const;
      }),
    );
    return plans.map((plan) => plan.unchanged ?? responses.get(plan)!);
  });
}

/**
 * What one document writes: new ids for what it creates, the earlier ids again for a correction, stored shared
 * resources for entries whose identifier matches one (`holders`, seen through the document's scope). Refuses an
 * older or conflicting version with 409. `store` is bound to the batch's transaction and the document's scope.
 */
async function planDocument(
  context: FhirContext,
  store: ResourceStore,
  document: PreparedDocument,
  holders: ReadonlyMap<string, IdentifierHolder[]>,
  previousTargets: Map<string, DocumentEntryTarget>,
): Promise<DocumentPlan> {
  const { bundle, entries, documentKey, version, request, scope } = document;
  const tx: FhirContext = { ...context, store };
  const [storedBundle] = visibleHolders(holders, scope, 'Bundle', bundle.identifier!.system!, bundle.identifier!.value!);
  const previous = storedBundle ? await store.read('Bundle', storedBundle.id) : undefined;
  const plan: DocumentPlan = { document, previousTargets, entryTargets: [], writes: [], matched: [], ...(previous ? { previous } : {}) };
  if (previous?.resource) {
    const previousBundle = previous.resource as fhir4.Bundle;
    const order = compareVersions(version, documentVersion(previousBundle));
    if (order === 0 && sameDocument(bundle, previousBundle)) {
      return { ...plan, unchanged: { status: 200, headers: versionHeaders(request.baseUrl, previous, true), body: previous.resource } };
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
  const targets = new Map<string, string>();
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
      const existing = document.shared.includes(entry) ? matchingHolder(holders, scope, entry.resource!) : undefined;
      target = { entryKey, resourceType: type, resourceId: existing ?? newId(), owned: !existing };
      if (!existing) writes.push({ entry, id: target.resourceId, method: 'POST' });
    }
    plan.entryTargets.push(target);
    if (entry.fullUrl) targets.set(entry.fullUrl, `${type}/${target.resourceId}`);
  }
  plan.writes.push(previous ? { resource: bundle, id: previous.id, method: 'PUT', scope } : { resource: bundle, id: newId(), method: 'POST', scope });
  for (const { entry, id, method } of writes) {
    const resource = await atEntry(entry, () => resolveLinks(tx, entry, entry.resource!, targets));
    plan.writes.push({ resource: { ...resource, id }, id, method, scope });
  }
  for (const [index, target] of plan.entryTargets.entries()) {
    if (!writes.some((write) => write.entry === entries[index])) plan.matched.push({ ...entries[index].resource!, id: target.resourceId });
  }
  return plan;
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
