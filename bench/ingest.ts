/**
 * Document ingest benchmark on PostgreSQL: N resources (default 10,000) of generated JP-CLINS discharge summaries
 * through the server's batch document ingest (`ingestDocuments`: validation of each whole Bundle, then one
 * transaction per batch storing the Bundles and their entries with search indexes, linkage, registry cases and
 * completeness), against two limits measured in the same run on the same rows (each Bundle and every entry as JSON):
 * plain INSERTs into an unindexed table, one statement and transaction per document, and one `COPY … FROM STDIN`
 * of all of them into a bare table.
 *
 *   npx tsx bench/ingest.ts                               # BENCH_RESOURCES=10000, DATABASE_URL=postgres://postgres@127.0.0.1:5432/test
 *   BENCH_RESOURCES=100000 BENCH_BATCH=50 BENCH_CONCURRENCY=2 npx tsx bench/ingest.ts   # CONCURRENCY: lanes of `load --lanes`
 *
 * Documents are generated as they are consumed (the generator is deterministic for its seed, so every pass sees the
 * same documents and none are held in memory), and the time spent generating is subtracted from each pass. A first
 * pass times validation alone. The data live in schema bench_ingest, dropped and re-created by every run.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig } from '../src/config.js';
import { DocumentQueue } from '../src/fhir/document-queue.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../src/registry/synthetic/index.js';
import { createRuntime } from '../src/server.js';
import { dropSchema } from '../src/db/postgres.js';

const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const RESOURCES = Number(process.env.BENCH_RESOURCES || 10_000);
const BATCH = Number(process.env.BENCH_BATCH || 50);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 2);
const SCHEMA = 'bench_ingest';

/** The stored rows of a document as the limits write them: the Bundle and each entry's resource. */
function rowsOf(bundle: fhir4.Bundle): { type: string; id: string; content: fhir4.Resource }[] {
  return [bundle, ...(bundle.entry ?? []).map((entry) => entry.resource!)].map((resource, index) => ({ type: resource.resourceType, id: `${bundle.identifier!.value}-${index}`, content: resource }));
}

/** The benchmark's documents, generated lazily until their resources (entries plus the Bundle) reach RESOURCES. */
class Documents {
  generationSeconds = 0;
  resources = 0;
  count = 0;
  private readonly generator = generateAdmissions({ ...DEFAULT_OPTIONS, admissions: Math.ceil(RESOURCES / 10), hospitals: 50, insuranceShare: 1, seed: 'bench-ingest' });

  /** The next document, or undefined when RESOURCES are reached; the time spent generating it is counted apart. */
  next(): fhir4.Bundle | undefined {
    if (this.resources >= RESOURCES) return undefined;
    const started = performance.now();
    const next = this.generator.next();
    this.generationSeconds += (performance.now() - started) / 1000;
    if (next.done) return undefined;
    this.resources += 1 + (next.value.bundle.entry?.length ?? 0);
    this.count++;
    return next.value.bundle;
  }

  /** Up to `size` next documents (empty at the end). */
  take(size: number): fhir4.Bundle[] {
    const batch: fhir4.Bundle[] = [];
    for (let bundle: fhir4.Bundle | undefined; batch.length < size && (bundle = this.next()); ) batch.push(bundle);
    return batch;
  }
}

/** CPU seconds the whole machine has spent busy (all cores, from /proc/stat): minus this process's, the database's share on a quiet machine. */
function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = ticks[3] + ticks[4];
  return (ticks.slice(0, 8).reduce((sum, tick) => sum + tick, 0) - idle) / 100;
}

/** One pass over a fresh stream of the documents, `concurrency` workers taking `batch` at a time; seconds net of generation. */
async function pass(batch: number, concurrency: number, work: (documents: fhir4.Bundle[]) => Promise<void>): Promise<{ seconds: number; documents: Documents }> {
  const documents = new Documents();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let next = documents.take(batch); next.length; next = documents.take(batch)) await work(next);
    }),
  );
  return { seconds: (performance.now() - started) / 1000 - documents.generationSeconds, documents };
}

