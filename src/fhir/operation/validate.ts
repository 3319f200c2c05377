import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { badRequest, issue } from '../outcome.js';

const PROFILE_VALUE_KEYS = ['valueCanonical', 'valueUri', 'valueString', 'valueUrl'] as const;

/** `mustSupport=true|false` in the query string. */
function mustSupportFromQuery(request: FhirRequest): boolean {
  const values = request.query.filter(([name]) => name === 'mustSupport').map(([, value]) => value);
  if (values.some((value) => value !== 'true' && value !== 'false')) throw badRequest('$validate "mustSupport" must be true or false', ['mustSupport']);
  return values.includes('true');
}

/**
 * The resource, profiles and options of a $validate call: a Parameters body (resource, profile, mustSupport) or a
 * bare resource with ?profile= and ?mustSupport=.
 */
function validateInput(request: FhirRequest): { resource: unknown; profiles: string[]; mustSupport: boolean } {
  const body = request.body as Record<string, any> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('$validate needs a resource or a Parameters body');
  const profiles = request.query.filter(([name]) => name === 'profile').map(([, value]) => value);
  let mustSupport = mustSupportFromQuery(request);
  if (body.resourceType !== 'Parameters' || request.type === 'Parameters') return { resource: body, profiles, mustSupport };
  const parameters = (body.parameter ?? []) as fhir4.ParametersParameter[];
  const resources = parameters.filter((parameter) => parameter.name === 'resource');
  if (resources.length !== 1 || !resources[0].resource) {
    throw badRequest('$validate Parameters must hold exactly one "resource" parameter with a resource', ['Parameters.parameter']);
  }
  for (const parameter of parameters) {
    if (parameter.name === 'profile') {
      const key = PROFILE_VALUE_KEYS.find((candidate) => typeof (parameter as any)[candidate] === 'string');
      if (!key) throw badRequest('$validate "profile" parameter needs a canonical value', ['Parameters.parameter']);
      profiles.push((parameter as any)[key]);
    } else if (parameter.name === 'mustSupport') {
      if (typeof parameter.valueBoolean !== 'boolean') throw badRequest('$validate "mustSupport" parameter needs a valueBoolean', ['Parameters.parameter']);
      mustSupport = parameter.valueBoolean;
    } else if (parameter.name === 'mode' && !['create', 'update'].includes(parameter.valueCode ?? '')) {
      throw badRequest(`$validate mode "${parameter.valueCode}" is not supported (create or update)`, ['Parameters.parameter']);
    }
  }
  return { resource: resources[0].resource, profiles, mustSupport };
}

/**
 * $validate: POST [base]/$validate and [base]/[type]/$validate. Answers 200 with the OperationOutcome, whatever
 * it holds: the outcome is the operation's result, not a failure of the call.
 */
export async function validate(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const { resource, profiles, mustSupport } = validateInput(request);
  const resourceType = (resource as { resourceType?: unknown }).resourceType;
  if (request.type && resourceType !== request.type) {
    throw badRequest(`$validate on ${request.type} was given a ${String(resourceType)}`, ['resourceType']);
  }
  const outcome = context.validator.validate(resource, { profiles, mustSupport });
  if (outcome.issue.length === 0) outcome.issue.push(issue('information', 'informational', 'No issues detected'));
  return { status: 200, headers: {}, body: outcome };
}
