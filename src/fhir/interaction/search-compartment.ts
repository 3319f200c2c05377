import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { badRequest, notFound } from '../outcome.js';
import { checkType } from '../resource-checks.js';
import { searchBundle } from './search-type.js';

/**
 * search-compartment: GET [compartment type]/[id]/[type]?params. Membership comes from the CompartmentDefinition
 * of the loaded packages (e.g. Condition is in a Patient's compartment through `patient` and `asserter`).
 */
export async function searchCompartment(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const compartmentType = checkType(context, request.type);
  // The route is [type]/[id]/[member type]; the HTTP layer hands the third segment over as versionId.
  const type = checkType(context, request.versionId);
  if (!request.id) throw badRequest('compartment search needs the compartment id');
  const linking = context.search.compartmentParameters(compartmentType, type);
  // The CompartmentDefinition lists every type; those without linking parameters are not members.
  if (!linking?.length && type !== compartmentType) {
    if (!context.search.compartmentParameters(compartmentType, compartmentType)) throw notFound(`There is no ${compartmentType} compartment`);
    throw notFound(`${type} resources are not part of the ${compartmentType} compartment`);
  }
  return searchBundle(context, request, { types: [type], compartment: { type: compartmentType, id: request.id } }, `${request.baseUrl}/${compartmentType}/${request.id}/${type}`);
}
