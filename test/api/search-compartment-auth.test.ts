import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/runtime.js';
import { clientToken } from '../support/smart-clients.js';

const api = useTestApi({ authEnabled: true, publicBaseUrl: 'http://fhir.test' });
const headers: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  const clients = [
    { clientId: 'staff', role: 'registry-staff' as const, scopes: ['system/*.cruds'] },
    { clientId: 'patients-only', role: 'registry-staff' as const, scopes: ['system/Patient.rs'] },
  ];
  for (const client of clients) {
    headers[client.clientId] = { Authorization: `Bearer ${await clientToken(api.runtime, api.http, client)}`, Accept: 'application/fhir+json' };
  }
  await api.http.put('/fhir/Patient/ca1').set(headers.staff).send({ resourceType: 'Patient', id: 'ca1', gender: 'female' }).expect(201);
  await api.http
    .put('/fhir/Condition/cac1')
    .set(headers.staff)
    .send({ resourceType: 'Condition', id: 'cac1', subject: { reference: 'Patient/ca1' }, code: { text: '脳梗塞' } })
    .expect(201);
});

const matches = (bundle: fhir4.Bundle) => (bundle.entry ?? []).map((entry) => `${entry.resource!.resourceType}/${entry.resource!.id}`).sort();

describe('compartment search needs search permission on the member types', () => {
  it('answers a member type the token may search', async () => {
    const response = await api.http.get('/fhir/Patient/ca1/Condition').set(headers.staff).expect(200);
    expect(matches(response.body)).toEqual(['Condition/cac1']);
  });

  it('refuses a member type outside the token scopes with 403', async () => {
    const response = await api.http.get('/fhir/Patient/ca1/Condition').set(headers['patients-only']).expect(403);
    expect(response.body.resourceType).toBe('OperationOutcome');
  });

  it('limits * to the member types the token may search', async () => {
    expect(matches((await api.http.get('/fhir/Patient/ca1/*').set(headers.staff).expect(200)).body)).toEqual(['Condition/cac1', 'Patient/ca1']);
    expect(matches((await api.http.get('/fhir/Patient/ca1/*').set(headers['patients-only']).expect(200)).body)).toEqual(['Patient/ca1']);
  });
});
