import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/runtime.js';

const api = useTestApi();

beforeAll(async () => {
  const tag = { meta: { tag: [{ system: 'urn:batch', code: 'b1' }] } };
  await api.http.put('/fhir/Patient/sp1').send({ resourceType: 'Patient', id: 'sp1', ...tag, gender: 'male' }).expect(201);
  await api.http.put('/fhir/Organization/so1').send({ resourceType: 'Organization', id: 'so1', ...tag, name: '病院' }).expect(201);
  await api.http.put('/fhir/Patient/sp2').send({ resourceType: 'Patient', id: 'sp2', gender: 'female' }).expect(201);
});

const keys = (bundle: fhir4.Bundle) => (bundle.entry ?? []).filter((entry) => entry.search?.mode === 'match').map((entry) => `${entry.resource!.resourceType}/${entry.resource!.id}`).sort();

describe('system-level search', () => {
  it('finds resources of every type by a parameter common to all', async () => {
    expect(keys((await api.http.get('/fhir?_tag=urn:batch|b1').expect(200)).body)).toEqual(['Organization/so1', 'Patient/sp1']);
    expect(keys((await api.http.post('/fhir/_search').type('form').send('_id=sp2,so1').expect(200)).body)).toEqual(['Organization/so1', 'Patient/sp2']);
  });

  it('narrows with _type, where type parameters apply', async () => {
    expect(keys((await api.http.get('/fhir?_type=Patient&gender=female').expect(200)).body)).toEqual(['Patient/sp2']);
    expect(keys((await api.http.get('/fhir?_type=Patient,Organization&_tag=urn:batch|b1&_sort=_id').expect(200)).body)).toEqual(['Organization/so1', 'Patient/sp1']);
  });

  it('warns about a type parameter without _type, and rejects an unknown _type', async () => {
    const bundle = (await api.http.get('/fhir?gender=female').expect(200)).body as fhir4.Bundle;
    expect(bundle.entry!.some((entry) => entry.search?.mode === 'outcome')).toBe(true);
    const response = await api.http.get('/fhir?_type=Nonsense').expect(400);
    expect(response.body.issue[0].expression).toEqual(['_type']);
  });

  it('is listed in the CapabilityStatement', async () => {
    const statement = (await api.http.get('/fhir/metadata').expect(200)).body as fhir4.CapabilityStatement;
    expect(statement.rest![0].interaction!.map((interaction) => interaction.code)).toContain('search-system');
  });
});
