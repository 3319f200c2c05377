import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { startTestRuntime, useTestApi } from '../support/runtime.js';

const FHIR_JSON = 'application/fhir+json';

const patient = (family = '山田', given = '太郎') => ({
  resourceType: 'Patient',
  identifier: [{ system: 'urn:oid:1.2.392.100495.20.3.51.11310000001', value: `P-${family}-${given}` }],
  name: [{ use: 'official', family, given: [given] }],
  gender: 'male',
  birthDate: '1950-04-01',
});

const api = useTestApi();


describe('metadata', () => {
  it('describes the implemented interactions and resource types', async () => {
    const response = await api.http.get('/fhir/metadata').expect(200).expect('content-type', /application\/fhir\+json/);
    const statement = response.body as fhir4.CapabilityStatement;
    expect(statement.resourceType).toBe('CapabilityStatement');
    expect(statement.fhirVersion).toBe('4.0.1');
    const patientResource = statement.rest![0].resource!.find((r) => r.type === 'Patient')!;
    expect(patientResource.interaction!.map((i) => i.code).sort()).toEqual(
      ['create', 'delete', 'history-instance', 'history-type', 'read', 'search-type', 'update', 'vread'].sort(),
    );
    expect(patientResource.searchParam!.map((p) => p.name)).toContain('_id');
    expect(patientResource.supportedProfile).toContain('http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient');
    expect(statement.rest![0].interaction!.map((i) => i.code).sort()).toEqual(['batch', 'history-system', 'search-system', 'transaction']);
    expect(statement.rest![0].resource!.length).toBeGreaterThan(140);
  });
});

describe('create, read, vread', () => {
  it('creates with a server-assigned id: 201, Location, ETag', async () => {
    const response = await api.http.post('/fhir/Patient').set('content-type', FHIR_JSON).send(patient()).expect(201);
    const created = response.body as fhir4.Patient;
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.meta?.versionId).toBe('1');
    expect(response.headers.location).toBe(`http://fhir.test/fhir/Patient/${created.id}/_history/1`);
    expect(response.headers.etag).toBe('W/"1"');
    expect(response.headers['last-modified']).toBeTruthy();

    const read = await api.http.get(`/fhir/Patient/${created.id}`).expect(200);
    expect(read.body).toEqual(created);
    expect(Object.keys(read.body).slice(0, 3)).toEqual(['resourceType', 'id', 'meta']);
    const vread = await api.http.get(`/fhir/Patient/${created.id}/_history/1`).expect(200);
    expect(vread.body).toEqual(created);
  });

  it('ignores a client id on create (the server assigns one)', async () => {
    const response = await api.http.post('/fhir/Patient').send({ ...patient('佐藤'), id: 'client-chosen' }).expect(201);
    expect(response.body.id).not.toBe('client-chosen');
  });

  it('answers 404 for an unknown id and an unknown version', async () => {
    const missing = await api.http.get('/fhir/Patient/does-not-exist').expect(404);
    expect(missing.body.resourceType).toBe('OperationOutcome');
    expect(missing.body.issue[0].code).toBe('not-found');
    const created = await api.http.post('/fhir/Patient').send(patient('鈴木')).expect(201);
    await api.http.get(`/fhir/Patient/${created.body.id}/_history/7`).expect(404);
    await api.http.get(`/fhir/Patient/${created.body.id}/_history/abc`).expect(404);
  });

  it('honours If-None-Match and If-Modified-Since with 304', async () => {
    const created = await api.http.post('/fhir/Patient').send(patient('高橋')).expect(201);
    await api.http.get(`/fhir/Patient/${created.body.id}`).set('If-None-Match', 'W/"1"').expect(304);
    await api.http.get(`/fhir/Patient/${created.body.id}`).set('If-None-Match', 'W/"2"').expect(200);
    const later = new Date(Date.now() + 60_000).toUTCString();
    await api.http.get(`/fhir/Patient/${created.body.id}`).set('If-Modified-Since', later).expect(304);
    await api.http.get(`/fhir/Patient/${created.body.id}`).set('If-Modified-Since', 'Mon, 01 Jan 2001 00:00:00 GMT').expect(200);
  });
});

