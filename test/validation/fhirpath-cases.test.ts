/**
 * The official FHIRPath test suite for R4 (fhir-test-cases/r4/fhirpath/tests-fhir-r4.xml), run through the `fhirpath`
 * package with the R4 model — the same engine and call the validator uses for invariants. Inputs come from
 * fhir-test-cases/r4/examples as JSON; tests whose input exists there only as XML are counted as skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';
import { describe, expect, it } from 'vitest';
import { testCasesDir } from '../../scripts/run-validator-cases.js';

interface FhirPathCase {
  name: string;
  group: string;
  inputFile?: string;
  expression: string;
  invalid?: string;
  predicate: boolean;
  ordered: boolean;
  outputs: { type?: string; value: string }[];
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, decimal?: string, hex?: string) =>
    decimal ? String.fromCodePoint(Number(decimal)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : XML_ENTITIES[name],
  );
}

function attributes(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)) found[match[1]] = decodeXml(match[2]);
  return found;
}

/** The suite's XML is regular (group > test > expression, output*), so a small scanner reads it without a dependency. */
function parseSuite(xml: string): FhirPathCase[] {
  const cases: FhirPathCase[] = [];
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, '');
  for (const group of withoutComments.matchAll(/<group\b([^>]*)>([\s\S]*?)<\/group>/g)) {
    const groupName = attributes(group[1]).name ?? '';
    for (const test of group[2].matchAll(/<test\b([^>]*)>([\s\S]*?)<\/test>/g)) {
      const testAttributes = attributes(test[1]);
      const expression = /<expression\b([^>]*)>([\s\S]*?)<\/expression>/.exec(test[2]);
      if (!expression) continue;
      const expressionAttributes = attributes(expression[1]);
      cases.push({
        name: testAttributes.name ?? `${groupName}#${cases.length}`,
        group: groupName,
        inputFile: testAttributes.inputfile,
        expression: decodeXml(expression[2]),
        invalid: expressionAttributes.invalid,
        predicate: testAttributes.predicate === 'true',
        ordered: testAttributes.ordered !== 'false',
        outputs: [...test[2].matchAll(/<output\b([^>]*)>([\s\S]*?)<\/output>/g)].map((output) => ({ type: attributes(output[1]).type, value: decodeXml(output[2]) })),
      });
    }
  }
  return cases;
}

/** Compares one fhirpath.js result value with an expected output of the suite. */
function matchesOutput(actual: unknown, expected: { type?: string; value: string }): boolean {
  const text = expected.value.startsWith('@') ? expected.value.slice(1) : expected.value;
  switch (expected.type) {
    case 'boolean':
      return actual === (text === 'true');
    case 'integer':
    case 'decimal':
      return Number(actual) === Number(text);
    case 'date':
    case 'dateTime':
    case 'time':
      return String(actual).replace(/^T/, '') === text.replace(/^T/, '');
    default:
      return typeof actual === 'number' ? actual === Number(text) : String(actual) === text;
  }
}

type Outcome = 'passed' | 'failed' | 'skipped';

function runCase(testCase: FhirPathCase, inputs: Map<string, unknown>): { outcome: Outcome; detail?: string } {
  let input: unknown = {};
  if (testCase.inputFile) {
    const jsonName = testCase.inputFile.replace(/\.xml$/, '.json');
    if (!inputs.has(jsonName)) return { outcome: 'skipped', detail: `input ${jsonName} not available` };
    input = structuredClone(inputs.get(jsonName));
  }
  const environment = { resource: input, rootResource: input, sct: 'http://snomed.info/sct', loinc: 'http://loinc.org' };
  let result: unknown[];
  try {
    result = fhirpath.evaluate(input, testCase.expression, environment, r4Model, { async: false, traceFn: () => {} }) as unknown[];
  } catch (error) {
    return testCase.invalid ? { outcome: 'passed' } : { outcome: 'failed', detail: `threw ${(error as Error).message.slice(0, 100)}` };
  }
  if (testCase.invalid) return { outcome: 'failed', detail: `expected ${testCase.invalid} error, got ${JSON.stringify(result).slice(0, 80)}` };
  const actual = testCase.predicate ? [result.length > 0 && result.some((value) => value !== false)] : result;
  const expected = testCase.outputs;
  const same = actual.length === expected.length && (testCase.ordered
    ? expected.every((output, index) => matchesOutput(actual[index], output))
    : expected.every((output) => actual.some((value) => matchesOutput(value, output))));
  return same ? { outcome: 'passed' } : { outcome: 'failed', detail: `expected ${JSON.stringify(expected.map((output) => output.value))}, got ${JSON.stringify(actual).slice(0, 120)}` };
}

