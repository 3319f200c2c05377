/**
 * Patient linkage benchmark: precision, recall and F1 of the registry's linker against the generator's truth, per
 * linkage variant, and its time, with exact insurance-number matching as the baseline measured in the same run.
 *
 *   npx tsx bench/linkage.ts                 # 5,000 and 25,000 admissions in memory, 2,000 on the store, seed 1
 *   BENCH_SIZES=2000 BENCH_SEED=7 BENCH_STORE_ADMISSIONS=500 npx tsx bench/linkage.ts
 *
 * Each hospital record (one Patient per hospital and local id, as document ingest stores them) is a record; two
 * records are a true pair when the truth gives them the same personId. A method's predicted pairs are the pairs
 * inside the connected components of its links (linked records are one person, transitively).
 */
import { linkageSettings, loadConfig } from '../src/config.js';
import { linkInMemory } from '../src/registry/linkage/blocking.js';
import { linkAllPatients, linkPatient } from '../src/registry/linkage/linker.js';
import { linkageRecord, INSURANCE_MEMBER_SYSTEM, type LinkageRecord } from '../src/registry/linkage/record.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../src/registry/synthetic/index.js';
import { createRuntime } from '../src/server.js';

interface HospitalRecord {
  patient: fhir4.Patient;
  record: LinkageRecord;
  personId: string;
  variants: string[];
}

/** The hospital records of a generated data set, in arrival order: the first Bundle of each hospital and local id. */
function hospitalRecords(admissions: number, seed: string): HospitalRecord[] {
  const records = new Map<string, HospitalRecord>();
  for (const { bundle, truth } of generateAdmissions({ ...DEFAULT_OPTIONS, admissions, seed })) {
    const key = `${truth.hospitalCode}|${truth.localPatientId}`;
    if (records.has(key)) continue;
    const patient = bundle.entry!.find((entry) => entry.resource?.resourceType === 'Patient')!.resource as fhir4.Patient;
    records.set(key, { patient, record: linkageRecord(patient, key), personId: truth.personId, variants: truth.variants });
  }
  return [...records.values()];
}

/** Union-find over record ids: the components of a set of links. */
function components(ids: string[], links: { a: string; b: string }[]): Map<string, string> {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const { a, b } of links) parent.set(find(a), find(b));
  return new Map(ids.map((id) => [id, find(id)]));
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