describe('Prefer return', () => {
  it('returns nothing for return=minimal, an OperationOutcome for return=OperationOutcome', async () => {
    const minimal = await api.http.post('/fhir/Patient').set('Prefer', 'return=minimal').send(patient('伊藤')).expect(201);
    expect(minimal.text).toBe('');
    expect(minimal.headers.location).toMatch(/\/fhir\/Patient\/.+\/_history\/1$/);
    const outcome = await api.http.post('/fhir/Patient').set('Prefer', 'return=OperationOutcome').send(patient('渡辺')).expect(201);
    expect(outcome.body.resourceType).toBe('OperationOutcome');
    expect(outcome.body.issue[0].severity).toBe('information');
    const representation = await api.http.post('/fhir/Patient').set('Prefer', 'return=representation').send(patient('中村')).expect(201);
    expect(representation.body.resourceType).toBe('Patient');
  });
});

describe('update', () => {
  it('creates on update with the client id (201), then versions (200)', async () => {
    const first = await api.http.put('/fhir/Patient/pt-update-1').send({ ...patient('小林'), id: 'pt-update-1' }).expect(201);
    expect(first.body.meta.versionId).toBe('1');
    const second = await api.http.put('/fhir/Patient/pt-update-1').send({ ...patient('小林', '次郎'), id: 'pt-update-1' }).expect(200);
    expect(second.body.meta.versionId).toBe('2');
    expect(second.headers.etag).toBe('W/"2"');
    expect((await api.http.get('/fhir/Patient/pt-update-1/_history/1')).body.name[0].given).toEqual(['太郎']);
    expect((await api.http.get('/fhir/Patient/pt-update-1')).body.name[0].given).toEqual(['次郎']);
  });

  it('applies If-Match: 412 on a stale version, success on the current one', async () => {
    await api.http.put('/fhir/Patient/pt-match').send({ ...patient('加藤'), id: 'pt-match' }).expect(201);
    const stale = await api.http.put('/fhir/Patient/pt-match').set('If-Match', 'W/"7"').send({ ...patient('加藤'), id: 'pt-match' }).expect(412);
    expect(stale.body.issue[0].diagnostics).toContain('version 1');
    await api.http.put('/fhir/Patient/pt-match').set('If-Match', 'W/"1"').send({ ...patient('加藤'), id: 'pt-match' }).expect(200);
    await api.http.put('/fhir/Patient/pt-absent').set('If-Match', 'W/"1"').send({ ...patient('加藤'), id: 'pt-absent' }).expect(412);
    expect((await api.http.get('/fhir/Patient/pt-match')).body.meta.versionId).toBe('2');
    await api.http.get('/fhir/Patient/pt-absent').expect(404);
  });

  it('keeps versions consistent under concurrent updates of one resource', async () => {
    await api.http.put('/fhir/Patient/pt-race').send({ ...patient('吉田'), id: 'pt-race' }).expect(201);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => api.http.put('/fhir/Patient/pt-race').send({ ...patient('吉田', `${i}`), id: 'pt-race' })),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const versions = responses.map((r) => Number(r.body.meta.versionId)).sort((a, b) => a - b);
    expect(versions).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const history = await api.http.get('/fhir/Patient/pt-race/_history').expect(200);
    expect(history.body.total).toBe(11);
  });
});

describe('delete', () => {
  it('soft-deletes: 410 on read, history keeps every version, recreate by update', async () => {
    const created = await api.http.post('/fhir/Patient').send(patient('山本')).expect(201);
    const id = created.body.id;
    const deleted = await api.http.delete(`/fhir/Patient/${id}`).expect(200);
    expect(deleted.body.resourceType).toBe('OperationOutcome');
    const gone = await api.http.get(`/fhir/Patient/${id}`).expect(410);
    expect(gone.body.issue[0].code).toBe('deleted');
    await api.http.get(`/fhir/Patient/${id}/_history/2`).expect(410);
    await api.http.get(`/fhir/Patient/${id}/_history/1`).expect(200);
    const history = await api.http.get(`/fhir/Patient/${id}/_history`).expect(200);
    expect(history.body.entry.map((e: fhir4.BundleEntry) => e.request!.method)).toEqual(['DELETE', 'POST']);
    expect(history.body.entry[0].resource).toBeUndefined();
    // deleting again is idempotent
    await api.http.delete(`/fhir/Patient/${id}`).expect(200);
    expect((await api.http.get(`/fhir/Patient/${id}/_history`)).body.total).toBe(2);
    const recreated = await api.http.put(`/fhir/Patient/${id}`).send({ ...patient('山本'), id }).expect(201);
    expect(recreated.body.meta.versionId).toBe('3');
  });

  it('answers 200 with an informational outcome for an id that never existed, and 412 on If-Match mismatch', async () => {
    const response = await api.http.delete('/fhir/Patient/never-there').expect(200);
    expect(response.body.issue[0].diagnostics).toContain('did not exist');
    await api.http.put('/fhir/Patient/pt-del-match').send({ ...patient('松本'), id: 'pt-del-match' }).expect(201);
    await api.http.delete('/fhir/Patient/pt-del-match').set('If-Match', 'W/"5"').expect(412);
    await api.http.get('/fhir/Patient/pt-del-match').expect(200);
  });
});

