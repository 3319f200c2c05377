import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { startTestRuntime, useTestApi } from '../support/runtime.js';

const FHIR_JSON = 'application/fhir+json';
const PATIENT_SYSTEM = 'urn:oid:1.2.392.100495.20.3.51.11310000001';
const api = useTestApi();

const patient = (value: string, family = '山田') => ({
  resourceType: 'Patient',
  identifier: [{ system: PATIENT_SYSTEM, value }],
  name: [{ family, given: ['太郎'] }],
});
const observation = (subject: string) => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
  subject: { reference: subject },
  valueQuantity: { value: 72, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
});
const transaction = (entry: unknown[]) => ({ resourceType: 'Bundle', type: 'transaction', entry });
const post = (http_: ReturnType<typeof request>, body: unknown, prefer?: string) => {
  const call = http_.post('/fhir').set('content-type', FHIR_JSON);
  return (prefer ? call.set('Prefer', prefer) : call).send(body as object);
};

async function countStored(type?: string): Promise<number> {
  const { rows } = await api.runtime.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM resource ${type ? 'WHERE type = $1' : ''}`,
    type ? [type] : [],
  );
  return rows[0].n;
}

async function countVersions(): Promise<number> {
  const { rows } = await api.runtime.db.query<{ n: number }>('SELECT count(*)::int AS n FROM resource_version');
  return rows[0].n;
}

/** Asserts a 4xx whose OperationOutcome names `expression`, and that nothing was written. */
async function expectRefused(body: unknown, status: number, expression: string, headers: Record<string, string> = {}) {
  const before = await countVersions();
  let call = api.http.post('/fhir').set('content-type', FHIR_JSON);
  for (const [name, value] of Object.entries(headers)) call = call.set(name, value);
  const response = await call.send(body as object).expect(status);
  expect(response.body.resourceType).toBe('OperationOutcome');
  expect(response.body.issue[0].severity).toBe('error');
  expect(response.body.issue.flatMap((i: fhir4.OperationOutcomeIssue) => i.expression ?? [])).toContain(expression);
  expect(await countVersions()).toBe(before);
  return response.body as fhir4.OperationOutcome;
}

describe('capabilities', () => {
  it('lists the transaction and batch system interactions', async () => {
    const statement = (await api.http.get('/fhir/metadata').expect(200)).body as fhir4.CapabilityStatement;
    const codes = statement.rest![0].interaction!.map((i) => i.code);
    expect(codes).toContain('transaction');
    expect(codes).toContain('batch');
  });
});

describe('transaction: references and response', () => {
  it('stores every entry, rewriting urn:uuid fullUrls in references, uri elements and narrative links', async () => {
    const patientUrl = 'urn:uuid:5b1b6a9e-1f0c-4c3a-9a57-0d7c2f3e4a01';
    const obs = {
      ...observation(patientUrl),
      meta: { source: patientUrl },
      identifier: [{ system: 'urn:ietf:rfc:3986', value: patientUrl }],
      text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><a href="${patientUrl}">患者</a></div>` },
    };
    const document = {
      resourceType: 'DocumentReference',
      status: 'current',
      subject: { reference: patientUrl },
      content: [{ attachment: { contentType: 'text/plain', url: patientUrl } }],
    };
    const response = await post(
      api.http,
      transaction([
        { fullUrl: 'urn:uuid:0d0e3a4c-3c43-4d5e-8f60-7a8b9c0d1e2f', resource: obs, request: { method: 'POST', url: 'Observation' } },
        { fullUrl: patientUrl, resource: patient('TX-REF-1'), request: { method: 'POST', url: 'Patient' } },
        { resource: document, request: { method: 'POST', url: 'DocumentReference' } },
      ]),
    ).expect(200);
    const bundle = response.body as fhir4.Bundle;
    expect(bundle.type).toBe('transaction-response');
    expect(bundle.entry).toHaveLength(3);
    for (const entry of bundle.entry!) {
      expect(entry.response!.status).toBe('201 Created');
      expect(entry.response!.etag).toBe('W/"1"');
      expect(entry.response!.lastModified).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(entry.response!.location).toMatch(/^http:\/\/fhir\.test\/fhir\/(Observation|Patient|DocumentReference)\/[0-9a-f-]{36}\/_history\/1$/);
    }
    const patientId = (bundle.entry![1].resource as fhir4.Patient).id!;
    const stored = (await api.http.get(`/fhir/Observation/${bundle.entry![0].resource!.id}`).expect(200)).body;
    expect(stored.subject.reference).toBe(`Patient/${patientId}`);
    expect(stored.meta.source).toBe(`Patient/${patientId}`);
    const storedDocument = bundle.entry![2].resource as fhir4.DocumentReference;
    expect(storedDocument.subject!.reference).toBe(`Patient/${patientId}`);
    expect(storedDocument.content[0].attachment.url).toBe(`Patient/${patientId}`);
    expect(stored.text.div).toContain(`href="Patient/${patientId}"`);
    // Identifier.value is a string, not a link: it keeps the fullUrl.
    expect(stored.identifier[0].value).toBe(patientUrl);
  });

  it('resolves conditional references and relative references under an absolute fullUrl', async () => {
    await api.http.post('/fhir/Patient').send(patient('TX-CONDREF')).expect(201);
    const response = await post(
      api.http,
      transaction([
        { resource: observation(`Patient?identifier=${PATIENT_SYSTEM}|TX-CONDREF`), request: { method: 'POST', url: 'Observation' } },
        { fullUrl: 'http://example.org/fhir/Patient/p1', resource: patient('TX-ABS'), request: { method: 'POST', url: 'Patient' } },
        { fullUrl: 'http://example.org/fhir/Observation/o1', resource: observation('Patient/p1'), request: { method: 'POST', url: 'Observation' } },
      ]),
    ).expect(200);
    const [byCondition, absolutePatient, relative] = response.body.entry as fhir4.BundleEntry[];
    const found = (await api.http.get(`/fhir/Patient?identifier=${PATIENT_SYSTEM}|TX-CONDREF`)).body.entry[0].resource.id;
    expect((byCondition.resource as fhir4.Observation).subject!.reference).toBe(`Patient/${found}`);
    expect((relative.resource as fhir4.Observation).subject!.reference).toBe(`Patient/${absolutePatient.resource!.id}`);
  });

  it('processes DELETE, POST, PUT, GET in that order whatever the entry order', async () => {
    const doomed = (await api.http.post('/fhir/Patient').send(patient('TX-ORDER-DEL')).expect(201)).body.id;
    const response = await post(
      api.http,
      transaction([
        { request: { method: 'GET', url: `Patient?identifier=${PATIENT_SYSTEM}|TX-ORDER-NEW` } },
        { resource: { ...patient('TX-ORDER-PUT'), id: 'tx-order-put' }, request: { method: 'PUT', url: 'Patient/tx-order-put' } },
        { resource: patient('TX-ORDER-NEW'), request: { method: 'POST', url: 'Patient' } },
        { request: { method: 'GET', url: `Patient/${doomed}/_history/1` } },
        { request: { method: 'DELETE', url: `Patient/${doomed}` } },
      ]),
    ).expect(200);
    const entries = response.body.entry as fhir4.BundleEntry[];
    expect(entries.map((entry) => entry.response!.status)).toEqual(['200 OK', '201 Created', '201 Created', '200 OK', '200 OK']);
    // The search, though first in the Bundle, runs last and so finds the Patient the POST entry created.
    expect((entries[0].resource as fhir4.Bundle).total).toBe(1);
    expect(entries[3].resource!.meta!.versionId).toBe('1');
    await api.http.get(`/fhir/Patient/${doomed}`).expect(410);
  });

  it('answers GET entries with read, vread and search results', async () => {
    const id = (await api.http.post('/fhir/Patient').send(patient('TX-GET')).expect(201)).body.id;
    const response = await post(
      api.http,
      transaction([
        { request: { method: 'GET', url: `Patient/${id}` } },
        { request: { method: 'GET', url: `Patient/${id}/_history/1` } },
        { request: { method: 'GET', url: `http://fhir.test/fhir/Patient?_id=${id}` } },
      ]),
    ).expect(200);
    const [read, vread, search] = response.body.entry as fhir4.BundleEntry[];
    expect(read.resource!.id).toBe(id);
    expect(read.response!.etag).toBe('W/"1"');
    expect(vread.resource!.meta!.versionId).toBe('1');
    expect((search.resource as fhir4.Bundle).entry![0].resource!.id).toBe(id);
  });
});

