#!/usr/bin/env node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import { loadConfig } from './config.js';
import { migrate } from './db/migrations.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open.js';
import { DocumentQueue } from './fhir/document-queue.js';
import { newId } from './fhir/ids.js';
import type { FhirRequest } from './fhir/context.js';
import { rebuildCases } from './registry/cases/rebuild.js';
import { refreshResults } from './registry/indicators/case-results.js';
import { indicatorSet } from './registry/indicators/definitions.js';
import { exportToFolder } from './fhir/operation/export/local-export.js';
import { linkAllPatients } from './registry/linkage/linker.js';
import { ConsentRecorder, registryConsentProfile } from './registry/consent/registry-consent.js';
import { DEFAULT_OPTIONS, writeSyntheticData } from './registry/synthetic/index.js';
import { reindex } from './search/indexer.js';
import { CLIENT_ROLES, ClientRegistry, type ClientRole } from './security/clients.js';
import { createRuntime, serve } from './server.js';

/** Resources of a JSON file (a resource, or the entries of a non-transaction Bundle) or an NDJSON file. */
function resourcesOf(file: string): fhir4.Resource[] {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.ndjson')) return text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
  const parsed = JSON.parse(text) as fhir4.Resource;
  if (parsed.resourceType === 'Bundle') {
    const bundle = parsed as fhir4.Bundle<fhir4.Resource>;
    if (bundle.type === 'collection' || bundle.type === 'searchset') return (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : []));
  }
  return [parsed];
}

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)))
    .filter((file) => file.endsWith('.json') || file.endsWith('.ndjson'));
}

/** Opens the configured store, brings its schema up to date, runs `work` and closes it; returns the migrations applied. */
async function withMigratedDatabase(work: (db: Database) => Promise<unknown>): Promise<number[]> {
  const db = await openDatabase(loadConfig());
  try {
    const applied = await migrate(db);
    await work(db);
    return applied;
  } finally {
    await db.close();
  }
}

const program = new Command()
  .name('jp-cvd-registry')
  .description('FHIR R4 server of the Japan cardiovascular disease registry (循環器病データベース)');

program
  .command('serve')
  .description('start the FHIR server (PORT, HOST, DATA_DIR, DATABASE_URL, FHIR_PACKAGES_DIR)')
  .action(async () => {
    await serve(loadConfig());
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    const applied = await withMigratedDatabase(async () => {});
    console.log(applied.length ? `applied migrations ${applied.join(', ')}` : 'database schema is up to date');
  });

program
  .command('load')
  .description('store FHIR resources from JSON / NDJSON files or folders: document Bundles are ingested as documents (entries stored, registry case derived), other resources with an id are PUT, others created')
  .argument('<paths...>', 'files or folders')
  .option('--batch <documents>', 'document Bundles stored per transaction (each still answered on its own: a refused one sinks no other)', '50')
  .option('--lanes <n>', 'batches stored at once, each for its own hospitals (a hospital\'s documents are stored in file order)', '2')
  .action(async (paths: string[], options: { batch: string; lanes: string }) => {
    const [batchSize, lanes] = [Number(options.batch), Number(options.lanes)];
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`--batch must be a positive integer, got "${options.batch}"`);
    if (!Number.isInteger(lanes) || lanes < 1) throw new Error(`--lanes must be a positive integer, got "${options.lanes}"`);
    const config = loadConfig();
    const runtime = await createRuntime(config, { logger: false });
    const files = paths.flatMap(filesUnder);
    const bar = new SingleBar({ format: 'load [{bar}] {value}/{total} files | {resources} resources, {documents} documents' }, Presets.shades_classic);
    let stored = 0;
    let documents = 0;
    const refused: string[] = [];
    // The same path as POST /fhir/Bundle: validated whole, entries stored, registry case derived, corrections applied.
    const queue = new DocumentQueue<string>(runtime.context, {
      batchSize,
      lanes,
      onResult: (label, result) => {
        if ('error' in result) {
          refused.push(`${label}: ${result.error.status} ${result.error.issues.filter((one) => one.severity === 'error').slice(0, 3).map((one) => one.diagnostics).join('; ')}`);
        } else documents++;
      },
    });
    bar.start(files.length, 0, { resources: 0, documents: 0 });
    try {
      for (const file of files) {
        for (const [index, resource] of resourcesOf(file).entries()) {
          if (!runtime.context.resourceTypes.has(resource.resourceType)) throw new Error(`${file}: unknown resourceType ${resource.resourceType}`);
          if (resource.resourceType === 'Bundle' && (resource as fhir4.Bundle).type === 'document') {
            const request: FhirRequest = { method: 'POST', baseUrl: `${config.publicBaseUrl || 'http://localhost'}/fhir`, query: [], headers: { prefer: 'return=minimal' }, body: resource };
            await queue.add(request, `${file} #${index + 1}`);
            continue;
          }
          // Queued documents are stored first: another resource may refer to what they create.
          await queue.flush();
          if (resource.id) await runtime.context.store.put(resource, resource.id);
          else await runtime.context.store.create(resource, newId());
          stored++;
        }
        bar.increment(1, { resources: stored, documents });
      }
      await queue.flush();
    } finally {
      bar.stop();
      await runtime.close();
    }
    for (const line of refused) console.error(line);
    const ingested = documents || refused.length ? `; ingested ${documents} documents${refused.length ? ` (${refused.length} refused)` : ''}` : '';
    console.log(`stored ${stored} resources from ${files.length} files${ingested}`);
    if (refused.length) process.exitCode = 1;
  });

