import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { FHIR_ROUTES, type FhirRoute } from '../routes.js';

export const SERVER_NAME = 'jp-cvd-registry';
export const SERVER_VERSION = '0.1.0';

/**
 * capabilities: GET /metadata. Generated from the route table, the search engine's supported parameters and the
 * profiles loaded from packages, so it states what the server really does.
 */
export async function capabilities(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const codes = (routes: FhirRoute[]) => [...new Set(routes.flatMap((route) => [...(route.interaction ? [route.interaction] : []), ...(route.alsoInteractions ?? [])]))];
  const operations = (routes: FhirRoute[]) =>
    [...new Map(routes.flatMap((route) => (route.operation ? [[route.operation.name, route.operation] as const] : []))).values()];
  const typeRoutes = FHIR_ROUTES.filter((route) => route.level !== 'system');
  const systemRoutes = FHIR_ROUTES.filter((route) => route.level === 'system' && route.interaction !== 'capabilities');
  const typeInteractions = codes(typeRoutes);
  const systemInteractions = codes(systemRoutes);
  const profilesByType = context.conformance.resourceProfiles();
  const statement: fhir4.CapabilityStatement = {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    kind: 'instance',
    software: { name: SERVER_NAME, version: SERVER_VERSION },
    implementation: { description: '循環器病データベース FHIR server (Japan cardiovascular disease registry)', url: request.baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    patchFormat: [],
    rest: [
      {
        mode: 'server',
        resource: [...context.resourceTypes].map((type) => ({
          type,
          profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
          ...(profilesByType.has(type) ? { supportedProfile: profilesByType.get(type) } : {}),
          interaction: typeInteractions.map((code) => ({ code: code as fhir4.CapabilityStatementRestResourceInteraction['code'] })),
          versioning: 'versioned-update',
          readHistory: true,
          updateCreate: true,
          conditionalCreate: true,
          conditionalRead: 'full-support',
          conditionalUpdate: false,
          conditionalDelete: 'not-supported',
          searchParam: context.search.supportedParameters(type),
          operation: operations(typeRoutes),
        })),
        interaction: systemInteractions.map((code) => ({ code: code as fhir4.CapabilityStatementRestInteraction['code'] })),
        operation: operations(systemRoutes),
      },
    ],
  };
  return { status: 200, headers: {}, body: statement };
}
