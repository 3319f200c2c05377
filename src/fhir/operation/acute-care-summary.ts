import { acuteCareAccess, describeAccess, type EmergencyDeclaration } from '../../registry/consent/acute-care-access.js';
import { recordedConsents } from '../../registry/consent/registry-consent.js';
import { acuteCareSummary } from '../../registry/summary/acute-care-summary.js';
import { linkedPatientIds } from '../../registry/summary/linked-patients.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { badRequest, FhirError, notFound } from '../outcome.js';

const PARAMETERS = new Set(['emergency', 'reason']);
const MAX_REASON_LENGTH = 500;
/** Roles that treat patients or run the registry; researchers and administrators see no identifiable data. */
const SUMMARY_ROLES = new Set(['hospital', 'registry-staff']);

/** `emergency=true&reason=...`: a declared emergency, refused for callers who do not treat patients. */
function emergencyOf(request: FhirRequest): EmergencyDeclaration | undefined {
  for (const [name] of request.query) {
    if (!PARAMETERS.has(name)) throw badRequest(`$acute-care-summary does not support the parameter "${name}" (emergency, reason)`, [name]);
  }
  const flag = request.query.find(([name]) => name === 'emergency')?.[1];
  const reason = request.query.find(([name]) => name === 'reason')?.[1]?.trim();
  if (flag === undefined || flag === 'false') {
    if (reason) throw badRequest('"reason" is given only with emergency=true', ['reason']);
    return undefined;
  }
  if (flag !== 'true') throw badRequest(`"emergency" must be true or false, got "${flag}"`, ['emergency']);
  if (!reason) throw badRequest('emergency=true needs a "reason": the audit trail records why consent was not asked', ['reason']);
  if (reason.length > MAX_REASON_LENGTH) throw badRequest(`"reason" may be at most ${MAX_REASON_LENGTH} characters`, ['reason']);
  // The emergency rule is for the treating hospital; a server without authentication is a local tool, used as one.
  const role = request.principal?.role;
  if (role !== undefined && role !== 'hospital') throw new FhirError(403, 'forbidden', `Only hospital clients may declare an emergency; this client's role is ${role}`, ['emergency']);
  return { reason };
}

/**
 * Patient/[id]/$acute-care-summary: the person's past cardiovascular admissions at every linked hospital
 * (docs/ACUTE-CARE-SUMMARY.md). The asked Patient must be visible to the caller (a hospital's own record); the
 * linked records at other hospitals are then read across tenancy, the one sanctioned cross-hospital read, and only
 * on the person's acute-care consent or a declared emergency. Every answer, a refusal included, is audited with
 * its ground (consent on record, emergency reason).
 */
export async function acuteCareSummaryOperation(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const id = request.id;
  if (!id) throw badRequest('$acute-care-summary needs a Patient id');
  const role = request.principal?.role;
  if (role !== undefined && !SUMMARY_ROLES.has(role)) {
    throw new FhirError(403, 'forbidden', `The acute-care summary is for treating hospitals and registry staff; this client's role is ${role}`);
  }
  const emergency = emergencyOf(request);
  const patient = await context.store.read('Patient', id);
  if (!patient?.resource) throw notFound(patient ? `Patient/${id} has been deleted` : `Patient/${id} is not known`);

  const linked = await linkedPatientIds(context, id);
  const access = acuteCareAccess(await recordedConsents(context.store.sql, linked), emergency);
  const audit = (status: number, entities: string[]) =>
    context.audit.record({
      action: 'R',
      subtype: 'acute-care-summary',
      method: request.method,
      path: `${new URL(request.baseUrl).pathname}/Patient/${id}/$acute-care-summary`,
      status,
      clientId: request.principal?.clientId,
      role: request.principal?.role,
      hospitalCode: request.principal?.hospitalCode,
      entities,
      detail: `${describeAccess(access)}; linked records: ${linked.map((one) => `Patient/${one}`).join(', ')}`,
    });
  if (!access.granted) {
    await audit(403, [`Patient/${id}`]);
    throw new FhirError(403, 'forbidden', access.refusal);
  }
  const bundle = await acuteCareSummary(context, {
    patientId: id,
    linkedPatientIds: linked,
    purpose: access.basis === 'emergency' ? 'ETREAT' : 'TREAT',
    baseUrl: request.baseUrl,
  });
  const disclosed = (bundle.entry ?? []).flatMap((entry) => (entry.resource?.id ? [`${entry.resource.resourceType}/${entry.resource.id}`] : []));
  await audit(200, disclosed);
  return { status: 200, headers: {}, body: bundle };
}
