import { STATUS_CODES } from 'node:http';
import type { ConformanceRegistry } from '../conformance/package-loader.js';
import { maxBundleEntries } from '../config.js';
import type { StoredVersion } from '../store/resource-store.js';
import type { FhirContext, FhirRequest, FhirResponse } from './context.js';
import { newId } from './ids.js';
import { badRequest, FhirError, issue, operationOutcome } from './outcome.js';
import { bodyResource, checkType } from './resource-checks.js';
import { authorize } from './authorization.js';
import { FHIR_ROUTES, type FhirRoute } from './routes.js';
import { remove } from './interaction/delete.js';
import { searchMatches } from './interaction/search-type.js';
import { conflictToPrecondition, update } from './interaction/update.js';

/*
 * What transaction, batch and document Bundles share: entry parsing, dispatch of an entry to the REST interaction
 * modules, fullUrl/link rewriting and the response entries.
 */

const ENTRY_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH']);
export type EntryMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** One Bundle entry's request, parsed against this server's base. */
export interface ParsedEntry {
  index: number;
  /** FHIRPath of the entry (`Bundle.entry[3]`), used in every OperationOutcome about it. */
  label: string;
  fullUrl?: string;
  method: EntryMethod;
  url: string;
  /** Decoded path segments below the base: `Patient/1` → ['Patient', '1']. */
  segments: string[];
  query: [string, string][];
  resource?: fhir4.Resource;
  /** The entry's conditional headers and the Bundle request's Prefer, as a FhirRequest carries them. */
  headers: Record<string, string | undefined>;
}

/** The request body must be a Bundle of one of the given types, with no more entries than configured. */
export function checkBundle(body: unknown, types: fhir4.Bundle['type'][]): fhir4.Bundle {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || (body as fhir4.Resource).resourceType !== 'Bundle') {
    throw badRequest('The request body must be a Bundle resource', ['Bundle']);
  }
  const bundle = body as fhir4.Bundle;
  if (!types.includes(bundle.type)) {
    throw badRequest(`Bundle.type must be ${types.join(' or ')} here, got "${bundle.type}"`, ['Bundle.type']);
  }
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry)) throw badRequest('Bundle.entry must be an array', ['Bundle.entry']);
  const limit = maxBundleEntries();
  if ((bundle.entry?.length ?? 0) > limit) {
    throw new FhirError(413, 'too-costly', `The Bundle has ${bundle.entry!.length} entries; at most ${limit} are accepted`, ['Bundle.entry']);
  }
  return bundle;
}

/** bdl-7: a fullUrl may appear once (the transaction/batch case, where versions are not involved). */
export function checkUniqueFullUrls(bundle: fhir4.Bundle): void {
  const seen = new Map<string, number>();
  (bundle.entry ?? []).forEach((entry, index) => {
    if (entry?.fullUrl === undefined) return;
    const first = seen.get(entry.fullUrl);
    if (first !== undefined) {
      throw badRequest(`Bundle.entry[${index}].fullUrl "${entry.fullUrl}" repeats Bundle.entry[${first}].fullUrl`, [`Bundle.entry[${index}].fullUrl`]);
    }
    seen.set(entry.fullUrl, index);
  });
}

