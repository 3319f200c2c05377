/**
 * Bulk export benchmark on PostgreSQL: exports N Observations (default 1,000,000) with the server's export job
 * (one COPY per type writing NDJSON, files split by bytes) in a child process, reporting resources/s and the child's
 * peak RSS; and in the same run `COPY (SELECT content …) TO STDOUT` of the same rows through psql, as the upper limit,
 * once before and once after the export (on a shared machine the load changes; the ratio uses their mean).
 *
 *   npx tsx bench/export.ts                       # BENCH_RESOURCES=1000000, DATABASE_URL=postgres://postgres@127.0.0.1:5432/test
 *   BENCH_RESOURCES=200000 npx tsx bench/export.ts
 *
 * The data live in schema bench_export (created once per row count, reused by later runs).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { exportService } from '../src/fhir/operation/export/service.js';
import { createRuntime } from '../src/server.js';

const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const RESOURCES = Number(process.env.BENCH_RESOURCES || 1_000_000);
const SCHEMA = 'bench_export';

/** Creates the schema through the server's migrations, then fills `resource` with synthetic Observations in SQL. */
async function prepare(): Promise<void> {
  const runtime = await createRuntime({ ...loadConfig(), databaseUrl: DATABASE_URL }, { logger: false, postgres: { schema: SCHEMA } });
  await runtime.close();
  const client = new pg.Client({ connectionString: DATABASE_URL, options: `-c search_path=${SCHEMA}` });
  await client.connect();
  const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM resource WHERE type = 'Observation'");
  if (rows[0].n !== RESOURCES) {
    console.log(`loading ${RESOURCES} Observations into schema ${SCHEMA}…`);
    await client.query('TRUNCATE resource_version, resource CASCADE');
    await client.query(
      `INSERT INTO resource (type, id, version_id, last_updated, content)
       SELECT 'Observation', 'obs-' || n, 1, now() - interval '1 day',
              jsonb_build_object(
                'resourceType', 'Observation', 'id', 'obs-' || n,
                'meta', jsonb_build_object('versionId', '1', 'lastUpdated', '2024-04-01T00:00:00Z'),
                'status', 'final',
                'category', jsonb_build_array(jsonb_build_object('coding', jsonb_build_array(jsonb_build_object(
                  'system', 'http://terminology.hl7.org/CodeSystem/observation-category', 'code', 'vital-signs')))),
                'code', jsonb_build_object('coding', jsonb_build_array(jsonb_build_object('system', 'http://loinc.org', 'code', '8480-6', 'display', '収縮期血圧'))),
                'subject', jsonb_build_object('reference', 'Patient/pt-' || (n % 50000)),
                'effectiveDateTime', to_char(timestamp '2024-01-01' + n * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS"+09:00"'),
                'valueQuantity', jsonb_build_object('value', 100 + n % 80, 'unit', 'mm[Hg]', 'system', 'http://unitsofmeasure.org', 'code', 'mm[Hg]'))
         FROM generate_series(1, $1::int) AS n`,
      [RESOURCES],
    );
    await client.query('ANALYZE resource');
  }
  await client.end();
}

/** Child process: one export job of every Observation; prints a JSON line with count, seconds, bytes and peak RSS. */
async function exportChild(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-export-'));
  process.env.EXPORT_DIR = dir;
  const runtime = await createRuntime({ ...loadConfig(), databaseUrl: DATABASE_URL }, { logger: false, postgres: { schema: SCHEMA } });
  const startRss = process.memoryUsage().rss;
  const service = exportService(runtime.context);
  const started = performance.now();
  const job = await service.kickOff('bench', { level: 'system', types: ['Observation'], typeFilters: {}, deidentify: false });
  await service.settled(job.id);
  const seconds = (performance.now() - started) / 1000;
  const files = await service.jobs.files(job.id);
  const status = (await service.jobs.get(job.id))?.status;
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      status,
      count: files.reduce((sum, file) => sum + file.count, 0),
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      files: files.length,
      seconds,
      startRssMb: startRss / 1048576,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ stdout: string; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ stdout, seconds: (performance.now() - started) / 1000 }) : reject(new Error(`${command} exited ${code}`))));
  });
}

/** COPY of the same rows through psql, its output counted by wc: the database's own streaming rate. */
async function copyBaseline(): Promise<{ seconds: number; bytes: number }> {
  const sql = `COPY (SELECT content FROM ${SCHEMA}.resource WHERE type = 'Observation' AND NOT deleted ORDER BY rid) TO STDOUT`;
  const { stdout, seconds } = await run('bash', ['-c', `psql "${DATABASE_URL}" -X -q -c "${sql}" | wc -c`]);
  return { seconds, bytes: Number(stdout.trim()) };
}

async function main(): Promise<void> {
  if (process.argv.includes('--export-child')) return exportChild();
  await prepare();
  const copyBefore = await copyBaseline();
  const child = await run(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--export-child']);
  const copyAfter = await copyBaseline();
  const result = JSON.parse(child.stdout.trim().split('\n').pop()!);
  const exportRate = result.count / result.seconds;
  const copyRate = RESOURCES / ((copyBefore.seconds + copyAfter.seconds) / 2);
  console.log(`resources            ${RESOURCES}`);
  for (const [when, copy] of [['before', copyBefore], ['after', copyAfter]] as const) {
    console.log(`COPY TO STDOUT ${when.padEnd(6)} ${copy.seconds.toFixed(1)} s, ${Math.round(RESOURCES / copy.seconds)} resources/s, ${(copy.bytes / 1048576).toFixed(0)} MiB`);
  }
  console.log(
    `$export job          ${result.seconds.toFixed(1)} s, ${Math.round(exportRate)} resources/s, ${(result.bytes / 1048576).toFixed(0)} MiB in ${result.files} files (${result.status}, ${result.count} resources)`,
  );
  console.log(`export ÷ COPY        ${((100 * exportRate) / copyRate).toFixed(0)} % (of the mean COPY rate, ${Math.round(copyRate)} resources/s)`);
  console.log(`export process RSS   ${result.startRssMb.toFixed(0)} MiB after start-up, peak ${result.peakRssMb.toFixed(0)} MiB`);
}

await main();
