import type { StoredVersion } from '../store/resource-store.js';
import type { FhirRequest, FhirResponse } from './context.js';
import { issue, operationOutcome } from './outcome.js';

export function etag(versionId: string): string {
  return `W/"${versionId}"`;
}

/** Version headers of a stored resource: ETag, Last-Modified and (for writes) Location. */
export function versionHeaders(baseUrl: string, version: StoredVersion, withLocation: boolean): Record<string, string> {
  return {
    ETag: etag(version.versionId),
    'Last-Modified': new Date(version.lastUpdated).toUTCString(),
    ...(withLocation ? { Location: `${baseUrl}/${version.type}/${version.id}/_history/${version.versionId}` } : {}),
  };
}

/** Parses a weak or strong ETag (`W/"3"`, `"3"`) to its version id. */
export function versionFromEtag(value: string): string {
  return value.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

/**
 * Answers a create/update according to `Prefer: return=minimal|representation|OperationOutcome`; the
 * OperationOutcome form also carries the validator's non-error issues.
 */
export function writeResponse(
  request: FhirRequest,
  status: number,
  version: StoredVersion,
  message: string,
  validationIssues: fhir4.OperationOutcomeIssue[] = [],
): FhirResponse {
  const headers = versionHeaders(request.baseUrl, version, true);
  const prefer = /return=(minimal|representation|OperationOutcome)/i.exec(request.headers.prefer ?? '')?.[1]?.toLowerCase();
  if (prefer === 'minimal') return { status, headers };
  if (prefer === 'operationoutcome') {
    return { status, headers, body: operationOutcome([issue('information', 'informational', message), ...validationIssues]) };
  }
  return { status, headers, body: version.resource };
}
