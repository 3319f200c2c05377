import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { badRequest } from '../outcome.js';
import { searchBundle } from './search-type.js';

/** search-system: GET [base]?params (and POST [base]/_search); `_type` narrows to some resource types. */
export async function searchSystem(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  return searchBundle(context, request, { types: typeList(context, request) }, request.baseUrl);
}

/** The types `_type` asks for (400 for one this server does not serve); undefined without `_type`. */
export function typeList(context: FhirContext, request: FhirRequest): string[] | undefined {
  const types = request.query.filter(([name]) => name === '_type').flatMap(([, value]) => value.split(','));
  for (const type of types) {
    if (!context.resourceTypes.has(type)) throw badRequest(`_type "${type}" is not a resource type`, ['_type']);
  }
  return types.length ? types : undefined;
}
