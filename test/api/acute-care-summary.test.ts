import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registryConsent } from '../support/registry-consent.js';
import { useTestApi } from '../support/runtime.js';
import { clientToken } from '../support/smart-clients.js';

/*
 * The acute-care summary across two hospitals: hospital A (ACS example, 2310987654) treats a patient whose earlier
 * record is at hospital B (cerebral-infarction example, 1310512345); registry linkage ties the two Patient records.
 */
const api = useTestApi({ authEnabled: true, publicBaseUrl: 'http://fhir.test' });
const EXAMPLES = join(import.meta.dirname, '../../fsh-generated/resources');
const example = (name: string) => JSON.parse(readFileSync(join(EXAMPLES, `Bundle-jp-cvd-example-bundle-${name}.json`), 'utf8')) as fhir4.Bundle;
const CODE_A = '2310987654';
const CODE_B = '1310512345';

const headers: Record<string, Record<string, string>> = {};
let patientA: string;
let patientB: string;

async function summary(client: string, patientId: string, query = '') {
  return api.http.get(`/fhir/Patient/${patientId}/$acute-care-summary${query}`).set(headers[client]);
}

/** The newest audit record of the summary operation (the operation's own record, with its ground). */
async function lastSummaryAudit(): Promise<{ status: number; detail: string; client_id: string; entities: string[] }> {
  const { rows } = await api.runtime.db.query<{ status: number; detail: string; client_id: string; entities: string[] }>(
    `SELECT status, detail, client_id, entities FROM audit_event WHERE subtype = 'acute-care-summary' AND action = 'R' ORDER BY seq DESC LIMIT 1`,
  );
  return rows[0];
}

/** Registry staff record a Consent whose TREAT provision states the acute-care decision. */
async function recordAcuteCareDecision(patientId: string, acuteCare: 'permit' | 'deny', dateTime: string) {
  await api.http.post('/fhir/Consent').set(headers.staff).send(registryConsent(patientId, { secondaryUse: 'permit', acuteCare, dateTime })).expect(201);
}

const sectionEntries = (bundle: fhir4.Bundle, code: string) =>
  ((bundle.entry?.[0]?.resource as fhir4.Composition).section ?? []).find((section) => section.code?.coding?.[0]?.code === code)?.entry ?? [];

beforeAll(async () => {
  const clients = [
    { clientId: 'hospital-a', role: 'hospital' as const, hospitalCode: CODE_A, scopes: ['system/*.rs'] },
    { clientId: 'hospital-b', role: 'hospital' as const, hospitalCode: CODE_B, scopes: ['system/*.rs'] },
    { clientId: 'staff', role: 'registry-staff' as const, scopes: ['system/*.cruds'] },
    { clientId: 'researcher', role: 'researcher' as const, scopes: ['system/*.rs'] },
  ];
  for (const client of clients) {
    headers[client.clientId] = { Authorization: `Bearer ${await clientToken(api.runtime, api.http, client)}`, Accept: 'application/fhir+json' };
  }
  const staff = headers.staff;
  await api.http.post('/fhir/Bundle').set(staff).send(example('acute-coronary-syndrome')).expect(201);
  await api.http.post('/fhir/Bundle').set(staff).send(example('cerebral-infarction')).expect(201);
  const idOf = async (identifier: string) => (await api.http.get(`/fhir/Patient?identifier=${identifier}`).set(staff).expect(200)).body.entry[0].resource.id as string;
  patientA = await idOf(`urn:oid:1.2.392.100495.20.3.51.1${CODE_A}|00771204`);
  patientB = await idOf(`urn:oid:1.2.392.100495.20.3.51.1${CODE_B}|00482913`);
  // Registry linkage's result: a seealso link on each hospital's record.
  for (const [id, other] of [
    [patientA, patientB],
    [patientB, patientA],
  ]) {
    const patient = (await api.http.get(`/fhir/Patient/${id}`).set(staff).expect(200)).body as fhir4.Patient;
    await api.http.put(`/fhir/Patient/${id}`).set(staff).send({ ...patient, link: [{ other: { reference: `Patient/${other}` }, type: 'seealso' }] }).expect(200);
  }
  await api.http
    .post('/fhir/AllergyIntolerance')
    .set(staff)
    .send({
      resourceType: 'AllergyIntolerance',
      patient: { reference: `Patient/${patientB}` },
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
      code: { text: 'ヨード造影剤' },
      criticality: 'high',
    })
    .then((response) => expect(response.status, response.text).toBe(201));
});