/** All pairs inside each group (group id by record id). */
function pairsOf(groupOf: Map<string, string>): Set<string> {
  const members = new Map<string, string[]>();
  for (const [id, group] of groupOf) members.set(group, [...(members.get(group) ?? []), id]);
  const pairs = new Set<string>();
  for (const ids of members.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.add(pairKey(ids[i], ids[j]));
  return pairs;
}

interface Quality {
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

function quality(predicted: Set<string>, truth: Set<string>): Quality {
  let truePositives = 0;
  for (const pair of predicted) if (truth.has(pair)) truePositives++;
  const precision = predicted.size ? truePositives / predicted.size : 1;
  const recall = truth.size ? truePositives / truth.size : 1;
  return { predicted: predicted.size, truePositives, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Exact match on the insurance number only: the baseline. */
function insuranceOnly(records: LinkageRecord[]): { a: string; b: string }[] {
  const first = new Map<string, string>();
  const links: { a: string; b: string }[] = [];
  for (const record of records) {
    if (!record.insurance) continue;
    const earlier = first.get(record.insurance);
    if (earlier) links.push({ a: earlier, b: record.id });
    else first.set(record.insurance, record.id);
  }
  return links;
}

function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

const percent = (value: number) => `${(100 * value).toFixed(1)} %`;
const VARIANTS = ['kana-typo', 'half-width-kana', 'full-width-address', 'kanji-variant', 'moved', 'insurance-missing'];

function run(admissions: number, seed: string): void {
  const settings = linkageSettings();
  const generated = timed(() => hospitalRecords(admissions, seed));
  const records = generated.result;
  const ids = records.map((one) => one.record.id);
  const truthPairs = pairsOf(new Map(records.map((one) => [one.record.id, one.personId])));
  const variantsOf = new Map(records.map((one) => [one.record.id, one.variants]));

  const linker = timed(() => linkInMemory(records.map((one) => one.record), settings));
  const baseline = timed(() => insuranceOnly(records.map((one) => one.record)));
  const linkerPairs = pairsOf(components(ids, linker.result.links));
  const baselinePairs = pairsOf(components(ids, baseline.result));
  const linkerQuality = quality(linkerPairs, truthPairs);
  const baselineQuality = quality(baselinePairs, truthPairs);

  console.log(`\n### ${admissions.toLocaleString('en')} admissions (seed ${seed}): ${records.length.toLocaleString('en')} hospital records, ${truthPairs.size.toLocaleString('en')} true pairs`);
  console.log(`(generation and record extraction ${(generated.ms / 1000).toFixed(1)} s; thresholds certain ${settings.certainScore}, probable ${settings.probableScore}, possible ${settings.possibleScore}, insurance conflict penalty ${settings.insuranceConflictPenalty})\n`);
  console.log('| method | time ms | comparisons | predicted pairs | true positives | precision | recall | F1 |');
  console.log('|---|---|---|---|---|---|---|---|');
  console.log(`| linker (insurance + scored, blocked) | ${linker.ms.toFixed(0)} | ${linker.result.comparisons.toLocaleString('en')} | ${linkerQuality.predicted} | ${linkerQuality.truePositives} | ${percent(linkerQuality.precision)} | ${percent(linkerQuality.recall)} | ${percent(linkerQuality.f1)} |`);
  console.log(`| baseline: exact insurance number | ${baseline.ms.toFixed(0)} | – | ${baselineQuality.predicted} | ${baselineQuality.truePositives} | ${percent(baselineQuality.precision)} | ${percent(baselineQuality.recall)} | ${percent(baselineQuality.f1)} |`);
  console.log(`\nlinker ÷ baseline: recall ${(linkerQuality.recall / baselineQuality.recall).toFixed(2)}×, time ${(linker.ms / Math.max(baseline.ms, 0.001)).toFixed(1)}×\n`);

  // The auto-link threshold trades recall for precision: the same run at other LINKAGE_CERTAIN_SCORE values.
  console.log('| LINKAGE_CERTAIN_SCORE | predicted pairs | precision | recall | F1 |');
  console.log('|---|---|---|---|---|');
  for (const certainScore of [0.8, 0.85, 0.9, 0.95]) {
    const swept = { ...settings, certainScore, probableScore: Math.min(settings.probableScore, certainScore), possibleScore: Math.min(settings.possibleScore, certainScore) };
    const sweptQuality = quality(pairsOf(components(ids, linkInMemory(records.map((one) => one.record), swept).links)), truthPairs);
    console.log(`| ${certainScore} | ${sweptQuality.predicted} | ${percent(sweptQuality.precision)} | ${percent(sweptQuality.recall)} | ${percent(sweptQuality.f1)} |`);
  }
  console.log('');

  console.log('| true pairs where a record has the variant | pairs | linker recall | baseline recall |');
  console.log('|---|---|---|---|');
  for (const variant of VARIANTS) {
    const withVariant = new Set([...truthPairs].filter((pair) => pair.split('\n').some((id) => variantsOf.get(id)!.includes(variant))));
    const found = (predicted: Set<string>) => [...withVariant].filter((pair) => predicted.has(pair)).length;
    const recall = (predicted: Set<string>) => (withVariant.size ? percent(found(predicted) / withVariant.size) : '–');
    console.log(`| ${variant} | ${withVariant.size} | ${recall(linkerPairs)} | ${recall(baselinePairs)} |`);
  }
  const falsePairs = [...linkerPairs].filter((pair) => !truthPairs.has(pair));
  const byMethod = new Map(linker.result.links.map((link) => [pairKey(link.a, link.b), link]));
  const direct = falsePairs.filter((pair) => byMethod.has(pair));
  console.log(`\nlinker false pairs: ${falsePairs.length} (${direct.length} linked directly${direct.length ? `, scores ${direct.slice(0, 5).map((pair) => byMethod.get(pair)!.score).join(', ')}` : ''})`);
  const withInsurance = records.filter((one) => one.record.insurance).length;
  console.log(`records carrying the insurance number: ${percent(withInsurance / records.length)}; insurance system ${INSURANCE_MEMBER_SYSTEM}`);
}

/**
 * The server's path on the first `admissions` of the same data: each Patient stored (PGlite in memory), then
 * `linkPatient` for each in arrival order, as document ingest runs it (candidates through the search engine).
 * Reports its quality beside the in-memory linker's on the same records, and the time per record.
 */
/** A fresh in-memory PGlite runtime holding `records` as Patients with ids p0, p1, ... */
async function storeWith(records: HospitalRecord[]): Promise<Awaited<ReturnType<typeof createRuntime>>> {
  const runtime = await createRuntime({ ...loadConfig(), dataDir: 'memory://', databaseUrl: '' }, { logger: false });
  for (const [index, one] of records.entries()) await runtime.context.store.put({ ...one.patient, id: `p${index}` }, `p${index}`);
  return runtime;
}

async function runOnStore(admissions: number, seed: string): Promise<void> {
  const records = hospitalRecords(admissions, seed);
  const runtime = await storeWith(records);
  let bulkMs = 0;
  try {
    const idOf = new Map(records.map((one, index) => [one.record.id, `p${index}`]));
    const started = performance.now();
    for (const one of records) await linkPatient(runtime.context, idOf.get(one.record.id)!, 'bench');
    const ms = performance.now() - started;
    const { rows } = await runtime.db.query<{ patient_a: string; patient_b: string }>("SELECT patient_a, patient_b FROM patient_link WHERE decision = 'link'");
    const storeIds = records.map((one) => idOf.get(one.record.id)!);
    const truth = pairsOf(new Map(records.map((one) => [idOf.get(one.record.id)!, one.personId])));
    const onStore = quality(pairsOf(components(storeIds, rows.map((row) => ({ a: row.patient_a, b: row.patient_b })))), truth);
    const inMemory = quality(pairsOf(components(storeIds, linkInMemory(records.map((one) => ({ ...one.record, id: idOf.get(one.record.id)! })), linkageSettings()).links)), truth);
    console.log(`\n### Server path: ${admissions.toLocaleString('en')} admissions (seed ${seed}), ${records.length.toLocaleString('en')} stored Patients, ${truth.size} true pairs\n`);
    console.log('| method | time ms | ms per record | precision | recall | F1 |');
    console.log('|---|---|---|---|---|---|');
    console.log(`| linkPatient on the store (search-engine blocking) | ${ms.toFixed(0)} | ${(ms / records.length).toFixed(2)} | ${percent(onStore.precision)} | ${percent(onStore.recall)} | ${percent(onStore.f1)} |`);
    const bulkRuntime = await storeWith(records);
    try {
      const bulkStarted = performance.now();
      await linkAllPatients(bulkRuntime.context, 'bench');
      bulkMs = performance.now() - bulkStarted;
      const bulk = await bulkRuntime.db.query<{ patient_a: string; patient_b: string }>("SELECT patient_a, patient_b FROM patient_link WHERE decision = 'link'");
      const bulkQuality = quality(pairsOf(components(storeIds, bulk.rows.map((row) => ({ a: row.patient_a, b: row.patient_b })))), truth);
      console.log(`| linkAllPatients on the store (link-patients) | ${bulkMs.toFixed(0)} | ${(bulkMs / records.length).toFixed(2)} | ${percent(bulkQuality.precision)} | ${percent(bulkQuality.recall)} | ${percent(bulkQuality.f1)} |`);
    } finally {
      await bulkRuntime.close();
    }
    console.log(`| linkInMemory, same records | – | – | ${percent(inMemory.precision)} | ${percent(inMemory.recall)} | ${percent(inMemory.f1)} |`);
    console.log(`\nper-record (ingest path) ÷ bulk: ${(ms / bulkMs).toFixed(1)}×`);
  } finally {
    await runtime.close();
  }
}

const sizes = (process.env.BENCH_SIZES ?? '5000,25000').split(',').map(Number);
const seed = process.env.BENCH_SEED ?? '1';
console.log(`Patient linkage benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`);
for (const size of sizes) run(size, seed);
await runOnStore(Number(process.env.BENCH_STORE_ADMISSIONS ?? 2000), seed);
