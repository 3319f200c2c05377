/**
 * Search benchmark: loads a synthetic registry into PostgreSQL (a private schema of TEST_DATABASE_URL), then times a
 * registry query set through the search engine and, for each query, the best hand-written SQL giving the same
 * answer over the same tables. Prints p50/p99 per query and EXPLAIN ANALYZE of the slowest engine queries.
 *
 *   BENCH_RESOURCES=100000 npx tsx bench/search.ts
 *   BENCH_REUSE=1 ...   measures again on the schema a previous run loaded (same BENCH_RESOURCES), without reloading
 *
 * Every admission belongs to one of the hospitals (tenancy, docs/SECURITY.md): each engine query also runs in one
 * hospital's ReadScope, as a hospital client's request does, and is reported against the unscoped run.
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import type { Queryable } from '../src/db/database.js';
import { writeIndexRows } from '../src/search/indexer.js';
import { createRuntime } from '../src/server.js';
import { hospitalScope } from '../src/fhir/tenancy.js';
import { ALL_TENANTS } from '../src/store/tenancy.js';
import { dropSchema } from '../src/db/postgres.js';

const TARGET = Number(process.env.BENCH_RESOURCES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `bench_search_${TARGET}`;
const REUSE = process.env.BENCH_REUSE === '1';
const ICD10 = 'http://jpfhir.jp/fhir/core/CodeSystem/JP_ICD10';
const LOINC = 'http://loinc.org';
const PROCEDURES = 'urn:jp-cvd:procedure';
const HOSPITALS = 40;
const DISEASES = ['I63.9', 'I21.0', 'I61.9', 'I60.9', 'I71.0', 'I50.9'];
const KANA_FAMILY = ['ヤマダ', 'サトウ', 'スズキ', 'タカハシ', 'タナカ', 'ワタナベ', 'イトウ', 'ナカムラ', 'コバヤシ', 'ヤマモト', 'カトウ', 'ヨシダ'];
const KANJI_FAMILY = ['山田', '佐藤', '鈴木', '高橋', '田中', '渡辺', '伊藤', '中村', '小林', '山本', '加藤', '吉田'];

/** Deterministic pseudo-random numbers, so every run loads the same registry. */
let seed = 20241125;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)];
const pad = (value: number) => String(value).padStart(2, '0');

