/**
 * The FHIRPath subset compiler must decide every invariant exactly as fhirpath.js does. Differential check: every
 * (constraint, node) the validator evaluates while validating the IG's examples and generated discharge summaries
 * is evaluated again with fhirpath.js alone, and the results must be equal; plus the edge cases found on the way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { loadConformance } from '../../src/conformance/package-loader.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../../src/registry/synthetic/index.js';
import { compileFastPath, NeedsFullEngine } from '../../src/validation/fast-fhirpath.js';
import { InvariantEvaluator } from '../../src/validation/invariants.js';
import { Validator } from '../../src/validation/index.js';

type Evaluation = Parameters<InvariantEvaluator['evaluate']>;

describe('FHIRPath subset compiler', () => {
  it('agrees with fhirpath.js on every invariant evaluated for the IG examples and generated Bundles', () => {
    const config = loadConfig();
    const registry = loadConformance({ ...config, sushiConfigPath: join(PROJECT_ROOT, 'sushi-config.yaml') });
    const inputs: unknown[] = readdirSync(config.igResourcesDir)
      .filter((file) => file.startsWith('Bundle-'))
      .map((file) => JSON.parse(readFileSync(join(config.igResourcesDir, file), 'utf8')));
    for (const { bundle } of generateAdmissions({ ...DEFAULT_OPTIONS, admissions: 6, hospitals: 3, seed: 'fast-fhirpath' })) inputs.push(bundle);
    const evaluations: Evaluation[] = [];
    // Capture what the validator evaluates (the outcome does not change which nodes it walks).
    const spy = vi.spyOn(InvariantEvaluator.prototype, 'evaluate').mockImplementation((...args: Evaluation) => {
      evaluations.push(args);
      return { passed: true };
    });
    const validator = new Validator(registry);
    for (const input of inputs) validator.validate(input);
    spy.mockRestore();

    const withSubset = new InvariantEvaluator();
    const reference = new InvariantEvaluator({ subsetCompiler: false });
    let decidedBySubset = 0;
    const disagreements: string[] = [];
    for (const [expression, basePath, node, resource, rootResource] of evaluations) {
      const fast = compileFastPath(expression);
      try {
        fast?.(node, basePath.includes('.') ? undefined : basePath, resource, rootResource);
        if (fast) decidedBySubset++;
      } catch (error) {
        if (!(error instanceof NeedsFullEngine)) throw error;
      }
      const actual = withSubset.evaluate(expression, basePath, node, resource, rootResource);
      const expected = reference.evaluate(expression, basePath, node, resource, rootResource);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) disagreements.push(`${basePath}: ${expression} → ${JSON.stringify(actual)}, fhirpath.js ${JSON.stringify(expected)}`);
    }
    expect(disagreements).toEqual([]);
    expect(evaluations.length).toBeGreaterThan(1000);
    // Most evaluations must actually take the fast path, or the compiler is not doing its job.
    expect(decidedBySubset / evaluations.length).toBeGreaterThan(0.9);
  });

  const evaluate = (expression: string, node: unknown, rootType?: string): unknown[] => compileFastPath(expression)!(node, rootType, node, node);

  it('reads choice elements by their type suffix only (implementationGuide is not implementation[x])', () => {
    const capability = { resourceType: 'CapabilityStatement', kind: 'requirements', implementationGuide: ['http://example.org/ig'] };
    expect(evaluate('implementation.exists()', capability)).toEqual([false]);
    expect(evaluate('value.ofType(Quantity).value', { valueQuantity: { value: 3 } }, 'Extension')).toEqual([3]);
    expect(evaluate("value.ofType(string) = 'a'", { valueString: 'a' }, 'Extension')).toEqual([true]);
  });

  it('follows three-valued logic and empty propagation', () => {
    expect(evaluate('a.exists() implies b.exists()', {})).toEqual([true]);
    expect(evaluate("a = 'x' or b = 'y'", { b: 'z' })).toEqual([]);
    expect(evaluate("a = 'x' and b = 'y'", { b: 'z' })).toEqual([false]);
    expect(evaluate("a = 'x' xor b = 'y'", { a: 'x', b: 'z' })).toEqual([true]);
    expect(evaluate('entry.where(resource is Condition).count()', { entry: [{ resource: { resourceType: 'Condition' } }, { resource: { resourceType: 'Patient' } }] })).toEqual([1]);
  });

  it('compares full dates and same-zone date-times itself and leaves other date comparisons to fhirpath.js', () => {
    expect(evaluate('start <= end', { start: '2024-04-01', end: '2024-04-02' }, 'Period')).toEqual([true]);
    expect(evaluate('start <= end', { start: '2024-04-02T10:00:00+09:00', end: '2024-04-01T10:00:00+09:00' }, 'Period')).toEqual([false]);
    expect(() => evaluate('start <= end', { start: '2024-04-01T10:00:00+09:00', end: '2024-04-01T02:00:00Z' }, 'Period')).toThrow(NeedsFullEngine);
    expect(() => evaluate("birthDate = '2024-04-01'", { birthDate: '2024-04-01' }, 'Patient')).toThrow(NeedsFullEngine);
  });

  it('leaves primitive extensions and unsupported functions to fhirpath.js', () => {
    expect(() => evaluate('birthDate.hasValue()', { birthDate: '2000', _birthDate: { extension: [] } }, 'Patient')).toThrow(NeedsFullEngine);
    expect(compileFastPath('descendants().exists()')).toBeUndefined();
    expect(compileFastPath("memberOf('http://example.org/vs')")).toBeUndefined();
  });
});
