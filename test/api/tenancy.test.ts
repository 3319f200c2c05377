import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, generateAdmissions } from '../../src/registry/synthetic/index.js';
import { ClientRegistry, type ClientRole } from '../../src/security/clients.js';
import { startTestRuntime, type TestRuntime } from '../support/runtime.js';

/*
 * Cross-tenant tests (issue #9): two hospitals submit discharge summaries; hospital A must get none of hospital B's
 * resources through any read, search, include, chain, _has, history, conditional write or export path. Registry
 * staff see both; researchers get de-identified export only; administrators the audit trail only.
 */

process.env.EXPORT_DIR = mkdtempSync(join(tmpdir(), 'export-tenancy-'));
process.env.EXPORT_PSEUDONYM_KEY = 'tenancy-test-key';

const ORIGIN = 'http://fhir.test';
const TOKEN_URL = `${ORIGIN}/auth/token`;
const ASYNC = { Prefer: 'respond-async', Accept: 'application/fhir+json' };
const INSURANCE_SYSTEM = 'http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID';

let runtime: TestRuntime;
let http: ReturnType<typeof request>;
const tokens: Record<string, string> = {};

// Generated discharge summaries of two of three hospitals (every registration carries an insurance identifier).
const admissions = [...generateAdmissions({ ...DEFAULT_OPTIONS, admissions: 12, hospitals: 3, readmissionShare: 0, insuranceShare: 1, seed: 'tenancy' })];
const codes = [...new Set(admissions.map((admission) => admission.truth.hospitalCode))].sort();
const [CODE_A, CODE_B] = codes;
const documentsOf = (code: string) => admissions.filter((admission) => admission.truth.hospitalCode === code).slice(0, 2).map((admission) => admission.bundle);

async function registerClient(registry: ClientRegistry, clientId: string, role: ClientRole, scopes: string[], hospitalCode?: string): Promise<void> {
  const { privateKey, publicKey } = await generateKeyPair('ES384');
  const jwk = { ...(await exportJWK(publicKey)), alg: 'ES384', kid: randomUUID() };
  await registry.register({ clientId, name: clientId, role, ...(hospitalCode ? { hospitalCode } : {}), jwks: { keys: [jwk] }, scopes });
  tokens[clientId] = await token(clientId, privateKey, scopes.join(' '));
}

async function token(clientId: string, key: CryptoKey, scope: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const assertion = await new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: 'ES384', typ: 'JWT' })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(TOKEN_URL)
    .setIssuedAt(now)
    .setExpirationTime(now + 240)
    .sign(key);
  const response = await http
    .post('/auth/token')
    .type('form')
    .send({ grant_type: 'client_credentials', scope, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion })
    .expect(200);
  return response.body.access_token;
}

const as = (client: string) => ({ Authorization: `Bearer ${tokens[client]}`, Accept: 'application/fhir+json' });
/** Request headers of hospital A, hospital B and registry staff (set once their tokens exist). */
let A: Record<string, string>;
let B: Record<string, string>;
let STAFF: Record<string, string>;

/** `Type/id` of every resource stored for a hospital (straight from the table, as the ground truth). */
async function storedKeys(code: string): Promise<Set<string>> {
  const { rows } = await runtime.db.query<{ type: string; id: string }>('SELECT type, id FROM resource WHERE hospital_code = $1', [code]);
  return new Set(rows.map((row) => `${row.type}/${row.id}`));
}

/** `Type/id` of the resources in a Bundle's entries (resource ids, not fullUrls). */
function entryKeys(bundle: fhir4.Bundle): string[] {
  return (bundle.entry ?? []).flatMap((entry) => (entry.resource?.id ? [`${entry.resource.resourceType}/${entry.resource.id}`] : []));
}

async function get(path: string, headers: Record<string, string>, status = 200): Promise<fhir4.Bundle> {
  const response = await http.get(path).set(headers);
  expect(response.status, `${path}: ${response.text.slice(0, 300)}`).toBe(status);
  return response.body;
}

/** B's resources that appear in a Bundle A was given: must be none. */
function leaked(bundle: fhir4.Bundle): string[] {
  return entryKeys(bundle).filter((key) => keysB.has(key));
}

let keysA: Set<string>;
let keysB: Set<string>;
let patientA: fhir4.Patient;
let patientB: fhir4.Patient;
/** Hospital A's own Observation that (maliciously or by mistake) points at B's patient. */
let probeA: string;
/** Hospital B's Observation that points at A's patient. */
let probeB: string;

