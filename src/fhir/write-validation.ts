import { hasErrors } from '../validation/index.js';
import type { FhirContext } from './context.js';
import { FhirError } from './outcome.js';

/**
 * Validates a resource about to be written (base R4 and every profile it claims in meta.profile). Errors refuse the
 * write with 422 and the OperationOutcome; the other issues are returned so the response can carry them.
 */
export function validateForWrite(context: FhirContext, resource: fhir4.Resource): fhir4.OperationOutcomeIssue[] {
  const outcome = context.validator.validate(resource);
  if (hasErrors(outcome)) throw FhirError.fromOutcome(422, outcome);
  return outcome.issue;
}
