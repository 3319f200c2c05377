import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig, type ServerConfig } from '../../src/config.js';
import { dropSchema } from '../../src/db/postgres.js';
import type { ExportJob } from '../../src/fhir/operation/export/jobs.js';
import { exportService, type ExportService } from '../../src/fhir/operation/export/service.js';
import { createRuntime, type Runtime } from '../../src/server.js';
import { STORE, TEST_DATABASE_URL } from '../support/runtime.js';

/**
 * Export jobs on servers that share one database and one EXPORT_DIR: a job runs under a lease, so no two servers run
 * it at once, and a job whose server died is taken over once its lease lapses. PGlite serves one process, so the
 * second server exists on PostgreSQL only; there the other holder of a lease is played by SQL.
 */
const exportDir = mkdtempSync(join(tmpdir(), 'export-lease-'));
process.env.EXPORT_DIR = exportDir;
const schema = `test_export_lease_${randomBytes(4).toString('hex')}`;
const config: ServerConfig = {
  ...loadConfig(),
  dataDir: 'memory://',
  databaseUrl: STORE === 'postgres' ? TEST_DATABASE_URL : '',
  publicBaseUrl: 'http://fhir.test',
};
const PATIENTS = 40;
const REQUEST = { level: 'system', types: ['Patient'], typeFilters: {}, deidentify: false };

const start = async (): Promise<Runtime> => {
  const runtime = await createRuntime(config, { logger: false, postgres: { schema } });
  await runtime.app.ready();
  return runtime;
};
let first: Runtime;
let second: Runtime | undefined;
const service = (runtime: Runtime): ExportService => exportService(runtime.context);

beforeAll(async () => {
  first = await start();
  if (STORE === 'postgres') second = await start();
  for (let n = 0; n < PATIENTS; n++) await first.context.store.put({ resourceType: 'Patient', id: `p${n}`, gender: 'other' } as fhir4.Patient, `p${n}`);
});
afterAll(async () => {
  await second?.close();
  await first?.close();
  if (STORE === 'postgres') await dropSchema(TEST_DATABASE_URL, schema);
});

/** A running job as another server leaves it: its run and lease as given (no lease: released). */
async function insertJob(id: string, lease?: { runId: string; owner: string; expires: string }): Promise<void> {
  await first.db.query(
    `INSERT INTO export_job (id, status, request_url, parameters, transaction_time, run_id, lease_owner, lease_expires_at)
     VALUES ($1, 'running', 'http://fhir.test/fhir/$export?_type=Patient', $2::jsonb, now(), $3, $4, now() + $5::interval)`,
    [id, JSON.stringify(REQUEST), lease?.runId ?? null, lease?.owner ?? null, lease?.expires ?? null],
  );
}

async function jobRow(id: string): Promise<{ status: string; run_id: string | null; lease_owner: string | null }> {
  const { rows } = await first.db.query('SELECT status, run_id, lease_owner FROM export_job WHERE id = $1', [id]);
  return rows[0];
}

