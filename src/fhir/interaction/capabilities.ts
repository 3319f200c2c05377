import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { AUDIT_RESOURCE_TYPE } from '../../security/audit-trail.js';
import { FHIR_ROUTES, type FhirRoute } from '../routes.js';
import { AUDIT_EVENT_SEARCH_PARAMETERS } from './audit-event-search.js';

export const SERVER_NAME = 'jp-cvd-registry';
export const SERVER_VERSION = '0.1.0';

/**
 * capabilities: GET /metadata. Generated from the route table, the search engine's supported parameters and the
 * profiles loaded from packages, so it states what the server really does.
 */
export async function capabilities(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const codes = (routes: FhirRoute[]) => [...new Set(routes.flatMap((route) => [...(route.interaction ? [route.interaction] : []), ...(route.alsoInteractions ?? [])]))];
  const operations = (routes: FhirRoute[]) =>
    // Only name, definition and documentation are CapabilityStatement elements; the route's permission is the server's own business.
    [...new Map(routes.flatMap(({ operation }) => (operation ? [[operation.name, { name: operation.name, definition: operation.definition, ...(operation.documentation ? { documentation: operation.documentation } : {}) }] as const] : []))).values()];
  const typeRoutes = FHIR_ROUTES.filter((route) => route.level !== 'system');
  const systemRoutes = FHIR_ROUTES.filter((route) => route.level === 'system' && route.interaction !== 'capabilities');
  const genericRoutes = typeRoutes.filter((route) => !route.resourceType);
  const profilesByType = context.conformance.resourceProfiles();
  const resource = (type: string): fhir4.CapabilityStatementRestResource => {
    const ownRoutes = typeRoutes.filter((route) => route.resourceType === type);
    const common = {
      type,
      profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
      ...(profilesByType.has(type) ? { supportedProfile: profilesByType.get(type) } : {}),
    };
    const interaction = (routes: FhirRoute[]) => codes(routes).map((code) => ({ code: code as fhir4.CapabilityStatementRestResourceInteraction['code'] }));
    if (type === AUDIT_RESOURCE_TYPE) {
      return { ...common, interaction: interaction(ownRoutes), readHistory: false, updateCreate: false, searchParam: AUDIT_EVENT_SEARCH_PARAMETERS };
    }
    const routes = [...genericRoutes, ...ownRoutes];
    return {
      ...common,
      interaction: interaction(routes),
      versioning: 'versioned-update',
      readHistory: true,
      updateCreate: true,
      conditionalCreate: true,
      conditionalRead: 'full-support',
      conditionalUpdate: false,
      conditionalDelete: 'not-supported',
      searchParam: context.search.supportedParameters(type),
      operation: operations(routes),
    };
  };
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
        resource: [...context.resourceTypes].map(resource),
        interaction: codes(systemRoutes).map((code) => ({ code: code as fhir4.CapabilityStatementRestInteraction['code'] })),
        operation: operations(systemRoutes),
      },
    ],
  };
  return { status: 200, headers: {}, body: statement };
}
