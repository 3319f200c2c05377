import fhirpath, { type Options } from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';
import type { CompiledConstraint } from './compiled-profile.js';

/** Some base invariants call trace(); keep their output off the console. */
function ignoreTrace(): void {}

type CompiledExpression = (data: unknown, envVars?: Record<string, unknown>) => unknown[];

/**
 * Base constraints the validator checks natively while walking (same semantics, no FHIRPath call): ele-1 runs on
 * every element and ext-1 on every extension, so evaluating them through fhirpath would dominate validation time.
 */
const NATIVELY_CHECKED: Record<string, string> = {
  'ele-1': 'hasValue() or (children().count() > id.count())',
  'ext-1': 'extension.exists() != value.exists()',
  // ref-1: validateReference reports a '#id' that no contained resource has.
  'ref-1': "reference.startsWith('#').not() or (reference.substring(1).trace('url') in %rootResource.contained.id.trace('ids'))",
  // txt-1/txt-2: checkNarrativeXhtml applies the narrative rules to every Narrative.div.
  'txt-1': 'htmlChecks()',
  'txt-2': 'htmlChecks()',
  // dom-3 uses descendants().as(canonical), which fhirpath.js rejects on collections; checked by checkContainedAreReferenced.
  'dom-3': "contained.where((('#'+id in (%resource.descendants().reference | %resource.descendants().as(canonical) | %resource.descendants().as(uri) | %resource.descendants().as(url))) or descendants().where(reference = '#').exists() or descendants().where(as(canonical) = '#').exists() or descendants().where(as(canonical) = '#').exists()).not()).trace('unmatched', id).empty()",
};

/**
 * fhirpath.js compiles regexes with the `u` flag, which rejects escapes the R4 invariants use (eld-19 `\'`, eld-16
 * `\@`); fall back to a non-unicode regex as the Java validator accepts them.
 */
function matchesWithLenientRegex(inputs: unknown[], regex: string): boolean | [] {
  if (inputs.length !== 1 || typeof inputs[0] !== 'string') return [];
  let pattern: RegExp;
  try {
    pattern = new RegExp(regex, 'su');
  } catch {
    pattern = new RegExp(regex, 's');
  }
  return pattern.test(inputs[0]);
}

const INVOCATION_OVERRIDES = { matches: { fn: matchesWithLenientRegex, arity: { 1: ['String'] } } };

export function isNativelyChecked(constraint: CompiledConstraint): boolean {
  return NATIVELY_CHECKED[constraint.key] === constraint.expression;
}

export type InvariantResult = { passed: boolean } | { failedToEvaluate: string };

/** FHIRPath evaluation of constraints with the R4 model; each (expression, context type) is compiled once. */
export class InvariantEvaluator {
  private readonly compiled = new Map<string, CompiledExpression | Error>();

  private compile(expression: string, basePath: string): CompiledExpression | Error {
    const cacheKey = `${basePath}\u0000${expression}`;
    let compiled = this.compiled.get(cacheKey);
    if (!compiled) {
      try {
        compiled = fhirpath.compile({ base: basePath, expression }, r4Model, { async: false, traceFn: ignoreTrace, userInvocationTable: INVOCATION_OVERRIDES } as Options) as CompiledExpression;
      } catch (error) {
        compiled = error instanceof Error ? error : new Error(String(error));
      }
      this.compiled.set(cacheKey, compiled);
    }
    return compiled;
  }

  /** Evaluates a constraint on one node of type `basePath`; `resource` and `rootResource` fill %resource and %rootResource. */
  evaluate(expression: string, basePath: string, node: unknown, resource: unknown, rootResource: unknown): InvariantResult {
    const compiled = this.compile(expression, basePath);
    if (compiled instanceof Error) return { failedToEvaluate: compiled.message };
    try {
      const result = compiled(node, { resource, rootResource });
      // Empty means the rule does not apply here (e.g. ref-1 on a display-only Reference); one boolean is itself.
      if (result.length === 0) return { passed: true };
      if (result.length === 1 && typeof result[0] === 'boolean') return { passed: result[0] };
      return { passed: true };
    } catch (error) {
      return { failedToEvaluate: error instanceof Error ? error.message : String(error) };
    }
  }
}
