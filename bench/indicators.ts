/**
 * Clinical-indicator benchmark: every IG Measure for every hospital (and nationally) over a synthetic registry on
 * PostgreSQL, against plain scans of registry_case measured in the same run.
 *
 *   npx tsx bench/indicators.ts                                  # 25,000 admissions, 200 hospitals, seed 1
 *   BENCH_ADMISSIONS=2000 BENCH_RUNS=3 npx tsx bench/indicators.ts
 *   TEST_DATABASE_URL=postgres://... (default postgres://postgres@127.0.0.1:5432/test; a private schema, dropped at the end)
 *
 * Loading: registry_case is filled from the generator's Bundles by the real case derivation (deriveCase, the
 * function document ingest runs) and saveCase, not through HTTP: storing 25,000 documents (~1M resources) through
 * the API would take hours on this machine and measures ingest, not indicators. Each case's indicator results are
 * written right after it, as document ingest does (writeResults), and that step is timed on its own: the cost ingest
 * now pays per case. 2 % of patients opt out.
 */
import { randomBytes } from 'node:crypto';
import fhirpath from 'fhirpath';
import { loadConfig } from '../src/config.js';
import { countPopulations, refreshResults, writeResults, type IndicatorScope } from '../src/registry/indicators/case-results.js';
import { indicatorSet } from '../src/registry/indicators/definitions.js';
import { OPTED_OUT_PATIENT_IDS } from '../src/registry/consent/opted-out-sql.js';
import { evaluateCase } from '../src/registry/indicators/evaluate.js';
import { saveCase } from '../src/registry/cases/case-store.js';
import { assessCompleteness } from '../src/registry/cases/completeness.js';
import { deriveCase } from '../src/registry/cases/derive.js';
import { registryTerms } from '../src/registry/cases/ig-terms.js';
import type { RegistryCase } from '../src/registry/cases/model.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../src/registry/synthetic/index.js';
import { createRuntime } from '../src/server.js';
import { dropSchema } from '../src/db/postgres.js';