/**
 * Tests fhirpath 5.2.2 fails with the R4 model (measured, 55). By cause: strict-mode semantic errors the package does
 * not raise (testSimpleFail, testPolymorphism*, iif criteria...); date/time arithmetic that returns the instant
 * normalised to UTC instead of keeping the +10:00 offset (testPlusDate*); lowBoundary/highBoundary/precision edge
 * cases and Quantity boundaries; conformsTo() not implemented; %vs-/%ext- variables we do not define; collection
 * equivalence (~) and a few others. None of these functions appear in the R4, JP Core or JP-CLINS invariants.
 */
const KNOWN_FAILURES = new Set<string>([
  'HighBoundaryDateTimeMillisecond1',
  'HighBoundaryDateTimeMillisecond3',
  'HighBoundaryDecimal15',
  'HighBoundaryDecimal16',
  'HighBoundaryQuantity',
  'HighBoundaryTimeMillisecond',
  'LowBoundaryDateTimeMillisecond1',
  'LowBoundaryDecimal15',
  'LowBoundaryQuantity',
  'LowBoundaryTimeMillisecond',
  'PrecisionDateTimeMilliseconds',
  'PrecisionDecimal',
  'PrecisionTimeMilliseconds',
  'PrecisionTimeMinutes',
  'PrecisionYear',
  'testCollectionBoolean1',
  'testConformsTo1',
  'testConformsTo2',
  'testDollarOrderNotAllowed',
  'testEquality23',
  'testEquivalent21',
  'testEquivalent23',
  'testExtension2',
  'testFHIRPathAsFunction11',
  'testFHIRPathAsFunction16',
  'testFHIRPathIsFunction10',
  'testFHIRPathIsFunction8',
  'testFHIRPathIsFunction9',
  'testIif10',
  'testIif6',
  'testMinus5',
  'testNEquality17',
  'testNotEquivalent21',
  'testPlusDate18',
  'testPlusDate19',
  'testPlusDate20',
  'testPlusDate21',
  'testPlusDate22',
  'testPlusDate3',
  'testPlusDate4',
  'testPlusDate5',
  'testPlusDate6',
  'testPlusDate7',
  'testPlusDate8',
  'testPolymorphicsB',
  'testPolymorphismAsB',
  'testPolymorphismB',
  'testQuantity4',
  'testReplaceMatches2',
  'testSimpleFail',
  'testSimpleWithWrongContext',
  'testSort10',
  'testSort8',
  'testType22',
  'testVariables4',
]);

/** Passing tests measured with fhirpath 5.2.2; the suite must not drop below this. */
const PASS_FLOOR = 860;

const suiteDir = join(testCasesDir(), 'r4');
const suiteFile = join(suiteDir, 'fhirpath', 'tests-fhir-r4.xml');

describe.skipIf(!existsSync(suiteFile))('FHIRPath R4 test suite through the fhirpath package', () => {
  const cases = existsSync(suiteFile) ? parseSuite(readFileSync(suiteFile, 'utf8')) : [];
  const inputs = new Map<string, unknown>();
  for (const testCase of cases) {
    const jsonName = testCase.inputFile?.replace(/\.xml$/, '.json');
    const file = jsonName && join(suiteDir, 'examples', jsonName);
    if (jsonName && file && !inputs.has(jsonName) && existsSync(file)) inputs.set(jsonName, JSON.parse(readFileSync(file, 'utf8')));
  }
  const results = cases.map((testCase) => ({ testCase, ...runCase(testCase, inputs) }));
  const passed = results.filter((result) => result.outcome === 'passed');
  const failed = results.filter((result) => result.outcome === 'failed');
  const skipped = results.filter((result) => result.outcome === 'skipped');

  it('reports the pass rate and every failure', () => {
    console.log(`FHIRPath R4 suite: ${cases.length} tests, ${passed.length} passed, ${failed.length} failed, ${skipped.length} skipped (input only in XML)`);
    for (const failure of failed) console.log(`  known fhirpath.js deviation ${failure.testCase.group}/${failure.testCase.name}: ${failure.testCase.expression.replace(/\s+/g, ' ').slice(0, 80)} — ${failure.detail}`);
    expect(cases.length).toBeGreaterThan(900);
  });

  it('fails only the tests listed as known failures', () => {
    expect(failed.map((failure) => failure.testCase.name).filter((name) => !KNOWN_FAILURES.has(name))).toEqual([]);
  });

  it(`passes at least ${PASS_FLOOR} tests`, () => {
    expect(passed.length).toBeGreaterThanOrEqual(PASS_FLOOR);
  });
});
