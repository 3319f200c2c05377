import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { FHIR_ROUTES } from '../routes.js';

export const SERVER_NAME = 'jp-cvd-registry';
export const SERVER_VERSION = '0.1.0';

/**
 * capabilities: GET /metadata. Generated from the route table, the search engine's supported parameters and the
 * profiles loaded from packages, so it states what the server really does.
 */
export async function capabilities(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const typeInteractions = [...new Set(FHIR_ROUTES.filter((route) => route.level !== 'system').map((route) => route.interaction))];
  const systemInteractions = [...new Set(FHIR_ROUTES.filter((route) => route.level === 'system' && route.interaction !== 'capabilities').map((route) => route.interaction))];
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
        })),
        interaction: systemInteractions.map((code) => ({ code: code as fhir4.CapabilityStatementRestInteraction['code'] })),
      },
    ],
  };
  return { status: 200, headers: {}, body: statement };
}
