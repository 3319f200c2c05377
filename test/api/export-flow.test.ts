import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../support/runtime.js';

// Small files, so that one type's output is split; the export service reads these when it starts.
const exportDir = mkdtempSync(join(tmpdir(), 'export-flow-'));
process.env.EXPORT_DIR = exportDir;
process.env.EXPORT_FILE_BYTES = '4096';
process.env.EXPORT_MAX_JOBS = '2';

let runtime: TestRuntime;
let http: ReturnType<typeof request>;
const BASE = 'http://fhir.test/fhir';
const ASYNC = { Prefer: 'respond-async', Accept: 'application/fhir+json' };

const patient = (id: string, family: string): fhir4.Patient => ({ resourceType: 'Patient', id, name: [{ family }], gender: 'female', birthDate: '1950-01-01' });
const observation = (id: string, patientId: string, code: string): fhir4.Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code }] },
  subject: { reference: `Patient/${patientId}` },
  valueQuantity: { value: 120, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
});

interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
  error: unknown[];
}

async function kickOff(path: string, query = ''): Promise<string> {
  const response = await http.get(`/fhir${path}${query}`).set(ASYNC).expect(202);
  expect(response.headers['content-location']).toMatch(new RegExp(`^${BASE.replace(/\$/g, '\\$')}/\\$export-status/`));
  return response.headers['content-location'].slice('http://fhir.test'.length);
}

