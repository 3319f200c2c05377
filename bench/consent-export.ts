/**
 * Cost of leaving opted-out people out of the de-identified export, on PostgreSQL: N Observations of N/20 patients
 * (with their subject index rows, as ingest writes them), exported de-identified by the server's export job
 * (a) with no opt-outs on record — the baseline, no exclusion predicate — and (b) with OPT_OUT_SHARE of the
 * patients opted out (registry_consent deny), in the same run, alternating twice; the faster of each is reported.
 *
 *   npx tsx bench/consent-export.ts                  # BENCH_RESOURCES=200000, BENCH_OPT_OUT_SHARE=0.01
 *   BENCH_RESOURCES=50000 npx tsx bench/consent-export.ts
 *
 * DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/test; data live in schema bench_consent (reused).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { exportService } from '../src/fhir/operation/export/service.js';
import { createRuntime } from '../src/server.js';

const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const RESOURCES = Number(process.env.BENCH_RESOURCES || 200_000);
const PATIENTS = Math.max(1, Math.floor(RESOURCES / 20));
const OPT_OUT_SHARE = Number(process.env.BENCH_OPT_OUT_SHARE || 0.01);
const SCHEMA = 'bench_consent';

process.env.EXPORT_DIR = mkdtempSync(join(tmpdir(), 'bench-consent-'));
process.env.EXPORT_PSEUDONYM_KEY = 'bench-key';

const config = { ...loadConfig(), databaseUrl: DATABASE_URL };

/** Patients and Observations (resource rows plus their `subject` index rows) written in SQL, once per size. */
async function prepare(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM resource WHERE type = 'Observation'");
  if (rows[0].n === RESOURCES) return;
  console.log(`loading ${PATIENTS} Patients and ${RESOURCES} Observations into schema ${SCHEMA}…`);
  await client.query('TRUNCATE resource_version, resource, search_reference, registry_consent CASCADE');
  await client.query(
    `INSERT INTO resource (type, id, version_id, last_updated, content)
     SELECT 'Patient', 'pt-' || n, 1, now() - interval '1 day',
            jsonb_build_object('resourceType', 'Patient', 'id', 'pt-' || n, 'gender', 'female', 'birthDate', '1950-01-01',
              'identifier', jsonb_build_array(jsonb_build_object('system', 'urn:oid:1.2.392.100495.20.3.51.11310000001', 'value', n::text)))
       FROM generate_series(0, $1::int - 1) AS n`,
    [PATIENTS],
  );
  await client.query(
    `INSERT INTO resource (type, id, version_id, last_updated, content)
     SELECT 'Observation', 'obs-' || n, 1, now() - interval '1 day',
            jsonb_build_object('resourceType', 'Observation', 'id', 'obs-' || n, 'status', 'final',
              'code', jsonb_build_object('coding', jsonb_build_array(jsonb_build_object('system', 'http://loinc.org', 'code', '8480-6'))),
              'subject', jsonb_build_object('reference', 'Patient/pt-' || (n % $2::int)),
              'effectiveDateTime', '2024-04-01T10:00:00+09:00',
              'valueQuantity', jsonb_build_object('value', 100 + n % 80, 'unit', 'mm[Hg]', 'system', 'http://unitsofmeasure.org', 'code', 'mm[Hg]'))
       FROM generate_series(1, $1::int) AS n`,
    [RESOURCES, PATIENTS],
  );
  await client.query(
    `INSERT INTO search_reference (rid, type, param, grp, target_type, target_id, url)
     SELECT rid, 'Observation', param, 0, 'Patient', content->'subject'->>'reference', content->'subject'->>'reference'
       FROM resource, unnest(ARRAY['subject', 'patient']) AS param WHERE type = 'Observation'`,
  );
  await client.query(`UPDATE search_reference SET target_id = substr(target_id, 9) WHERE type = 'Observation'`);
  await client.query('ANALYZE');
}

async function exportSeconds(): Promise<{ seconds: number; count: number }> {
  const runtime = await createRuntime(config, { logger: false, postgres: { schema: SCHEMA } });
  try {
    const service = exportService(runtime.context);
    const started = performance.now();
    const job = await service.kickOff('bench', { level: 'system', types: ['Observation'], typeFilters: {}, deidentify: true });
    await service.settled(job.id);
    const seconds = (performance.now() - started) / 1000;
    const files = await service.jobs.files(job.id);
    return { seconds, count: files.reduce((sum, file) => sum + file.count, 0) };
  } finally {
    await runtime.close();
  }
}

async function main(): Promise<void> {
  // Migrations first (creates the schema), then the data.
  await (await createRuntime(config, { logger: false, postgres: { schema: SCHEMA } })).close();
  const client = new pg.Client({ connectionString: DATABASE_URL, options: `-c search_path=${SCHEMA}` });
  await client.connect();
  await prepare(client);
  const optedOut = Math.round(PATIENTS * OPT_OUT_SHARE);
  const setOptOuts = async (on: boolean) => {
    await client.query('TRUNCATE registry_consent');
    if (on) {
      await client.query(
        `INSERT INTO registry_consent (patient_id, decision, consent_id, decided_at) SELECT 'pt-' || n, 'deny', 'consent-' || n, now()
           FROM generate_series(0, $1::int - 1) AS n`,
        [optedOut],
      );
    }
  };
  const baseline: { seconds: number; count: number }[] = [];
  const withOptOuts: { seconds: number; count: number }[] = [];
  for (let round = 0; round < 2; round++) {
    await setOptOuts(false);
    baseline.push(await exportSeconds());
    await setOptOuts(true);
    withOptOuts.push(await exportSeconds());
  }
  await setOptOuts(false);
  await client.end();
  rmSync(process.env.EXPORT_DIR!, { recursive: true, force: true });
  const best = (runs: { seconds: number; count: number }[]) => runs.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
  const a = best(baseline);
  const b = best(withOptOuts);
  console.log(`resources                 ${RESOURCES} Observations of ${PATIENTS} patients`);
  console.log(`no opt-outs (baseline)    ${a.seconds.toFixed(2)} s, ${Math.round(a.count / a.seconds)} resources/s, ${a.count} exported`);
  console.log(`${optedOut} patients opted out  ${b.seconds.toFixed(2)} s, ${Math.round(b.count / b.seconds)} resources/s, ${b.count} exported`);
  console.log(`time ratio                ${(b.seconds / a.seconds).toFixed(2)} (with opt-outs ÷ baseline)`);
  console.log(`left out                  ${a.count - b.count} (expected ${Math.round(RESOURCES * (optedOut / PATIENTS))})`);
}

await main();
