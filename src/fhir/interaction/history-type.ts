import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { historyBundle } from '../history.js';
import { checkType } from '../resource-checks.js';

/** history-type: GET [type]/_history. */
export async function historyType(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const type = checkType(context, request.type);
  return historyBundle(context, request, { type }, `/${type}/_history`);
}
