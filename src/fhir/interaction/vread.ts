import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { checkId, checkType } from '../resource-checks.js';
import { FhirError, notFound } from '../outcome.js';
import { versionHeaders } from '../respond.js';

/** vread: GET [type]/[id]/_history/[vid]. A deletion version answers 410. */
export async function vread(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const type = checkType(context, request.type);
  const id = checkId(request.id);
  const version = await context.store.vread(type, id, request.versionId ?? '');
  if (!version) throw notFound(`${type}/${id}/_history/${request.versionId} not found`);
  if (version.deleted) throw new FhirError(410, 'deleted', `${type}/${id} version ${version.versionId} is a deletion`);
  return { status: 200, headers: versionHeaders(request.baseUrl, version, false), body: version.resource };
}
