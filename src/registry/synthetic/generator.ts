/**
 * The seeded synthetic registry: a stream of discharge-summary Bundles plus the linkage truth (which Bundles are
 * the same person). Same options → byte-identical output; admissions are generated one at a time and written as
 * they come, so memory stays flat apart from the (small) person and hospital tables.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { buildDischargeSummary } from './bundle.js';
import { simulateAdmission } from './clinical.js';
import { DISEASES, diseaseSpec, type DiseaseKey, type DiseaseSpec } from './diseases.js';
import { DAY, HOUR } from './model.js';
import { buildHospitals, createPerson, DEFAULT_VARIANT_RATES, registrationAt, type Hospital, type LinkageVariant, type Person, type VariantRates } from './population.js';
import { SeededRandom } from './random.js';

export interface GeneratorOptions {
  admissions: number;
  hospitals: number;
  seed: string;
  /** Share of admissions that re-admit an earlier patient at another hospital. */
  readmissionShare: number;
  /** Share of registrations that carry the individual insurance number (被保険者個人識別子). */
  insuranceShare: number;
  /** Probability that each optional item (scores, labs, arrival mode, onset status, destination) is missing. */
  missingRate: number;
  /** First day of the admission period (YYYY-MM-DD, JST). */
  startDate: string;
  periodDays: number;
  variantRates: VariantRates;
}

export const DEFAULT_OPTIONS: GeneratorOptions = {
  admissions: 25_000,
  hospitals: 200,
  seed: '1',
  readmissionShare: 0.1,
  insuranceShare: 0.85,
  missingRate: 0.05,
  startDate: '2024-04-01',
  periodDays: 365,
  variantRates: DEFAULT_VARIANT_RATES,
};

export interface TruthRecord {
  /** Bundle.identifier.value: `<institution code>^<yyyy>^<document number>`. */
  bundleIdentifier: string;
  bundleId: string;
  personId: string;
  hospitalCode: string;
  localPatientId: string;
  disease: DiseaseKey;
  /** 1 for the person's first admission in the data set, 2 for the next ... */
  admissionNumber: number;
  /** Differences of this hospital's registration from the person's first one (empty for first registrations). */
  variants: LinkageVariant[];
}

export interface GeneratedAdmission {
  bundle: fhir4.Bundle;
  truth: TruthRecord;
}

function jstMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00+09:00`);
}

function birthDateFor(rng: SeededRandom, day: number, age: number): string {
  const birth = day - Math.round(age * 365.25 * DAY) - rng.int(0, 364) * DAY;
  return new Date(birth + 9 * HOUR).toISOString().slice(0, 10);
}

function ageAt(birthDate: string, day: number): number {
  return Math.floor((day - jstMidnight(birthDate)) / (365.25 * DAY));
}

/** Generates admissions lazily, in a fixed order; consumers may stop early. */
export function* generateAdmissions(options: GeneratorOptions): Generator<GeneratedAdmission> {
  const root = new SeededRandom(`jp-cvd-registry/${options.seed}`);
  const hospitals = buildHospitals(options.hospitals, root.derive('hospitals'));
  const hospitalsByPrefecture = new Map<string, Hospital[]>();
  for (const hospital of hospitals) hospitalsByPrefecture.set(hospital.address.prefecture.code, [...(hospitalsByPrefecture.get(hospital.address.prefecture.code) ?? []), hospital]);
  const diseaseWeights = DISEASES.map((disease) => ({ value: disease, weight: disease.share }));
  const start = jstMidnight(options.startDate);
  const alive: Person[] = [];
  let personCount = 0;

  const pickHospital = (rng: SeededRandom, person: Person, exclude?: string): Hospital => {
    const local = (hospitalsByPrefecture.get(person.address.prefecture.code) ?? []).filter((hospital) => hospital.code !== exclude);
    // Patients are mostly taken to a hospital in their prefecture; some are admitted while away from home.
    const candidates = local.length && rng.chance(0.9) ? local : hospitals.filter((hospital) => hospital.code !== exclude);
    return rng.weighted(candidates.map((hospital) => ({ value: hospital, weight: hospital.volume })));
  };

  for (let index = 0; index < options.admissions; index++) {
    const rng = root.derive(`admission/${index}`);
    let person: Person | undefined;
    let disease: DiseaseSpec;
    let day: number;
    if (hospitals.length > 1 && alive.length && rng.chance(options.readmissionShare)) {
      const position = rng.int(0, alive.length - 1);
      person = alive[position];
      disease = rng.chance(0.55) ? diseaseSpec(person.lastDisease as DiseaseKey) : rng.weighted(diseaseWeights);
      const gapDays = Math.max(14, Math.round(rng.logNormal(120, 2)));
      day = Math.floor(((person.lastDischarge as number) + 9 * HOUR) / DAY) * DAY - 9 * HOUR + gapDays * DAY;
    } else {
      disease = rng.weighted(diseaseWeights);
      day = start + rng.int(0, options.periodDays - 1) * DAY;
      const male = rng.chance(disease.maleShare);
      const age = Math.round(Math.min(100, Math.max(20, rng.normal(disease.age.mean, disease.age.sd))));
      personCount++;
      person = createPerson(`P${String(personCount).padStart(7, '0')}`, rng, male, birthDateFor(rng, day, age), age);
      alive.push(person);
    }
    const readmission = person.admissionCount > 0;
    const hospital = readmission ? pickHospital(rng, person, person.lastHospitalCode) : pickHospital(rng, person);
    const registration = registrationAt(person, hospital, rng, options.insuranceShare, options.variantRates);
    const admission = simulateAdmission({
      rng,
      disease,
      age: ageAt(person.birthDate, day),
      hospital: hospital.capabilities,
      day,
      missingRate: options.missingRate,
    });
    person.admissionCount++;
    person.lastHospitalCode = hospital.code;
    person.lastDischarge = admission.discharge;
    person.lastDisease = disease.key;
    if (admission.died) {
      person.alive = false;
      // Swap-remove: order of `alive` only affects which person a later readmission picks, deterministically.
      const position = alive.indexOf(person);
      alive[position] = alive[alive.length - 1];
      alive.pop();
    }
    const documentNumber = `DS${String(index + 1).padStart(8, '0')}`;
    const bundle = buildDischargeSummary({ rng, person, registration, hospital, practitioner: rng.pick(hospital.practitioners), admission, documentNumber });
    yield {
      bundle,
      truth: {
        bundleIdentifier: bundle.identifier?.value as string,
        bundleId: bundle.id as string,
        personId: person.id,
        hospitalCode: hospital.code,
        localPatientId: registration.localPatientId,
        disease: disease.key,
        admissionNumber: person.admissionCount,
        variants: registration.variants,
      },
    };
  }
}

export interface GenerationSummary {
  admissions: number;
  persons: number;
  readmissions: number;
  byDisease: Record<string, number>;
  files: string[];
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

async function close(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * Writes `bundles-NNNNN.ndjson` (one document Bundle per line, `bundlesPerFile` per file) and `truth.json` to
 * `outDir`. `onProgress` is called after every admission.
 */
export async function writeSyntheticData(options: GeneratorOptions, outDir: string, bundlesPerFile: number, onProgress: (done: number) => void = () => {}): Promise<GenerationSummary> {
  mkdirSync(outDir, { recursive: true });
  const summary: GenerationSummary = { admissions: 0, persons: 0, readmissions: 0, byDisease: {}, files: [] };
  const persons = new Set<string>();
  const truth = createWriteStream(join(outDir, 'truth.json'), 'utf8');
  const { variantRates, ...scalarOptions } = options;
  await write(truth, `{\n"format": "jp-cvd-registry/synthetic-truth/1",\n"parameters": ${JSON.stringify({ ...scalarOptions, variantRates })},\n"bundles": [\n`);
  let bundles: WriteStream | undefined;
  let line = 0;
  for (const { bundle, truth: record } of generateAdmissions(options)) {
    if (!bundles || line === bundlesPerFile) {
      if (bundles) await close(bundles);
      const file = `bundles-${String(summary.files.length + 1).padStart(5, '0')}.ndjson`;
      summary.files.push(file);
      bundles = createWriteStream(join(outDir, file), 'utf8');
      line = 0;
    }
    await write(bundles, JSON.stringify(bundle) + '\n');
    line++;
    const file = summary.files[summary.files.length - 1];
    await write(truth, `${summary.admissions ? ',\n' : ''}${JSON.stringify({ ...record, file, line })}`);
    summary.admissions++;
    persons.add(record.personId);
    if (record.admissionNumber > 1) summary.readmissions++;
    summary.byDisease[record.disease] = (summary.byDisease[record.disease] ?? 0) + 1;
    onProgress(summary.admissions);
  }
  if (bundles) await close(bundles);
  summary.persons = persons.size;
  await write(truth, `\n],\n"summary": ${JSON.stringify({ admissions: summary.admissions, persons: summary.persons, readmissions: summary.readmissions, byDisease: summary.byDisease })}\n}\n`);
  await close(truth);
  return summary;
}
