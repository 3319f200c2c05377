import type { ConformanceRegistry } from '../conformance/package-loader.js';
import { descendants, type Concept } from './code-hierarchy.js';

/** The codes a ValueSet admits: explicit system|code pairs, plus systems admitted whole. */
export interface ValueSetMembers {
  codes: { system: string; code: string }[];
  wholeSystems: string[];
}

export class ValueSetExpansionError extends Error {}

/**
 * Expands a ValueSet of the loaded packages for :in / :not-in: its stored expansion when it has one, else its
 * compose (concept lists, whole code systems, is-a / descendent-of filters over a local CodeSystem hierarchy,
 * nested value sets, excludes). Anything else cannot be expanded locally and is reported.
 */
export function expandValueSet(registry: ConformanceRegistry, url: string, seen = new Set<string>()): ValueSetMembers {
  const valueSet = registry.valueSet(url);
  if (!valueSet) throw new ValueSetExpansionError(`ValueSet ${url} is not known to this server`);
  if (seen.has(url)) throw new ValueSetExpansionError(`ValueSet ${url} includes itself`);
  seen.add(url);
  if (valueSet.expansion?.contains?.length) {
    const codes = flattenContains(valueSet.expansion.contains);
    return { codes, wholeSystems: [] };
  }
  const included = (valueSet.compose?.include ?? []).map((include) => membersOf(registry, include, url, seen));
  const excluded = (valueSet.compose?.exclude ?? []).map((exclude) => membersOf(registry, exclude, url, seen));
  const excludedKeys = new Set(excluded.flatMap((members) => members.codes.map((code) => `${code.system}|${code.code}`)));
  if (excluded.some((members) => members.wholeSystems.length)) throw new ValueSetExpansionError(`ValueSet ${url} excludes whole code systems`);
  return {
    codes: included.flatMap((members) => members.codes).filter((code) => !excludedKeys.has(`${code.system}|${code.code}`)),
    wholeSystems: included.flatMap((members) => members.wholeSystems),
  };
}

function flattenContains(contains: fhir4.ValueSetExpansionContains[]): { system: string; code: string }[] {
  return contains.flatMap((entry) => [
    ...(entry.system && entry.code ? [{ system: entry.system, code: entry.code }] : []),
    ...flattenContains(entry.contains ?? []),
  ]);
}

function membersOf(registry: ConformanceRegistry, include: fhir4.ValueSetComposeInclude, url: string, seen: Set<string>): ValueSetMembers {
  const nested = (include.valueSet ?? []).map((canonical) => expandValueSet(registry, canonical, new Set(seen)));
  if (nested.length && (include.system || include.concept || include.filter)) {
    throw new ValueSetExpansionError(`ValueSet ${url} intersects a value set with a system, which is not expanded locally`);
  }
  if (nested.length) {
    return { codes: nested.flatMap((members) => members.codes), wholeSystems: nested.flatMap((members) => members.wholeSystems) };
  }
  const system = include.system;
  if (!system) return { codes: [], wholeSystems: [] };
  if (include.concept?.length) return { codes: include.concept.map((concept) => ({ system, code: concept.code })), wholeSystems: [] };
  if (!include.filter?.length) return { codes: [], wholeSystems: [system] };
  const codeSystem = registry.codeSystem(system);
  if (!codeSystem?.concept) throw new ValueSetExpansionError(`ValueSet ${url} filters CodeSystem ${system}, whose concepts are not available`);
  let codes: string[] | undefined;
  for (const filter of include.filter) {
    const matching =
      filter.property === 'concept' && (filter.op === 'is-a' || filter.op === 'descendent-of')
        ? descendants(codeSystem.concept as Concept[], filter.value, filter.op === 'is-a')
        : undefined;
    if (!matching) throw new ValueSetExpansionError(`ValueSet ${url} uses filter ${filter.property} ${filter.op}, which is not expanded locally`);
    codes = codes ? codes.filter((code) => matching.includes(code)) : matching;
  }
  return { codes: (codes ?? []).map((code) => ({ system, code })), wholeSystems: [] };
}