beforeAll(async () => {
  runtime = await startTestRuntime({ authEnabled: true, publicBaseUrl: ORIGIN });
  await runtime.app.ready();
  http = request(runtime.app.server);
  const registry = new ClientRegistry(runtime.db);
  await registerClient(registry, 'hospital-a', 'hospital', ['system/*.cruds'], CODE_A);
  await registerClient(registry, 'hospital-b', 'hospital', ['system/*.cruds'], CODE_B);
  await registerClient(registry, 'staff', 'registry-staff', ['system/*.cruds']);
  await registerClient(registry, 'researcher', 'researcher', ['system/*.rs']);
  await registerClient(registry, 'admin', 'administrator', ['system/*.rs']);
  [A, B, STAFF] = [as('hospital-a'), as('hospital-b'), as('staff')];

  for (const bundle of documentsOf(CODE_A)) await http.post('/fhir/Bundle').set(A).send(bundle).expect(201);
  for (const bundle of documentsOf(CODE_B)) await http.post('/fhir/Bundle').set(B).send(bundle).expect(201);
  const patients = async (headers: Record<string, string>) => (await get('/fhir/Patient?_count=100', headers)).entry!.map((entry) => entry.resource as fhir4.Patient);
  [patientA] = await patients(A);
  [patientB] = await patients(B);
  const observation = (subject: string): fhir4.Observation => ({
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
    subject: { reference: subject },
  });
  probeA = (await http.post('/fhir/Observation').set(A).send(observation(`Patient/${patientB.id}`)).expect(201)).body.id;
  probeB = (await http.post('/fhir/Observation').set(B).send(observation(`Patient/${patientA.id}`)).expect(201)).body.id;
  keysA = await storedKeys(CODE_A);
  keysB = await storedKeys(CODE_B);
}, 120_000);
afterAll(async () => runtime?.close());

