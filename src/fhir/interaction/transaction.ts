import type { BatchWrite, StoredVersion } from '../../store/resource-store.js';
import { VersionConflictError } from '../../store/resource-store.js';
import { TenantWriteError } from '../../store/tenancy.js';
import {
  atEntry,
  checkBundle,
  deleteEntry,
  checkUniqueFullUrls,
  conditionKey,
  conditionalUpdateId,
  entryRequest,
  executeEntry,
  locateError,
  parseEntry,
  queryString,
  resolveLinks,
  responseEntry,
  type ParsedEntry,
} from '../bundle-processing.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { newId } from '../ids.js';
import { badRequest, FhirError } from '../outcome.js';
import { bodyResource, checkId, checkType } from '../resource-checks.js';
import { versionFromEtag, versionHeaders, writeResponse } from '../respond.js';
import { validateForWrite } from '../write-validation.js';
import { authorize } from '../authorization.js';
import { batch } from './batch.js';
import { documentBundle } from './document.js';
import { searchMatches } from './search-type.js';

/** R4 transaction processing order: DELETE, then POST, then PUT/PATCH, then GET/HEAD. */
const PHASE: Record<ParsedEntry['method'], number> = { DELETE: 0, POST: 1, PUT: 2, PATCH: 2, GET: 3, HEAD: 3 };

/** A POST or PUT entry once its target is known. */
interface PlannedWrite {
  entry: ParsedEntry;
  type: string;
  id: string;
  /**
   * write: store the entry's resource. existing: an If-None-Exist matched a stored resource, nothing is written.
   * repeat: the same If-None-Exist as an earlier entry, which creates the one resource both stand for.
   */
  kind: 'write' | 'existing' | 'repeat';
  method: 'POST' | 'PUT';
  resource?: fhir4.Resource;
  ifMatch?: string;
  existing?: StoredVersion;
  repeats?: PlannedWrite;
  /** The validator's non-error issues, returned with Prefer: return=OperationOutcome. */
  validationIssues?: fhir4.OperationOutcomeIssue[];
  version?: StoredVersion;
  created?: boolean;
}

/** POST / with a transaction, batch or document Bundle: dispatches on Bundle.type. */
export async function processBundle(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const bundle = checkBundle(request.body, ['transaction', 'batch', 'document']);
  if (bundle.type === 'document') {
    // Submitting a document is creating a Bundle, whichever endpoint it arrives at.
    authorize(request, { interaction: 'create' }, 'Bundle');
    return documentBundle(context, request);
  }
  return bundle.type === 'batch' ? batch(context, request) : transaction(context, request);
}

/**
 * transaction: all entries succeed together or nothing is stored. POST and PUT entries are written with one batched
 * store call; DELETE and GET entries go through the delete/read/search modules. A failure answers with the failing
 * entry's status and an OperationOutcome naming it (`Bundle.entry[i]`).
 */
export async function transaction(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const bundle = checkBundle(request.body, ['transaction']);
  checkUniqueFullUrls(bundle);
  const entries = (bundle.entry ?? []).map((entry, index) => parseEntry(entry, index, request));
  const ordered = [...entries].sort((a, b) => PHASE[a.method] - PHASE[b.method] || a.index - b.index);
  const results: fhir4.BundleEntry<fhir4.Resource>[] = new Array(entries.length);

  await context.store.transaction(async (store) => {
    const tx: FhirContext = { ...context, store };
    // Conditional entries serialise with every other writer using the same condition; taking the locks in one
    // sorted order keeps two transactions with overlapping conditions from deadlocking.
    for (const key of [...new Set(entries.flatMap((entry) => conditionKeys(tx, entry)))].sort()) await store.lockKey(key);

    const identities = new Map<string, ParsedEntry>();
    const claim = (entry: ParsedEntry, target: string) => {
      const other = identities.get(target);
      if (other) throw badRequest(`${target} is also the target of ${other.label}; a transaction may touch a resource once`);
      identities.set(target, entry);
    };

    for (const entry of ordered.filter((e) => e.method === 'DELETE')) {
      results[entry.index] = await atEntry(entry, async () => {
        const { result, target } = await deleteEntry(tx, entry, request);
        if (target) claim(entry, target);
        return result;
      });
    }

    const planned: PlannedWrite[] = [];
    const byCondition = new Map<string, PlannedWrite>();
    for (const entry of ordered.filter((e) => PHASE[e.method] === 1 || PHASE[e.method] === 2)) {
      planned.push(await atEntry(entry, () => planWrite(tx, entry, request, byCondition, claim)));
    }

    // fullUrl → the id each entry resolved to, then every link in the written resources.
    const targets = new Map<string, string>();
    for (const write of planned) if (write.entry.fullUrl) targets.set(write.entry.fullUrl, `${write.type}/${write.id}`);
    const writes = planned.filter((write) => write.kind === 'write');
    for (const write of writes) {
      await atEntry(write.entry, async () => {
        write.resource = await resolveLinks(tx, write.entry, write.resource!, targets);
        write.validationIssues = validateForWrite(tx, write.resource);
      });
    }

    const stored = await store
      .writeMany(writes.map((write): BatchWrite => ({ resource: write.resource!, id: write.id, method: write.method, ifMatch: write.ifMatch })))
      .catch((error: unknown) => {
        const failed = (error instanceof VersionConflictError || error instanceof TenantWriteError) && writes.find((write) => write.type === error.type && write.id === error.id);
        throw failed ? locateError(failed.entry, error) : error;
      });
    stored.forEach((result, i) => Object.assign(writes[i], result));
    for (const write of planned) results[write.entry.index] = writeEntry(write, request);

    for (const entry of ordered.filter((e) => PHASE[e.method] === 3)) {
      results[entry.index] = await atEntry(entry, () => executeEntry(tx, entry, request));
    }
  });
  const body: fhir4.Bundle<fhir4.Resource> = { resourceType: 'Bundle', type: 'transaction-response', entry: results };
  return { status: 200, headers: {}, body };
}

