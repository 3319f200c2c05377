import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsentRecorder, registryConsentProfile } from '../../src/registry/consent/registry-consent.js';
import { Pseudonymizer } from '../../src/registry/deidentify/pseudonym.js';
import { registryConsent } from '../support/registry-consent.js';
import { useTestApi } from '../support/runtime.js';

process.env.EXPORT_DIR = mkdtempSync(join(tmpdir(), 'export-consent-'));
process.env.EXPORT_PSEUDONYM_KEY = 'consent-test-key';
process.env.EXPORT_DATE_SHIFT_DAYS = '0';

const api = useTestApi();
const EXAMPLES = join(import.meta.dirname, '../../fsh-generated/resources');
const example = (name: string) => JSON.parse(readFileSync(join(EXAMPLES, `Bundle-jp-cvd-example-bundle-${name}.json`), 'utf8')) as fhir4.Bundle;

async function rowOf(patientId: string) {
  const { rows } = await api.runtime.db.query<{ decision: string; acute_care_sharing: string | null; consent_id: string }>(
    'SELECT decision, acute_care_sharing, consent_id FROM registry_consent WHERE patient_id = $1',
    [patientId],
  );
  return rows[0];
}

async function putPatient(id: string) {
  await api.http.put(`/fhir/Patient/${id}`).send({ resourceType: 'Patient', id, gender: 'female', birthDate: '1950-01-01' }).expect(201);
}

async function postConsent(consent: fhir4.Consent): Promise<string> {
  const response = await api.http.post('/fhir/Consent').send(consent).expect(201);
  return response.body.id;
}

describe('registry_consent follows Consent writes', () => {
  it('create, update and delete of a registry Consent set, change and clear the patient row', async () => {
    await putPatient('cs-1');
    const id = await postConsent(registryConsent('cs-1', { secondaryUse: 'deny' }));
    expect(await rowOf('cs-1')).toEqual({ decision: 'deny', acute_care_sharing: null, consent_id: id });

    await api.http.put(`/fhir/Consent/${id}`).send(registryConsent('cs-1', { id, secondaryUse: 'permit', acuteCare: 'permit' })).expect(200);
    expect(await rowOf('cs-1')).toEqual({ decision: 'permit', acute_care_sharing: 'permit', consent_id: id });

    await api.http.delete(`/fhir/Consent/${id}`).expect(200);
    expect(await rowOf('cs-1')).toBeUndefined();
  });

  it('the latest dated Consent decides; deleting it brings back the earlier one', async () => {
    await putPatient('cs-2');
    const older = await postConsent(registryConsent('cs-2', { secondaryUse: 'deny', dateTime: '2025-01-01T10:00:00+09:00' }));
    const newer = await postConsent(registryConsent('cs-2', { secondaryUse: 'permit', acuteCare: 'deny', dateTime: '2026-01-01T10:00:00+09:00' }));
    // Written after the newer one, but decided earlier: does not win.
    await postConsent(registryConsent('cs-2', { secondaryUse: 'deny', dateTime: '2024-06-01' }));
    expect(await rowOf('cs-2')).toEqual({ decision: 'permit', acute_care_sharing: 'deny', consent_id: newer });
    await api.http.delete(`/fhir/Consent/${newer}`).expect(200);
    expect(await rowOf('cs-2')).toEqual({ decision: 'deny', acute_care_sharing: null, consent_id: older });
  });

  it('a Consent moved to another patient, or made inactive, leaves its old patient', async () => {
    await putPatient('cs-3');
    await putPatient('cs-4');
    const id = await postConsent(registryConsent('cs-3', { secondaryUse: 'deny' }));
    await api.http.put(`/fhir/Consent/${id}`).send(registryConsent('cs-4', { id, secondaryUse: 'deny' })).expect(200);
    expect(await rowOf('cs-3')).toBeUndefined();
    expect((await rowOf('cs-4'))?.decision).toBe('deny');
    await api.http.put(`/fhir/Consent/${id}`).send({ ...registryConsent('cs-4', { id, secondaryUse: 'deny' }), status: 'inactive' }).expect(200);
    expect(await rowOf('cs-4')).toBeUndefined();
  });

  it('refuses (422) a nested provision that is not the TREAT acute-care decision (IG invariant jp-cvd-consent-2)', async () => {
    await putPatient('cs-7');
    const consent = registryConsent('cs-7', { secondaryUse: 'permit', acuteCare: 'permit' });
    consent.provision!.provision![0].purpose = [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HRESCH' }];
    const response = await api.http.post('/fhir/Consent').send(consent).expect(422);
    expect(JSON.stringify(response.body)).toContain('jp-cvd-consent-2');
    expect(await rowOf('cs-7')).toBeUndefined();
  });

  it('ignores Consents that do not claim the registry profile', async () => {
    await putPatient('cs-5');
    const { meta: _meta, ...plain } = registryConsent('cs-5', { secondaryUse: 'deny' });
    await postConsent(plain as fhir4.Consent);
    expect(await rowOf('cs-5')).toBeUndefined();
  });

  it('a transaction records its Consent; a failed transaction records nothing', async () => {
    const transaction = (consent: fhir4.Consent, extra: fhir4.BundleEntry[] = []): fhir4.Bundle => ({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:7d3f2b1e-0000-4000-8000-000000000001', resource: { resourceType: 'Patient', id: 'cs-6', gender: 'male' } as fhir4.Patient, request: { method: 'PUT', url: 'Patient/cs-6' } },
        { resource: consent, request: { method: 'POST', url: 'Consent' } },
        ...extra,
      ],
    });
    const failing = transaction(registryConsent('cs-6', { secondaryUse: 'deny' }), [
      { resource: { resourceType: 'Observation', status: 'not-a-status' } as unknown as fhir4.Observation, request: { method: 'POST', url: 'Observation' } },
    ]);
    const refused = await api.http.post('/fhir').send(failing);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await rowOf('cs-6')).toBeUndefined();

    const stored = await api.http.post('/fhir').send(transaction(registryConsent('cs-6', { secondaryUse: 'deny' })));
    expect(stored.status, stored.text).toBe(200);
    expect((await rowOf('cs-6'))?.decision).toBe('deny');
  });

  it('document ingest records the Consent of the discharge summary for the stored patient', async () => {
    await api.http.post('/fhir/Bundle').send(example('acute-heart-failure')).expect(201);
    const patients = await api.http.get('/fhir/Patient?identifier=urn:oid:1.2.392.100495.20.3.51.10419876543|00561128').expect(200);
    const patientId = patients.body.entry[0].resource.id;
    expect((await rowOf(patientId))?.decision).toBe('permit');
  });
});