describe('tenancy at write time', () => {
  it('stamps every resource of a document (and a hospital client create) with the hospital', async () => {
    expect(CODE_A).not.toBe(CODE_B);
    expect(keysA.has(`Patient/${patientA.id}`) && keysA.has(`Observation/${probeA}`)).toBe(true);
    expect(keysB.has(`Patient/${patientB.id}`) && keysB.has(`Observation/${probeB}`)).toBe(true);
    const untenanted = await runtime.db.query<{ n: number }>('SELECT count(*)::int AS n FROM resource WHERE hospital_code IS NULL');
    expect(untenanted.rows[0].n).toBe(0);
    const versions = await runtime.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM resource_version v JOIN resource r USING (rid) WHERE v.hospital_code IS DISTINCT FROM r.hospital_code',
    );
    expect(versions.rows[0].n).toBe(0);
  });

  it("refuses a hospital's submission of another hospital's document with 403, storing nothing", async () => {
    const [bundle] = admissions.filter((admission) => admission.truth.hospitalCode === CODE_B).slice(2).map((admission) => admission.bundle);
    const before = await runtime.db.query<{ n: number }>('SELECT count(*)::int AS n FROM resource');
    const response = await http.post('/fhir/Bundle').set(A).send(bundle).expect(403);
    expect(response.body.issue[0].diagnostics).toContain(CODE_B);
    const after = await runtime.db.query<{ n: number }>('SELECT count(*)::int AS n FROM resource');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it("refuses updating or deleting another hospital's resource with 403 and leaves it unchanged", async () => {
    await http.put(`/fhir/Patient/${patientB.id}`).set(A).send({ ...patientB, gender: 'other' }).expect(403);
    await http.delete(`/fhir/Patient/${patientB.id}`).set(A).expect(403);
    const unchanged = await get(`/fhir/Patient/${patientB.id}`, B);
    expect((unchanged as unknown as fhir4.Patient).meta?.versionId).toBe(patientB.meta?.versionId);
  });
});

describe("hospital A gets none of hospital B's resources", () => {
  it('read and vread: 404 for every one of B’s resources (existence does not leak)', async () => {
    for (const key of keysB) {
      await get(`/fhir/${key}`, A, 404);
      await get(`/fhir/${key}/_history/1`, A, 404);
    }
    await get(`/fhir/Patient/${patientB.id}`, B, 200);
  });

  it('type search (GET and POST _search) of every stored type', async () => {
    const types = new Set([...keysA, ...keysB].map((key) => key.split('/')[0]));
    for (const type of types) {
      const found = await get(`/fhir/${type}?_count=1000`, A);
      expect(leaked(found), type).toEqual([]);
      expect(found.total, type).toBe([...keysA].filter((key) => key.startsWith(`${type}/`)).length);
    }
    const posted = await http.post('/fhir/Observation/_search').set(A).type('form').send('_count=1000').expect(200);
    expect(leaked(posted.body)).toEqual([]);
    expect(posted.body.total).toBeGreaterThan(0);
  });

  it('system search, with and without _type', async () => {
    const all = await get('/fhir?_count=1000', A);
    expect(leaked(all)).toEqual([]);
    expect(all.total).toBe(keysA.size);
    expect(leaked(await get('/fhir?_type=Patient,Observation,Encounter&_count=1000', A))).toEqual([]);
    expect(leaked((await http.post('/fhir/_search').set(A).type('form').send('_type=Patient&_count=1000').expect(200)).body)).toEqual([]);
  });

  it("compartment search of B's patient holds only A's own probe; of A's patient it is A's data", async () => {
    expect(entryKeys(await get(`/fhir/Patient/${patientB.id}/Observation`, A))).toEqual([`Observation/${probeA}`]);
    expect((await get(`/fhir/Patient/${patientB.id}/Patient`, A)).total).toBe(0);
    expect((await get(`/fhir/Patient/${patientA.id}/Observation`, A)).total).toBeGreaterThan(0);
  });

  it("_include (plain, :iterate and *) does not follow A's reference into B's patient", async () => {
    for (const include of ['_include=Observation:subject', '_include=*', '_include:iterate=Observation:subject']) {
      const found = await get(`/fhir/Observation?_id=${probeA}&${include}`, A);
      expect(entryKeys(found), include).toEqual([`Observation/${probeA}`]);
    }
    const staff = await get(`/fhir/Observation?_id=${probeA}&_include=Observation:subject`, STAFF);
    expect(entryKeys(staff)).toContain(`Patient/${patientB.id}`);
  });

  it("_revinclude (plain and *) does not bring B's Observation about A's patient", async () => {
    for (const revinclude of ['_revinclude=Observation:subject', '_revinclude=*', '_revinclude:iterate=Observation:subject']) {
      const found = await get(`/fhir/Patient?_id=${patientA.id}&${revinclude}`, A);
      expect(leaked(found), revinclude).toEqual([]);
      // A's own Observations about its patient are included.
      expect(entryKeys(found).some((key) => key.startsWith('Observation/')), revinclude).toBe(true);
    }
    const staff = await get(`/fhir/Patient?_id=${patientA.id}&_revinclude=Observation:subject`, STAFF);
    expect(entryKeys(staff)).toContain(`Observation/${probeB}`);
  });

  it("chains cannot test B's resources (Observation?subject.identifier=<B's patient identifier>)", async () => {
    const identifier = patientB.identifier!.find((one) => one.system !== INSURANCE_SYSTEM)!;
    const query = `subject.identifier=${encodeURIComponent(`${identifier.system}|${identifier.value}`)}`;
    expect((await get(`/fhir/Observation?${query}`, A)).total).toBe(0);
    expect((await get(`/fhir/Observation?subject:Patient._id=${patientB.id}`, A)).total).toBe(0);
    // Registry staff see A's probe through the same chain, so the chain itself works.
    expect(entryKeys(await get(`/fhir/Observation?${query}&_count=1000`, STAFF))).toContain(`Observation/${probeA}`);
  });

  it("_has cannot test B's resources", async () => {
    expect((await get(`/fhir/Patient?_has:Observation:subject:_id=${probeB}`, A)).total).toBe(0);
    expect(entryKeys(await get(`/fhir/Patient?_has:Observation:subject:_id=${probeB}`, STAFF))).toEqual([`Patient/${patientA.id}`]);
  });

  it('index-only searches (a plain parameter, its count, a sorted page, _has through one) hold only A\'s index rows', async () => {
    // What registry staff find, cut to A's resources, is what A must find.
    const ofA = (bundle: fhir4.Bundle) => entryKeys(bundle).filter((key) => keysA.has(key));
    const queries = ['Observation?code=http://loinc.org|8867-4', 'Observation?code=http://loinc.org|8867-4&_sort=-date', 'Observation?code=http://loinc.org|8867-4&_sort=-_lastUpdated', 'Condition?_sort=code'];
    for (const query of queries) {
      const staff = await get(`/fhir/${query}&_count=1000`, STAFF);
      const found = await get(`/fhir/${query}&_count=1000`, A);
      expect(entryKeys(found), query).toEqual(ofA(staff));
      expect(found.total, query).toBe(ofA(staff).length);
      expect((await get(`/fhir/${query}&_summary=count`, A)).total, query).toBe(ofA(staff).length);
    }
    expect(leaked(await get('/fhir/Observation?code=http://loinc.org|8867-4&_sort=-date&_count=1', A))).toEqual([]);
    // B's Observation about A's patient, with a code no other resource has: A's _has must not see it.
    const code = 'urn:test:tenancy|b-only';
    await http
      .post('/fhir/Observation')
      .set(B)
      .send({ resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'urn:test:tenancy', code: 'b-only' }] }, subject: { reference: `Patient/${patientA.id}` } })
      .expect(201);
    expect((await get(`/fhir/Patient?_has:Observation:subject:code=${code}`, A)).total).toBe(0);
    expect(entryKeys(await get(`/fhir/Patient?_has:Observation:subject:code=${code}`, STAFF))).toEqual([`Patient/${patientA.id}`]);
  });

  it('history: instance (404), type and system', async () => {
    await get(`/fhir/Patient/${patientB.id}/_history`, A, 404);
    const type = await get('/fhir/Patient/_history?_count=1000', A);
    expect(leaked(type)).toEqual([]);
    expect(type.entry!.length).toBeGreaterThan(0);
    const system = await get('/fhir/_history?_count=1000', A);
    expect(leaked(system)).toEqual([]);
    const versionsA = await runtime.db.query<{ n: number }>('SELECT count(*)::int AS n FROM resource_version WHERE hospital_code = $1', [CODE_A]);
    expect(system.entry!.length).toBe(versionsA.rows[0].n);
  });

  it("conditional create, update and delete in a transaction never match B's resources", async () => {
    const identifier = patientB.identifier!.find((one) => one.system !== INSURANCE_SYSTEM)!;
    const criteria = `identifier=${encodeURIComponent(`${identifier.system}|${identifier.value}`)}`;
    const transaction: fhir4.Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:1d0a6b0e-0000-4000-8000-000000000001', resource: { resourceType: 'Patient', identifier: [identifier], gender: 'male' } as fhir4.Patient, request: { method: 'POST', url: 'Patient', ifNoneExist: criteria } },
        { resource: { resourceType: 'Condition', subject: { reference: `Patient/${patientA.id}` }, identifier: [{ system: 'urn:test', value: 'c1' }] } as fhir4.Condition, request: { method: 'PUT', url: `Condition?subject=Patient/${patientB.id}` } },
        { request: { method: 'DELETE', url: `Observation?subject=Patient/${patientA.id}&_id=${probeB}` } },
      ],
    };
    const response = await http.post('/fhir').set(A).send(transaction);
    expect(response.status, response.text.slice(0, 500)).toBe(200);
    const results = response.body.entry as fhir4.BundleEntry[];
    expect(results[0].response!.status).toMatch(/^201/);
    expect(results[1].response!.status).toMatch(/^201/);
    expect(results[2].response!.status).toMatch(/^204/);
    const created = /Patient\/([^/]+)/.exec(results[0].response!.location!)![1];
    expect(created).not.toBe(patientB.id);
    // B's resources are untouched: the probe still exists, B's patient is at its version.
    await get(`/fhir/Observation/${probeB}`, B, 200);
    const conditionsOfB = await get(`/fhir/Condition?subject=Patient/${patientB.id}`, B);
    expect(entryKeys(conditionsOfB).every((key) => keysB.has(key))).toBe(true);
    // Stored as A's.
    expect((await storedKeys(CODE_A)).has(`Patient/${created}`)).toBe(true);
  });

  it("a conditional reference never resolves to B's patient (412: no match)", async () => {
    const criteria = `_id=${patientB.id}`;
    const transaction: fhir4.Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ resource: { resourceType: 'Encounter', status: 'finished', class: { code: 'IMP' }, subject: { reference: `Patient?${criteria}` } } as fhir4.Encounter, request: { method: 'POST', url: 'Encounter' } }],
    };
    const response = await http.post('/fhir').set(A).send(transaction).expect(412);
    expect(response.body.issue[0].diagnostics).toMatch(/matches no Patient/);
  });

  it("document ingest never de-duplicates A's Patient to B's (same insurance identifier)", async () => {
    const insurance = patientA.identifier!.find((one) => one.system === INSURANCE_SYSTEM)!;
    const [bundle] = admissions.filter((admission) => admission.truth.hospitalCode === CODE_B).slice(2).map((admission) => structuredClone(admission.bundle));
    const patientEntry = bundle.entry!.find((entry) => entry.resource?.resourceType === 'Patient')!;
    const patient = patientEntry.resource as fhir4.Patient;
    patient.identifier = [...patient.identifier!.filter((one) => one.system !== INSURANCE_SYSTEM), insurance];
    await http.post('/fhir/Bundle').set(B).send(bundle).expect(201);
    const { rows } = await runtime.db.query<{ id: string; hospital_code: string }>(
      `SELECT r.id, r.hospital_code FROM resource r JOIN search_token t ON t.rid = r.rid
        WHERE r.type = 'Patient' AND t.param = 'identifier' AND t.system = $1 AND t.value = $2 ORDER BY r.hospital_code`,
      [insurance.system, insurance.value],
    );
    expect(rows.map((row) => row.hospital_code).sort()).toEqual([CODE_A, CODE_B]);
    expect(rows.find((row) => row.hospital_code === CODE_A)!.id).toBe(patientA.id);
    expect(rows.find((row) => row.hospital_code === CODE_B)!.id).not.toBe(patientA.id);
  });
});

