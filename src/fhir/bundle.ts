import type { StoredVersion } from '../store/resource-store.js';

export function fullUrl(baseUrl: string, type: string, id: string): string {
  return `${baseUrl}/${type}/${id}`;
}

/** A history Bundle entry for one stored version (request/response as R4 prescribes for history). */
export function historyEntry(baseUrl: string, version: StoredVersion): fhir4.BundleEntry<fhir4.Resource> {
  const url = fullUrl(baseUrl, version.type, version.id);
  return {
    fullUrl: url,
    ...(version.resource ? { resource: version.resource } : {}),
    request: { method: version.method, url: version.method === 'POST' ? version.type : `${version.type}/${version.id}` },
    response: {
      status: version.method === 'POST' ? '201 Created' : version.method === 'DELETE' ? '204 No Content' : '200 OK',
      etag: `W/"${version.versionId}"`,
      lastModified: version.lastUpdated,
    },
  };
}

/** A URL with the given query parameters, for Bundle links. */
export function linkUrl(base: string, params: [string, string][]): string {
  const query = new URLSearchParams(params).toString();
  return query ? `${base}?${query}` : base;
}
