import type { FastifyRequest } from 'fastify';

/** The server's origin as clients reach it: PUBLIC_BASE_URL when set, else the request's own scheme and host. */
export function serverOrigin(request: FastifyRequest, publicBaseUrl: string): string {
  return publicBaseUrl || `${request.protocol}://${request.host}`;
}

/** The FHIR service base (Location headers, Bundle links, export URLs). */
export function fhirBaseUrl(request: FastifyRequest, publicBaseUrl: string): string {
  return `${serverOrigin(request, publicBaseUrl)}/fhir`;
}