interface Manifest {
  output: { type: string; url: string; count: number }[];
}

async function exportAs(headers: Record<string, string>, path: string): Promise<{ statusPath: string; resources: fhir4.Resource[] }> {
  const kickOff = await http.get(`/fhir${path}`).set({ ...headers, ...ASYNC });
  expect(kickOff.status, kickOff.text.slice(0, 300)).toBe(202);
  const statusPath = new URL(kickOff.headers['content-location']).pathname;
  for (let attempt = 0; attempt < 400; attempt++) {
    const status = await http.get(statusPath).set(headers);
    if (status.status === 200) {
      const manifest = JSON.parse(status.text) as Manifest;
      const resources: fhir4.Resource[] = [];
      for (const output of manifest.output) {
        const file = await http.get(new URL(output.url).pathname).set(headers).buffer(true).parse((response, done) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          response.on('end', () => done(null, text));
        });
        expect(file.status).toBe(200);
        resources.push(...(file.body as string).split('\n').filter(Boolean).map((line) => JSON.parse(line) as fhir4.Resource));
      }
      return { statusPath, resources };
    }
    expect(status.status, status.text.slice(0, 300)).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${path} did not complete`);
}

const keysOf = (resources: fhir4.Resource[]) => resources.map((resource) => `${resource.resourceType}/${resource.id}`);

describe('Bulk $export is limited to the caller’s hospital', () => {
  it("system level: all of A's resources, none of B's", async () => {
    const { statusPath, resources } = await exportAs(A, '/$export');
    expect(keysOf(resources).filter((key) => keysB.has(key))).toEqual([]);
    expect(keysOf(resources)).toEqual(expect.arrayContaining([...keysA]));
    // Another client cannot poll the job (404, as for an unknown job).
    await http.get(statusPath).set(B).expect(404);
    // The scope is stored with the job, so a run resumed after a restart reads through it too.
    const { rows } = await runtime.db.query<{ parameters: { readScope: { kind: string; hospitalCode: string }; owner: string } }>(
      'SELECT parameters FROM export_job WHERE id = $1',
      [statusPath.split('/').pop()],
    );
    const stored = typeof rows[0].parameters === 'string' ? JSON.parse(rows[0].parameters) : rows[0].parameters;
    expect([stored.readScope.kind, stored.readScope.hospitalCode, stored.owner]).toEqual(['hospital', CODE_A, 'hospital-a']);
  });

  it('Patient level, with a _typeFilter', async () => {
    const { resources } = await exportAs(A, '/Patient/$export');
    expect(keysOf(resources).filter((key) => keysB.has(key))).toEqual([]);
    expect(keysOf(resources)).toContain(`Patient/${patientA.id}`);
    const filtered = await exportAs(A, `/Patient/$export?_type=Observation&_typeFilter=${encodeURIComponent('Observation?code=8867-4')}`);
    expect(keysOf(filtered.resources)).toContain(`Observation/${probeA}`);
    expect(keysOf(filtered.resources).filter((key) => !keysA.has(key))).toEqual([]);
  });

  it("Group level: a Group naming B's patient exports only A's data; B's Groups are 404", async () => {
    const group: fhir4.Group = { resourceType: 'Group', type: 'person', actual: true, member: [{ entity: { reference: `Patient/${patientA.id}` } }, { entity: { reference: `Patient/${patientB.id}` } }] };
    const groupA = (await http.post('/fhir/Group').set(A).send(group).expect(201)).body.id;
    const groupB = (await http.post('/fhir/Group').set(B).send(group).expect(201)).body.id;
    const { resources } = await exportAs(A, `/Group/${groupA}/$export`);
    expect(keysOf(resources).filter((key) => keysB.has(key))).toEqual([]);
    expect(keysOf(resources)).toContain(`Patient/${patientA.id}`);
    await http.get(`/fhir/Group/${groupB}/$export`).set({ ...A, ...ASYNC }).expect(404);
  });
});

describe('registry-level resources (no tenant)', () => {
  it('hospitals read shared types (Measure) but not registry-level patient data (a cohort Group), and change neither', async () => {
    const measure = { resourceType: 'Measure', id: 'registry-shared', status: 'active', name: 'RegistryShared' };
    await http.put('/fhir/Measure/registry-shared').set(STAFF).send(measure).expect(201);
    const cohort = { resourceType: 'Group', type: 'person', actual: true, member: [{ entity: { reference: `Patient/${patientA.id}` } }] };
    const groupId = (await http.post('/fhir/Group').set(STAFF).send(cohort).expect(201)).body.id;
    const { rows } = await runtime.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM resource WHERE id = ANY($1) AND hospital_code IS NULL`, [['registry-shared', groupId]]);
    expect(rows[0].n).toBe(2);

    await get('/fhir/Measure/registry-shared', A, 200);
    expect(entryKeys(await get('/fhir/Measure?_count=100', A))).toContain('Measure/registry-shared');
    await get(`/fhir/Group/${groupId}`, A, 404);
    await http.put('/fhir/Measure/registry-shared').set(A).send({ ...measure, name: 'Changed' }).expect(403);
    expect(((await get('/fhir/Measure/registry-shared', STAFF)) as unknown as fhir4.Measure).name).toBe('RegistryShared');
  });
});

