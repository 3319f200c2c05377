import { allows } from '../../security/scopes.js';
import { authorize } from '../authorization.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { badRequest, notFound } from '../outcome.js';
import { checkType } from '../resource-checks.js';
import { typeList } from './search-system.js';
import { searchBundle } from './search-type.js';

/** The member-type segment that asks for every type in the compartment. */
const ALL_MEMBER_TYPES = '*';

/**
 * search-compartment: GET [compartment type]/[id]/[type]?params, or [compartment type]/[id]/* for every member type
 * (narrowed by `_type`).
 * Membership comes from the CompartmentDefinition of the loaded packages (e.g. Condition is in a Patient's
 * compartment through `patient` and `asserter`). The caller needs search permission on the member types it gets:
 * a named type is refused without it, `*` covers only the types the caller may search.
 */
export async function searchCompartment(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const compartmentType = checkType(context, request.type);
  if (!request.id) throw badRequest('compartment search needs the compartment id');
  if (!context.search.compartmentParameters(compartmentType, compartmentType)) throw notFound(`There is no ${compartmentType} compartment`);
  // The route is [type]/[id]/[member type]; the HTTP layer hands the third segment over as versionId.
  const base = `${request.baseUrl}/${compartmentType}/${request.id}/${request.versionId}`;
  const compartment = { type: compartmentType, id: request.id };
  if (request.versionId === ALL_MEMBER_TYPES) {
    const principal = request.principal;
    const asked = typeList(context, request);
    const types = (asked ?? [...context.resourceTypes]).filter(
      (type) => isMember(context, compartmentType, type) && (!principal || allows(principal.scopes, type, 's')),
    );
    return searchBundle(context, request, { types, compartment }, base);
  }
  const type = checkType(context, request.versionId);
  if (!isMember(context, compartmentType, type)) throw notFound(`${type} resources are not part of the ${compartmentType} compartment`);
  authorize(request, { interaction: 'search-type' }, type);
  return searchBundle(context, request, { types: [type], compartment }, base);
}

/** The CompartmentDefinition lists every type; those without linking parameters are not members (but its own type is). */
function isMember(context: FhirContext, compartmentType: string, type: string): boolean {
  return type === compartmentType || Boolean(context.search.compartmentParameters(compartmentType, type)?.length);
}
