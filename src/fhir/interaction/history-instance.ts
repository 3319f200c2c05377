import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { historyBundle } from '../history.js';
import { notFound } from '../outcome.js';
import { checkId, checkType } from '../resource-checks.js';

/** history-instance: GET [type]/[id]/_history. */
export async function historyInstance(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const type = checkType(context, request.type);
  const id = checkId(request.id);
  if (!(await context.store.read(type, id))) throw notFound(`${type}/${id} not found`);
  return historyBundle(context, request, { type, id }, `/${type}/${id}/_history`);
}