describe('conditional create (If-None-Exist)', () => {
  it('creates once, then returns the existing resource; 412 on several matches', async () => {
    const body = patient('井上', '花子');
    const condition = `identifier=${encodeURIComponent(`${body.identifier[0].system}|${body.identifier[0].value}`)}`;
    const first = await api.http.post('/fhir/Patient').set('If-None-Exist', condition).send(body).expect(201);
    const second = await api.http.post('/fhir/Patient').set('If-None-Exist', condition).send(body).expect(200);
    expect(second.body.id).toBe(first.body.id);
    await api.http.post('/fhir/Patient').send(body).expect(201);
    const multiple = await api.http.post('/fhir/Patient').set('If-None-Exist', condition).send(body).expect(412);
    expect(multiple.body.issue[0].code).toBe('multiple-matches');
  });

  it('creates exactly one resource when the same conditional create races', async () => {
    const body = patient('木村', '一郎');
    const condition = `identifier=${encodeURIComponent(`${body.identifier[0].system}|${body.identifier[0].value}`)}`;
    const responses = await Promise.all(Array.from({ length: 8 }, () => api.http.post('/fhir/Patient').set('If-None-Exist', condition).send(body)));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
  });

  it('refuses criteria it cannot evaluate rather than widening the match', async () => {
    const before = await api.storedCount('Patient');
    const response = await api.http.post('/fhir/Patient').set('If-None-Exist', 'unknownparam=1').send(patient('林')).expect(400);
    expect(response.body.issue[0].diagnostics).toContain('unknownparam');
    expect(await api.storedCount('Patient')).toBe(before);
  });
});

describe('history', () => {
  it('pages type and system history newest first with stable next links', async () => {
    for (const family of ['清水', '山口', '森', '池田', '橋本']) await api.http.post('/fhir/Observation').send({ resourceType: 'Observation', status: 'final', code: { text: family } }).expect(201);
    const seen: string[] = [];
    let url: string | undefined = '/fhir/Observation/_history?_count=2';
    while (url) {
      const page: request.Response = await api.http.get(url).expect(200);
      expect(page.body.type).toBe('history');
      expect(page.body.entry.length).toBeLessThanOrEqual(2);
      // a write between pages must not shift what the next page holds
      if (seen.length === 0) await api.http.post('/fhir/Observation').send({ resourceType: 'Observation', status: 'final', code: { text: 'late' } });
      seen.push(...page.body.entry.map((e: fhir4.BundleEntry) => (e.resource as fhir4.Observation).code.text));
      const next = page.body.link.find((l: fhir4.BundleLink) => l.relation === 'next')?.url as string | undefined;
      url = next?.replace('http://fhir.test', '');
    }
    expect(seen).toEqual(['橋本', '池田', '森', '山口', '清水']);
    const system = await api.http.get('/fhir/_history?_count=3').expect(200);
    expect(system.body.entry).toHaveLength(3);
    expect(system.body.entry[0].resource.code.text).toBe('late');
  });

  it('filters by _since and rejects a malformed _since', async () => {
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await api.http.post('/fhir/Encounter').send({ resourceType: 'Encounter', status: 'finished', class: { code: 'IMP' } }).expect(201);
    const recent = await api.http.get(`/fhir/_history?_since=${encodeURIComponent(since)}`).expect(200);
    expect(recent.body.entry).toHaveLength(1);
    expect(recent.body.entry[0].resource.resourceType).toBe('Encounter');
    const bad = await api.http.get('/fhir/_history?_since=yesterday').expect(400);
    expect(bad.body.issue[0].expression).toEqual(['_since']);
    await api.http.get('/fhir/Patient/not-there/_history').expect(404);
  });
});

