import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/runtime.js';

const PATIENT_SYSTEM = 'urn:oid:1.2.392.100495.20.3.51.11310000002';
const api = useTestApi();

const patient = (value: string, family = '佐藤') => ({
  resourceType: 'Patient',
  identifier: [{ system: PATIENT_SYSTEM, value }],
  name: [{ family, given: ['花子'] }],
});
const batch = (entry: unknown[]) => ({ resourceType: 'Bundle', type: 'batch', entry });
const postBatch = (body: unknown) => api.http.post('/fhir').set('content-type', 'application/fhir+json').send(body as object);

describe('batch', () => {
  it('processes every entry on its own: failures are reported per entry, the rest is stored', async () => {
    const stale = (await api.http.post('/fhir/Patient').send(patient('B-STALE')).expect(201)).body.id;
    await api.http.put(`/fhir/Patient/${stale}`).send({ ...patient('B-STALE'), id: stale }).expect(200);
    const response = await postBatch(
      batch([
        { resource: patient('B-OK-1'), request: { method: 'POST', url: 'Patient' } },
        { resource: { ...patient('B-STALE'), id: stale }, request: { method: 'PUT', url: `Patient/${stale}`, ifMatch: 'W/"1"' } },
        { request: { method: 'GET', url: 'Patient/no-such-patient' } },
        { fullUrl: 'urn:uuid:b1', resource: patient('B-OK-2'), request: { method: 'POST', url: 'Patient' } },
        {
          resource: { resourceType: 'Observation', status: 'final', code: { text: 'HR' }, subject: { reference: 'urn:uuid:b1' } },
          request: { method: 'POST', url: 'Observation' },
        },
        { resource: patient('B-NO-REQUEST') },
        { request: { method: 'GET', url: `Patient?identifier=${PATIENT_SYSTEM}|B-OK-1` } },
      ]),
    ).expect(200);
    const bundle = response.body as fhir4.Bundle;
    expect(bundle.type).toBe('batch-response');
    const statuses = bundle.entry!.map((entry) => entry.response!.status);
    expect(statuses).toEqual(['201 Created', '412 Precondition Failed', '404 Not Found', '201 Created', '400 Bad Request', '400 Bad Request', '200 OK']);
    expect(bundle.entry![1].response!.outcome!.resourceType).toBe('OperationOutcome');
    expect((bundle.entry![1].response!.outcome as fhir4.OperationOutcome).issue[0].expression).toContain('Bundle.entry[1]');
    // Batch entries may not depend on each other: the urn:uuid reference is not resolved.
    expect((bundle.entry![4].response!.outcome as fhir4.OperationOutcome).issue[0].diagnostics).toContain('urn:uuid:b1');
    expect((bundle.entry![6].resource as fhir4.Bundle).total).toBe(1);
    expect((await api.http.get(`/fhir/Patient?identifier=${PATIENT_SYSTEM}|B-OK-2`)).body.total).toBe(1);
    expect((await api.http.get(`/fhir/Patient/${stale}`)).body.meta.versionId).toBe('2');
  });

  it('supports conditional create, update and delete per entry', async () => {
    const existing = (await api.http.post('/fhir/Patient').send(patient('B-COND')).expect(201)).body.id;
    const response = await postBatch(
      batch([
        { resource: patient('B-COND'), request: { method: 'POST', url: 'Patient', ifNoneExist: `identifier=${PATIENT_SYSTEM}|B-COND` } },
        { resource: patient('B-COND', '更新'), request: { method: 'PUT', url: `Patient?identifier=${PATIENT_SYSTEM}|B-COND` } },
        { request: { method: 'DELETE', url: `Patient?identifier=${PATIENT_SYSTEM}|B-COND` } },
      ]),
    ).expect(200);
    const [created, updated, deleted] = response.body.entry as fhir4.BundleEntry[];
    expect(created.response!.status).toBe('200 OK');
    expect(created.resource!.id).toBe(existing);
    expect(updated.response!.status).toBe('200 OK');
    expect(updated.response!.etag).toBe('W/"2"');
    expect(deleted.response!.status).toBe('200 OK');
    await api.http.get(`/fhir/Patient/${existing}`).expect(410);
  });

  it('refuses a Bundle-level problem as a whole', async () => {
    const duplicate = { fullUrl: 'urn:uuid:same', resource: patient('B-DUP'), request: { method: 'POST', url: 'Patient' } };
    const refused = await postBatch(batch([duplicate, duplicate])).expect(400);
    expect(refused.body.issue[0].expression).toContain('Bundle.entry[1].fullUrl');
    expect((await api.http.get(`/fhir/Patient?identifier=${PATIENT_SYSTEM}|B-DUP`)).body.total).toBe(0);
    await postBatch({ resourceType: 'Bundle', type: 'batch-response', entry: [] }).expect(400);
  });
});
