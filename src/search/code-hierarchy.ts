import type { ConformanceRegistry } from '../conformance/package-loader.js';

export interface Concept {
  code: string;
  concept?: Concept[];
  property?: { code: string; valueCode?: string }[];
}

/** Each code's parents: the concept it is nested in, and any named by a `parent` property. */
function parentsOf(concepts: Concept[]): Map<string, string[]> {
  const parents = new Map<string, string[]>();
  const walk = (level: Concept[], parent?: string) => {
    for (const concept of level) {
      const own = [...(parent ? [parent] : []), ...(concept.property ?? []).flatMap((property) => (property.code === 'parent' && property.valueCode ? [property.valueCode] : []))];
      parents.set(concept.code, [...(parents.get(concept.code) ?? []), ...own]);
      walk(concept.concept ?? [], concept.code);
    }
  };
  walk(concepts);
  return parents;
}

/** Codes reachable from `code` along `next`, `code` included. */
function closure(code: string, next: (code: string) => string[]): string[] {
  const found = new Set([code]);
  const pending = [code];
  while (pending.length) {
    for (const other of next(pending.pop()!)) {
      if (!found.has(other)) {
        found.add(other);
        pending.push(other);
      }
    }
  }
  return [...found];
}

/** Codes below `code` in the hierarchy (is-a), with `code` itself when `includeSelf`; none when it is not a concept. */
export function descendants(concepts: Concept[] = [], code: string, includeSelf: boolean): string[] {
  const parents = parentsOf(concepts);
  if (!parents.has(code)) return [];
  const children = new Map<string, string[]>();
  for (const [child, ofChild] of parents) for (const parent of ofChild) children.set(parent, [...(children.get(parent) ?? []), child]);
  const below = closure(code, (one) => children.get(one) ?? []);
  return includeSelf ? below : below.slice(1);
}

/** `code` and every code above it; none when it is not a concept. */
function ancestors(concepts: Concept[], code: string): string[] {
  const parents = parentsOf(concepts);
  return parents.has(code) ? closure(code, (one) => parents.get(one) ?? []) : [];
}

/**
 * ICD-10 code systems, whose CodeSystem resources are not in the loaded packages but whose codes carry their own
 * hierarchy: a three-character category subsumes its subcategories (I63 → I63.9, or I639 in the undotted Japanese
 * edition), so a code is below every code it starts with.
 */
const ICD10_SYSTEMS = new Set(['http://hl7.org/fhir/sid/icd-10', 'http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full']);
const ICD10_CATEGORY_LENGTH = 3;

/** The codes that `:below` / `:above` admit: a list, or (ICD-10 below) every code starting with a prefix. */
export type Subsumed = { codes: string[] } | { prefix: string };

/**
 * Codes subsumed by (`below`) or subsuming (`above`) `code` of `system`, both including `code`; undefined when no
 * hierarchy of the system is known to this server.
 */
export function subsumption(registry: ConformanceRegistry, system: string, code: string, direction: 'below' | 'above'): Subsumed | undefined {
  const codeSystem = registry.codeSystem(system);
  if (codeSystem?.concept?.length) {
    const concepts = codeSystem.concept as Concept[];
    return { codes: direction === 'below' ? descendants(concepts, code, true) : ancestors(concepts, code) };
  }
  if (!ICD10_SYSTEMS.has(system)) return undefined;
  if (direction === 'below') return { prefix: code };
  const codes = [];
  for (let length = ICD10_CATEGORY_LENGTH; length <= code.length; length++) {
    if (!code.slice(0, length).endsWith('.')) codes.push(code.slice(0, length));
  }
  return { codes: codes.length ? codes : [code] };
}