/** Parses entry.request against the server base; a malformed entry is a 400 naming it. */
export function parseEntry(entry: fhir4.BundleEntry<fhir4.Resource> | undefined, index: number, bundleRequest: FhirRequest): ParsedEntry {
  const label = `Bundle.entry[${index}]`;
  if (entry === null || typeof entry !== 'object') throw badRequest(`${label} is not an object`, [label]);
  const request = entry.request;
  if (!request || typeof request !== 'object') throw badRequest(`${label} has no request (method and url are required here)`, [`${label}.request`]);
  if (typeof request.method !== 'string' || !ENTRY_METHODS.has(request.method)) {
    throw badRequest(`${label}.request.method "${request.method}" is not one of GET, HEAD, POST, PUT, DELETE, PATCH`, [`${label}.request.method`]);
  }
  if (typeof request.url !== 'string' || request.url.trim() === '') throw badRequest(`${label}.request.url is missing`, [`${label}.request.url`]);
  if (entry.resource !== undefined && (entry.resource === null || typeof entry.resource !== 'object' || Array.isArray(entry.resource))) {
    throw badRequest(`${label}.resource is not a resource`, [`${label}.resource`]);
  }
  let relative = request.url.trim();
  if (relative.startsWith(`${bundleRequest.baseUrl}/`)) relative = relative.slice(bundleRequest.baseUrl.length + 1);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(relative)) {
    throw badRequest(`${label}.request.url "${request.url}" is not relative to this server's base ${bundleRequest.baseUrl}`, [`${label}.request.url`]);
  }
  relative = relative.replace(/^\/+/, '');
  const questionMark = relative.indexOf('?');
  const path = questionMark < 0 ? relative : relative.slice(0, questionMark);
  let segments: string[];
  try {
    segments = path === '' ? [] : path.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    throw badRequest(`${label}.request.url "${request.url}" is not a valid URL`, [`${label}.request.url`]);
  }
  if (segments.length === 0 || segments.some((segment) => segment === '')) {
    throw badRequest(`${label}.request.url "${request.url}" names no resource type`, [`${label}.request.url`]);
  }
  const query = questionMark < 0 ? [] : [...new URLSearchParams(relative.slice(questionMark + 1))].filter(([name]) => name !== '_format');
  authorizeEntry(bundleRequest, label, request.method, segments);
  return {
    index,
    label,
    fullUrl: entry.fullUrl,
    method: request.method,
    url: request.url,
    segments,
    query,
    resource: entry.resource,
    headers: {
      'if-none-exist': request.ifNoneExist,
      'if-match': request.ifMatch,
      'if-none-match': request.ifNoneMatch,
      'if-modified-since': request.ifModifiedSince,
      prefer: bundleRequest.headers.prefer,
    },
  };
}

/** The interaction an entry performs, for the scope check: what its method does to the type its URL names. */
function entryInteraction(method: string, segments: string[]): string {
  if (method === 'POST') return 'create';
  if (method === 'PUT' || method === 'PATCH') return 'update';
  if (method === 'DELETE') return 'delete';
  return segments.length >= 2 ? 'read' : 'search-type';
}

/** Each entry needs the caller's scope for what it does, exactly as the same request sent alone would. */
function authorizeEntry(bundleRequest: FhirRequest, label: string, method: string, segments: string[]): void {
  const type = /^[A-Z]/.test(segments[0]) ? segments[0] : '*';
  try {
    authorize(bundleRequest, { interaction: entryInteraction(method, segments) }, type);
  } catch (error) {
    if (error instanceof FhirError) throw new FhirError(error.status, 'forbidden', `${label}: ${error.message}`, [label]);
    throw error;
  }
}

/**
 * The FhirRequest an entry stands for, with route parameters (type/id/vid) from `params`. It starts from the Bundle's
 * request so that what belongs to the caller rather than the entry (base URL, authenticated principal) carries over.
 */
export function entryRequest(entry: ParsedEntry, bundleRequest: FhirRequest, params: Record<string, string>, body: unknown = entry.resource): FhirRequest {
  return {
    ...bundleRequest,
    method: entry.method === 'HEAD' ? 'GET' : entry.method,
    type: params.type,
    id: params.id,
    versionId: params.vid,
    query: entry.query,
    body,
    headers: entry.headers,
  };
}

/**
 * The REST route an entry's method and path select, from the same table the HTTP layer serves (literal segments
 * win over placeholders, as in the HTTP router). HEAD is served by the GET route.
 */
