import { setOperatorDecision } from '../../registry/linkage/linker.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { issue, operationOutcome } from '../outcome.js';
import { operatorPair } from './patient-unlink.js';

/**
 * POST [base]/Patient/[id]/$link: an operator confirms that two records are the same person (e.g. a `probable`
 * candidate of $match). Both get a seealso link; the decision replaces any earlier one for the pair, an unlink
 * included. Registry staff only.
 */
export async function patientLink(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const { id, otherId, operator } = await operatorPair(context, request, 'Linking');
  await setOperatorDecision(context, id, otherId, 'link', operator);
  const message = `Patient/${id} and Patient/${otherId} are linked as the same person`;
  return { status: 200, headers: {}, body: operationOutcome([issue('information', 'informational', message)]) };
}
