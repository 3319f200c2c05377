import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';
import type { ConformanceRegistry } from '../conformance/package-loader.js';
import { compileTypedPaths, type TypedPaths } from './typed-paths.js';

export type ParameterType = 'token' | 'string' | 'date' | 'number' | 'quantity' | 'reference' | 'uri' | 'composite';

type CompiledExpression = (resource: unknown, env?: Record<string, unknown>) => unknown[];

export interface CompositeComponent {
  /** The component's own parameter type, from its definition SearchParameter. */
  type: Exclude<ParameterType, 'composite'>;
  /** Evaluated on each element the composite expression selects. */
  evaluate: CompiledExpression;
}

/** A SearchParameter as this server applies it to one resource type. */
export interface ResolvedParameter {
  code: string;
  /** The resource type it was resolved for. */
  resourceType: string;
  type: ParameterType;
  url: string;
  description: string;
  /** The expression restricted to this resource type (other types' union branches removed). */
  expression: string;
  evaluate: CompiledExpression;
  /** The same selection compiled to walk the JSON directly, for the expressions typed-paths.ts covers. */
  typedPaths?: TypedPaths;
  /** Resource types a reference parameter may point to. */
  targets: string[];
  components: CompositeComponent[];
}

/** Pseudo resource type under which parameters defined on every resource (base Resource) are also kept, for system search. */
export const ANY_TYPE = 'Resource';

/** Parameters answered from the resource table's own columns rather than index tables. */
export const COLUMN_PARAMETERS = new Set(['_id', '_lastUpdated']);

const SUPPORTED_TYPES = new Set<string>(['token', 'string', 'date', 'number', 'quantity', 'reference', 'uri', 'composite']);

/**
 * Splits an expression at its top-level `|` unions (not inside parentheses or string literals), so that a
 * multi-resource expression such as `Condition.code | Observation.code` can be narrowed to one type.
 */
export function unionBranches(expression: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const char = expression[i];
    if (quoted) {
      if (char === '\\') i++;
      else if (char === "'") quoted = false;
    } else if (char === "'") quoted = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      branches.push(expression.slice(start, i).trim());
      start = i + 1;
    }
  }
  branches.push(expression.slice(start).trim());
  return branches.filter(Boolean);
}