export function matchRoute(entry: ParsedEntry): { route: FhirRoute; params: Record<string, string> } | undefined {
  const method = entry.method === 'HEAD' ? 'GET' : entry.method;
  let best: { route: FhirRoute; params: Record<string, string>; literals: number } | undefined;
  for (const route of FHIR_ROUTES) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== entry.segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    const matches = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = entry.segments[i];
        return true;
      }
      literals += 1;
      return part === entry.segments[i];
    });
    if (matches && (!best || literals > best.literals)) best = { route, params, literals };
  }
  return best && { route: best.route, params: best.params };
}

/** `201 Created`: Bundle response statuses carry the reason phrase. */
export function statusLine(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? ''}`.trim();
}

/**
 * A response entry from an interaction's FhirResponse: status, location, etag and lastModified from its headers
 * (or, more precisely, from `version`); an OperationOutcome answering a non-read goes to response.outcome.
 */
export function responseEntry(entry: ParsedEntry, response: FhirResponse, version?: StoredVersion): fhir4.BundleEntry<fhir4.Resource> {
  const body = entry.method === 'HEAD' ? undefined : response.body;
  const isOutcome = body?.resourceType === 'OperationOutcome' && entry.method !== 'GET';
  const lastModified = version?.lastUpdated ?? (response.headers['Last-Modified'] && new Date(response.headers['Last-Modified']).toISOString());
  const location = response.headers.Location;
  const resourceUrl = location?.replace(/\/_history\/[^/]+$/, '');
  return {
    ...(resourceUrl ? { fullUrl: resourceUrl } : {}),
    ...(body && !isOutcome ? { resource: body } : {}),
    response: {
      status: statusLine(response.status),
      ...(location ? { location } : {}),
      ...(response.headers.ETag ? { etag: response.headers.ETag } : {}),
      ...(lastModified ? { lastModified } : {}),
      ...(isOutcome ? { outcome: body as fhir4.OperationOutcome } : {}),
    },
  };
}

/** The response entry of a batch entry that failed. */
export function errorEntry(error: FhirError): fhir4.BundleEntry<fhir4.Resource> {
  return { response: { status: statusLine(error.status), outcome: error.outcome } };
}

/**
 * Re-throws a failure of one entry as a FhirError that names it: diagnostics prefixed with the entry, expressions
 * moved under `Bundle.entry[i].resource` (or the entry itself). If-Match conflicts become 412. Anything else (a
 * server fault) passes through unchanged.
 */
export function locateError(entry: ParsedEntry, error: unknown): unknown {
  const converted = conflictToPrecondition(error);
  if (!(converted instanceof FhirError)) return converted;
  const type = entry.resource?.resourceType;
  const located = new FhirError(converted.status, 'invalid', '', undefined, converted.headers);
  located.issues.splice(
    0,
    located.issues.length,
    ...converted.issues.map((original) => {
      const expressions = (original.expression ?? []).filter((path) => path.startsWith('Bundle.') || (type && path.startsWith(`${type}.`)));
      const relocated = expressions.map((path) => (path.startsWith('Bundle.') ? path : `${entry.label}.resource${path.slice(type!.length)}`));
      const diagnostics = original.diagnostics?.startsWith(entry.label) ? original.diagnostics : `${entry.label} (${entry.method} ${entry.url}): ${original.diagnostics ?? ''}`;
      return { ...original, diagnostics, expression: [entry.label, ...relocated.filter((path) => path !== entry.label)] };
    }),
  );
  return located;
}

/** Runs one entry's work, naming the entry in any client error it raises. */
export async function atEntry<T>(entry: ParsedEntry, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw locateError(entry, error);
  }
}

/**
 * The one resource a conditional update/delete URL selects: its id, undefined when none matches, 412 when several do
 * (this server does not apply a conditional write to several resources).
 */
export async function conditionalTarget(context: FhirContext, type: string, query: [string, string][], label: string): Promise<string | undefined> {
  const matches = await searchMatches(context, type, query, label, 2);
  if (matches.length > 1) throw new FhirError(412, 'multiple-matches', `${label} matches more than one ${type}`);
  return matches[0]?.id;
}

/** Advisory-lock key of a conditional write; the same text as plain conditional create uses, so both serialise. */
export function conditionKey(type: string, condition: string): string {
  return `${type}?${condition}`;
}

export function queryString(query: [string, string][]): string {
  return new URLSearchParams(query).toString();
}

// ---------------------------------------------------------------------------------------------------------------
// Links: Reference.reference, elements of type uri/url/canonical/oid/uuid, and href/src in narrative.

export type LinkKind = 'reference' | 'uri' | 'narrative';
/** Returns the replacement for a link, or undefined to keep it. `path` gives the FHIRPath of the element. */
export type LinkRewriter = (value: string, kind: LinkKind, path: () => string) => string | undefined;

const URI_TYPES = new Set(['uri', 'url', 'canonical', 'oid', 'uuid']);
const INLINE_TYPES = new Set(['BackboneElement', 'Element']);
const NARRATIVE_LINK = /(\b(?:href|src)\s*=\s*)(["'])(.*?)\2/g;

interface ElementInfo {
  codes: string[];
  /** `#Questionnaire.item`: the element repeats the definition at that path. */
  contentReference?: string;
}

