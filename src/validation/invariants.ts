import fhirpath, { type Options } from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';
import type { CompiledConstraint } from './compiled-profile.js';
import { compileFastPath, lenientRegex, type FastPath } from './fast-fhirpath.js';
import { deepEquals } from './value-matching.js';

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
  return lenientRegex(regex).test(inputs[0]);
}

const INVOCATION_OVERRIDES = { matches: { fn: matchesWithLenientRegex, arity: { 1: ['String'] } } };

export function isNativelyChecked(constraint: Pick<CompiledConstraint, 'key' | 'expression'>): boolean {
  return NATIVELY_CHECKED[constraint.key] === constraint.expression;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function metaOf(resource: JsonObject): JsonObject {
  return isObject(resource.meta) ? resource.meta : {};
}

/**
 * Base invariants evaluated by code with the same meaning as their FHIRPath, keyed by the exact expression (a profile
 * that words a rule differently goes through FHIRPath). They run on every resource, Bundle entry or Quantity, and
 * through fhirpath.js they cost more than the rest of the validation together; the issues they produce are unchanged.
 */
const NATIVE_INVARIANTS = new Map<string, (node: JsonObject) => boolean>([
  // dom-2
  ['contained.contained.empty()', (node) => listOf(node.contained).every((contained) => contained.contained === undefined)],
  // dom-4
  ['contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()', (node) => listOf(node.contained).every((contained) => metaOf(contained).versionId === undefined && metaOf(contained).lastUpdated === undefined)],
  // dom-5
  ['contained.meta.security.empty()', (node) => listOf(node.contained).every((contained) => metaOf(contained).security === undefined)],
  // dom-6
  ['text.`div`.exists()', (node) => isObject(node.text) && node.text.div !== undefined],
  // bdl-1
  ["total.empty() or (type = 'searchset') or (type = 'history')", (node) => node.total === undefined || node.type === 'searchset' || node.type === 'history'],
  // bdl-2
  ["entry.search.empty() or (type = 'searchset')", (node) => node.type === 'searchset' || listOf(node.entry).every((entry) => entry.search === undefined)],
  // bdl-3
  ["entry.all(request.exists() = (%resource.type = 'batch' or %resource.type = 'transaction' or %resource.type = 'history'))", (node) => listOf(node.entry).every((entry) => (entry.request !== undefined) === (node.type === 'batch' || node.type === 'transaction' || node.type === 'history'))],
  // bdl-4
  ["entry.all(response.exists() = (%resource.type = 'batch-response' or %resource.type = 'transaction-response' or %resource.type = 'history'))", (node) => listOf(node.entry).every((entry) => (entry.response !== undefined) === (node.type === 'batch-response' || node.type === 'transaction-response' || node.type === 'history'))],
  // bdl-7
  ["(type = 'history') or entry.where(fullUrl.exists()).select(fullUrl&resource.meta.versionId).isDistinct()", (node) => {
      if (node.type === 'history') return true;
      const keys = listOf(node.entry)
        .filter((entry) => entry.fullUrl !== undefined)
        .map((entry) => `${String(entry.fullUrl)}${String((isObject(entry.resource) && metaOf(entry.resource).versionId) ?? '')}`);
      return new Set(keys).size === keys.length;
    }],
  // bdl-9
  ["type = 'document' implies (identifier.system.exists() and identifier.value.exists())", (node) => node.type !== 'document' || (isObject(node.identifier) && node.identifier.system !== undefined && node.identifier.value !== undefined)],
  // bdl-10
  ["type = 'document' implies (timestamp.hasValue())", (node) => node.type !== 'document' || typeof node.timestamp === 'string'],
  // bdl-11
  ["type = 'document' implies entry.first().resource.is(Composition)", (node) => node.type !== 'document' || (isObject(listOf(node.entry)[0]?.resource) && (listOf(node.entry)[0].resource as JsonObject).resourceType === 'Composition')],
  // bdl-12
  ["type = 'message' implies entry.first().resource.is(MessageHeader)", (node) => node.type !== 'message' || (isObject(listOf(node.entry)[0]?.resource) && (listOf(node.entry)[0].resource as JsonObject).resourceType === 'MessageHeader')],
  // bdl-5
  ['resource.exists() or request.exists() or response.exists()', (node) => node.resource !== undefined || node.request !== undefined || node.response !== undefined],
  // bdl-8
  ["fullUrl.exists() implies fullUrl.contains('/_history/').not()", (node) => typeof node.fullUrl !== 'string' || !node.fullUrl.includes('/_history/')],
  // bdl-8 as JP-CLINS words it
  ["fullUrl.contains('/_history/').not()", (node) => typeof node.fullUrl !== 'string' || !node.fullUrl.includes('/_history/')],
  // qty-3
  ['code.empty() or system.exists()', (node) => node.code === undefined || node.system !== undefined],
  // obs-6
  ['dataAbsentReason.empty() or value.empty()', (node) => node.dataAbsentReason === undefined || !hasChoice(node, 'value')],
  // obs-7: a value is not repeated as a component with the Observation's own code
  [
    'value.empty() or component.code.where(coding.intersect(%resource.code.coding).exists()).empty()',
    (node) => {
      if (!hasChoice(node, 'value')) return true;
      const ownCodings = listOf(isObject(node.code) ? node.code.coding : undefined);
      return listOf(node.component).every((component) => !listOf(isObject(component.code) ? component.code.coding : undefined).some((coding) => ownCodings.some((own) => deepEquals(own, coding))));
    },
  ],
  // cmp-1, cmp-2
  ['text.exists() or entry.exists() or section.exists()', (node) => node.text !== undefined || node.entry !== undefined || node.section !== undefined],
  ['emptyReason.empty() or entry.empty()', (node) => node.emptyReason === undefined || node.entry === undefined],
]);

/** Whether a choice element (`value[x]`) has any value in the instance. */
function hasChoice(node: JsonObject, name: string): boolean {
  return Object.keys(node).some((key) => key.startsWith(name) && key.length > name.length && key[name.length] === key[name.length].toUpperCase());
}

export type InvariantResult = { passed: boolean } | { failedToEvaluate: string };

/**
 * FHIRPath evaluation of constraints: the subset compiler in fast-fhirpath.ts where it applies, else fhirpath.js with
 * the R4 model; each expression (and context type) is compiled once.
 */
export class InvariantEvaluator {
  private readonly compiled = new Map<string, CompiledExpression | Error>();
  private readonly fastPaths = new Map<string, FastPath | null>();

  /** `subsetCompiler: false` evaluates everything with fhirpath.js (the reference the subset compiler is tested against). */
  constructor(private readonly options: { subsetCompiler?: boolean } = {}) {}

  private fastPath(expression: string): FastPath | undefined {
    if (this.options.subsetCompiler === false) return undefined;
    let fast = this.fastPaths.get(expression);
    if (fast === undefined) {
      fast = compileFastPath(expression) ?? null;
      this.fastPaths.set(expression, fast);
    }
    return fast ?? undefined;
  }

  private compile(expression: string, basePath: string): CompiledExpression | Error {
    const cacheKey = `${basePath}\u0000${expression}`;
    let compiled = this.compiled.get(cacheKey);
    if (!compiled) {
      try {
        compiled = fhirpath.compile(basePath ? { base: basePath, expression } : expression, r4Model, { async: false, traceFn: ignoreTrace, userInvocationTable: INVOCATION_OVERRIDES } as Options) as CompiledExpression;
      } catch (error) {
        compiled = error instanceof Error ? error : new Error(String(error));
      }
      this.compiled.set(cacheKey, compiled);
    }
    return compiled;
  }

  /** Evaluates a constraint on one node of type `basePath`; `resource` and `rootResource` fill %resource and %rootResource. */
  evaluate(expression: string, basePath: string, node: unknown, resource: unknown, rootResource: unknown): InvariantResult {
    const native = NATIVE_INVARIANTS.get(expression);
    if (native && isObject(node)) return { passed: native(node) };
    const fast = this.fastPath(expression);
    if (fast) {
      try {
        return resultOf(fast(node, basePath.includes('.') ? undefined : basePath, resource, rootResource));
      } catch {
        // NeedsFullEngine: data the subset does not model (dates, primitive extensions...): fhirpath.js decides.
      }
    }
    // fhirpath 5.2.2 fails on a primitive node compiled with a base path (ctx.getDecimal is used before it is set),
    // so primitives are evaluated without one: their constraints do not depend on the model type.
    const compiled = this.compile(expression, typeof node === 'object' && node !== null ? basePath : '');
    if (compiled instanceof Error) return { failedToEvaluate: compiled.message };
    try {
      // Environment variables make fhirpath.js slower on every call; pass them only to expressions that use them.
      return resultOf(compiled(node, /%(resource|rootResource)\b/.test(expression) ? { resource, rootResource } : undefined));
    } catch (error) {
      return { failedToEvaluate: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** Empty means the rule does not apply here (e.g. ref-1 on a display-only Reference); one boolean is itself. */
function resultOf(result: unknown[]): InvariantResult {
  if (result.length === 1 && typeof result[0] === 'boolean') return { passed: result[0] };
  return { passed: true };
}