/** The resource type a branch starts from (`Condition.code`, `(Condition.onset as dateTime)`), if any. */
function branchRoot(branch: string): string | undefined {
  return /^\(*\s*([A-Z][A-Za-z]+)\b/.exec(branch)?.[1];
}

/**
 * Adapts an expression for indexing. `resolve() is X` needs the referenced resource, which is not at hand while
 * indexing; the type of a literal reference is in its text, so test that instead (relative and absolute forms).
 * `(path as T)` and `path.as(T)` must not fail on a repeating path (Observation.component.value): `ofType(T)`
 * selects the same values from any number of items.
 */
function forIndexing(expression: string): string {
  return expression
    .replace(/resolve\(\)\s+is\s+([A-Z][A-Za-z]+)/g, (_match, type: string) => `reference.matches('(^|/)${type}/[^/]+(/_history/[^/]+)?$')`)
    .replace(/\(([A-Za-z][\w.]*) as ([A-Za-z]+)\)/g, '($1.ofType($2))')
    .replace(/\.as\(([A-Za-z]+)\)/g, '.ofType($1)');
}

function compile(expression: string): CompiledExpression {
  const compiled = fhirpath.compile(expression, r4Model as any, { resolveInternalTypes: false, async: false });
  return (resource, env) => compiled(resource, env as any) as unknown[];
}

/**
 * Every search parameter of the loaded packages, per resource type. Expressions are compiled once. Later
 * packages (JP Core, JP-CLINS, the IG) override a core parameter of the same code on the same type.
 */
export class ParameterCatalog {
  private readonly byType = new Map<string, Map<string, ResolvedParameter>>();
  /** Parameters that exist in the packages but cannot be applied, with the reason (logged by the caller). */
  readonly unusable: { url: string; reason: string }[] = [];

  constructor(
    private readonly registry: ConformanceRegistry,
    resourceTypes: readonly string[],
  ) {
    const types = new Set(resourceTypes);
    for (const parameter of registry.allOfType<fhir4.SearchParameter>('SearchParameter')) {
      if (!SUPPORTED_TYPES.has(parameter.type) || !parameter.expression) {
        if (!parameter.expression && parameter.type !== 'special') this.unusable.push({ url: parameter.url, reason: 'no expression' });
        continue;
      }
      const bases = parameter.base.flatMap((base) => (base === 'Resource' || base === 'DomainResource' ? [...types] : [base]));
      if (parameter.base.includes('Resource')) bases.push(ANY_TYPE);
      for (const resourceType of bases) {
        if (!types.has(resourceType) && resourceType !== ANY_TYPE) continue;
        try {
          const resolved = this.resolveFor(parameter, resourceType);
          if (resolved) this.parametersOf(resourceType).set(parameter.code, resolved);
        } catch (error) {
          this.unusable.push({ url: parameter.url, reason: (error as Error).message });
        }
      }
    }
  }

  private parametersOf(resourceType: string): Map<string, ResolvedParameter> {
    let parameters = this.byType.get(resourceType);
    if (!parameters) this.byType.set(resourceType, (parameters = new Map()));
    return parameters;
  }

  private resolveFor(parameter: fhir4.SearchParameter, resourceType: string): ResolvedParameter | undefined {
    const branches = unionBranches(parameter.expression!).filter((branch) => {
      const root = branchRoot(branch);
      return root === resourceType || root === 'Resource' || root === 'DomainResource';
    });
    if (branches.length === 0) return undefined;
    const expression = branches.join(' | ');
    const components = (parameter.component ?? []).map((component) => {
      const definition = this.registry.resolve<fhir4.SearchParameter>('SearchParameter', component.definition);
      if (!definition || definition.type === 'composite' || !SUPPORTED_TYPES.has(definition.type)) {
        throw new Error(`composite component ${component.definition} cannot be resolved`);
      }
      return { type: definition.type as CompositeComponent['type'], evaluate: compile(forIndexing(component.expression)) };
    });
    return {
      code: parameter.code,
      resourceType,
      type: parameter.type as ParameterType,
      url: parameter.url,
      description: parameter.description ?? '',
      expression,
      evaluate: compile(forIndexing(expression)),
      ...(parameter.type !== 'composite' ? { typedPaths: compileTypedPaths(expression, resourceType) } : {}),
      targets: parameter.target ?? [],
      components,
    };
  }

  private readonly boundSystems = new Map<string, string | null>();

  /**
   * The code system of a `code` element (`Patient.gender`, `Identifier.use`), from its required binding when the
   * bound ValueSet draws on exactly one system, so `gender=http://hl7.org/fhir/administrative-gender|male` and
   * :in work on plain codes too.
   */
  codeSystemOf(elementPath: string): string | undefined {
    let system = this.boundSystems.get(elementPath);
    if (system === undefined) {
      const root = elementPath.split('.')[0];
      const element = this.registry
        .structureDefinition(`http://hl7.org/fhir/StructureDefinition/${root}`)
        ?.snapshot?.element.find((candidate) => candidate.path === elementPath);
      const binding = element?.binding;
      const valueSet = binding?.strength === 'required' && binding.valueSet ? this.registry.valueSet(binding.valueSet) : undefined;
      const systems = new Set((valueSet?.compose?.include ?? []).map((include) => include.system));
      system = systems.size === 1 ? ([...systems][0] ?? null) : null;
      this.boundSystems.set(elementPath, system);
    }
    return system ?? undefined;
  }

  get(resourceType: string, code: string): ResolvedParameter | undefined {
    return this.byType.get(resourceType)?.get(code);
  }

  /** Parameters indexed for a type (everything except those read from resource columns). */
  indexed(resourceType: string): ResolvedParameter[] {
    return [...(this.byType.get(resourceType)?.values() ?? [])].filter((parameter) => !COLUMN_PARAMETERS.has(parameter.code));
  }

  all(resourceType: string): ResolvedParameter[] {
    return [...(this.byType.get(resourceType)?.values() ?? [])];
  }
}