interface TypeElements {
  byPath: Map<string, ElementInfo>;
  /** Choice elements by parent path: `Observation` → [{ prefix: 'value', info }]. */
  choices: Map<string, { prefix: string; info: ElementInfo }[]>;
  /** Per element path, what each JSON key below it is (worked out once per key). */
  plans: Map<string, Map<string, ElementPlan | null>>;
}

/** An element's handling: the kind of link its string values are, and how to walk an object value. */
interface ElementPlan {
  link?: LinkKind;
  /** A type and the element path its children are defined at, or `resource`: walked by its own resourceType. */
  child?: { type: string; elementPath: string } | 'resource';
}

/**
 * Walks a resource by its StructureDefinitions (base R4 snapshots) to find every element whose value is a link, so
 * that only real links are rewritten (an Identifier.value that happens to equal a fullUrl is a string and stays).
 */
export class LinkWalker {
  private readonly types = new Map<string, TypeElements | undefined>();

  constructor(private readonly conformance: ConformanceRegistry) {}

  /** Rewrites the links of `resource` in place. */
  rewrite(resource: fhir4.Resource, rewriter: LinkRewriter, rootPath: string): void {
    const path: WalkPath = { root: rootPath, steps: [], text: () => path.root + path.steps.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('') };
    this.visit(resource as unknown as Record<string, unknown>, resource.resourceType, resource.resourceType, path, rewriter);
  }

  private elements(type: string): TypeElements | undefined {
    if (!this.types.has(type)) {
      const definition = this.conformance.structureDefinition(`http://hl7.org/fhir/StructureDefinition/${type}`);
      let compiled: TypeElements | undefined;
      if (definition?.snapshot) {
        compiled = { byPath: new Map(), choices: new Map(), plans: new Map() };
        for (const element of definition.snapshot.element) {
          const info: ElementInfo = { codes: (element.type ?? []).map((t) => t.code), contentReference: element.contentReference };
          if (element.path.endsWith('[x]')) {
            const parent = element.path.slice(0, element.path.lastIndexOf('.'));
            const prefix = element.path.slice(parent.length + 1, -3);
            compiled.choices.set(parent, [...(compiled.choices.get(parent) ?? []), { prefix, info }]);
          } else {
            compiled.byPath.set(element.path, info);
          }
        }
      }
      this.types.set(type, compiled);
    }
    return this.types.get(type);
  }