program
  .command('derive-cases')
  .description('rebuild registry_case (cases and completeness) from the stored documents, e.g. after the IG\'s ConceptMaps changed')
  .action(async () => {
    const runtime = await createRuntime(loadConfig(), { logger: false });
    const bar = new SingleBar({ format: 'derive-cases [{bar}] {value}/{total} documents' }, Presets.shades_classic);
    bar.start(0, 0);
    try {
      const result = await rebuildCases(runtime.db, runtime.context.conformance, (done, total) => {
        bar.setTotal(total);
        bar.update(done);
      });
      bar.stop();
      console.log(`derived ${result.derived} cases${result.unmapped ? `; ${result.unmapped} document Bundles were not stored by document ingest (load them again)` : ''}`);
    } finally {
      bar.stop();
      await runtime.close();
    }
  });

program
  .command('evaluate-indicators')
  .description('evaluate the indicator Measures on every registry case not yet evaluated under them (after a bulk load, derive-cases or an IG rebuild), so that reports are SQL counts')
  .action(async () => {
    const runtime = await createRuntime(loadConfig(), { logger: false });
    try {
      const started = Date.now();
      const indicators = indicatorSet(runtime.context.conformance);
      const evaluated = await refreshResults(runtime.context.store, indicators, { start: '0001-01-01T00:00:00Z', end: '9999-12-31T00:00:00Z' });
      console.log(`evaluated ${indicators.indicators.length} Measures on ${evaluated} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await runtime.close();
    }
  });

program
  .command('packages')
  .description('list the FHIR packages the server loads and how many resources each has')
  .action(async () => {
    const runtime = await createRuntime({ ...loadConfig(), dataDir: 'memory://', databaseUrl: '' }, { logger: false });
    for (const pkg of runtime.context.conformance.packages) console.log(`${pkg.name}#${pkg.version}\t${pkg.resourceCount}\t${pkg.dir}`);
    await runtime.close();
  });

program
  .command('reindex')
  .description('rebuild every search index row from the stored resources (after SearchParameters were added or changed)')
  .action(async () => {
    const runtime = await createRuntime(loadConfig(), { logger: false });
    const bar = new SingleBar({ format: 'reindex [{bar}] {value}/{total} resources' }, Presets.shades_classic);
    let failures = 0;
    bar.start(0, 0);
    try {
      const indexed = await reindex(runtime.db, runtime.context.conformance, {
        onProgress: (done, total) => {
          bar.setTotal(total);
          bar.update(done);
        },
        onError: () => failures++,
      });
      bar.stop();
      console.log(`reindexed ${indexed} resources${failures ? `; ${failures} parameter values could not be evaluated` : ''}`);
    } finally {
      bar.stop();
      await runtime.close();
    }
  });

program
  .command('consent-rebuild')
  .description('rebuild registry_consent (secondary-use and acute-care decisions) from the stored registry Consents')
  .action(async () => {
    const runtime = await createRuntime(loadConfig(), { logger: false });
    try {
      const recorder = new ConsentRecorder(runtime.context.search, registryConsentProfile(runtime.context.conformance));
      const patients = await runtime.db.transaction((tx) => recorder.rebuild(tx));
      console.log(`recorded the current registry Consent of ${patients} patients`);
    } finally {
      await runtime.close();
    }
  });

program
  .command('link-patients')
  .description('link the stored Patients of one person across hospitals (Patient.link seealso; see docs/LINKAGE.md)')
  .action(async () => {
    const runtime = await createRuntime(loadConfig(), { logger: false });
    const bar = new SingleBar({ format: 'link-patients [{bar}] {value}/{total} pairs | {duration_formatted}' }, Presets.shades_classic);
    try {
      bar.start(0, 0);
      const { patients, linkedPairs } = await linkAllPatients(runtime.context, 'link-patients', (done, total) => {
        bar.setTotal(total);
        bar.update(done);
      });
      bar.stop();
      console.log(`checked ${patients} patients; linked pairs: ${linkedPairs}`);
    } finally {
      bar.stop();
      await runtime.close();
    }
  });

const clients = program.command('client').description('manage SMART Backend Services clients');

clients
  .command('add')
  .description('register (or update) a client with its public JWK Set and the scopes it may be granted')
  .requiredOption('--id <clientId>', 'client_id (the iss/sub of its assertions)')
  .requiredOption('--role <role>', `one of ${CLIENT_ROLES.join(', ')}`)
  .requiredOption('--jwks <file>', 'JSON file with the public JWK Set ({"keys": [...]})')
  .requiredOption('--scope <scopes>', 'space-separated SMART v2 scopes, e.g. "system/Bundle.c system/*.rs"')
  .option('--name <name>', 'display name')
  .option('--hospital <code>', '10-digit medical institution code (hospital clients)')
  .action(async (options: { id: string; role: ClientRole; jwks: string; scope: string; name?: string; hospital?: string }) => {
    await withMigratedDatabase((db) =>
      new ClientRegistry(db).register({
        clientId: options.id,
        name: options.name ?? options.id,
        role: options.role,
        hospitalCode: options.hospital,
        jwks: JSON.parse(readFileSync(options.jwks, 'utf8')),
        scopes: options.scope.split(/\s+/).filter(Boolean),
      }),
    );
    console.log(`registered client ${options.id} (${options.role})`);
  });

clients
  .command('disable')
  .description('disable a client: its tokens stop working at once')
  .argument('<clientId>')
  .action(async (clientId: string) => {
    await withMigratedDatabase(async (db) => {
      if (!(await new ClientRegistry(db).disable(clientId))) throw new Error(`no client ${clientId}`);
    });
    console.log(`disabled client ${clientId}`);
  });

/** A command-line number in [min, max]. */
function numberOption(min: number, max: number, integer: boolean): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) throw new Error(`expected ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${text}`);
    return value;
  };
}

