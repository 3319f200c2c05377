/**
 * Runs HL7's validator test cases (fhir-test-cases/validator) that apply to this validator — R4 JSON instances that
 * need no extra packages, supporting files, logical models or terminology server — and compares our error/warning
 * counts and error locations with the Java validator's recorded outcomes.
 *
 *   npm run test:validator-cases            # prints the agreement and writes test/validation/hl7-cases-summary.json
 *   FHIR_TEST_CASES_DIR=/path npm run ...   # test cases elsewhere than ../shared/fhir-test-cases
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { loadConformance } from '../src/conformance/package-loader.js';
import { Validator } from '../src/validation/index.js';

export function testCasesDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(PROJECT_ROOT, env.FHIR_TEST_CASES_DIR || '../shared/fhir-test-cases');
}

interface ManifestCase {
  name: string;
  file: string;
  version?: string;
  module?: string;
  java?: unknown;
  [option: string]: unknown;
}

/** Options that load extra content or switch validator modes we do not have. */
const EXCLUDING_OPTIONS = ['packages', 'supporting', 'profile', 'profiles', 'logical', 'fetcher', 'tx-dependent', 'supporting5', 'package-map'];
/** Modules about other formats or features outside instance validation against R4 definitions. */
const EXCLUDED_MODULES = new Set(['tx', 'tx-advanced', 'json5', 'matchetype', 'dsig', 'api', 'cdshooks', 'xver', 'cda', 'shc']);

export interface CaseComparison {
  name: string;
  module: string;
  expected: { errors: number; warnings: number; errorLocations: string[] };
  actual: { errors: number; warnings: number; errorLocations: string[] };
  errorsAgree: boolean;
  warningsAgree: boolean;
  category?: string;
  crashed?: string;
}

export interface CasesSummary {
  total: number;
  errorAgreement: number;
  errorAgreementRate: number;
  fullAgreement: number;
  fullAgreementRate: number;
  disagreementsByCategory: Record<string, number>;
  cases: CaseComparison[];
}

