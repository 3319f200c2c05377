/**
 * Document ingest benchmark on PostgreSQL: N resources (default 10,000) of generated JP-CLINS discharge summaries
 * through the server's document ingest (validation of the whole Bundle, one transaction per document storing the
 * Bundle and its entries with search indexes, registry case and completeness), against a baseline measured in the
 * same run: the same rows (the Bundle and every entry as JSON) written by plain INSERTs into an unindexed table,
 * one statement and transaction per document.
 *
 *   npx tsx bench/ingest.ts                               # BENCH_RESOURCES=10000, DATABASE_URL=postgres://postgres@127.0.0.1:5432/test
 *   BENCH_RESOURCES=100000 BENCH_CONCURRENCY=2 npx tsx bench/ingest.ts
 *
 * Validation is also timed on its own (a pass over the same documents before the timed ingest), so the report splits
 * ingest time into validation and the rest (link rewriting, SQL, indexes, case derivation). The data live in schema
 * bench_ingest, dropped and re-created by every run.
 */
import { loadConfig } from '../src/config.js';
import type { FhirRequest } from '../src/fhir/context.js';
import { documentBundle } from '../src/fhir/interaction/document.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../src/registry/synthetic/index.js';
import { createRuntime } from '../src/server.js';
import { dropSchema } from '../src/db/postgres.js';

const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const RESOURCES = Number(process.env.BENCH_RESOURCES || 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 2);
const SCHEMA = 'bench_ingest';

/** Runs `work` over items with `concurrency` workers; returns seconds. */
async function timed<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  await dropSchema(DATABASE_URL, SCHEMA);
  const runtime = await createRuntime({ ...loadConfig(), databaseUrl: DATABASE_URL }, { logger: false, postgres: { schema: SCHEMA } });
  try {
    // Documents until their entries (plus the Bundle itself) reach RESOURCES. Every patient carries the insurance
    // identifier JP-CLINS requires; documents the validator still refuses are left out before timing.
    const documents: fhir4.Bundle[] = [];
    let resources = 0;
    let refused = 0;
    let validationSeconds = 0;
    const generator = generateAdmissions({ ...DEFAULT_OPTIONS, admissions: Math.ceil(RESOURCES / 10), hospitals: 50, insuranceShare: 1, seed: 'bench-ingest' });
    for (const { bundle } of generator) {
      if (resources >= RESOURCES) break;
      const started = performance.now();
      const outcome = runtime.context.validator.validate(bundle);
      validationSeconds += (performance.now() - started) / 1000;
      if (outcome.issue.some((issue) => issue.severity === 'error' || issue.severity === 'fatal')) {
        refused++;
        continue;
      }
      documents.push(bundle);
      resources += 1 + (bundle.entry?.length ?? 0);
    }
    const validatedResources = resources;
    console.log(`${documents.length} documents, ${resources} resources (${refused} generated documents refused by validation and left out)`);

    // Baseline: the same rows by plain INSERT, one statement and transaction per document, no indexes.
    await runtime.db.query('CREATE TABLE baseline (type text, id text, content jsonb)');
    const baselineSeconds = await timed(documents, CONCURRENCY, async (bundle) => {
      const rows = [bundle, ...(bundle.entry ?? []).map((entry) => entry.resource!)].map((resource, index) => ({ type: resource.resourceType, id: `${bundle.identifier!.value}-${index}`, content: resource }));
      await runtime.db.query('INSERT INTO baseline SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(type text, id text, content jsonb)', [JSON.stringify(rows)]);
    });

    const ingestSeconds = await timed(documents, CONCURRENCY, async (bundle) => {
      const request: FhirRequest = { method: 'POST', baseUrl: 'http://bench/fhir', query: [], headers: {}, body: bundle };
      const response = await documentBundle(runtime.context, request);
      if (response.status !== 201) throw new Error(`document ${bundle.identifier?.value} answered ${response.status}`);
    });
    const { rows: [stored] } = await runtime.db.query<{ resources: number; cases: number }>(
      'SELECT (SELECT count(*)::int FROM resource) AS resources, (SELECT count(*)::int FROM registry_case) AS cases',
    );

    const rate = (seconds: number) => Math.round(validatedResources / seconds);
    // Node runs validation on one thread whatever the concurrency, so its share is of the ingest's wall time.
    const validationShare = validationSeconds / ingestSeconds;
    console.log(
      JSON.stringify(
        {
          resources: validatedResources,
          documents: documents.length,
          concurrency: CONCURRENCY,
          storedResources: stored.resources,
          cases: stored.cases,
          ingest: { seconds: +ingestSeconds.toFixed(1), resourcesPerSecond: rate(ingestSeconds) },
          baselineInsert: { seconds: +baselineSeconds.toFixed(1), resourcesPerSecond: rate(baselineSeconds) },
          ratioIngestToBaseline: +(ingestSeconds / baselineSeconds).toFixed(1),
          validationSecondsSingleThread: +validationSeconds.toFixed(1),
          validationResourcesPerSecond: rate(validationSeconds),
          validationShareOfIngestTime: +validationShare.toFixed(2),
        },
        null,
        2,
      ),
    );
  } finally {
    await runtime.close();
    await dropSchema(DATABASE_URL, SCHEMA);
  }
}

await main();
