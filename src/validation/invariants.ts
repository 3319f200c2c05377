import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';
import type { CompiledConstraint } from './compiled-profile.js';

type CompiledExpression = (data: unknown, envVars?: Record<string, unknown>) => unknown[];

/**
 * Base constraints the validator checks natively while walking (same semantics, no FHIRPath call): ele-1 runs on
 * every element and ext-1 on every extension, so evaluating them through fhirpath would dominate validation time.
 */
const NATIVELY_CHECKED: Record<string, string> = {
  'ele-1': 'hasValue() or (children().count() > id.count())',
  'ext-1': 'extension.exists() != value.exists()',
};

export function isNativelyChecked(constraint: CompiledConstraint): boolean {
  return NATIVELY_CHECKED[constraint.key] === constraint.expression;
}

export type InvariantResult = { passed: boolean } | { failedToEvaluate: string };

/** FHIRPath evaluation of constraints with the R4 model; each (expression, context type) is compiled once. */
export class InvariantEvaluator {
  private readonly compiled = new Map<string, CompiledExpression | Error>();

  private compile(constraint: CompiledConstraint): CompiledExpression | Error {
    const cacheKey = `${constraint.basePath}\u0000${constraint.expression}`;
    let compiled = this.compiled.get(cacheKey);
    if (!compiled) {
      try {
        compiled = fhirpath.compile({ base: constraint.basePath, expression: constraint.expression }, r4Model, { async: false }) as CompiledExpression;
      } catch (error) {
        compiled = error instanceof Error ? error : new Error(String(error));
      }
      this.compiled.set(cacheKey, compiled);
    }
    return compiled;
  }

  /** Evaluates a constraint on one node; `resource` and `rootResource` fill %resource and %rootResource. */
  evaluate(constraint: CompiledConstraint, node: unknown, resource: unknown, rootResource: unknown): InvariantResult {
    const compiled = this.compile(constraint);
    if (compiled instanceof Error) return { failedToEvaluate: compiled.message };
    try {
      const result = compiled(node, { resource, rootResource });
      // Same truth rules as the Java validator: empty is false, one boolean is itself, anything else non-empty is true.
      if (result.length === 1 && typeof result[0] === 'boolean') return { passed: result[0] };
      return { passed: result.length > 0 };
    } catch (error) {
      return { failedToEvaluate: error instanceof Error ? error.message : String(error) };
    }
  }
}