async function manifestOf(runtime: Runtime, jobId: string): Promise<{ output: { url: string; count: number }[] }> {
  const http = request(runtime.app.server);
  for (;;) {
    const response = await http.get(`/fhir/$export-status/${jobId}`);
    if (response.status === 200) return JSON.parse(response.text);
    expect(response.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('$export job leases', () => {
  it('leaves a job another server holds, takes it over once that lease lapses, and the old run can no longer list files', async () => {
    await insertJob('held-job', { runId: 'run-of-other-server', owner: 'other-server', expires: '1 hour' });
    await service(first).resumeInterrupted();
    expect(service(first).runsHere('held-job')).toBe(false);
    expect(await jobRow('held-job')).toEqual({ status: 'running', run_id: 'run-of-other-server', lease_owner: 'other-server' });

    // The other server died: its lease is not renewed and lapses.
    await first.db.query("UPDATE export_job SET lease_expires_at = now() - interval '1 second' WHERE id = 'held-job'");
    await service(first).resumeInterrupted();
    await service(first).settled('held-job');
    const manifest = await manifestOf(first, 'held-job');
    expect(manifest.output.map((output) => output.count)).toEqual([PATIENTS]);
    const row = await jobRow('held-job');
    expect(row.status).toBe('completed');
    expect(row.run_id).not.toBe('run-of-other-server');
    expect(readdirSync(join(exportDir, 'held-job'))).toEqual([row.run_id]);

    // Were the old run still alive, it could neither renew nor list its files over the new run's.
    const jobs = service(first).jobs;
    const oldLease = { runId: 'run-of-other-server', owner: 'other-server', seconds: 60 };
    expect(await jobs.renew('held-job', oldLease)).toBe(false);
    expect(await jobs.complete(first.db, 'held-job', oldLease.runId, [], 60)).toBe(false);
    expect((await jobs.files('held-job')).map((file) => file.count)).toEqual([PATIENTS]);
  });

  it('takes over at once a job whose lease belongs to a server process of this host that is gone (a crash and restart)', async () => {
    const goneProcess = spawnSync(process.execPath, ['-e', '']).pid;
    await insertJob('crashed-here', { runId: 'run-of-crashed-server', owner: `${hostname()}:${goneProcess}:deadbeef`, expires: '1 hour' });
    await service(first).resumeInterrupted();
    await service(first).settled('crashed-here');
    expect((await manifestOf(first, 'crashed-here')).output.map((output) => output.count)).toEqual([PATIENTS]);
  });

  it.runIf(STORE === 'postgres')('two servers looking at an unheld job at once: exactly one claims and runs it', async () => {
    await insertJob('unheld-job');
    const servers = [service(first), service(second!)];
    const claimed: (ExportJob | undefined)[] = [];
    // Both servers list the job as unheld before either claims it (otherwise the later one simply sees it held).
    let listed = 0;
    let bothListed!: () => void;
    const barrier = new Promise<void>((resolve) => (bothListed = resolve));
    for (const server of servers) {
      const runningLeases = server.jobs.runningLeases.bind(server.jobs);
      vi.spyOn(server.jobs, 'runningLeases').mockImplementation(async () => {
        const leases = await runningLeases();
        if (++listed === servers.length) bothListed();
        await barrier;
        return leases;
      });
      const claim = server.jobs.claim.bind(server.jobs);
      vi.spyOn(server.jobs, 'claim').mockImplementation(async (id, lease) => {
        const job = await claim(id, lease);
        if (id === 'unheld-job') claimed.push(job);
        return job;
      });
    }
    try {
      await Promise.all(servers.map((server) => server.resumeInterrupted()));
    } finally {
      vi.restoreAllMocks();
    }
    expect(claimed).toHaveLength(2);
    expect(claimed.filter(Boolean)).toHaveLength(1);
    await Promise.all(servers.map((server) => server.settled('unheld-job')));
    // Either server answers for the job, and serves the one run's files.
    for (const runtime of [first, second!]) expect((await manifestOf(runtime, 'unheld-job')).output.map((output) => output.count)).toEqual([PATIENTS]);
    expect(readdirSync(join(exportDir, 'unheld-job'))).toHaveLength(1);
  });

  it.runIf(STORE === 'postgres')('a job of a server shut down mid-run is taken over by the other server at once', async () => {
    const stopping = await start();
    const kickOff = await request(stopping.app.server).get('/fhir/$export?_type=Patient').set({ Prefer: 'respond-async' }).expect(202);
    const jobId = kickOff.headers['content-location'].split('/').pop()!;
    // Shut down at once: unless the job already finished, its run stops and releases the lease.
    await stopping.close();
    const row = await jobRow(jobId);
    expect(row.lease_owner).toBeNull();
    await service(second!).resumeInterrupted();
    await service(second!).settled(jobId);
    expect((await manifestOf(second!, jobId)).output.map((output) => output.count)).toEqual([PATIENTS]);
  });
});
