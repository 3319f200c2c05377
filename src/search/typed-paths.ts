import r4Model from 'fhirpath/fhir-context/r4';
import { choiceSuffixType } from '../conformance/choice-types.js';
import { unionBranches } from './parameters.js';

/** A FHIRPath result item with its FHIR type name (`CodeableConcept`, `dateTime`, `String`...). */
export interface TypedValue {
  type: string;
  value: any;
  /** Element path in its definition (`Patient.gender`, `Identifier.use`), when the item is an element. */
  path?: string;
}

/** Typed values of a resource, as fhirpath.js with the R4 model would give them for the compiled expression. */
export type TypedPaths = (resource: unknown) => TypedValue[];

const model = r4Model as unknown as {
  path2Type: Record<string, string>;
  choiceTypePaths: Record<string, string[]>;
  pathsDefinedElsewhere: Record<string, string>;
  type2Parent: Record<string, string>;
};

/** `type` is `ancestor` or derives from it (Age is a Quantity). */
function isA(type: string, ancestor: string): boolean {
  for (let current: string | undefined = type; current; current = model.type2Parent[current]) if (current === ancestor) return true;
  return false;
}

/** One item while walking: the JSON value, its FHIR type, and the path its children are defined under. */
interface Item {
  value: any;
  type: string;
  /** Where the item's own elements are defined: its type, or its element path for a backbone element. */
  definedAt: string;
  path?: string;
}

type Step = (items: Item[]) => Item[];

const STEP = /\.?(?:(ofType|as)\(([A-Za-z]+)\)|where\(resolve\(\) is ([A-Z][A-Za-z]+)\)|([A-Za-z][A-Za-z0-9]*))/y;

/** `Root.a.b` steps, with `ofType(T)`, `as(T)` and `where(resolve() is T)`; undefined for anything else. */
function parseSteps(text: string): { kind: 'member' | 'type' | 'resolves'; name: string }[] | undefined {
  const steps: { kind: 'member' | 'type' | 'resolves'; name: string }[] = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < text.length) {
    const start = STEP.lastIndex;
    const match = STEP.exec(text);
    if (!match || (start > 0 && text[start] !== '.')) return undefined;
    if (match[2]) steps.push({ kind: 'type', name: match[2] });
    else if (match[3]) steps.push({ kind: 'resolves', name: match[3] });
    else steps.push({ kind: 'member', name: match[4] });
  }
  return steps;
}

/** How a member name resolves under one definition: a plain element, or the JSON names and types of a choice. */
interface Resolution {
  path: string;
  keys: { key: string; type: string; definedAt: string }[];
}

function resolve(definedAt: string, name: string): Resolution {
  const path = `${definedAt}.${name}`;
  const definition = model.pathsDefinedElsewhere[path] ?? path;
  const type = model.path2Type[definition];
  if (type) return { path, keys: [{ key: name, type, definedAt: type === 'BackboneElement' || type === 'Element' ? definition : type }] };
  const suffixes = model.choiceTypePaths[path];
  if (!suffixes) throw new NeedsFhirpath(path);
  return {
    path,
    keys: suffixes.map((suffix) => {
      const type = choiceSuffixType(suffix);
      return { key: name + suffix, type, definedAt: type };
    }),
  };
}

function pushChild(out: Item[], child: any, type: string, definedAt: string, path: string): void {
  if (child === undefined || child === null) return;
  // A resource inside another (Bundle.entry.resource, contained) is of the type it names.
  const own = type === 'Resource' && typeof child.resourceType === 'string' ? child.resourceType : undefined;
  out.push(own ? { value: child, type: own, definedAt: own, path } : { value: child, type, definedAt, path });
}

/** A member step from the items' definitions: plain elements, backbone elements, content references, choices. */
function member(name: string): Step {
  const resolutions = new Map<string, Resolution>();
  return (items) => {
    const out: Item[] = [];
    for (const item of items) {
      const { value } = item;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      let resolution = resolutions.get(item.definedAt);
      if (!resolution) resolutions.set(item.definedAt, (resolution = resolve(item.definedAt, name)));
      for (const { key, type, definedAt } of resolution.keys) {
        const child = value[key];
        if (Array.isArray(child)) for (const one of child) pushChild(out, one, type, definedAt, resolution.path);
        else pushChild(out, child, type, definedAt, resolution.path);
      }
    }
    return out;
  };
}

/** The path is outside what the compiled form knows (an element of an unknown type): fhirpath.js evaluates it. */
export class NeedsFhirpath extends Error {}

const REFERENCE_TO = (type: string) => new RegExp(`(^|/)${type}/[^/]+(/_history/[^/]+)?$`);

/** A branch's steps after its root, and the root's name (the resource type, or Resource / DomainResource). */
function compileBranch(branch: string, resourceType: string): { root: string; steps: Step[] } | undefined {
  let text = branch.trim();
  let asType: string | undefined;
  let after = '';
  // `(Path as Type)` and `(Path as Type).more`
  const cast = /^\(\s*([A-Za-z][\w.]*)\s+as\s+([A-Za-z]+)\s*\)((?:\.[A-Za-z]\w*)*)$/.exec(text);
  if (cast) [, text, asType, after] = cast;
  const steps = parseSteps(text);
  const more = after ? parseSteps(after.slice(1)) : [];
  const root = steps?.[0];
  if (!steps || !more || root?.kind !== 'member' || ![resourceType, 'Resource', 'DomainResource'].includes(root.name)) return undefined;
  const all = [...steps.slice(1), ...(asType ? [{ kind: 'type' as const, name: asType }] : []), ...more];
  return {
    root: root.name,
    steps: all.map(({ kind, name }): Step => {
      if (kind === 'member') return member(name);
      if (kind === 'type') return (items) => items.filter((item) => isA(item.type, name));
      const pattern = REFERENCE_TO(name);
      return (items) => items.filter((item) => typeof item.value?.reference === 'string' && pattern.test(item.value.reference));
    }),
  };
}

/**
 * The search expressions most parameters have — a union of member paths from the resource, with `as T`, `ofType(T)`
 * and `where(resolve() is T)` — compiled to walk the JSON directly, typing each value from the R4 model. fhirpath.js
 * builds a node and a context per step, which made index extraction the largest share of ingest time. Undefined for
 * any other expression, which fhirpath.js evaluates; test/search/typed-paths.test.ts checks that both give the same
 * values, types and element paths over the R4 examples and generated registry data.
 */
export function compileTypedPaths(expression: string, resourceType: string): TypedPaths | undefined {
  const branches = unionBranches(expression).map((branch) => compileBranch(branch, resourceType));
  if (branches.length === 0 || branches.some((branch) => !branch)) return undefined;
  return (resource) => {
    const values: TypedValue[] = [];
    for (const { root, steps } of branches as { root: string; steps: Step[] }[]) {
      let items: Item[] = [{ value: resource, type: resourceType, definedAt: root }];
      for (const step of steps) items = step(items);
      for (const { value, type, path } of items) values.push(path ? { type, value, path } : { type, value });
    }
    // A union keeps distinct values only, by FHIRPath equality (decimals at their precision, quantities in UCUM
    // units...): with two values or more, fhirpath.js decides.
    if (branches.length > 1 && values.length > 1) throw new NeedsFhirpath(expression);
    return values;
  };
}
