import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testCasesDir } from '../../scripts/run-validator-cases.js';
import { loadConfig } from '../../src/config.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../../src/registry/synthetic/index.js';
import { typedResults } from '../../src/search/extract.js';
import { ParameterCatalog } from '../../src/search/parameters.js';
import { compileTypedPaths, NeedsFhirpath } from '../../src/search/typed-paths.js';
import { registryWith } from '../validation/helpers.js';

const config = loadConfig();
const registry = registryWith();
const catalog = new ParameterCatalog(registry, registry.resourceTypes());

/** A resource and the resources inside it (Bundle entries, contained), each indexed on its own. */
function withInner(resource: fhir4.Resource): fhir4.Resource[] {
  const inner: fhir4.Resource[] = [
    ...((resource as fhir4.Bundle).entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource as fhir4.Resource] : [])),
    ...((resource as fhir4.DomainResource).contained ?? []),
  ];
  return [resource, ...inner.flatMap(withInner)];
}

/** The R4 examples of HL7's test cases, the IG's examples and generated discharge summaries. */
function corpus(): fhir4.Resource[] {
  const read = (dir: string) =>
    existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as fhir4.Resource) : [];
  const generated = [...generateAdmissions({ ...DEFAULT_OPTIONS, admissions: 60, hospitals: 5, seed: 'typed-paths' })].map(({ bundle }) => bundle as fhir4.Resource);
  return [...read(join(testCasesDir(), 'r4', 'examples')), ...read(config.igResourcesDir), ...generated]
    .filter((resource) => typeof resource?.resourceType === 'string')
    .flatMap(withInner);
}

describe('compiled search paths', () => {
  it('compiles member paths with as/ofType and resolve() type tests, and nothing else', () => {
    expect(compileTypedPaths('Patient.name.family', 'Patient')).toBeDefined();
    expect(compileTypedPaths('(Observation.value as Quantity) | (Observation.component.value as Quantity)', 'Observation')).toBeDefined();
    expect(compileTypedPaths('Condition.onset.as(dateTime) | Condition.onset.as(Period)', 'Condition')).toBeDefined();
    expect(compileTypedPaths('Encounter.subject.where(resolve() is Patient)', 'Encounter')).toBeDefined();
    expect(compileTypedPaths('Resource.meta.profile', 'Observation')).toBeDefined();
    expect(compileTypedPaths("Patient.telecom.where(system='phone')", 'Patient')).toBeUndefined();
    expect(compileTypedPaths('Patient.deceased.exists() and Patient.deceased != false', 'Patient')).toBeUndefined();
    expect(compileTypedPaths('Observation.code', 'Patient')).toBeUndefined();
  });

  it('selects the values, types and element paths fhirpath.js does, for every compiled parameter over the R4 examples, the IG examples and generated data', () => {
    const resources = corpus();
    expect(resources.length).toBeGreaterThan(1000);
    let compared = 0;
    let compiled = 0;
    let all = 0;
    for (const resource of resources) {
      for (const parameter of catalog.indexed(resource.resourceType)) {
        all++;
        if (!parameter.typedPaths) continue;
        compiled++;
        let fast;
        try {
          fast = parameter.typedPaths(resource);
        } catch (error) {
          // The compiled form may hand a resource back to fhirpath.js; it must never answer differently.
          if (error instanceof NeedsFhirpath) continue;
          throw error;
        }
        const expected = typedResults(parameter.evaluate(resource));
        expect(fast, `${resource.resourceType}/${resource.id} ${parameter.code}: ${parameter.expression}`).toEqual(expected);
        if (expected.length) compared++;
      }
    }
    // Most parameter evaluations take the compiled path, and many of them select something.
    expect(compiled / all).toBeGreaterThan(0.7);
    expect(compared).toBeGreaterThan(5000);
  });
});
