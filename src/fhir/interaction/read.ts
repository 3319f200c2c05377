import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { checkId, checkType } from '../resource-checks.js';
import { FhirError, notFound } from '../outcome.js';
import { etag, versionHeaders } from '../respond.js';

/** read: GET [type]/[id], with If-None-Match / If-Modified-Since (304). */
export async function read(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const type = checkType(context, request.type);
  const id = checkId(request.id);
  const current = await context.store.read(type, id);
  if (!current) throw notFound(`${type}/${id} not found`);
  if (current.deleted) {
    throw new FhirError(410, 'deleted', `${type}/${id} was deleted (version ${current.versionId})`, undefined, {
      ETag: etag(current.versionId),
    });
  }
  const headers = versionHeaders(request.baseUrl, current, false);
  const ifNoneMatch = request.headers['if-none-match'];
  const ifModifiedSince = request.headers['if-modified-since'];
  const unchanged =
    (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === `"${current.versionId}"`)) ||
    (ifNoneMatch === undefined && ifModifiedSince !== undefined && Math.floor(Date.parse(current.lastUpdated) / 1000) <= Math.floor(Date.parse(ifModifiedSince) / 1000));
  if (unchanged) return { status: 304, headers };
  return { status: 200, headers, body: current.resource };
}
