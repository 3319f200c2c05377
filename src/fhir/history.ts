import type { HistoryScope } from '../store/resource-store.js';
import type { FhirContext, FhirRequest, FhirResponse } from './context.js';
import { historyEntry, linkUrl } from './bundle.js';
import { badRequest } from './outcome.js';
import { nonNegativeInt, pageSize } from './paging.js';

/** FHIR instant/dateTime with a time zone, as `_since` and `_at` need to denote an instant. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const HISTORY_PARAMETERS = new Set(['_count', '_since', '_at', '_cursor']);

function instantParameter(request: FhirRequest, name: string): string | undefined {
  const value = request.query.find(([key]) => key === name)?.[1];
  if (value === undefined) return undefined;
  if (!INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw badRequest(`${name} must be an instant with a time zone (e.g. 2026-04-01T09:00:00+09:00), got "${value}"`, [name]);
  }
  return value;
}

/** Shared by the instance, type and system history interactions: a history Bundle, newest first, cursor-paged. */
export async function historyBundle(
  context: FhirContext,
  request: FhirRequest,
  scope: HistoryScope,
  path: string,
): Promise<FhirResponse> {
  const unknown = request.query.map(([name]) => name).filter((name) => !HISTORY_PARAMETERS.has(name));
  if (unknown.length) throw badRequest(`Unsupported _history parameter(s): ${unknown.join(', ')}`, unknown);
  const count = pageSize(request);
  const page = await context.store.history(scope, {
    count,
    since: instantParameter(request, '_since'),
    at: instantParameter(request, '_at'),
    before: nonNegativeInt(request, '_cursor'),
  });
  const base = `${request.baseUrl}${path}`;
  const criteria = request.query.filter(([name]) => name !== '_cursor');
  const link: fhir4.BundleLink[] = [{ relation: 'self', url: linkUrl(base, request.query) }];
  if (page.cursor !== undefined) link.push({ relation: 'next', url: linkUrl(base, [...criteria, ['_cursor', String(page.cursor)]]) });
  const bundle: fhir4.Bundle<fhir4.Resource> = {
    resourceType: 'Bundle',
    type: 'history',
    ...(scope.id && scope.type ? { total: await context.store.countVersions(scope.type, scope.id) } : {}),
    link,
    entry: page.versions.map((version) => historyEntry(request.baseUrl, version)),
  };
  return { status: 200, headers: {}, body: bundle };
}
