import { join } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { loadConformance } from '../../src/conformance/package-loader.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../../src/registry/synthetic/index.js';
import { hasErrors, Validator } from '../../src/validation/index.js';

/** The server's validator on the configured packages, for suites whose server runs in another process. */
export function standaloneValidator(): Validator {
  const config = loadConfig();
  return new Validator(
    loadConformance({
      fhirPackageCache: config.fhirPackageCache,
      fhirPackagesDir: config.fhirPackagesDir,
      igResourcesDir: config.igResourcesDir,
      sushiConfigPath: join(PROJECT_ROOT, 'sushi-config.yaml'),
    }),
  );
}

/**
 * The first `count` generated discharge-summary documents that validate without errors (the generator's variants
 * include some the JP-CLINS profiles refuse, e.g. a Patient without the insurance identifier).
 */
export function validRegistryDocuments(validator: Validator, count: number, options: { seed?: string; hospitals?: number } = {}): fhir4.Bundle[] {
  const documents: fhir4.Bundle[] = [];
  const generated = generateAdmissions({ ...DEFAULT_OPTIONS, admissions: count * 4, hospitals: options.hospitals ?? 4, seed: options.seed ?? 'reliability' });
  for (const { bundle } of generated) {
    if (!hasErrors(validator.validate(bundle))) documents.push(bundle);
    if (documents.length === count) break;
  }
  if (documents.length < count) throw new Error(`only ${documents.length} of ${count * 4} generated documents validate`);
  return documents;
}
