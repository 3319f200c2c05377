import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { historyBundle } from '../history.js';

/** history-system: GET /_history. */
export async function historySystem(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  return historyBundle(context, request, {}, '/_history');
}