describe('transaction: conditional interactions and If-Match', () => {
  it('If-None-Exist finds a stored resource (200) and two entries with the same condition create one resource', async () => {
    const existing = (await api.http.post('/fhir/Patient').send(patient('TX-INE-OLD')).expect(201)).body.id;
    const before = await countStored('Patient');
    const response = await post(
      api.http,
      transaction([
        { resource: patient('TX-INE-OLD'), request: { method: 'POST', url: 'Patient', ifNoneExist: `identifier=${PATIENT_SYSTEM}|TX-INE-OLD` } },
        { fullUrl: 'urn:uuid:a1', resource: patient('TX-INE-NEW'), request: { method: 'POST', url: 'Patient', ifNoneExist: `identifier=${PATIENT_SYSTEM}|TX-INE-NEW` } },
        { fullUrl: 'urn:uuid:a2', resource: patient('TX-INE-NEW'), request: { method: 'POST', url: 'Patient', ifNoneExist: `identifier=${PATIENT_SYSTEM}|TX-INE-NEW` } },
        { resource: observation('urn:uuid:a2'), request: { method: 'POST', url: 'Observation' } },
      ]),
    ).expect(200);
    const [old, first, second, obs] = response.body.entry as fhir4.BundleEntry[];
    expect(old.response!.status).toBe('200 OK');
    expect(old.resource!.id).toBe(existing);
    expect(first.response!.status).toBe('201 Created');
    expect(second.response!.status).toBe('200 OK');
    expect(second.response!.location).toBe(first.response!.location);
    expect((obs.resource as fhir4.Observation).subject!.reference).toBe(`Patient/${first.resource!.id}`);
    expect(await countStored('Patient')).toBe(before + 1);
  });

  it('updates and deletes by search URL', async () => {
    const target = (await api.http.post('/fhir/Patient').send(patient('TX-COND-UPD')).expect(201)).body.id;
    const deleted = (await api.http.post('/fhir/Patient').send(patient('TX-COND-DEL')).expect(201)).body.id;
    const response = await post(
      api.http,
      transaction([
        { resource: patient('TX-COND-UPD', '更新'), request: { method: 'PUT', url: `Patient?identifier=${PATIENT_SYSTEM}|TX-COND-UPD` } },
        { resource: patient('TX-COND-NEW'), request: { method: 'PUT', url: `Patient?identifier=${PATIENT_SYSTEM}|TX-COND-NEW` } },
        { request: { method: 'DELETE', url: `Patient?identifier=${PATIENT_SYSTEM}|TX-COND-DEL` } },
        { request: { method: 'DELETE', url: `Patient?identifier=${PATIENT_SYSTEM}|TX-NO-SUCH` } },
      ]),
    ).expect(200);
    const [updated, created, deletion, nothing] = response.body.entry as fhir4.BundleEntry[];
    expect(updated.response!.status).toBe('200 OK');
    expect(updated.resource!.id).toBe(target);
    expect(updated.response!.etag).toBe('W/"2"');
    expect(created.response!.status).toBe('201 Created');
    expect(deletion.response!.status).toBe('200 OK');
    expect(nothing.response!.status).toBe('204 No Content');
    await api.http.get(`/fhir/Patient/${deleted}`).expect(410);
    expect((await api.http.get(`/fhir/Patient/${target}`)).body.name[0].family).toBe('更新');
  });

  it('honours If-Match per entry: a stale version fails the whole transaction with 412', async () => {
    const id = (await api.http.post('/fhir/Patient').send(patient('TX-IFMATCH')).expect(201)).body.id;
    await api.http.put(`/fhir/Patient/${id}`).send({ ...patient('TX-IFMATCH'), id }).expect(200);
    const update = (ifMatch: string) => ({ resource: { ...patient('TX-IFMATCH'), id }, request: { method: 'PUT', url: `Patient/${id}`, ifMatch } });
    const other = { resource: patient('TX-IFMATCH-OTHER'), request: { method: 'POST', url: 'Patient' } };
    const outcome = await expectRefused(transaction([other, update('W/"1"')]), 412, 'Bundle.entry[1]');
    expect(outcome.issue[0].diagnostics).toContain('Bundle.entry[1]');
    const ok = await post(api.http, transaction([update('W/"2"')])).expect(200);
    expect(ok.body.entry[0].response.etag).toBe('W/"3"');
  });
});