/** One admission: patient, encounter at a hospital, its diagnosis, NIHSS for strokes, thrombectomy / PCI. */
function* admission(index: number): Generator<fhir4.Resource> {
  const patientId = `pat${index}`;
  const encounterId = `enc${index}`;
  const disease = pick(DISEASES);
  const family = Math.floor(random() * KANA_FAMILY.length);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const start = `2024-${pad(month)}-${pad(day)}T${pad(Math.floor(random() * 24))}:00:00+09:00`;
  yield {
    resourceType: 'Patient',
    id: patientId,
    identifier: [{ system: 'urn:jp-cvd:patient', value: `P${index}` }],
    name: [
      { use: 'official', family: KANJI_FAMILY[family], given: ['太郎'] },
      { use: 'usual', family: KANA_FAMILY[family], given: ['タロウ'], extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation', valueCode: 'SYL' }] },
    ],
    gender: random() < 0.6 ? 'male' : 'female',
    birthDate: `19${30 + Math.floor(random() * 60)}-${pad(month)}-${pad(day)}`,
  } as fhir4.Patient;
  yield {
    resourceType: 'Encounter',
    id: encounterId,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
    subject: { reference: `Patient/${patientId}` },
    serviceProvider: { reference: `Organization/hosp${Math.floor(random() * HOSPITALS)}` },
    reasonCode: [{ coding: [{ system: ICD10, code: disease }] }],
    period: { start, end: `2024-${pad(month)}-${pad(Math.min(28, day + 7))}` },
  } as fhir4.Encounter;
  yield {
    resourceType: 'Condition',
    id: `con${index}`,
    code: { coding: [{ system: ICD10, code: disease }] },
    subject: { reference: `Patient/${patientId}` },
    encounter: { reference: `Encounter/${encounterId}` },
    onsetDateTime: start,
  } as fhir4.Condition;
  if (disease === 'I63.9' || disease === 'I61.9') {
    yield {
      resourceType: 'Observation',
      id: `nihss${index}`,
      status: 'final',
      code: { coding: [{ system: LOINC, code: '70184-3' }] },
      subject: { reference: `Patient/${patientId}` },
      encounter: { reference: `Encounter/${encounterId}` },
      effectiveDateTime: start,
      valueQuantity: { value: Math.floor(random() * 42), system: 'http://unitsofmeasure.org', code: '{score}' },
    } as fhir4.Observation;
  }
  const procedure = disease === 'I63.9' && random() < 0.3 ? 'thrombectomy' : disease === 'I21.0' && random() < 0.7 ? 'pci' : undefined;
  if (procedure) {
    yield {
      resourceType: 'Procedure',
      id: `proc${index}`,
      status: 'completed',
      code: { coding: [{ system: PROCEDURES, code: procedure }] },
      subject: { reference: `Patient/${patientId}` },
      encounter: { reference: `Encounter/${encounterId}` },
      performedDateTime: start,
    } as fhir4.Procedure;
  }
}

async function load(db: Queryable, rowsOf: (resource: fhir4.Resource) => any): Promise<number> {
  const batch: fhir4.Resource[] = [];
  let loaded = 0;
  const flush = async () => {
    if (!batch.length) return;
    const lastUpdated = new Date().toISOString();
    const stored = batch.map((resource) => ({ ...resource, meta: { versionId: '1', lastUpdated } }));
    const { rows } = await db.query<{ rid: number; type: string; id: string }>(
      `INSERT INTO resource (type, id, version_id, last_updated, content, hospital_code)
       SELECT t, i, 1, $3::timestamptz, c, h FROM unnest($1::text[], $2::text[], $4::jsonb[], $5::text[]) AS x(t, i, c, h) RETURNING rid, type, id`,
      [
        stored.map((resource) => resource.resourceType),
        stored.map((resource) => resource.id),
        lastUpdated,
        stored.map((resource) => JSON.stringify(resource)),
        stored.map((resource) => tenantOf(resource)),
      ],
    );
    const byKey = new Map(stored.map((resource) => [`${resource.resourceType}/${resource.id}`, resource]));
    await writeIndexRows(
      db,
      [],
      rows.map((row) => ({ rid: row.rid, type: row.type, rows: rowsOf(byKey.get(`${row.type}/${row.id}`)!) })),
    );
    loaded += batch.length;
    batch.length = 0;
  };
  for (let hospital = 0; hospital < HOSPITALS; hospital++) {
    batch.push({ resourceType: 'Organization', id: `hosp${hospital}`, name: `病院${hospital}`, identifier: [{ system: 'urn:jp-cvd:hospital', value: `H${hospital}` }] } as fhir4.Organization);
  }
  for (let index = 0; loaded + batch.length < TARGET; index++) {
    for (const resource of admission(index)) batch.push(resource);
    if (batch.length >= 1000) {
      await flush();
      if (loaded % 20_000 < 1000) process.stderr.write(`loaded ${loaded}\n`);
    }
  }
  await flush();
  return loaded;
}

/** The tenant code of hospital n. */
const hospitalCode = (n: number) => String(n % HOSPITALS).padStart(10, '0');

/**
 * Tenancy: admission i (its patient, encounter, condition ...) belongs to hospital i mod HOSPITALS; the hospital
 * Organizations stay registry-level (shared).
 */
const tenantOf = (resource: fhir4.Resource) => (resource.resourceType === 'Organization' ? null : hospitalCode(Number(/\d+$/.exec(resource.id!)![0])));

/** Records the statements the engine runs, so the slowest ones can be EXPLAINed. */
function recording(db: Queryable, log: { sql: string; params?: unknown[] }[]): Queryable {
  return {
    query: (sql, params) => {
      log.push({ sql, params });
      return db.query(sql, params);
    },
    exec: (sql) => db.exec(sql),
  };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

interface BenchQuery {
  name: string;
  /** Engine query for run i: type and parameters. */
  engine: (run: number) => { type: string; params: [string, string][]; count: number };
  /** The same answer by hand: SQL and parameters. */
  hand: (run: number) => { sql: string; params: unknown[] };
}

const month = (run: number) => `2024-${pad(1 + (run % 12))}`;
const monthRange = (run: number) => [`${month(run)}-01T00:00:00+09:00`, run % 12 === 11 ? '2025-01-01T00:00:00+09:00' : `2024-${pad(2 + (run % 12))}-01T00:00:00+09:00`];

const QUERIES: BenchQuery[] = [
  {
    name: 'cerebral infarction Conditions of one hospital in a month (chain encounter.service-provider)',
    engine: (run) => ({
      type: 'Condition',
      params: [['code', `${ICD10}|I63.9`], ['onset-date', month(run)], ['encounter.service-provider', `Organization/hosp${run % HOSPITALS}`], ['_total', 'none']],
      count: 50,
    }),
    hand: (run) => ({
      sql: `SELECT r.id, r.content FROM search_token c
              JOIN search_date d ON d.rid = c.rid AND d.type = 'Condition' AND d.param = 'onset-date' AND d.low >= $3 AND d.high <= $4
              JOIN search_reference e ON e.rid = c.rid AND e.type = 'Condition' AND e.param = 'encounter'
              JOIN resource enc ON enc.type = 'Encounter' AND enc.id = e.target_id
              JOIN search_reference sp ON sp.rid = enc.rid AND sp.param = 'service-provider' AND sp.target_type = 'Organization' AND sp.target_id = $5
              JOIN resource r ON r.rid = c.rid
             WHERE c.type = 'Condition' AND c.param = 'code' AND c.value = $2 AND c.system = $1
             ORDER BY r.rid LIMIT 51`,
      params: [ICD10, 'I63.9', ...monthRange(run), `hosp${run % HOSPITALS}`],
    }),
  },
  {
    name: 'NIHSS >= 10 Observations with their Patients (_include), first page',
    engine: (run) => ({
      type: 'Observation',
      params: [['code', `${LOINC}|70184-3`], ['value-quantity', `ge${10 + (run % 20)}`], ['_include', 'Observation:subject'], ['_total', 'none']],
      count: 20,
    }),
    hand: (run) => ({
      sql: `WITH page AS (
              SELECT r.rid, r.id, r.content FROM search_token c
                JOIN search_number v ON v.rid = c.rid AND v.type = 'Observation' AND v.param = 'value-quantity' AND v.high >= $3
                JOIN resource r ON r.rid = c.rid
               WHERE c.type = 'Observation' AND c.param = 'code' AND c.system = $1 AND c.value = $2
               ORDER BY c.rid LIMIT 21)
            SELECT id, content FROM page
            UNION ALL
            SELECT DISTINCT p.id, p.content FROM page JOIN search_reference s ON s.rid = page.rid AND s.param = 'subject'
              JOIN resource p ON p.type = s.target_type AND p.id = s.target_id`,
      params: [LOINC, '70184-3', 10 + (run % 20)],
    }),
  },
  {
    name: 'Patients by kana family-name prefix',
    engine: (run) => ({ type: 'Patient', params: [['name', KANA_FAMILY[run % KANA_FAMILY.length].slice(0, 2)], ['_total', 'none']], count: 50 }),
    hand: (run) => ({
      sql: `SELECT r.id, r.content FROM resource r WHERE r.rid IN (
              SELECT rid FROM search_string WHERE type = 'Patient' AND param = 'name' AND value LIKE $1) ORDER BY r.rid LIMIT 51`,
      params: [`${KANA_FAMILY[run % KANA_FAMILY.length].slice(0, 2)}%`],
    }),
  },
  {
    name: 'Encounters with a thrombectomy (_has:Procedure:encounter:code)',
    engine: () => ({ type: 'Encounter', params: [['_has:Procedure:encounter:code', `${PROCEDURES}|thrombectomy`], ['_total', 'none']], count: 50 }),
    hand: () => ({
      sql: `SELECT e.id, e.content FROM search_token t
              JOIN search_reference ref ON ref.rid = t.rid AND ref.type = 'Procedure' AND ref.param = 'encounter'
              JOIN resource e ON e.type = 'Encounter' AND e.id = ref.target_id
             WHERE t.type = 'Procedure' AND t.param = 'code' AND t.system = $1 AND t.value = 'thrombectomy'
             ORDER BY e.rid LIMIT 51`,
      params: [PROCEDURES],
    }),
  },
  {
    name: 'ACS Encounters with a PCI, sorted by date descending, page 1',
    engine: () => ({
      type: 'Encounter',
      params: [['reason-code', `${ICD10}|I21.0`], ['_has:Procedure:encounter:code', `${PROCEDURES}|pci`], ['_sort', '-date'], ['_total', 'none']],
      count: 20,
    }),
    hand: () => ({
      // Walks the Encounter dates newest first, testing one Encounter at a time, and stops at the page (every
      // generated Encounter has one period, so no resource is met twice).
      sql: `SELECT m.id, m.content, w.high AS sort_key
              FROM (SELECT d.rid, d.high FROM search_date d WHERE d.type = 'Encounter' AND d.param = 'date' ORDER BY d.high DESC, d.rid LIMIT 1000) w
              CROSS JOIN LATERAL (
                SELECT e.id, e.content FROM resource e
                 WHERE e.rid = w.rid
                   AND EXISTS (SELECT 1 FROM search_token rc WHERE rc.rid = e.rid AND rc.param = 'reason-code' AND rc.system = $1 AND rc.value = 'I21.0')
                   AND EXISTS (SELECT 1 FROM search_reference ref JOIN search_token t ON t.rid = ref.rid AND t.type = 'Procedure' AND t.param = 'code' AND t.system = $2 AND t.value = 'pci'
                                WHERE ref.target_id = e.id AND ref.target_type = 'Encounter' AND ref.type = 'Procedure' AND ref.param = 'encounter')
                OFFSET 0) m
             ORDER BY w.high DESC, w.rid LIMIT 21`,
      params: [ICD10, PROCEDURES],
    }),
  },
  {
    name: '_summary=count of Conditions per disease',
    engine: (run) => ({ type: 'Condition', params: [['code', `${ICD10}|${DISEASES[run % DISEASES.length]}`]], count: 0 }),
    hand: (run) => ({
      sql: `SELECT count(*) FROM search_token WHERE type = 'Condition' AND param = 'code' AND system = $1 AND value = $2`,
      params: [ICD10, DISEASES[run % DISEASES.length]],
    }),
  },
];

async function main() {
  if (!REUSE) await dropSchema(DATABASE_URL, SCHEMA);
  const runtime = await createRuntime({ ...loadConfig(), dataDir: 'memory://', databaseUrl: DATABASE_URL }, { logger: false, postgres: { schema: SCHEMA } });
  const { db } = runtime;
  const started = performance.now();
  const loaded = REUSE ? (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM resource')).rows[0].n : await load(db, (resource) => runtime.context.search.rowsOf(resource));
  // Settles the visibility map (index-only scans) and statistics, as autovacuum would after a bulk load.
  await db.exec('VACUUM ANALYZE');
  const loadSeconds = (performance.now() - started) / 1000;
  const { rows: sizes } = await db.query<{ table: string; rows: number; size: string }>(
    `SELECT relname AS table, reltuples::bigint AS rows, pg_size_pretty(pg_total_relation_size(oid)) AS size
       FROM pg_class WHERE relkind = 'r' AND relnamespace = $1::regnamespace AND (relname LIKE 'search_%' OR relname = 'resource') ORDER BY relname`,
    [SCHEMA],
  );
  console.log(REUSE ? `reusing ${loaded} resources of schema ${SCHEMA}` : `loaded ${loaded} resources in ${loadSeconds.toFixed(0)} s (index rows written in the same batches)`);
  for (const size of sizes) console.log(`  ${size.table}: ${size.rows} rows, ${size.size}`);

  const results: { name: string; engine: number[]; scoped: number[]; hand: number[]; matches: number; handRows: number; statements: { sql: string; params?: unknown[] }[] }[] = [];
  for (const query of QUERIES) {
    const engineTimes: number[] = [];
    const scopedTimes: number[] = [];
    const handTimes: number[] = [];
    let matches = 0;
    let handRows = 0;
    let statements: { sql: string; params?: unknown[] }[] = [];
    for (let run = -5; run < RUNS; run++) {
      const { type, params, count } = query.engine(Math.max(run, 0));
      const log: { sql: string; params?: unknown[] }[] = [];
      const engineStart = performance.now();
      const result = await runtime.context.search.search({ types: [type] }, params, { count, tx: recording(db, log), scope: ALL_TENANTS });
      const engineTime = performance.now() - engineStart;
      const scope = hospitalScope(runtime.context, hospitalCode(Math.max(run, 0)));
      const scopedStart = performance.now();
      await runtime.context.search.search({ types: [type] }, params, { count, tx: db, scope });
      const scopedTime = performance.now() - scopedStart;
      const hand = query.hand(Math.max(run, 0));
      const handStart = performance.now();
      const { rows } = await db.query(hand.sql, hand.params);
      const handTime = performance.now() - handStart;
      if (run < 0) continue; // warm-up
      engineTimes.push(engineTime);
      scopedTimes.push(scopedTime);
      handTimes.push(handTime);
      matches += count === 0 ? (result.total ?? 0) : result.matches.length + result.included.length;
      handRows += rows.length;
      if (run === 0) statements = log;
    }
    results.push({ name: query.name, engine: engineTimes, scoped: scopedTimes, hand: handTimes, matches: matches / RUNS, handRows: handRows / RUNS, statements });
  }

  console.log(`\n| query | engine p50 ms | engine p99 ms | hand SQL p50 ms | hand SQL p99 ms | mean results (engine / hand rows) |`);
  console.log('|---|---|---|---|---|---|');
  for (const result of results) {
    console.log(
      `| ${result.name} | ${percentile(result.engine, 0.5).toFixed(2)} | ${percentile(result.engine, 0.99).toFixed(2)} | ${percentile(result.hand, 0.5).toFixed(2)} | ${percentile(result.hand, 0.99).toFixed(2)} | ${result.matches.toFixed(1)} / ${result.handRows.toFixed(1)} |`,
    );
  }
  console.log(`\nOne hospital's scope (a hospital client) against all tenants (registry staff), same queries, same run:\n`);
  console.log('| query | all tenants p50 ms | one hospital p50 ms | p50 ratio | all tenants p99 ms | one hospital p99 ms | p99 ratio |');
  console.log('|---|---|---|---|---|---|---|');
  for (const result of results) {
    const [all50, one50, all99, one99] = [percentile(result.engine, 0.5), percentile(result.scoped, 0.5), percentile(result.engine, 0.99), percentile(result.scoped, 0.99)];
    console.log(`| ${result.name} | ${all50.toFixed(2)} | ${one50.toFixed(2)} | ${(one50 / all50).toFixed(2)} | ${all99.toFixed(2)} | ${one99.toFixed(2)} | ${(one99 / all99).toFixed(2)} |`);
  }
  const slowest = [...results].sort((a, b) => percentile(b.engine, 0.99) - percentile(a.engine, 0.99)).slice(0, 2);
  for (const result of slowest) {
    console.log(`\n### EXPLAIN ANALYZE: ${result.name}\n`);
    for (const statement of result.statements) {
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${statement.sql}`, statement.params);
      console.log('```');
      console.log(rows.map((row) => row['QUERY PLAN']).join('\n'));
      console.log('```');
    }
  }
  await runtime.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