describe('search by id', () => {
  it('finds resources by _id and identifier', async () => {
    const created = await api.http.post('/fhir/Patient').send(patient('斎藤')).expect(201);
    const byId = await api.http.get(`/fhir/Patient?_id=${created.body.id}`).expect(200);
    expect(byId.body.type).toBe('searchset');
    expect(byId.body.total).toBe(1);
    expect(byId.body.entry[0].resource.id).toBe(created.body.id);
    const form = await api.http.post('/fhir/Patient/_search').type('form').send({ _id: created.body.id }).expect(200);
    expect(form.body.entry[0].resource.id).toBe(created.body.id);
    const unknown = await api.http.get('/fhir/Patient?nosuchparam=1').expect(200);
    expect(unknown.body.entry.at(-1).search.mode).toBe('outcome');
    await api.http.get('/fhir/Patient?nosuchparam=1').set('Prefer', 'handling=strict').expect(400);
  });
});

describe('bad requests store nothing', () => {
  const cases: [string, () => request.Test, number, RegExp][] = [
    ['unknown resource type', () => api.http.post('/fhir/Foo').send({ resourceType: 'Foo' }), 404, /Unknown resource type/],
    ['resourceType mismatch', () => api.http.post('/fhir/Patient').send({ resourceType: 'Observation' }), 400, /does not match/],
    ['id mismatch on update', () => api.http.put('/fhir/Patient/a1').send({ resourceType: 'Patient', id: 'b2' }), 400, /does not match/],
    ['missing id on update', () => api.http.put('/fhir/Patient/a1').send({ resourceType: 'Patient' }), 400, /has no id/],
    ['invalid id', () => api.http.put('/fhir/Patient/bad_id!').send({ resourceType: 'Patient', id: 'bad_id!' }), 400, /not a valid FHIR id/],
    ['id too long', () => api.http.get(`/fhir/Patient/${'a'.repeat(65)}`), 400, /not a valid FHIR id/],
    ['malformed JSON', () => api.http.post('/fhir/Patient').set('content-type', FHIR_JSON).send('{"resourceType": "Patient",'), 400, /not valid JSON/],
    ['JSON array body', () => api.http.post('/fhir/Patient').set('content-type', FHIR_JSON).send('[1,2]'), 400, /must be a FHIR resource/],
    ['empty body', () => api.http.post('/fhir/Patient').set('content-type', FHIR_JSON).send(''), 400, /must be a FHIR resource/],
    ['XML body', () => api.http.post('/fhir/Patient').set('content-type', 'application/fhir+xml').send('<Patient/>'), 415, /Unsupported Content-Type/],
    ['_format=xml', () => api.http.get('/fhir/metadata?_format=xml'), 406, /not supported/],
    ['Accept XML only', () => api.http.get('/fhir/metadata').set('Accept', 'application/fhir+xml'), 406, /cannot be satisfied/],
    ['bad _count', () => api.http.get('/fhir/Patient?_count=-1'), 400, /_count/],
    ['unknown path', () => api.http.get('/fhir/Patient/x/y/z/w'), 404, /No FHIR endpoint/],
  ];
  it.each(cases)('%s', async (_name, send, status, message) => {
    const before = await api.storedCount('Patient');
    const response = await send().expect(status);
    expect(response.headers['content-type']).toMatch(/application\/fhir\+json/);
    expect(response.body.resourceType).toBe('OperationOutcome');
    expect(response.body.issue[0].diagnostics).toMatch(message);
    expect(await api.storedCount('Patient')).toBe(before);
  });

  it('refuses a body over the configured limit with 413', async () => {
    const small = await startTestRuntime({ bodyLimit: 2048 });
    try {
      await small.app.ready();
      const big = { ...patient(), text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${'x'.repeat(4096)}</div>` } };
      const response = await request(small.app.server).post('/fhir/Patient').send(big).expect(413);
      expect(response.body.resourceType).toBe('OperationOutcome');
      const { rows } = await small.db.query<{ n: number }>('SELECT count(*)::int AS n FROM resource');
      expect(rows[0].n).toBe(0);
    } finally {
      await small.close();
    }
  });
});

describe('health', () => {
  it('answers /healthz', async () => {
    expect((await api.http.get('/healthz').expect(200)).body).toEqual({ status: 'ok' });
  });
});