/** The advisory-lock keys an entry's conditions need (checked for shape only; full checks come with the entry). */
function conditionKeys(context: FhirContext, entry: ParsedEntry): string[] {
  const type = entry.segments[0];
  if (entry.segments.length !== 1 || !context.resourceTypes.has(type)) return [];
  if (entry.method === 'POST' && entry.headers['if-none-exist']) return [conditionKey(type, entry.headers['if-none-exist'])];
  if ((entry.method === 'PUT' || entry.method === 'DELETE') && entry.query.length) return [conditionKey(type, queryString(entry.query))];
  return [];
}

/** Resolves a POST/PUT entry to the resource it writes (or, for a satisfied If-None-Exist, the one it found). */
async function planWrite(
  context: FhirContext,
  entry: ParsedEntry,
  request: FhirRequest,
  byCondition: Map<string, PlannedWrite>,
  claim: (entry: ParsedEntry, target: string) => void,
): Promise<PlannedWrite> {
  if (entry.method === 'PATCH') throw new FhirError(405, 'not-supported', 'PATCH is not supported by this server');
  const type = checkType(context, entry.segments[0]);
  const ifMatch = entry.headers['if-match'] === undefined ? undefined : versionFromEtag(entry.headers['if-match']);
  let plan: PlannedWrite;
  if (entry.method === 'POST') {
    if (entry.segments.length !== 1 || entry.query.length) throw badRequest(`POST url must be a resource type, got "${entry.url}"`, [`${entry.label}.request.url`]);
    const resource = bodyResource(entryRequest(entry, request, { type }), type);
    const condition = entry.headers['if-none-exist'];
    if (!condition) {
      plan = { entry, type, id: newId(), kind: 'write', method: 'POST', resource };
    } else {
      const repeated = byCondition.get(conditionKey(type, condition));
      // The same condition twice stands for one resource: the later entry answers with the earlier one's.
      if (repeated) return { entry, type, id: repeated.id, kind: 'repeat', method: 'POST', repeats: repeated };
      plan = await conditionalCreatePlan(context, entry, type, condition, resource);
      byCondition.set(conditionKey(type, condition), plan);
    }
  } else if (entry.segments.length === 2 && !entry.query.length) {
    const id = checkId(entry.segments[1]);
    plan = { entry, type, id, kind: 'write', method: 'PUT', resource: bodyResource(entryRequest(entry, request, { type, id }), type, id), ifMatch };
  } else if (entry.segments.length === 1 && entry.query.length) {
    const submitted = bodyResource(entryRequest(entry, request, { type }), type);
    const id = checkId(await conditionalUpdateId(context, type, entry.query, submitted));
    plan = { entry, type, id, kind: 'write', method: 'PUT', resource: { ...submitted, id }, ifMatch };
  } else {
    throw badRequest(`PUT url must be [type]/[id] or [type]?[search], got "${entry.url}"`, [`${entry.label}.request.url`]);
  }
  claim(entry, `${type}/${plan.id}`);
  return plan;
}

async function conditionalCreatePlan(
  context: FhirContext,
  entry: ParsedEntry,
  type: string,
  condition: string,
  resource: fhir4.Resource,
): Promise<PlannedWrite> {
  const matches = await searchMatches(context, type, [...new URLSearchParams(condition)], 'If-None-Exist', 2);
  if (matches.length > 1) throw new FhirError(412, 'multiple-matches', `If-None-Exist "${condition}" matches ${matches.length} or more ${type} resources`);
  const existing = matches.length ? await context.store.read(type, matches[0].id) : undefined;
  if (existing) return { entry, type, id: existing.id, kind: 'existing', method: 'POST', existing };
  return { entry, type, id: newId(), kind: 'write', method: 'POST', resource };
}

/** The response entry of a planned write, after the batched store call. */
function writeEntry(write: PlannedWrite, request: FhirRequest): fhir4.BundleEntry<fhir4.Resource> {
  if (write.kind === 'write') {
    const status = write.method === 'POST' || write.created ? 201 : 200;
    const message = `${status === 201 ? 'Created' : 'Updated'} ${write.type}/${write.id}`;
    const asRequest = { ...request, headers: write.entry.headers };
    return responseEntry(write.entry, writeResponse(asRequest, status, write.version!, message, write.validationIssues), write.version);
  }
  // An If-None-Exist that found its resource (stored, or created by an earlier entry) answers 200 with it.
  const found = write.kind === 'existing' ? write.existing! : write.repeats!.version ?? write.repeats!.existing!;
  return responseEntry(write.entry, { status: 200, headers: versionHeaders(request.baseUrl, found, true), body: found.resource }, found);
}
