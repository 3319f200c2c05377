import type { ConformanceRegistry } from '../conformance/package-loader.js';
import type { SearchEngine } from '../search/search-engine.js';
import type { AuditTrail } from '../security/audit-trail.js';
import type { Principal } from '../security/token-service.js';
import type { ResourceStore } from '../store/resource-store.js';
import type { Validator } from '../validation/index.js';

/** What every interaction and operation is given: storage, search and the loaded conformance resources. */
export interface FhirContext {
  store: ResourceStore;
  search: SearchEngine;
  conformance: ConformanceRegistry;
  /** The append-only audit trail (served as read-only AuditEvent resources). */
  audit: AuditTrail;
  /** Profile validator: $validate and validation of every write. */
  validator: Validator;
  /** Concrete R4 resource types this server serves. */
  resourceTypes: ReadonlySet<string>;
}

/** A FHIR REST request, independent of the HTTP framework (transaction entries are FhirRequests too). */
export interface FhirRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD';
  /** Service base, e.g. http://host:8080/fhir; used for Location headers and links. */
  baseUrl: string;
  type?: string;
  id?: string;
  versionId?: string;
  /** Query parameters in order, repeated names kept (the `_format` parameter already removed). */
  query: [string, string][];
  body?: unknown;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  /** The authenticated client, when authentication is on. */
  principal?: Principal;
  /** The negotiated answer format when the route serves one besides FHIR JSON (FhirRoute.formats), e.g. 'text/csv'. */
  format?: string;
}

export interface FhirResponse {
  status: number;
  body?: fhir4.Resource;
  /** An answer in another negotiated format (e.g. CSV) instead of `body`; headers carry its content-type. */
  text?: string;
  headers: Record<string, string>;
}

export function queryValue(request: FhirRequest, name: string): string | undefined {
  return request.query.find(([key]) => key === name)?.[1];
}