  /** The definition of `parent.key`, resolving choice elements (`valueUri` → value[x] as uri). */
  private element(elements: TypeElements, parent: string, key: string): { info: ElementInfo; codes: string[] } | undefined {
    const info = elements.byPath.get(`${parent}.${key}`);
    if (info) return { info, codes: info.codes };
    for (const choice of elements.choices.get(parent) ?? []) {
      if (!key.startsWith(choice.prefix)) continue;
      const suffix = key.slice(choice.prefix.length).toLowerCase();
      const code = choice.info.codes.find((candidate) => candidate.toLowerCase() === suffix);
      if (code) return { info: choice.info, codes: [code] };
    }
    return undefined;
  }

  /** What to do with the values of `key` under `elementPath` of `type` (null: not an element, or nothing to visit). */
  private plan(type: string, elementPath: string, key: string): ElementPlan | null {
    const elements = this.elements(type);
    const found = elements && this.element(elements, elementPath, key);
    if (!elements || !found) return null;
    const link: LinkKind | undefined =
      type === 'Reference' && key === 'reference'
        ? 'reference'
        : found.codes.some((code) => URI_TYPES.has(code))
          ? 'uri'
          : found.codes.includes('xhtml')
            ? 'narrative'
            : undefined;
    let child: ElementPlan['child'];
    if (found.info.contentReference) child = { type, elementPath: found.info.contentReference.replace(/^.*#/, '') };
    else if (found.codes.some((code) => INLINE_TYPES.has(code)) && this.hasChildren(elements, `${elementPath}.${key}`)) child = { type, elementPath: `${elementPath}.${key}` };
    else if (found.codes.includes('Resource')) child = 'resource';
    else if (found.codes.length === 1 && /^[A-Z]/.test(found.codes[0])) child = { type: found.codes[0], elementPath: found.codes[0] };
    return { link, child };
  }

  private visit(node: Record<string, unknown>, type: string, elementPath: string, path: WalkPath, rewriter: LinkRewriter): void {
    const elements = this.elements(type);
    if (!elements) return;
    let plans = elements.plans.get(elementPath);
    if (!plans) elements.plans.set(elementPath, (plans = new Map()));
    for (const key of Object.keys(node)) {
      if (key === 'resourceType' || key.startsWith('_')) continue;
      let plan = plans.get(key);
      if (plan === undefined) plans.set(key, (plan = this.plan(type, elementPath, key)));
      if (plan === null) continue;
      const value = node[key];
      path.steps.push(key);
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
          path.steps.push(index);
          value[index] = this.visitItem(value[index], plan, path, rewriter);
          path.steps.pop();
        }
      } else {
        node[key] = this.visitItem(value, plan, path, rewriter);
      }
      path.steps.pop();
    }
  }

  /** One value of an element: a link is rewritten, an object visited by its type's definition. */
  private visitItem(item: unknown, plan: ElementPlan, path: WalkPath, rewriter: LinkRewriter): unknown {
    if (typeof item === 'string') {
      if (plan.link === 'narrative') return rewriteNarrative(item, rewriter, path.text);
      return plan.link ? (rewriter(item, plan.link, path.text) ?? item) : item;
    }
    if (item === null || typeof item !== 'object' || Array.isArray(item) || !plan.child) return item;
    const child = item as Record<string, unknown>;
    if (plan.child !== 'resource') this.visit(child, plan.child.type, plan.child.elementPath, path, rewriter);
    else {
      const own = typeof child.resourceType === 'string' ? child.resourceType : 'Resource';
      this.visit(child, own, own, path, rewriter);
    }
    return item;
  }

  private hasChildren(elements: TypeElements, path: string): boolean {
    const prefix = `${path}.`;
    for (const candidate of elements.byPath.keys()) if (candidate.startsWith(prefix)) return true;
    return elements.choices.has(path);
  }
}

/** Where the walk is: the root's FHIRPath and the keys and indexes below it, made into `text` only when asked. */
interface WalkPath {
  root: string;
  steps: (string | number)[];
  text: () => string;
}

