import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { loadConformance } from '../../src/conformance/package-loader.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../../src/registry/synthetic/index.js';
import { rootElements, selectsNothing } from '../../src/search/extract.js';
import { ParameterCatalog } from '../../src/search/parameters.js';

describe('index extraction: parameters skipped by their expression root', () => {
  it('tells the top-level elements of plain paths, and nothing for expressions that may yield from an empty input', () => {
    expect(rootElements('Patient.identifier')).toEqual(new Set(['identifier']));
    expect(rootElements('(Observation.value as Quantity) | (Observation.component.value as Quantity)')).toEqual(new Set(['value', 'component']));
    expect(rootElements('Encounter.subject.where(resolve() is Patient)')).toEqual(new Set(['subject']));
    expect(rootElements("Patient.extension('http://example.org/a(b)').value")).toEqual(new Set(['extension']));
    expect(rootElements("Condition.code.coding.where(system = 'x').code.select(iif($this.startsWith('I63'), 'a', {}))")).toEqual(new Set(['code']));
    expect(rootElements('Patient.deceased.exists() and Patient.deceased != false')).toBeUndefined();
    expect(rootElements('Observation | Observation.component')).toBeUndefined();
    expect(rootElements('Patient.name.exists()')).toBeUndefined();
    expect(rootElements('%resource.id')).toBeUndefined();
    expect(rootElements('Patient.where(active = true).id')).toBeUndefined();
  });

  it('skips only parameters that select nothing from generated discharge summaries', () => {
    const config = loadConfig();
    const registry = loadConformance({
      fhirPackageCache: config.fhirPackageCache,
      fhirPackagesDir: config.fhirPackagesDir,
      igResourcesDir: config.igResourcesDir,
      sushiConfigPath: join(PROJECT_ROOT, 'sushi-config.yaml'),
    });
    const catalog = new ParameterCatalog(registry, registry.resourceTypes());
    let skipped = 0;
    let evaluated = 0;
    for (const { bundle } of generateAdmissions({ ...DEFAULT_OPTIONS, admissions: 20, hospitals: 3, seed: 'extract-skip' })) {
      for (const resource of [bundle, ...(bundle.entry ?? []).map((entry) => entry.resource!)]) {
        for (const parameter of catalog.indexed(resource.resourceType)) {
          if (!selectsNothing(parameter, Object.keys(resource))) {
            evaluated++;
            continue;
          }
          skipped++;
          expect(parameter.evaluate(resource), `${resource.resourceType} ${parameter.code}: ${parameter.expression}`).toEqual([]);
        }
      }
    }
    // Many parameters of a resource read elements it does not have: the evaluations the skip saves.
    expect(skipped).toBeGreaterThan(evaluated / 2);
  });
});