describe('$acute-care-summary', () => {
  it('refuses (403) without acute-care consent on record, and audits the refusal', async () => {
    const response = await summary('hospital-a', patientA);
    expect(response.status).toBe(403);
    expect(response.body.resourceType).toBe('OperationOutcome');
    expect(response.body.issue[0].diagnostics).toMatch(/No consent/);
    const audit = await lastSummaryAudit();
    expect(audit).toMatchObject({ status: 403, client_id: 'hospital-a' });
    expect(audit.detail).toMatch(/^refused; consent=none/);
  });

  it('opens under a declared emergency: admissions at both hospitals, flagged ETREAT and audited with the reason', async () => {
    const response = await summary('hospital-a', patientA, `?emergency=true&reason=${encodeURIComponent('意識障害で救急搬送、本人確認不能')}`);
    expect(response.status, response.text).toBe(200);
    const bundle = response.body as fhir4.Bundle;
    expect(bundle.type).toBe('document');
    expect(bundle.meta?.security?.[0]?.code).toBe('ETREAT');
    const composition = bundle.entry?.[0]?.resource as fhir4.Composition;
    expect(composition.resourceType).toBe('Composition');
    expect(composition.subject?.reference).toBe(`http://fhir.test/fhir/Patient/${patientA}`);
    // Two admissions, one per hospital, each with its diagnosis; B's allergy is listed.
    expect(sectionEntries(bundle, '46240-8')).toHaveLength(2);
    const text = JSON.stringify(bundle);
    expect(text).toContain('I210');
    expect(text).toContain('I633');
    expect(sectionEntries(bundle, '48765-2')).toHaveLength(1);
    expect(sectionEntries(bundle, '10183-2').length).toBeGreaterThan(0);
    expect(sectionEntries(bundle, '47519-4').length).toBeGreaterThan(0);
    const hospitals = (bundle.entry ?? [])
      .filter((entry) => entry.resource?.resourceType === 'Organization')
      .flatMap((entry) => (entry.resource as fhir4.Organization).identifier?.map((identifier) => identifier.value) ?? []);
    expect(hospitals.sort()).toEqual([CODE_B, CODE_A].sort());

    const audit = await lastSummaryAudit();
    expect(audit).toMatchObject({ status: 200, client_id: 'hospital-a' });
    expect(audit.detail).toContain('basis=emergency');
    expect(audit.detail).toContain('EMERGENCY declared, reason: 意識障害で救急搬送、本人確認不能');
    expect(audit.entities).toContain(`Patient/${patientB}`);

    // The summary is the one sanctioned cross-hospital read: B's records stay closed to A otherwise.
    const encounterB = (bundle.entry ?? []).find(
      (entry) => entry.resource?.resourceType === 'Encounter' && JSON.stringify(entry.resource).includes(`Patient/${patientB}`),
    )?.resource;
    expect(encounterB).toBeDefined();
    await api.http.get(`/fhir/Encounter/${encounterB!.id}`).set(headers['hospital-a']).expect(404);
    await api.http.get(`/fhir/Patient/${patientB}`).set(headers['hospital-a']).expect(404);
  });

  it('opens on the person\'s acute-care consent, recorded at either linked hospital', async () => {
    await recordAcuteCareDecision(patientB, 'permit', '2026-10-20T09:00:00+09:00');
    const response = await summary('hospital-a', patientA);
    expect(response.status, response.text).toBe(200);
    expect(response.body.meta.security[0].code).toBe('TREAT');
    const audit = await lastSummaryAudit();
    expect(audit.detail).toMatch(/^purpose=TREAT basis=consent; consent=Consent\/\S+ acute-care permit/);
  });

  it('a later refusal blocks the summary; a declared emergency still opens it and the audit names the refusal', async () => {
    await recordAcuteCareDecision(patientA, 'deny', '2026-11-01T09:00:00+09:00');
    const refused = await summary('hospital-a', patientA);
    expect(refused.status).toBe(403);
    expect(refused.body.issue[0].diagnostics).toMatch(/refused sharing/);

    const emergency = await summary('hospital-a', patientA, '?emergency=true&reason=cardiac%20arrest');
    expect(emergency.status).toBe(200);
    const audit = await lastSummaryAudit();
    expect(audit.detail).toMatch(/basis=emergency .*acute-care deny.*EMERGENCY declared, reason: cardiac arrest/);
  });

  it('serves only the caller\'s own patients, and only to treating hospitals and registry staff', async () => {
    expect((await summary('hospital-b', patientA, '?emergency=true&reason=test')).status).toBe(404);
    expect((await summary('researcher', patientA)).status).toBe(403);
    const staffEmergency = await summary('staff', patientA, '?emergency=true&reason=test');
    expect(staffEmergency.status).toBe(403);
    expect(staffEmergency.body.issue[0].diagnostics).toMatch(/Only hospital clients/);
  });

  it('answers 400 for a malformed emergency declaration or an unknown parameter', async () => {
    for (const query of ['?emergency=true', '?emergency=yes&reason=x', '?reason=x', '?foo=bar', `?emergency=true&reason=${'x'.repeat(501)}`]) {
      const response = await summary('hospital-a', patientA, query);
      expect(response.status, query).toBe(400);
      expect(response.body.resourceType).toBe('OperationOutcome');
    }
  });
});