describe('transaction: Prefer', () => {
  it('return=minimal leaves resources out; return=OperationOutcome puts an outcome in each response', async () => {
    const minimal = await post(api.http, transaction([{ resource: patient('TX-MIN'), request: { method: 'POST', url: 'Patient' } }]), 'return=minimal').expect(200);
    expect(minimal.body.entry[0].resource).toBeUndefined();
    expect(minimal.body.entry[0].response.location).toMatch(/\/Patient\/.+\/_history\/1$/);
    const outcome = await post(api.http, transaction([{ resource: patient('TX-OO'), request: { method: 'POST', url: 'Patient' } }]), 'return=OperationOutcome').expect(200);
    expect(outcome.body.entry[0].resource).toBeUndefined();
    expect(outcome.body.entry[0].response.outcome.resourceType).toBe('OperationOutcome');
  });
});

describe('transaction: all or nothing, bad input', () => {
  const good = { resource: patient('TX-BAD-GOOD'), request: { method: 'POST', url: 'Patient' } };

  it('rolls back every entry when a later one fails, naming it', async () => {
    const outcome = await expectRefused(
      transaction([good, good, { resource: { ...patient('X'), id: 'a' }, request: { method: 'PUT', url: 'Patient/b' } }]),
      400,
      'Bundle.entry[2]',
    );
    expect(outcome.issue[0].diagnostics).toMatch(/^Bundle\.entry\[2\] \(PUT Patient\/b\)/);
  });

  it('fails when a GET entry fails (404), undoing the writes', async () => {
    await expectRefused(transaction([good, { request: { method: 'GET', url: 'Patient/no-such-patient' } }]), 404, 'Bundle.entry[1]');
  });

  it('refuses malformed Bundles with a clear 4xx and stores nothing', async () => {
    await expectRefused({ resourceType: 'Patient' }, 400, 'Bundle');
    await expectRefused({ resourceType: 'Bundle', type: 'collection', entry: [good] }, 400, 'Bundle.type');
    await expectRefused(transaction([good, { resource: patient('X') }]), 400, 'Bundle.entry[1].request');
    await expectRefused(transaction([good, { resource: patient('X'), request: { method: 'FETCH', url: 'Patient' } }]), 400, 'Bundle.entry[1].request.method');
    await expectRefused(transaction([good, { resource: patient('X'), request: { method: 'POST', url: 'http://elsewhere.example/fhir/Patient' } }]), 400, 'Bundle.entry[1].request.url');
    await expectRefused(transaction([good, { resource: patient('X'), request: { method: 'POST', url: 'NoSuchType' } }]), 404, 'Bundle.entry[1]');
    await expectRefused(transaction([good, { request: { method: 'POST', url: 'Patient' } }]), 400, 'Bundle.entry[1]');
    await expectRefused(transaction([good, { resource: patient('X'), request: { method: 'PATCH', url: 'Patient/x' } }]), 405, 'Bundle.entry[1]');
  });

  it('refuses duplicate fullUrls, unresolvable urn references and one resource written twice', async () => {
    await expectRefused(
      transaction([
        { ...good, fullUrl: 'urn:uuid:dup' },
        { ...good, fullUrl: 'urn:uuid:dup' },
      ]),
      400,
      'Bundle.entry[1].fullUrl',
    );
    const outcome = await expectRefused(
      transaction([good, { resource: observation('urn:uuid:not-in-bundle'), request: { method: 'POST', url: 'Observation' } }]),
      400,
      'Bundle.entry[1].resource.subject.reference',
    );
    expect(outcome.issue[0].diagnostics).toContain('urn:uuid:not-in-bundle');
    const twice = { resource: { ...patient('X'), id: 'tx-twice' }, request: { method: 'PUT', url: 'Patient/tx-twice' } };
    await expectRefused(transaction([twice, twice]), 400, 'Bundle.entry[1]');
  });

  it('refuses more entries than MAX_BUNDLE_ENTRIES (413)', async () => {
    process.env.MAX_BUNDLE_ENTRIES = '3';
    try {
      await expectRefused(transaction([good, good, good, good]), 413, 'Bundle.entry');
      await post(api.http, transaction([good, good, good])).expect(200);
    } finally {
      delete process.env.MAX_BUNDLE_ENTRIES;
    }
  });

  it('refuses a body over the configured size limit (413)', async () => {
    const small = await startTestRuntime({ bodyLimit: 2_000 });
    try {
      await small.app.ready();
      const big = transaction(Array.from({ length: 20 }, () => good));
      await request(small.app.server).post('/fhir').set('content-type', FHIR_JSON).send(big).expect(413);
      const { rows } = await small.db.query<{ n: number }>('SELECT count(*)::int AS n FROM resource');
      expect(rows[0].n).toBe(0);
    } finally {
      await small.close();
    }
  });
});
