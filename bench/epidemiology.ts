/**
 * $epidemiology benchmark on PostgreSQL: the whole operation (HTTP, consent look-up, SQL, suppression, rates, JSON)
 * against the bare GROUP BY count it is built on, measured in the same run on the same rows.
 *
 *   npx tsx bench/epidemiology.ts                          # 25,000 cases, 5 runs per query
 *   BENCH_CASES=2000 BENCH_RUNS=3 npx tsx bench/epidemiology.ts
 *   TEST_DATABASE_URL=postgres://... (default postgres://postgres@127.0.0.1:5432/test; a private schema, dropped at the end)
 *
 * Rows: registry_case is filled by one INSERT … SELECT over generate_series with hash-spread values (6 diseases,
 * 47 prefectures, ages 20–99, 2 sexes, 12 months, 2 % of patients opting out) — the operation reads only these
 * columns, so documents and case derivation (bench/indicators.ts loads those) would add hours and measure nothing
 * more here. The population file is made up (1,000 people per prefecture × 5-year band × sex).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { createRuntime } from '../src/server.js';
import { dropSchema } from '../src/db/postgres.js';

const CASES = Number(process.env.BENCH_CASES ?? 25_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `bench_epidemiology_${randomBytes(4).toString('hex')}`;
const PERIOD = { start: '2025-01-01', end: '2025-12-31' };
const GROUPINGS = ['disease', 'disease,month', 'disease,prefecture,sex', 'disease,prefecture,age-band,sex,month'];
const DISEASES = ['cerebral-infarction', 'intracerebral-hemorrhage', 'subarachnoid-hemorrhage', 'acute-coronary-syndrome', 'acute-aortic-dissection', 'acute-heart-failure'];

/** The bare count the operation starts from: the same filter and groups, no consent, suppression or rates. */
function baselineSql(groupBy: string): string {
  const columns: Record<string, string> = {
    disease: 'principal_disease',
    prefecture: 'patient_prefecture',
    'age-band': 'CASE WHEN age_at_admission >= 90 THEN 90 ELSE age_at_admission - age_at_admission % 10 END',
    sex: 'sex',
    month: `to_char(admitted_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM')`,
  };
  const selected = groupBy.split(',').map((dimension) => columns[dimension]);
  return `SELECT ${selected.join(', ')}, count(*) FROM registry_case
           WHERE principal_disease IS NOT NULL AND admitted_at >= '2025-01-01T00:00:00+09:00' AND admitted_at < '2026-01-01T00:00:00+09:00'
           GROUP BY ${selected.map((_column, index) => index + 1).join(', ')}`;
}

function populationFile(): string {
  const lines = ['prefecture,age_band,sex,population'];
  for (let prefecture = 1; prefecture <= 47; prefecture++) {
    for (let from = 0; from <= 90; from += 5) {
      for (const sex of ['male', 'female']) lines.push(`${String(prefecture).padStart(2, '0')},${from === 90 ? '90+' : `${from}-${from + 4}`},${sex},1000`);
    }
  }
  const file = join(mkdtempSync(join(tmpdir(), 'bench-epidemiology-')), 'population.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  process.env.EPI_POPULATION_FILE = populationFile();
  const runtime = await createRuntime({ ...loadConfig(), databaseUrl: DATABASE_URL, dataDir: 'memory://', publicBaseUrl: 'http://bench' }, { logger: false, postgres: { schema: SCHEMA } });
  try {
    const loadStart = Date.now();
    await runtime.db.query(
      `INSERT INTO registry_case (encounter_id, document_id, document_identifier, hospital_code, hospital_prefecture, patient_id, patient_prefecture,
                                  sex, age_at_admission, diseases, principal_disease, admitted_at, died, facts)
       SELECT 'e' || n, 'd' || n, 'd' || n, lpad((abs(hashint4(n)) % 200)::text, 10, '1'), lpad((1 + abs(hashint4(n + 1)) % 47)::text, 2, '0'), 'p' || n,
              lpad((1 + abs(hashint4(n + 2)) % 47)::text, 2, '0'), CASE WHEN hashint4(n + 3) % 2 = 0 THEN 'male' ELSE 'female' END,
              20 + abs(hashint4(n + 4)) % 80, ARRAY[($1::text[])[1 + abs(hashint4(n + 5)) % 6]], ($1::text[])[1 + abs(hashint4(n + 5)) % 6],
              '2025-01-01T00:00:00+09:00'::timestamptz + (abs(hashint4(n + 6)) % 365) * interval '1 day', false, '{}'::jsonb
         FROM generate_series(1, $2::int) AS n`,
      [DISEASES, CASES],
    );
    await runtime.db.query(
      `INSERT INTO registry_consent (patient_id, decision, consent_id) SELECT 'p' || n, 'deny', 'c' || n FROM generate_series(1, $1::int) AS n WHERE n % 50 = 0`,
      [CASES],
    );
    await runtime.db.query('ANALYZE registry_case; ANALYZE registry_consent');
    console.log(`loaded ${CASES} cases (${CASES / 50} opted out) in ${((Date.now() - loadStart) / 1000).toFixed(1)} s on PostgreSQL, schema ${SCHEMA}`);
    await runtime.app.ready();

    console.log('\n| group-by | cells | suppressed | baseline SQL: median ms | $epidemiology: median ms | ratio |');
    console.log('|---|---|---|---|---|---|');
    for (const groupBy of GROUPINGS) {
      const baseline: number[] = [];
      const operation: number[] = [];
      let cells = 0;
      let suppressed = 0;
      for (let run = 0; run <= RUNS; run++) {
        let start = process.hrtime.bigint();
        await runtime.db.query(baselineSql(groupBy));
        const baselineMs = Number(process.hrtime.bigint() - start) / 1e6;
        start = process.hrtime.bigint();
        const response = await runtime.app.inject({ method: 'GET', url: `/fhir/$epidemiology?period-start=${PERIOD.start}&period-end=${PERIOD.end}&group-by=${groupBy}` });
        const operationMs = Number(process.hrtime.bigint() - start) / 1e6;
        if (response.statusCode !== 200) throw new Error(`$epidemiology answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
        const parameters = (JSON.parse(response.body) as fhir4.Parameters).parameter ?? [];
        const cellParameters = parameters.filter((parameter) => parameter.name === 'cell');
        cells = cellParameters.length;
        suppressed = cellParameters.filter((cell) => cell.part?.some((part) => part.name === 'suppressed' && part.valueBoolean)).length;
        if (run === 0) continue; // warm-up
        baseline.push(baselineMs);
        operation.push(operationMs);
      }
      const [base, ours] = [median(baseline), median(operation)];
      console.log(`| ${groupBy} | ${cells} | ${suppressed} | ${base.toFixed(1)} | ${ours.toFixed(1)} | ${(ours / base).toFixed(1)}× |`);
    }
  } finally {
    await runtime.close();
    await dropSchema(DATABASE_URL, SCHEMA);
  }
}

await main();
