import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, type ServerConfig } from '../../src/config.js';
import { createRuntime, type Runtime } from '../../src/server.js';
import type { ReadScope } from '../../src/store/tenancy.js';
import { STORE, TEST_DATABASE_URL } from '../support/runtime.js';

// One database kept across several server starts: a PGlite folder, or a PostgreSQL schema.
const exportDir = mkdtempSync(join(tmpdir(), 'export-restart-'));
process.env.EXPORT_DIR = exportDir;
const schema = `test_export_restart_${randomBytes(4).toString('hex')}`;
const config: ServerConfig = {
  ...loadConfig(),
  dataDir: STORE === 'postgres' ? 'memory://' : mkdtempSync(join(tmpdir(), 'export-restart-db-')),
  databaseUrl: STORE === 'postgres' ? TEST_DATABASE_URL : '',
  publicBaseUrl: 'http://fhir.test',
};
const ASYNC = { Prefer: 'respond-async', Accept: 'application/fhir+json' };
const PATIENTS = 300;

async function start(): Promise<Runtime> {
  const runtime = await createRuntime(config, { logger: false, postgres: { schema } });
  await runtime.app.ready();
  return runtime;
}

async function manifestOf(runtime: Runtime, statusPath: string): Promise<{ output: { type: string; url: string; count: number }[] }> {
  const http = request(runtime.app.server);
  for (let attempt = 0; attempt < 400; attempt++) {
    const response = await http.get(statusPath);
    if (response.status === 200) return JSON.parse(response.text);
    expect(response.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('export did not complete');
}

async function lines(runtime: Runtime, url: string): Promise<string[]> {
  const response = await request(runtime.app.server).get(url.slice('http://fhir.test'.length)).buffer(true).parse((res, done) => {
    let text = '';
    res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    res.on('end', () => done(null, text));
  });
  expect(response.status).toBe(200);
  return (response.body as string).split('\n').filter(Boolean);
}

afterAll(async () => {
  if (STORE === 'postgres') {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
});

describe('$export across a server restart', () => {
  it('reruns a job left running by a crash, replacing its partial files, and lists only complete files', async () => {
    const first = await start();
    for (let n = 0; n < PATIENTS; n++) await first.context.store.put({ resourceType: 'Patient', id: `p${n}`, gender: 'other' } as fhir4.Patient, `p${n}`);
    // A job as a crashed server leaves it: running, with a partial and a complete-looking file of garbage.
    const jobId = 'crashed-job';
    await first.db.query(
      `INSERT INTO export_job (id, status, request_url, parameters, transaction_time)
       VALUES ($1, 'running', 'http://fhir.test/fhir/$export?_type=Patient', $2::jsonb, now())`,
      [jobId, JSON.stringify({ level: 'system', types: ['Patient'], typeFilters: {}, deidentify: false })],
    );
    mkdirSync(join(exportDir, jobId), { recursive: true });
    writeFileSync(join(exportDir, jobId, 'Patient-1.ndjson'), '{"resourceType":"Patient","id":"half');
    writeFileSync(join(exportDir, jobId, 'Patient-2.ndjson.part'), '{"resourceType"');
    await first.close();

    const second = await start();
    try {
      const manifest = await manifestOf(second, `/fhir/$export-status/${jobId}`);
      expect(manifest.output).toEqual([{ type: 'Patient', url: `http://fhir.test/fhir/$export-file/${jobId}/Patient-1.ndjson`, count: PATIENTS }]);
      const exported = await lines(second, manifest.output[0].url);
      expect(exported).toHaveLength(PATIENTS);
      for (const line of exported) expect(JSON.parse(line).resourceType).toBe('Patient');
      // The garbage is gone: the job folder holds only the folder of the run that completed it.
      const { rows } = await second.db.query<{ run_id: string }>('SELECT run_id FROM export_job WHERE id = $1', [jobId]);
      expect(readdirSync(join(exportDir, jobId))).toEqual([rows[0].run_id]);
      expect(readdirSync(join(exportDir, jobId, rows[0].run_id))).toEqual(['Patient-1.ndjson']);
    } finally {
      await second.close();
    }
  });

  it('completes a job whose server was shut down while it ran', async () => {
    const third = await start();
    const kickOff = await request(third.app.server).get('/fhir/$export?_type=Patient').set(ASYNC).expect(202);
    const statusPath = kickOff.headers['content-location'].slice('http://fhir.test'.length);
    // Closed at once: the job is stopped (left running in the database) unless it already finished.
    await third.close();

    const fourth = await start();
    try {
      const manifest = await manifestOf(fourth, statusPath);
      expect(manifest.output.map((output) => output.count)).toEqual([PATIENTS]);
      expect(await lines(fourth, manifest.output[0].url)).toHaveLength(PATIENTS);
      const jobId = statusPath.split('/').pop()!;
      expect(readdirSync(join(exportDir, jobId), { recursive: true }).filter((name) => String(name).endsWith('.part'))).toEqual([]);
    } finally {
      await fourth.close();
    }
  });

  it("resumes a hospital client's job within that hospital's data", async () => {
    const hospital = (code: string): ReadScope => ({ kind: 'hospital', hospitalCode: code, sharedTypes: ['Organization'] });
    const [codeA, codeB] = ['1311234567', '2711234567'];
    const runtime = await start();
    for (const [code, prefix] of [[codeA, 'a'], [codeB, 'b']] as const) {
      const store = runtime.context.store.withScope(hospital(code));
      for (let n = 0; n < 20; n++) {
        await store.put({ resourceType: 'Patient', id: `${prefix}${n}`, gender: 'other' } as fhir4.Patient, `${prefix}${n}`);
        await store.put(
          { resourceType: 'Observation', id: `${prefix}o${n}`, status: 'final', code: { text: 'BP' }, subject: { reference: `Patient/${prefix}${n}` } } as fhir4.Observation,
          `${prefix}o${n}`,
        );
      }
    }
    // A patient-level job of hospital A's client (its scope and owner stored by the kick-off), left running by a crash.
    const jobId = 'hospital-a-job';
    await runtime.db.query(
      `INSERT INTO export_job (id, status, request_url, parameters, transaction_time)
       VALUES ($1, 'running', 'http://fhir.test/fhir/Patient/$export', $2::jsonb, now())`,
      [jobId, JSON.stringify({ level: 'patient', types: ['Observation', 'Patient'], typeFilters: {}, deidentify: false, readScope: hospital(codeA) })],
    );
    await runtime.close();

    const restarted = await start();
    try {
      const manifest = await manifestOf(restarted, `/fhir/$export-status/${jobId}`);
      const exported = (await Promise.all(manifest.output.map((output) => lines(restarted, output.url)))).flat().map((line) => JSON.parse(line) as fhir4.Resource);
      // Only hospital A's 20 patients and their observations: not B's, nor the registry-level patients stored earlier.
      expect(exported.filter((resource) => resource.resourceType === 'Patient').map((resource) => resource.id).sort()).toEqual(
        Array.from({ length: 20 }, (_, n) => `a${n}`).sort(),
      );
      expect(exported.filter((resource) => resource.resourceType === 'Observation').map((resource) => resource.id).sort()).toEqual(
        Array.from({ length: 20 }, (_, n) => `ao${n}`).sort(),
      );
    } finally {
      await restarted.close();
    }
  });
});
