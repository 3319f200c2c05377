import { SearchParameterError, type SearchMatch } from '../../search/search-engine.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { checkType } from '../resource-checks.js';
import { fullUrl, linkUrl } from '../bundle.js';
import { badRequest, issue, operationOutcome } from '../outcome.js';
import { nonNegativeInt, pageSize } from '../paging.js';

/** search-type: GET [type]?params (and POST [type]/_search with a form body, merged into `query`). */
export async function searchType(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const type = checkType(context, request.type);
  const count = pageSize(request);
  const offset = nonNegativeInt(request, '_offset') ?? 0;
  const result = await runSearch(context, type, request.query, { count, offset });
  const strict = /handling=strict/i.test(request.headers.prefer ?? '');
  if (strict && result.ignored.length) {
    throw badRequest(`Unsupported search parameter(s): ${result.ignored.join(', ')}`, result.ignored);
  }
  const base = `${request.baseUrl}/${type}`;
  const criteria = request.query.filter(([name]) => name !== '_offset');
  const link: fhir4.BundleLink[] = [{ relation: 'self', url: linkUrl(base, request.query) }];
  if (result.nextOffset !== undefined) link.push({ relation: 'next', url: linkUrl(base, [...criteria, ['_offset', String(result.nextOffset)]]) });
  if (offset > 0) link.push({ relation: 'previous', url: linkUrl(base, [...criteria, ['_offset', String(Math.max(0, offset - count))]]) });
  const entry: fhir4.BundleEntry<fhir4.Resource>[] = result.matches.map((match) => ({
    fullUrl: fullUrl(request.baseUrl, match.type, match.id),
    resource: match.resource,
    search: { mode: 'match' },
  }));
  if (result.ignored.length) {
    entry.push({
      resource: operationOutcome(result.ignored.map((name) => issue('warning', 'not-supported', `Search parameter "${name}" is not supported and was ignored`, [name]))),
      search: { mode: 'outcome' },
    });
  }
  const bundle: fhir4.Bundle<fhir4.Resource> = { resourceType: 'Bundle', type: 'searchset', total: result.total, link, entry };
  return { status: 200, headers: {}, body: bundle };
}

async function runSearch(context: FhirContext, type: string, params: [string, string][], page: { count: number; offset: number }) {
  try {
    return await context.search.search(type, params, { ...page, tx: context.store.sql });
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
  const result = await runSearch(context, type, criteria, { count: limit, offset: 0 });
  if (result.ignored.length) throw badRequest(`${label} uses unsupported search parameter(s): ${result.ignored.join(', ')}`);
  return result.matches;
}
