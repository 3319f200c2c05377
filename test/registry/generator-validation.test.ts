import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { loadConformance } from '../../src/conformance/package-loader.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../../src/registry/synthetic/index.js';
import { Validator } from '../../src/validation/index.js';

const registry = loadConformance({ ...loadConfig(), sushiConfigPath: join(PROJECT_ROOT, 'sushi-config.yaml') });

describe('generated Bundles against JP-CLINS and the registry IG', () => {
  // The JP-CLINS 1.5.2 section-code defect is corrected by the loader's errata (src/conformance/errata.ts).
  it('validate without errors against JP-CLINS and the registry profiles', () => {
    expect(
      registry.structureDefinition('http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-bundle-discharge-summary'),
      'the IG is built (npm run build:ig)',
    ).toBeTruthy();
    const validator = new Validator(registry);
    // Default options, re-admissions and linkage variants included: every generated document must be acceptable.
    const sample = generateAdmissions({ ...DEFAULT_OPTIONS, admissions: 200, seed: 'validation', readmissionShare: 0.3 });
    const counts = { bundles: 0, warnings: 0 };
    const errors: string[] = [];
    for (const { bundle, truth } of sample) {
      counts.bundles++;
      for (const issue of validator.validate(bundle).issue) {
        if (issue.severity === 'warning') counts.warnings++;
        if (issue.severity !== 'error' && issue.severity !== 'fatal') continue;
        errors.push(`${truth.disease} ${issue.expression?.[0]}: ${issue.diagnostics}`);
      }
    }
    console.log(`validated ${counts.bundles} generated Bundles: ${errors.length} errors, ${counts.warnings} warnings`);
    expect(counts.bundles).toBe(200);
    expect(errors).toEqual([]);
  });
});