program
  .command('generate')
  .description('write seeded synthetic discharge-summary Bundles (NDJSON) and truth.json with the record-linkage truth (docs/GENERATOR.md)')
  .requiredOption('--out <dir>', 'output folder')
  .option('--admissions <n>', 'number of admissions (Bundles)', numberOption(1, 10_000_000, true), DEFAULT_OPTIONS.admissions)
  .option('--hospitals <n>', 'number of hospitals', numberOption(1, 100_000, true), DEFAULT_OPTIONS.hospitals)
  .option('--seed <seed>', 'random seed (any string)', DEFAULT_OPTIONS.seed)
  .option('--readmission-share <p>', 'share of admissions that re-admit an earlier patient at another hospital', numberOption(0, 1, false), DEFAULT_OPTIONS.readmissionShare)
  .option('--insurance-share <p>', 'share of registrations carrying the individual insurance number', numberOption(0, 1, false), DEFAULT_OPTIONS.insuranceShare)
  .option('--missing-rate <p>', 'probability that each optional data item is missing', numberOption(0, 1, false), DEFAULT_OPTIONS.missingRate)
  .option('--start-date <date>', 'first admission day (YYYY-MM-DD, JST)', DEFAULT_OPTIONS.startDate)
  .option('--period-days <n>', 'length of the admission period in days', numberOption(1, 3650, true), DEFAULT_OPTIONS.periodDays)
  .option('--per-file <n>', 'Bundles per NDJSON file', numberOption(1, 1_000_000, true), 1000)
  .action(async (flags: { out: string; admissions: number; hospitals: number; seed: string; readmissionShare: number; insuranceShare: number; missingRate: number; startDate: string; periodDays: number; perFile: number }) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(flags.startDate)) throw new Error(`--start-date must be YYYY-MM-DD, got ${flags.startDate}`);
    const { out, perFile, ...generatorFlags } = flags;
    const options = { ...DEFAULT_OPTIONS, ...generatorFlags };
    const bar = new SingleBar({ format: 'generate [{bar}] {value}/{total} admissions | {duration}s' }, Presets.shades_classic);
    const started = performance.now();
    bar.start(options.admissions, 0);
    const summary = await writeSyntheticData(options, out, perFile, (done) => {
      if (done % 250 === 0 || done === options.admissions) bar.update(done);
    }).finally(() => bar.stop());
    const seconds = (performance.now() - started) / 1000;
    console.log(`wrote ${summary.admissions} Bundles (${summary.persons} persons, ${summary.readmissions} re-admissions) in ${summary.files.length} files and truth.json to ${out} in ${seconds.toFixed(1)} s`);
  });