/** `Bundle.entry[0].resource/*Patient/x*\/.name[0]` → `Bundle.entry[0].resource.name[0]`. */
function normaliseLocation(location: string): string {
  return location.replace(/\/\*[^*]*\*\//g, '').replace(/\s+/g, '');
}

function summariseOutcome(outcome: fhir4.OperationOutcome): CaseComparison['expected'] {
  const issues = outcome.issue ?? [];
  const errors = issues.filter((issue) => issue.severity === 'error' || issue.severity === 'fatal');
  return {
    errors: errors.length,
    warnings: issues.filter((issue) => issue.severity === 'warning').length,
    errorLocations: errors.map((issue) => normaliseLocation(issue.expression?.[0] ?? issue.location?.[0] ?? '')).sort(),
  };
}

export function selectCases(casesDir: string): { testCase: ManifestCase; outcomeFile: string }[] {
  const manifest = JSON.parse(readFileSync(join(casesDir, 'validator', 'manifest.json'), 'utf8')) as { 'test-cases': ManifestCase[] };
  return manifest['test-cases'].flatMap((testCase) => {
    if (!testCase.version?.startsWith('4.0') || !testCase.file.endsWith('.json')) return [];
    if (EXCLUDING_OPTIONS.some((option) => testCase[option] !== undefined)) return [];
    if (EXCLUDED_MODULES.has(testCase.module ?? '')) return [];
    if (typeof testCase.java !== 'string') return [];
    const outcomeFile = join(casesDir, 'validator', 'outcomes', testCase.java);
    if (!existsSync(outcomeFile)) return [];
    // Outcomes produced with a terminology server carry its address: those depend on it.
    if (readFileSync(outcomeFile, 'utf8').includes('operationoutcome-issue-server')) return [];
    return [{ testCase, outcomeFile }];
  });
}

function categorise(expected: CaseComparison['expected'], actual: CaseComparison['actual']): string {
  if (actual.errors > expected.errors) return expected.errors === 0 ? 'false errors (Java: valid)' : 'more errors than Java';
  if (actual.errors < expected.errors) return actual.errors === 0 ? 'missed errors (we: valid)' : 'fewer errors than Java';
  if (expected.errorLocations.join() !== actual.errorLocations.join()) return 'same error count, different locations';
  return actual.warnings > expected.warnings ? 'more warnings than Java' : 'fewer warnings than Java';
}

export function runValidatorCases(casesDir = testCasesDir()): CasesSummary {
  const config = loadConfig();
  const registry = loadConformance({ ...config, sushiConfigPath: join(PROJECT_ROOT, 'sushi-config.yaml') });
  const validator = new Validator(registry);
  const cases: CaseComparison[] = [];
  for (const { testCase, outcomeFile } of selectCases(casesDir)) {
    const expected = summariseOutcome(JSON.parse(readFileSync(outcomeFile, 'utf8')));
    let actual: CaseComparison['expected'];
    let crashed: string | undefined;
    try {
      // A UTF-8 byte order mark is allowed before JSON text (RFC 8259 §8.1); JSON.parse does not skip it.
      const instance = JSON.parse(readFileSync(join(casesDir, 'validator', testCase.file), 'utf8').replace(/^\uFEFF/, ''));
      actual = summariseOutcome(validator.validate(instance));
    } catch (error) {
      // Invalid JSON is a fatal error for the Java validator too; count it as one error at the root.
      crashed = error instanceof Error ? error.message : String(error);
      actual = { errors: 1, warnings: 0, errorLocations: [''] };
    }
    const errorsAgree = expected.errors === actual.errors && expected.errorLocations.every((location, index) => location === '' || location === actual.errorLocations[index]);
    const warningsAgree = expected.warnings === actual.warnings;
    const comparison: CaseComparison = { name: testCase.name, module: testCase.module ?? 'general', expected, actual, errorsAgree, warningsAgree, crashed };
    if (!errorsAgree || !warningsAgree) comparison.category = categorise(expected, actual);
    cases.push(comparison);
  }
  const errorAgreement = cases.filter((c) => c.errorsAgree).length;
  const fullAgreement = cases.filter((c) => c.errorsAgree && c.warningsAgree).length;
  const disagreementsByCategory: Record<string, number> = {};
  for (const c of cases) if (c.category) disagreementsByCategory[c.category] = (disagreementsByCategory[c.category] ?? 0) + 1;
  return {
    total: cases.length,
    errorAgreement,
    errorAgreementRate: cases.length ? errorAgreement / cases.length : 0,
    fullAgreement,
    fullAgreementRate: cases.length ? fullAgreement / cases.length : 0,
    disagreementsByCategory,
    cases,
  };
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

function main(): void {
  const summary = runValidatorCases();
  console.log(`HL7 validator cases (R4 JSON, no extra packages, no terminology server): ${summary.total}`);
  console.log(`  errors agree (count and locations): ${summary.errorAgreement}/${summary.total} = ${percent(summary.errorAgreementRate)}`);
  console.log(`  errors and warning count agree:     ${summary.fullAgreement}/${summary.total} = ${percent(summary.fullAgreementRate)}`);
  console.log('Disagreements by category:');
  for (const [category, count] of Object.entries(summary.disagreementsByCategory).sort((a, b) => b[1] - a[1])) console.log(`  ${count.toString().padStart(3)}  ${category}`);
  for (const c of summary.cases.filter((entry) => entry.category)) {
    console.log(`- ${c.name} [${c.module}] ${c.category}: expected E${c.expected.errors}/W${c.expected.warnings}, got E${c.actual.errors}/W${c.actual.warnings}${c.crashed ? ` (${c.crashed})` : ''}`);
    if (!c.errorsAgree) console.log(`    expected errors at ${JSON.stringify(c.expected.errorLocations)}\n    actual errors at   ${JSON.stringify(c.actual.errorLocations)}`);
  }
  const summaryFile = join(PROJECT_ROOT, 'test', 'validation', 'hl7-cases-summary.json');
  writeFileSync(summaryFile, `${JSON.stringify({ ...summary, cases: summary.cases.filter((c) => c.category) }, null, 2)}\n`);
  console.log(`Summary written to ${summaryFile}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