const ADMISSIONS = Number(process.env.BENCH_ADMISSIONS ?? 25_000);
const HOSPITALS = Number(process.env.BENCH_HOSPITALS ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SEED = process.env.BENCH_SEED ?? '1';
const DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `bench_indicators_${randomBytes(4).toString('hex')}`;
/** Every generated discharge falls in this period (admissions from 2024-04-01 over 365 days, plus the stay). */
const SCOPE: IndicatorScope = { start: '2024-01-01T00:00:00+09:00', end: '2026-01-01T00:00:00+09:00' };

/** A generated Bundle's entries as ingest stores them: ids from the fullUrls, references rewritten to Type/id. */
function storedResources(bundle: fhir4.Bundle): fhir4.Resource[] {
  const targets = new Map<string, string>();
  for (const entry of bundle.entry ?? []) targets.set(entry.fullUrl!, `${entry.resource!.resourceType}/${entry.fullUrl!.slice('urn:uuid:'.length)}`);
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === 'reference' && typeof inner === 'string' ? (targets.get(inner) ?? inner) : rewrite(inner)]));
    }
    return value;
  };
  return (bundle.entry ?? []).map((entry) => ({ ...(rewrite(entry.resource) as fhir4.Resource), id: targets.get(entry.fullUrl!)!.split('/')[1] }));
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
/** Wall seconds and this process's CPU seconds (user + system; PostgreSQL's own work is not in it). */
interface Timing {
  wall: number;
  cpu: number;
}
async function timed<T>(work: () => Promise<T>): Promise<[T, Timing]> {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const result = await work();
  const cpu = process.cpuUsage(cpuStart);
  return [result, { wall: seconds(start), cpu: (cpu.user + cpu.system) / 1e6 }];
}
const median = (values: Timing[]) => [...values].sort((a, b) => a.wall - b.wall)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const runtime = await createRuntime({ ...loadConfig(), dataDir: 'memory://', databaseUrl: DATABASE_URL }, { logger: false, postgres: { schema: SCHEMA } });
  try {
    const { db, context } = runtime;
    const terms = registryTerms(context.conformance);
    const indicators = indicatorSet(context.conformance);

    // --- load -------------------------------------------------------------------------------------------------
    const loadStart = process.hrtime.bigint();
    let resources = 0;
    let batch: RegistryCase[] = [];
    const deniedPatients: string[] = [];
    const atIngest: Timing = { wall: 0, cpu: 0 };
    const flush = async () => {
      await db.transaction(async (tx) => {
        for (const one of batch) {
          await saveCase(tx, one.documentIdentifier, one, assessCompleteness(one), false);
          const [, spent] = await timed(() => writeResults(tx, indicators, [one]));
          atIngest.wall += spent.wall;
          atIngest.cpu += spent.cpu;
        }
      });
      batch = [];
    };
    for (const { bundle } of generateAdmissions({ ...DEFAULT_OPTIONS, admissions: ADMISSIONS, hospitals: HOSPITALS, seed: SEED })) {
      resources += bundle.entry!.length + 1;
      const identifier = `${bundle.identifier!.system}|${bundle.identifier!.value}`;
      const registryCase = deriveCase({ documentId: bundle.id!, documentIdentifier: identifier, resources: storedResources(bundle) }, terms);
      if (!registryCase) continue;
      if (deniedPatients.length < ADMISSIONS * 0.02 && resources % 50 === 0) deniedPatients.push(registryCase.patientId);
      batch.push(registryCase);
      if (batch.length === 500) {
        await flush();
        process.stdout.write('.');
      }
    }
    await flush();
    await db.query(
      `INSERT INTO registry_consent (patient_id, decision, consent_id) SELECT p, 'deny', 'bench-' || p FROM unnest($1::text[]) AS t(p) ON CONFLICT DO NOTHING`,
      [deniedPatients],
    );
    await db.query('ANALYZE registry_case');
    const { rows: caseCount } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM registry_case');
    console.log(`\nloaded ${caseCount[0].n} cases from ${ADMISSIONS} documents (${resources} resources in the Bundles) in ${seconds(loadStart).toFixed(0)} s; ${deniedPatients.length} patients opted out`);

    // --- baselines --------------------------------------------------------------------------------------------
    const scan = async () =>
      db.query(
        `SELECT hospital_code, principal_disease, count(*), count(*) FILTER (WHERE died)
           FROM registry_case c WHERE discharged_at >= $1 AND discharged_at < $2
            AND c.patient_id NOT IN (${OPTED_OUT_PATIENT_IDS})
          GROUP BY GROUPING SETS ((hospital_code, principal_disease), (principal_disease))`,
        [SCOPE.start, SCOPE.end],
      );
    const scanTimes: Timing[] = [];
    for (let run = 0; run < RUNS; run++) scanTimes.push((await timed(scan))[1]);
    const [factRows, readFacts] = await timed(() =>
      db.query<{ facts: RegistryCase['facts']; principal_disease: string; diseases: string[]; died: boolean }>(
        'SELECT facts, principal_disease, diseases, died FROM registry_case WHERE discharged_at >= $1 AND discharged_at < $2',
        [SCOPE.start, SCOPE.end],
      ),
    );
    const cases = factRows.rows.map((row) => ({ principalDisease: row.principal_disease, diseases: row.diseases, died: row.died, facts: row.facts }) as RegistryCase);

    // Per-case FHIRPath cost: compiled once (what the server does) against fhirpath.evaluate per call (parsing each
    // time) on a sample; both over in-memory cases, no database.
    const [, compiledAll] = await timed(async () => cases.forEach((one) => evaluateCase(indicators, one)));
    const sample = cases.slice(0, Math.min(100, cases.length));
    const [, uncompiledSample] = await timed(async () => {
      for (const one of sample) {
        for (const indicator of indicators.indicators) {
          for (const population of Object.values(indicator.populations)) fhirpath.evaluate(one, population.expression, undefined, undefined, { resolveInternalTypes: false });
        }
      }
    });

    // --- indicators -------------------------------------------------------------------------------------------
    // Cold: the first report after the load; the results were written with the cases.
    const [coldCounts, cold] = await timed(() => countPopulations(context.store, indicators, SCOPE, true));
    // What a change of the Measures costs: every case evaluated again by the first report.
    await db.query('TRUNCATE registry_indicator_result, registry_indicator_evaluation');
    const [, reevaluateAll] = await timed(() => countPopulations(context.store, indicators, SCOPE, true));
    const warm: Timing[] = [];
    for (let run = 0; run < RUNS; run++) warm.push((await timed(() => countPopulations(context.store, indicators, SCOPE, true)))[1]);
    // 1 % of the cases re-derived (a corrected document): only they are evaluated again.
    await db.query(`UPDATE registry_case SET derived_at = now() WHERE hashtext(encounter_id) % 100 = 0`);
    const [reevaluated, incremental] = await timed(() => refreshResults(context.store, indicators, SCOPE));
    const [, afterIncremental] = await timed(() => countPopulations(context.store, indicators, SCOPE, true));
    const { rows: resultRows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM registry_indicator_result');

    const national = coldCounts.filter((row) => row.hospitalCode === undefined).sort((a, b) => a.measureId.localeCompare(b.measureId));
    const hospitalsReported = new Set(coldCounts.filter((row) => row.hospitalCode).map((row) => row.hospitalCode)).size;
    const scanMedian = median(scanTimes);
    console.log(`\n${indicators.indicators.length} Measures, ${hospitalsReported} hospitals, ${coldCounts.length} count rows, ${resultRows[0].n} stored per-case results`);
    console.log('| step | wall s | process CPU s | wall ÷ baseline scan |');
    console.log('|---|---|---|---|');
    const line = (name: string, value: Timing) => console.log(`| ${name} | ${value.wall.toFixed(3)} | ${value.cpu.toFixed(3)} | ${(value.wall / scanMedian.wall).toFixed(1)}× |`);
    line(`baseline: SQL count of cases per hospital × disease (median of ${RUNS})`, scanMedian);
    line('baseline: read every case\'s facts into JS (one query)', readFacts);
    line('FHIRPath, compiled once: all Measures on every case in memory', compiledAll);
    const scale = cases.length / sample.length;
    line(`FHIRPath, fhirpath.evaluate per call (parsing each time), ${sample.length} cases, scaled to all`, { wall: uncompiledSample.wall * scale, cpu: uncompiledSample.cpu * scale });
    line(`at ingest (load): writeResults per case, summed over ${caseCount[0].n} cases`, atIngest);
    console.log(`| … per case | ${((1000 * atIngest.wall) / caseCount[0].n).toFixed(2)} ms | ${((1000 * atIngest.cpu) / caseCount[0].n).toFixed(2)} ms | |`);
    line('full run, cold: first report after the load (all Measures × all hospitals + national)', cold);
    line('Measures changed: first report evaluates every case again, stores results, counts', reevaluateAll);
    line(`full run, warm: count only (median of ${RUNS})`, median(warm));
    line(`incremental: ${reevaluated} re-derived cases evaluated again`, incremental);
    line('full run after the incremental refresh', afterIncremental);
    console.log('\nNational results (all hospitals, opted-out patients excluded):');
    console.log('| Measure | initial population | denominator | exclusions | numerator | rate |');
    console.log('|---|---|---|---|---|---|');
    for (const row of national) {
      const scored = row.denominator - row.exclusion;
      console.log(`| ${row.measureId} | ${row.initialPopulation} | ${row.denominator} | ${row.exclusion} | ${row.numerator} | ${scored ? ((100 * row.numerator) / scored).toFixed(1) + ' %' : '–'} |`);
    }
  } finally {
    await runtime.close();
    await dropSchema(DATABASE_URL, SCHEMA);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