function rewriteNarrative(xhtml: string, rewriter: LinkRewriter, path: () => string): string {
  return xhtml.replace(NARRATIVE_LINK, (whole, attribute: string, quote: string, value: string) => {
    const replaced = rewriter(value.replace(/&amp;/g, '&'), 'narrative', path);
    return replaced === undefined ? whole : `${attribute}${quote}${replaced.replace(/&/g, '&amp;')}${quote}`;
  });
}

const walkers = new WeakMap<ConformanceRegistry, LinkWalker>();

/** One LinkWalker per conformance registry: compiled element tables are reused across requests. */
export function linkWalker(conformance: ConformanceRegistry): LinkWalker {
  let walker = walkers.get(conformance);
  if (!walker) {
    walker = new LinkWalker(conformance);
    walkers.set(conformance, walker);
  }
  return walker;
}

const BUNDLE_LOCAL = /^urn:(uuid|oid):/;
const RELATIVE_REFERENCE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/**
 * Rewrites a resource's links for storage: fullUrls of other entries become the ids they were stored under
 * (`targets`: fullUrl → `Type/id`), conditional references (`Patient?identifier=...`) become the one resource they
 * match. A `urn:uuid:`/`urn:oid:` reference that is no entry's fullUrl cannot be resolved and is refused. Returns a
 * rewritten copy.
 */
export async function resolveLinks(
  context: FhirContext,
  entry: ParsedEntry,
  resource: fhir4.Resource,
  targets: ReadonlyMap<string, string>,
): Promise<fhir4.Resource> {
  const copy = structuredClone(resource);
  const walker = linkWalker(context.conformance);
  const root = `${entry.label}.resource`;
  // Relative references inside an entry with an absolute RESTful fullUrl are relative to that fullUrl's base.
  const entryBase = entry.fullUrl && /^https?:/.test(entry.fullUrl) ? entry.fullUrl.replace(/\/[A-Z][A-Za-z]+\/[^/]+$/, '') : undefined;

  // One walk rewrites fullUrls and notes conditional references; a second replaces those once they are resolved.
  const conditionalReferences: { value: string; path: string }[] = [];
  walker.rewrite(
    copy,
    (value, kind, path) => {
      const target = targets.get(value);
      if (target) return target;
      if (kind !== 'reference') return undefined;
      if (/^[A-Z][A-Za-z]+\?/.test(value)) {
        conditionalReferences.push({ value, path: path() });
        return undefined;
      }
      if (BUNDLE_LOCAL.test(value)) {
        throw badRequest(`Reference "${value}" is not the fullUrl of any entry in this Bundle, so it cannot be resolved`, [path()]);
      }
      const relative = entryBase ? RELATIVE_REFERENCE.exec(value) : null;
      return relative ? targets.get(`${entryBase}/${relative[1]}/${relative[2]}`) : undefined;
    },
    root,
  );
  if (conditionalReferences.length === 0) return copy;
  const conditional = new Map<string, string>();
  for (const { value, path } of conditionalReferences) {
    if (conditional.has(value)) continue;
    const type = value.slice(0, value.indexOf('?'));
    if (!context.resourceTypes.has(type)) throw badRequest(`Conditional reference "${value}" names an unknown resource type`, [path]);
    const matches = await searchMatches(context, type, [...new URLSearchParams(value.slice(type.length + 1))], `Conditional reference "${value}"`, 2);
    if (matches.length !== 1) {
      throw new FhirError(412, matches.length ? 'multiple-matches' : 'not-found', `Conditional reference "${value}" matches ${matches.length ? 'more than one' : 'no'} ${type}`, [path]);
    }
    conditional.set(value, `${type}/${matches[0].id}`);
  }
  walker.rewrite(copy, (value) => conditional.get(value), root);
  return copy;
}

