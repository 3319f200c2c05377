import { SearchParameterError, type SearchMatch, type SearchScope } from '../../search/search-engine.js';
import { elementList, ResourceSubsetter, summaryMode } from '../../search/summary.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { checkType } from '../resource-checks.js';
import { fullUrl, linkUrl } from '../bundle.js';
import { badRequest, FhirError, issue, operationOutcome } from '../outcome.js';
import { pageSize } from '../paging.js';

/** search-type: GET [type]?params (and POST [type]/_search with a form body, merged into `query`). */
export async function searchType(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const type = checkType(context, request.type);
  return searchBundle(context, request, { types: [type] }, `${request.baseUrl}/${type}`);
}

const subsetters = new WeakMap<FhirContext['conformance'], ResourceSubsetter>();

/**
 * Runs a search and answers it as a searchset Bundle: matches, included resources, a warning OperationOutcome
 * for ignored parameters (a 400 instead under `Prefer: handling=strict`), and self/next/previous links whose
 * `_cursor` marks a position in the sort order.
 */
export async function searchBundle(context: FhirContext, request: FhirRequest, scope: SearchScope, base: string): Promise<FhirResponse> {
  const summary = await withParameterErrors(() => summaryMode(request.query));
  const elements = elementList(request.query);
  const count = summary === 'count' ? 0 : pageSize(request);
  const result = await withParameterErrors(() =>
    context.search.search(scope, request.query, { count, tx: context.store.sql, scope: context.store.scope, baseUrl: request.baseUrl }),
  );
  const strict = /handling=strict/i.test(request.headers.prefer ?? '');
  if (strict && result.ignored.length) {
    const error = new FhirError(400, 'not-supported', `Unsupported search parameter(s): ${result.ignored.map((one) => one.parameter).join(', ')}`);
    error.issues.splice(0, 1, ...result.ignored.map((one) => issue('error', 'not-supported', one.reason, [one.parameter])));
    throw error;
  }
  const criteria = request.query.filter(([name]) => name !== '_cursor');
  const link: fhir4.BundleLink[] = [{ relation: 'self', url: linkUrl(base, request.query) }];
  if (result.nextCursor) link.push({ relation: 'next', url: linkUrl(base, [...criteria, ['_cursor', result.nextCursor]]) });
  if (result.previousCursor) link.push({ relation: 'previous', url: linkUrl(base, [...criteria, ['_cursor', result.previousCursor]]) });
  let subsetter = subsetters.get(context.conformance);
  if (!subsetter) subsetters.set(context.conformance, (subsetter = new ResourceSubsetter(context.conformance)));
  const toEntry = (match: SearchMatch, mode: 'match' | 'include'): fhir4.BundleEntry<fhir4.Resource> => ({
    fullUrl: fullUrl(request.baseUrl, match.type, match.id),
    resource: subsetter.subset(match.resource, summary, elements),
    search: { mode },
  });
  const entry = [...result.matches.map((match) => toEntry(match, 'match')), ...result.included.map((match) => toEntry(match, 'include'))];
  if (result.ignored.length) {
    entry.push({
      resource: operationOutcome(result.ignored.map((one) => issue('warning', 'not-supported', `${one.reason}; the parameter was ignored`, [one.parameter]))),
      search: { mode: 'outcome' },
    });
  }
  const bundle: fhir4.Bundle<fhir4.Resource> = {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(result.total !== undefined ? { total: result.total } : {}),
    link,
    ...(entry.length ? { entry } : {}),
  };
  return { status: 200, headers: {}, body: bundle };
}

export async function withParameterErrors<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SearchParameterError) throw badRequest(error.message, [error.parameter]);
    throw error;
  }
}

/**
 * Matches for a conditional interaction (If-None-Exist, conditional update/delete): every parameter must be
 * understood, since ignoring one would widen the match.
 */
export async function searchMatches(
  context: FhirContext,
  type: string,
  criteria: [string, string][],
  label: string,
  limit: number,
): Promise<SearchMatch[]> {
  if (criteria.length === 0) throw badRequest(`${label} has no search criteria`);
  const result = await withParameterErrors(() =>
    context.search.search({ types: [type] }, [...criteria, ['_total', 'none']], { count: limit, tx: context.store.sql, scope: context.store.scope }),
  );
  if (result.ignored.length) throw badRequest(`${label} uses unsupported search parameter(s): ${result.ignored.map((one) => one.parameter).join(', ')}`);
  return result.matches;
}
