import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/runtime.js';

const FHIR_JSON = 'application/fhir+json';
const PATIENT_SYSTEM = 'urn:oid:1.2.392.100495.20.3.51.11310000009';
const api = useTestApi();

async function countStored(): Promise<number> {
  const { rows } = await api.runtime.db.query<{ n: number }>('SELECT count(*)::int AS n FROM resource_version');
  return rows[0].n;
}

/** A minimal discharge-summary-shaped document: Composition, Patient and a Condition about the Patient. */
function document(documentId: string, patientValue: string): fhir4.Bundle {
  const patientUrl = `urn:uuid:6f1e2d3c-4b5a-4697-8887-${documentId.padStart(12, '0')}`;
  const conditionUrl = `urn:uuid:7a2b3c4d-5e6f-4a1b-9c2d-${documentId.padStart(12, '0')}`;
  return {
    resourceType: 'Bundle',
    identifier: { system: 'http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier', value: `DOC-${documentId}` },
    type: 'document',
    timestamp: '2026-04-01T10:00:00+09:00',
    entry: [
      {
        fullUrl: `urn:uuid:5e4d3c2b-1a09-4f8e-a7d6-${documentId.padStart(12, '0')}`,
        resource: {
          resourceType: 'Composition',
          status: 'final',
          type: { coding: [{ system: 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes', code: '18842-5' }] },
          subject: { reference: patientUrl },
          date: '2026-04-01T10:00:00+09:00',
          author: [{ display: '循環器内科' }],
          title: '退院時サマリー',
          section: [{ title: '入院中診断', entry: [{ reference: conditionUrl }] }],
        } as fhir4.Composition,
      },
      { fullUrl: patientUrl, resource: { resourceType: 'Patient', identifier: [{ system: PATIENT_SYSTEM, value: patientValue }], name: [{ family: '斎藤' }] } },
      {
        fullUrl: conditionUrl,
        resource: {
          resourceType: 'Condition',
          subject: { reference: patientUrl },
          code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'I21.0' }] },
        } as fhir4.Condition,
      },
    ],
  };
}

describe('document Bundles', () => {
  it('stores the Bundle as submitted and each entry as a resource with rewritten references', async () => {
    const response = await api.http.post('/fhir/Bundle').set('content-type', FHIR_JSON).send(document('1', 'DOC-PT-1')).expect(201);
    const stored = response.body as fhir4.Bundle;
    expect(stored.type).toBe('document');
    expect(response.headers.location).toBe(`http://fhir.test/fhir/Bundle/${stored.id}/_history/1`);
    // As submitted: the stored document keeps its urn:uuid links.
    expect((stored.entry![2].resource as fhir4.Condition).subject.reference).toMatch(/^urn:uuid:/);
    const patients = await api.http.get(`/fhir/Patient?identifier=${PATIENT_SYSTEM}|DOC-PT-1`).expect(200);
    expect(patients.body.total).toBe(1);
    const patientId = patients.body.entry[0].resource.id;
    const conditions = await api.http.get(`/fhir/Condition?subject=Patient/${patientId}`).expect(200);
    expect(conditions.body.total).toBe(1);
    const compositions = await api.http.get(`/fhir/Composition?subject=Patient/${patientId}`).expect(200);
    expect(compositions.body.entry[0].resource.section[0].entry[0].reference).toBe(`Condition/${conditions.body.entry[0].resource.id}`);
  });

  it('is idempotent on Bundle.identifier: a resubmission stores nothing and answers with the stored Bundle', async () => {
    const first = await api.http.post('/fhir/Bundle').set('content-type', FHIR_JSON).send(document('2', 'DOC-PT-2')).expect(201);
    const before = await countStored();
    const again = await api.http.post('/fhir').set('content-type', FHIR_JSON).send(document('2', 'DOC-PT-2')).expect(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.location).toBe(first.headers.location);
    expect(await countStored()).toBe(before);
  });

  it('de-duplicates the Patient by identifier across documents', async () => {
    const existing = (await api.http.post('/fhir/Patient').send({ resourceType: 'Patient', identifier: [{ system: PATIENT_SYSTEM, value: 'DOC-PT-3' }] }).expect(201)).body.id;
    await api.http.post('/fhir').set('content-type', FHIR_JSON).send(document('3', 'DOC-PT-3')).expect(201);
    await api.http.post('/fhir').set('content-type', FHIR_JSON).send(document('4', 'DOC-PT-3')).expect(201);
    expect((await api.http.get(`/fhir/Patient?identifier=${PATIENT_SYSTEM}|DOC-PT-3`)).body.total).toBe(1);
    expect((await api.http.get(`/fhir/Condition?subject=Patient/${existing}`)).body.total).toBe(2);
  });

  it('refuses a document without identifier or Composition, storing nothing', async () => {
    const before = await countStored();
    const { identifier: _identifier, ...anonymous } = document('5', 'DOC-PT-5');
    const noIdentifier = await api.http.post('/fhir/Bundle').set('content-type', FHIR_JSON).send(anonymous).expect(400);
    expect(noIdentifier.body.issue[0].expression).toContain('Bundle.identifier');
    const withoutComposition = document('6', 'DOC-PT-6');
    withoutComposition.entry!.shift();
    await api.http.post('/fhir').set('content-type', FHIR_JSON).send(withoutComposition).expect(400);
    expect(await countStored()).toBe(before);
  });

  it('creates any other Bundle as an ordinary resource', async () => {
    const collection = { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:c1', resource: { resourceType: 'Patient' } }] };
    const response = await api.http.post('/fhir/Bundle').set('content-type', FHIR_JSON).send(collection).expect(201);
    expect(response.body.type).toBe('collection');
  });
});
