import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { loadConformance, type ConformanceRegistry } from '../../src/conformance/package-loader.js';
import { Validator } from '../../src/validation/index.js';

/** The project's registry (R4, JP Core, JP-CLINS, the IG when built), plus test-only conformance resources. */
export function registryWith(resources: object[] = []): ConformanceRegistry {
  const registry = loadConformance({ ...loadConfig(), sushiConfigPath: join(PROJECT_ROOT, 'sushi-config.yaml') });
  if (resources.length) {
    const dir = mkdtempSync(join(tmpdir(), 'validator-test-'));
    resources.forEach((resource, index) => writeFileSync(join(dir, `resource-${index}.json`), JSON.stringify(resource)));
    registry.addFolder('validator-tests#0.0.0', dir);
  }
  return registry;
}

/**
 * A profile whose snapshot is the base type's snapshot changed by `customise` (tests state the exact snapshot
 * elements they rely on instead of running a snapshot generator).
 */
export function deriveProfile(
  registry: ConformanceRegistry,
  baseType: string,
  url: string,
  customise: (elements: fhir4.ElementDefinition[]) => fhir4.ElementDefinition[],
): fhir4.StructureDefinition {
  const base = registry.structureDefinition(`http://hl7.org/fhir/StructureDefinition/${baseType}`)!;
  const elements = structuredClone(base.snapshot!.element);
  return {
    resourceType: 'StructureDefinition',
    id: url.slice(url.lastIndexOf('/') + 1),
    url,
    name: url.slice(url.lastIndexOf('/') + 1),
    status: 'active',
    kind: base.kind,
    abstract: false,
    type: baseType,
    baseDefinition: base.url,
    derivation: 'constraint',
    snapshot: { element: customise(elements) },
  };
}

/** Changes the snapshot element with `id` in place. */
export function constrain(elements: fhir4.ElementDefinition[], id: string, change: Partial<fhir4.ElementDefinition>): fhir4.ElementDefinition[] {
  const element = elements.find((candidate) => candidate.id === id);
  if (!element) throw new Error(`no element ${id}`);
  Object.assign(element, change);
  return elements;
}

/** Inserts elements right after the element with `afterId` and its descendants (slices go after the sliced element's subtree). */
export function insertAfterSubtree(elements: fhir4.ElementDefinition[], afterId: string, added: fhir4.ElementDefinition[]): fhir4.ElementDefinition[] {
  const start = elements.findIndex((candidate) => candidate.id === afterId);
  let end = start + 1;
  while (end < elements.length && (elements[end].id!.startsWith(`${afterId}.`) || elements[end].id!.startsWith(`${afterId}:`))) end++;
  elements.splice(end, 0, ...added);
  return elements;
}

export type Issue = { severity: string; code: string; expression: string; diagnostics: string };

/** The issues of an outcome, without the "no issues" information entry. */
export function issuesOf(outcome: fhir4.OperationOutcome): Issue[] {
  return outcome.issue
    .filter((issue) => issue.code !== 'informational')
    .map((issue) => ({ severity: issue.severity, code: issue.code, expression: issue.expression?.[0] ?? '', diagnostics: issue.diagnostics ?? '' }));
}

export function errorsOf(outcome: fhir4.OperationOutcome): Issue[] {
  return issuesOf(outcome).filter((issue) => issue.severity === 'error');
}

let sharedValidator: Validator | undefined;

/** One validator over the project registry, shared by tests that need no test-only profiles. */
export function projectValidator(): Validator {
  sharedValidator ??= new Validator(registryWith());
  return sharedValidator;
}