/** Operation outcome of a conditional delete that matched nothing. */
export function nothingDeleted(type: string, query: [string, string][]): FhirResponse {
  return {
    status: 204,
    headers: {},
    body: operationOutcome([issue('information', 'informational', `No ${type} matches ${queryString(query)}; nothing deleted`)]),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// One entry through the REST interaction modules (every batch entry; DELETE and GET entries of a transaction).

/**
 * Executes one entry on `context` (whose store the caller has bound to a transaction) by the interaction module its
 * method and URL select, adding what only Bundles have: conditional update/delete by search URL and link
 * resolution in the entry's resource (`targets`: fullUrl → `Type/id` of the other entries).
 */
export async function executeEntry(
  context: FhirContext,
  entry: ParsedEntry,
  bundleRequest: FhirRequest,
  targets: ReadonlyMap<string, string> = new Map(),
): Promise<fhir4.BundleEntry<fhir4.Resource>> {
  if (entry.method === 'PATCH') throw new FhirError(405, 'not-supported', 'PATCH is not supported by this server');
  if (entry.method === 'DELETE') return (await deleteEntry(context, entry, bundleRequest)).result;
  if (entry.method === 'PUT' && entry.segments.length === 1 && entry.query.length > 0) {
    const type = checkType(context, entry.segments[0]);
    const submitted = bodyResource(entryRequest(entry, bundleRequest, { type }), type);
    await context.store.lockKey(conditionKey(type, queryString(entry.query)));
    const id = await conditionalUpdateId(context, type, entry.query, submitted);
    const resource = await resolveLinks(context, entry, { ...submitted, id }, targets);
    return responseEntry(entry, await update(context, entryRequest(entry, bundleRequest, { type, id }, resource)));
  }
  const matched = matchRoute(entry);
  if (!matched) throw badRequest(`No ${entry.method} interaction at "${entry.url}"`, [`${entry.label}.request.url`]);
  const writes = entry.method === 'POST' || entry.method === 'PUT';
  const body = writes && entry.resource ? await resolveLinks(context, entry, entry.resource, targets) : entry.resource;
  return responseEntry(entry, await matched.route.handler(context, entryRequest(entry, bundleRequest, matched.params, body)));
}

/**
 * A DELETE entry, plain or conditional, with the resource it deleted (none when a condition matched nothing), which
 * a transaction needs to refuse touching that resource again.
 */
export async function deleteEntry(
  context: FhirContext,
  entry: ParsedEntry,
  bundleRequest: FhirRequest,
): Promise<{ result: fhir4.BundleEntry<fhir4.Resource>; target?: string }> {
  const type = checkType(context, entry.segments[0]);
  let id: string | undefined;
  if (entry.segments.length === 1 && entry.query.length > 0) {
    await context.store.lockKey(conditionKey(type, queryString(entry.query)));
    id = await conditionalTarget(context, type, entry.query, 'Conditional delete');
    if (id === undefined) return { result: responseEntry(entry, nothingDeleted(type, entry.query)) };
  } else if (entry.segments.length === 2 && entry.query.length === 0) {
    id = entry.segments[1];
  } else {
    throw badRequest(`DELETE url must be [type]/[id] or [type]?[search], got "${entry.url}"`, [`${entry.label}.request.url`]);
  }
  return { result: responseEntry(entry, await remove(context, entryRequest(entry, bundleRequest, { type, id }))), target: `${type}/${id}` };
}

/**
 * The id a conditional update writes: the one match (the body may repeat its id but not name another), or, with no
 * match, the body's id or a new one (R4 update-as-create).
 */
export async function conditionalUpdateId(context: FhirContext, type: string, query: [string, string][], submitted: fhir4.Resource): Promise<string> {
  const existing = await conditionalTarget(context, type, query, 'Conditional update');
  if (existing !== undefined && submitted.id !== undefined && submitted.id !== existing) {
    throw badRequest(`Conditional update matches ${type}/${existing} but the body has id "${submitted.id}"`, [`${type}.id`]);
  }
  return existing ?? submitted.id ?? newId();
}