program
  .command('export')
  .description('run a Bulk Data $export end to end and write the NDJSON files and a manifest.json to a folder')
  .argument('<folder>', 'output folder (created if missing)')
  .option('--patient', 'Patient-level export: the Patient compartment of every patient')
  .option('--group <id>', "Group-level export: the Patient compartments of the Group's members, or of the patients its registry-case characteristics describe")
  .option('--type <types>', '_type: comma-separated resource types')
  .option('--since <instant>', '_since: only resources changed after this instant')
  .option('--type-filter <query...>', '_typeFilter: [type]?[search parameters], repeatable')
  .option('--deidentify', 'de-identified export (needs EXPORT_PSEUDONYM_KEY; see docs/DEIDENTIFICATION.md)')
  .action(async (folder: string, options: { patient?: boolean; group?: string; type?: string; since?: string; typeFilter?: string[]; deidentify?: boolean }) => {
    const runtime = await createRuntime(loadConfig(), { logger: false });
    const parameters: [string, string][] = [
      ...(options.type ? [['_type', options.type] as [string, string]] : []),
      ...(options.since ? [['_since', options.since] as [string, string]] : []),
      ...(options.typeFilter ?? []).map((filter) => ['_typeFilter', filter] as [string, string]),
      ...(options.deidentify ? [['_deidentify', 'true'] as [string, string]] : []),
    ];
    const bar = new SingleBar({ format: 'export [{bar}] {value}/{total} resources | {duration_formatted}' }, Presets.shades_classic);
    let started = false;
    try {
      const manifest = await exportToFolder(runtime.context, {
        level: options.group ? 'group' : options.patient ? 'patient' : 'system',
        ...(options.group ? { groupId: options.group } : {}),
        parameters,
        folder,
        onProgress: (exported, upperBound) => {
          if (!started) bar.start(upperBound, 0);
          started = true;
          bar.setTotal(Math.max(upperBound, exported));
          bar.update(exported);
        },
      });
      bar.stop();
      for (const output of manifest.output) console.log(`${output.url}\t${output.type}\t${output.count}`);
      console.log(`exported ${manifest.output.reduce((sum, output) => sum + output.count, 0)} resources into ${folder} (manifest.json)`);
    } finally {
      bar.stop();
      await runtime.close();
    }
  });

program.parseAsync().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