async function main(): Promise<void> {
  await dropSchema(DATABASE_URL, SCHEMA);
  const runtime = await createRuntime({ ...loadConfig(), databaseUrl: DATABASE_URL }, { logger: false, postgres: { schema: SCHEMA } });
  const copyClient = new pg.Client({ connectionString: DATABASE_URL, options: `-c search_path=${SCHEMA}` });
  await copyClient.connect();
  try {
    // Validation alone, one thread (the ingest pays it too, inside its own time).
    let refused = 0;
    const validation = await pass(1, 1, async ([bundle]) => {
      const outcome = runtime.context.validator.validate(bundle);
      if (outcome.issue.some((issue) => issue.severity === 'error' || issue.severity === 'fatal')) refused++;
    });
    const { resources, count } = validation.documents;
    console.log(`${count} documents, ${resources} resources (${refused} refused by validation); generation ${validation.documents.generationSeconds.toFixed(1)} s per pass`);

    // Limit 1: the same rows by plain INSERT, one statement and transaction per document, no indexes.
    await runtime.db.query('CREATE TABLE baseline (type text, id text, content jsonb)');
    const insert = await pass(1, CONCURRENCY, async ([bundle]) => {
      await runtime.db.query('INSERT INTO baseline SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(type text, id text, content jsonb)', [JSON.stringify(rowsOf(bundle))]);
    });

    // Limit 2: the same rows by one COPY FROM STDIN (text format: JSON has no raw tab or newline; backslashes doubled).
    await runtime.db.query('CREATE TABLE copy_baseline (type text, id text, content jsonb)');
    const copyDocuments = new Documents();
    const copyStarted = performance.now();
    await pipeline(
      Readable.from(
        (function* () {
          for (let bundle = copyDocuments.next(); bundle; bundle = copyDocuments.next()) {
            yield rowsOf(bundle).map((row) => `${row.type}\t${row.id}\t${JSON.stringify(row.content).replace(/\\/g, '\\\\')}\n`).join('');
          }
        })(),
      ),
      copyClient.query(copyFrom('COPY copy_baseline (type, id, content) FROM STDIN')),
    );
    const copySeconds = (performance.now() - copyStarted) / 1000 - copyDocuments.generationSeconds;

    // Ingest as `load` does it: batches of BATCH documents through ingestDocuments, CONCURRENCY lanes (by hospital) in flight.
    const statuses = new Map<string, number>();
    const busyBefore = machineBusySeconds();
    const cpuBefore = process.cpuUsage();
    const queue = new DocumentQueue<undefined>(runtime.context, {
      batchSize: BATCH,
      lanes: CONCURRENCY,
      onResult: (_label, result) => {
        const status = 'error' in result ? `${result.error.status}` : `${result.response.status}`;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      },
    });
    const ingest = await pass(1, 1, async ([body]) => queue.add({ method: 'POST', baseUrl: 'http://bench/fhir', query: [], headers: { prefer: 'return=minimal' }, body }, undefined));
    const flushStarted = performance.now();
    await queue.flush();
    ingest.seconds += (performance.now() - flushStarted) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const nodeCpuSeconds = (cpu.user + cpu.system) / 1e6;
    const otherCpuSeconds = machineBusySeconds() - busyBefore - nodeCpuSeconds;
    const { rows: [stored] } = await runtime.db.query<{ resources: number; cases: number; copied: number }>(
      'SELECT (SELECT count(*)::int FROM resource) AS resources, (SELECT count(*)::int FROM registry_case) AS cases, (SELECT count(*)::int FROM copy_baseline) AS copied',
    );

    const rate = (seconds: number) => Math.round(resources / seconds);
    console.log(
      JSON.stringify(
        {
          resources,
          documents: count,
          batch: BATCH,
          concurrency: CONCURRENCY,
          ingestStatuses: Object.fromEntries(statuses),
          storedResources: stored.resources,
          cases: stored.cases,
          copiedRows: stored.copied,
          generationSecondsPerPass: +validation.documents.generationSeconds.toFixed(1),
          ingest: { seconds: +ingest.seconds.toFixed(1), resourcesPerSecond: rate(ingest.seconds), documentsPerSecond: +(count / ingest.seconds).toFixed(1) },
          // CPU during the ingest pass: this process (all threads), and the rest of the machine (PostgreSQL, when nothing else runs).
          ingestCpuMsPerResource: { node: +((nodeCpuSeconds * 1000) / resources).toFixed(3), restOfMachine: +((otherCpuSeconds * 1000) / resources).toFixed(3) },
          insertLimit: { seconds: +insert.seconds.toFixed(1), resourcesPerSecond: rate(insert.seconds) },
          copyLimit: { seconds: +copySeconds.toFixed(1), resourcesPerSecond: rate(copySeconds) },
          ingestShareOfCopyRate: +(copySeconds / ingest.seconds).toFixed(3),
          ratioIngestToInsert: +(ingest.seconds / insert.seconds).toFixed(1),
          validationSecondsSingleThread: +validation.seconds.toFixed(1),
          validationResourcesPerSecond: rate(validation.seconds),
          validationShareOfIngestTime: +(validation.seconds / ingest.seconds).toFixed(2),
        },
        null,
        2,
      ),
    );
  } finally {
    await copyClient.end();
    await runtime.close();
    await dropSchema(DATABASE_URL, SCHEMA);
  }
}

await main();