async function completed(statusPath: string): Promise<Manifest> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const response = await http.get(statusPath);
    if (response.status === 200) {
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      return JSON.parse(response.text) as Manifest;
    }
    expect(response.status).toBe(202);
    expect(response.headers['retry-after']).toBeTruthy();
    expect(response.headers['x-progress']).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${statusPath} did not complete`);
}

async function download(manifest: Manifest): Promise<Map<string, fhir4.Resource[]>> {
  const byType = new Map<string, fhir4.Resource[]>();
  for (const output of manifest.output) {
    const response = await http.get(output.url.slice('http://fhir.test'.length)).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => done(null, text));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+ndjson/);
    const lines = (response.body as string).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(output.count);
    const resources = lines.map((line) => JSON.parse(line) as fhir4.Resource);
    for (const resource of resources) expect(resource.resourceType).toBe(output.type);
    byType.set(output.type, [...(byType.get(output.type) ?? []), ...resources]);
  }
  return byType;
}

const ids = (resources: fhir4.Resource[] | undefined) => (resources ?? []).map((resource) => resource.id).sort();

beforeAll(async () => {
  runtime = await startTestRuntime();
  await runtime.app.ready();
  http = request(runtime.app.server);
  const store = runtime.context.store;
  for (let n = 1; n <= 3; n++) await store.put(patient(`p${n}`, `Family${n}`), `p${n}`);
  for (let n = 1; n <= 40; n++) await store.put(observation(`o${n}`, `p${(n % 3) + 1}`, n % 2 ? '8480-6' : '8462-4'), `o${n}`);
  await store.put({ resourceType: 'Organization', id: 'org1', name: 'Registry Hospital' } as fhir4.Organization, 'org1');
  await store.put({ resourceType: 'Group', id: 'g1', type: 'person', actual: true, member: [{ entity: { reference: 'Patient/p1' } }, { entity: { reference: 'Patient/p2' } }] } as fhir4.Group, 'g1');
});
afterAll(async () => runtime?.close());

describe('$export kick-off', () => {
  it('refuses requests without Prefer: respond-async and bad parameters with an OperationOutcome', async () => {
    const refused = await http.get('/fhir/$export').set('Accept', 'application/fhir+json').expect(400);
    expect(refused.body.resourceType).toBe('OperationOutcome');
    for (const query of ['?_outputFormat=text/csv', '?_since=yesterday', '?_type=Nonsense', '?_unknown=1', '?_typeFilter=Observation', '?patient=Patient/p1']) {
      const response = await http.get(`/fhir/$export${query}`).set(ASYNC);
      expect(response.status, query).toBe(400);
      expect(response.body.resourceType).toBe('OperationOutcome');
    }
    await http.get('/fhir/Patient/$export?_type=Organization').set(ASYNC).expect(400);
    await http.get('/fhir/Group/nope/$export').set(ASYNC).expect(404);
  });

  it('accepts every listed _outputFormat', async () => {
    for (const format of ['application/fhir+ndjson', 'application/ndjson', 'ndjson']) {
      await completed(await kickOff('/$export', `?_type=Organization&_outputFormat=${encodeURIComponent(format)}`));
    }
  });

  it('answers 429 with Retry-After when the configured number of jobs runs', async () => {
    // Two jobs that look running to the service (no process runs them); removed again below.
    for (const id of ['busy-1', 'busy-2']) {
      await runtime.db.query(
        `INSERT INTO export_job (id, status, request_url, parameters, transaction_time) VALUES ($1, 'running', 'x', '{}'::jsonb, now())`,
        [id],
      );
    }
    try {
      const response = await http.get('/fhir/$export').set(ASYNC).expect(429);
      expect(response.headers['retry-after']).toBeTruthy();
      expect(response.body.resourceType).toBe('OperationOutcome');
    } finally {
      await runtime.db.query("DELETE FROM export_job WHERE id LIKE 'busy-%'");
    }
  });
});

describe('$export cycle', () => {
  it('kicks off, polls, and serves the manifest and NDJSON files split by size', async () => {
    const manifest = await completed(await kickOff('/$export'));
    expect(manifest.requiresAccessToken).toBe(false);
    expect(manifest.request).toBe(`${BASE}/$export`);
    expect(Date.parse(manifest.transactionTime)).not.toBeNaN();
    expect(manifest.error).toEqual([]);
    const observationFiles = manifest.output.filter((output) => output.type === 'Observation');
    expect(observationFiles.length).toBeGreaterThan(1);
    const exported = await download(manifest);
    expect(ids(exported.get('Patient'))).toEqual(['p1', 'p2', 'p3']);
    expect(exported.get('Observation')).toHaveLength(40);
    expect(ids(exported.get('Organization'))).toEqual(['org1']);
    // Stored JSON as written: resourceType first, meta stamped by the store.
    expect(Object.keys(exported.get('Patient')![0]).slice(0, 3)).toEqual(['resourceType', 'id', 'meta']);
  });

  it('exports only _type types, and only changes after _since', async () => {
    const typed = await download(await completed(await kickOff('/$export', '?_type=Patient,Organization')));
    expect([...typed.keys()].sort()).toEqual(['Organization', 'Patient']);

    await new Promise((resolve) => setTimeout(resolve, 20));
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await runtime.context.store.put({ ...patient('p2', 'Changed'), gender: 'male' } as fhir4.Patient, 'p2');
    const changed = await download(await completed(await kickOff('/$export', `?_since=${encodeURIComponent(since)}`)));
    expect([...changed.keys()]).toEqual(['Patient']);
    expect(ids(changed.get('Patient'))).toEqual(['p2']);
  });

  it('applies _typeFilter through the search engine and _elements to the output', async () => {
    const filtered = await download(
      await completed(await kickOff('/$export', `?_type=Observation,Patient&_typeFilter=${encodeURIComponent('Observation?code=8480-6')}&_elements=Observation.status`)),
    );
    const observations = filtered.get('Observation')!;
    expect(observations).toHaveLength(20);
    for (const exported of observations as fhir4.Observation[]) {
      expect(exported.code).toBeUndefined();
      expect(exported.status).toBe('final');
      expect(exported.meta?.tag?.some((tag) => tag.code === 'SUBSETTED')).toBe(true);
    }
    expect(filtered.get('Patient')).toHaveLength(3);
  });

  it('exports Patient compartments at patient level, for `patient`, and for a Group', async () => {
    const all = await download(await completed(await kickOff('/Patient/$export')));
    // Group is in the Patient compartment too (Group.member).
    expect([...all.keys()].sort()).toEqual(['Group', 'Observation', 'Patient']);
    expect(all.get('Observation')).toHaveLength(40);

    const posted = await http
      .post('/fhir/Patient/$export')
      .set(ASYNC)
      .send({ resourceType: 'Parameters', parameter: [{ name: 'patient', valueReference: { reference: 'Patient/p1' } }] })
      .expect(202);
    const one = await download(await completed(posted.headers['content-location'].slice('http://fhir.test'.length)));
    expect(ids(one.get('Patient'))).toEqual(['p1']);
    expect((one.get('Observation') as fhir4.Observation[]).every((o) => o.subject?.reference === 'Patient/p1')).toBe(true);

    const group = await download(await completed(await kickOff('/Group/g1/$export')));
    expect(ids(group.get('Patient'))).toEqual(['p1', 'p2']);
    expect((group.get('Observation') as fhir4.Observation[]).every((o) => ['Patient/p1', 'Patient/p2'].includes(o.subject!.reference!))).toBe(true);
    expect(group.get('Observation')!.length).toBe(27);
  });

  it('cancels with DELETE: 202, files removed, later polls 404', async () => {
    const statusPath = await kickOff('/$export');
    const manifest = await completed(statusPath);
    const jobId = statusPath.split('/').pop()!;
    expect(existsSync(join(exportDir, jobId))).toBe(true);
    await http.delete(statusPath).expect(202);
    expect(existsSync(join(exportDir, jobId))).toBe(false);
    await http.get(statusPath).expect(404);
    await http.get(manifest.output[0].url.slice('http://fhir.test'.length)).expect(404);
    await http.delete(statusPath).expect(404);
  });

  it('removes a job and its files once they expire', async () => {
    const statusPath = await kickOff('/$export', '?_type=Organization');
    await completed(statusPath);
    const jobId = statusPath.split('/').pop()!;
    await runtime.db.query("UPDATE export_job SET expires_at = now() - interval '1 second' WHERE id = $1", [jobId]);
    // Expired jobs are swept periodically and before every kick-off.
    await completed(await kickOff('/$export', '?_type=Organization'));
    await http.get(statusPath).expect(404);
    expect(existsSync(join(exportDir, jobId))).toBe(false);
  });

  it('never serves a file that is not listed', async () => {
    const statusPath = await kickOff('/$export', '?_type=Organization');
    await completed(statusPath);
    const jobId = statusPath.split('/').pop()!;
    // The job's files, in the folder of the run that wrote them, are all complete.
    const files = readdirSync(join(exportDir, jobId), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((file) => file.name.endsWith('.ndjson'))).toBe(true);
    await http.get(`/fhir/$export-file/${jobId}/Patient-1.ndjson`).expect(404);
    await http.get(`/fhir/$export-file/${jobId}/..%2F..%2Fetc%2Fpasswd`).expect(404);
  });
});