describe('roles', () => {
  it('registry staff read and search both hospitals', async () => {
    await get(`/fhir/Patient/${patientA.id}`, STAFF, 200);
    await get(`/fhir/Patient/${patientB.id}`, STAFF, 200);
    const all = await get('/fhir?_count=1000', STAFF);
    expect(entryKeys(all)).toEqual(expect.arrayContaining([...keysA, ...keysB]));
  });

  it('researchers: 403 on identifiable reads, searches, history and plain export; de-identified export works', async () => {
    const researcher = as('researcher');
    await get(`/fhir/Patient/${patientA.id}`, researcher, 403);
    await get('/fhir/Patient', researcher, 403);
    await get('/fhir?_type=Patient', researcher, 403);
    await get('/fhir/_history', researcher, 403);
    const batch = { resourceType: 'Bundle', type: 'batch', entry: [{ request: { method: 'GET', url: 'Patient' } }] };
    const batchResponse = await http.post('/fhir').set(researcher).send(batch).expect(200);
    expect(batchResponse.body.entry[0].response.status).toMatch(/^403/);
    await http.get('/fhir/$export').set({ ...researcher, ...ASYNC }).expect(403);
    const { resources } = await exportAs(researcher, '/$export?_deidentify=true&_type=Patient,Observation');
    expect(resources.length).toBeGreaterThan(0);
    const rawIds = new Set([...keysA, ...keysB]);
    expect(keysOf(resources).filter((key) => rawIds.has(key))).toEqual([]);
  });

  it('administrators: no clinical data, but the audit trail; hospitals: not the audit trail', async () => {
    const admin = as('admin');
    await get(`/fhir/Patient/${patientA.id}`, admin, 403);
    await get('/fhir/Observation', admin, 403);
    await http.get('/fhir/$export').set({ ...admin, ...ASYNC }).expect(403);
    const audit = await get('/fhir/AuditEvent?_count=5', admin, 200);
    expect(audit.resourceType).toBe('Bundle');
    await get('/fhir/AuditEvent', A, 403);
  });
});
