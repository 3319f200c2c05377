/**
 * HL7's validator test cases (R4 JSON, no extra packages, no terminology server) against the Java validator's
 * recorded outcomes. Guards the measured agreement; `npm run test:validator-cases` prints every disagreement.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runValidatorCases, testCasesDir } from '../../scripts/run-validator-cases.js';

/** Measured agreement (cases whose error count and error locations match the Java validator). */
const ERROR_AGREEMENT_FLOOR = 55 / 76;
/** Measured agreement on errors and warning count together. */
const FULL_AGREEMENT_FLOOR = 46 / 76;

describe.skipIf(!existsSync(join(testCasesDir(), 'validator', 'manifest.json')))('HL7 validator test cases', () => {
  const summary = runValidatorCases();

  it('selects the R4 JSON cases that need nothing we lack', () => {
    expect(summary.total).toBeGreaterThan(50);
  });

  it('agrees with the Java validator at least as often as measured', () => {
    console.log(`HL7 cases: ${summary.errorAgreement}/${summary.total} agree on errors, ${summary.fullAgreement}/${summary.total} on errors and warnings`);
    expect(summary.errorAgreementRate).toBeGreaterThanOrEqual(ERROR_AGREEMENT_FLOOR);
    expect(summary.fullAgreementRate).toBeGreaterThanOrEqual(FULL_AGREEMENT_FLOOR);
  });
});