describe('consent-rebuild', () => {
  it('rebuilds the same rows from the stored Consents', async () => {
    const rows = async () =>
      (await api.runtime.db.query('SELECT patient_id, decision, acute_care_sharing, consent_id, decided_at FROM registry_consent ORDER BY patient_id')).rows;
    const before = await rows();
    expect(before.length).toBeGreaterThanOrEqual(3);
    await api.runtime.db.query("DELETE FROM registry_consent WHERE patient_id LIKE 'cs-%'");
    await api.runtime.db.query("INSERT INTO registry_consent (patient_id, decision, consent_id) VALUES ('cs-stale', 'deny', 'gone')");
    const recorder = new ConsentRecorder(api.runtime.context.search, registryConsentProfile(api.runtime.context.conformance));
    expect(await api.runtime.db.transaction((tx) => recorder.rebuild(tx))).toBe(before.length);
    expect(await rows()).toEqual(before);
  });
});

describe('opting out of secondary use', () => {
  const ASYNC = { Prefer: 'respond-async', Accept: 'application/fhir+json' };

  async function deidentifiedExport(): Promise<Record<string, string[]>> {
    const kickOff = await api.http.get('/fhir/$export?_deidentify=true').set(ASYNC).expect(202);
    const statusPath = kickOff.headers['content-location'].slice('http://fhir.test'.length);
    for (;;) {
      const status = await api.http.get(statusPath);
      if (status.status === 200) {
        const manifest = JSON.parse(status.text) as { output: { type: string; url: string }[] };
        const lines: Record<string, string[]> = {};
        for (const file of manifest.output) {
          const body = await api.http.get(file.url.slice('http://fhir.test'.length)).buffer(true).parse((res, done) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
            res.on('end', () => done(null, text));
          });
          (lines[file.type] ??= []).push(...(body.body as string).split('\n').filter(Boolean));
        }
        return lines;
      }
      expect(status.status, status.text).toBe(202);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('leaves an opted-out patient out of the de-identified export entirely, their document Bundle included', async () => {
    await api.http.post('/fhir/Bundle').send(example('acute-coronary-syndrome')).expect(201);
    await api.http.post('/fhir/Bundle').send(example('cerebral-infarction')).expect(201);
    const idOf = async (identifier: string) => (await api.http.get(`/fhir/Patient?identifier=${identifier}`).expect(200)).body.entry[0].resource.id as string;
    const optedOut = await idOf('urn:oid:1.2.392.100495.20.3.51.12310987654|00771204');
    const kept = await idOf('urn:oid:1.2.392.100495.20.3.51.11310512345|00482913');
    await postConsent(registryConsent(optedOut, { secondaryUse: 'deny', dateTime: '2026-09-01T09:00:00+09:00' }));

    const pseudonyms = new Pseudonymizer('consent-test-key');
    const hidden = pseudonyms.id('Patient', optedOut);
    const shown = pseudonyms.id('Patient', kept);
    const output = await deidentifiedExport();
    const everything = Object.values(output).flat().join('\n');
    expect(everything).not.toContain(hidden);
    expect(everything).toContain(shown);
    expect(output.Patient.map((line) => JSON.parse(line).id)).not.toContain(hidden);
    // Compartment resources of the opted-out patient (Encounter, Conditions, their Consent ...) are gone.
    expect(output.Encounter.length).toBeGreaterThan(0);
    for (const line of output.Encounter) expect(JSON.parse(line).subject.reference).not.toBe(`Patient/${hidden}`);
    // Document Bundles: the ACS one (I21.0, opted out) is withheld; the heart-failure and cerebral-infarction ones remain.
    expect(output.Bundle).toHaveLength(2);
    expect(output.Bundle.some((line) => line.includes('"I210"'))).toBe(false);
    expect(output.Bundle.some((line) => line.includes('"I633"'))).toBe(true);
  });

  it('leaves out the opted-out person\'s linked records at other hospitals; a later permit there brings them back', async () => {
    await api.http.put('/fhir/Patient/cs-person-a').send({ resourceType: 'Patient', id: 'cs-person-a', gender: 'male' }).expect(201);
    await api.http
      .put('/fhir/Patient/cs-person-b')
      .send({ resourceType: 'Patient', id: 'cs-person-b', gender: 'male', link: [{ other: { reference: 'Patient/cs-person-a' }, type: 'seealso' }] })
      .expect(201);
    await api.http
      .put('/fhir/Observation/cs-person-b-obs')
      .send({ resourceType: 'Observation', id: 'cs-person-b-obs', status: 'final', code: { text: 'NIHSS' }, subject: { reference: 'Patient/cs-person-b' } })
      .expect(201);
    const pseudonyms = new Pseudonymizer('consent-test-key');
    const exportedPatients = async () => (await deidentifiedExport()).Patient.map((line) => JSON.parse(line).id as string);

    // The refusal is recorded on record a only; the link (stated on b's side) makes b the same person.
    await postConsent(registryConsent('cs-person-a', { secondaryUse: 'deny', dateTime: '2026-01-01T09:00:00+09:00' }));
    let patients = await exportedPatients();
    expect(patients).not.toContain(pseudonyms.id('Patient', 'cs-person-a'));
    expect(patients).not.toContain(pseudonyms.id('Patient', 'cs-person-b'));

    // Later the person agrees at hospital b: their latest word counts for both records.
    await postConsent(registryConsent('cs-person-b', { secondaryUse: 'permit', dateTime: '2026-06-01T09:00:00+09:00' }));
    patients = await exportedPatients();
    expect(patients).toContain(pseudonyms.id('Patient', 'cs-person-a'));
    expect(patients).toContain(pseudonyms.id('Patient', 'cs-person-b'));
  });
});
