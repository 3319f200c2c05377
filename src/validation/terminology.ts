import type { ConformanceRegistry } from '../conformance/package-loader.js';

/** Whether a code is in a value set: definitely yes/no, or unknown because something needed is not loaded. */
export type Membership = { result: 'member' } | { result: 'not-member' } | { result: 'unknown'; reason: string };

interface IndexedCodeSystem {
  url: string;
  /** False for `content` other than complete: absence of a code proves nothing. */
  complete: boolean;
  codes: Map<string, { display?: string; designations: string[] }>;
  /** code → its direct children (for is-a / descendent-of). */
  children: Map<string, string[]>;
  properties: Map<string, Map<string, string[]>>;
}

/** A locally expanded value set: enumerated codes, plus systems whose membership cannot be decided here. */
interface Expansion {
  /** `system|code` of every member that could be expanded. */
  members: Set<string>;
  /** code → systems, for bindings on `code` elements (no system in the instance). */
  codesAlone: Map<string, string[]>;
  /** Why some members could not be enumerated (unloaded CodeSystem/ValueSet, unsupported filter), per system or '*'. */
  unknownParts: Map<string, string>;
}

const UNKNOWN_ANY_SYSTEM = '*';

/** Code systems defined by a grammar rather than a list (all of the system is in the value sets that use them). */
const GRAMMAR_SYSTEMS: Record<string, RegExp> = {
  // BCP 13 media types: type "/" subtype, with optional parameters.
  'urn:ietf:bcp:13': /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(\s*;\s*[^=;\s]+=[^;]+)*$/,
  // BCP 47 language tags (simplified: language, optional script/region/variants).
  'urn:ietf:bcp:47': /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/,
};

/**
 * Large external terminologies are never loaded in full here; packages sometimes ship a CodeSystem for them with a
 * few concepts marked `complete` (JP-CLINS does for LOINC), which must not make other codes look invalid.
 */
const EXTERNAL_TERMINOLOGIES = new Set([
  'http://loinc.org',
  'http://snomed.info/sct',
  'http://unitsofmeasure.org',
  'http://www.nlm.nih.gov/research/umls/rxnorm',
  'http://hl7.org/fhir/sid/icd-10',
  'http://hl7.org/fhir/sid/icd-10-cm',
  'http://hl7.org/fhir/sid/icd-9-cm',
  'http://hl7.org/fhir/sid/ndc',
  'http://hl7.org/fhir/sid/cvx',
  'urn:ietf:bcp:47',
  'urn:ietf:bcp:13',
  'urn:iso:std:iso:3166',
  'urn:iso:std:iso:4217',
  'http://www.ama-assn.org/go/cpt',
  'http://dicom.nema.org/resources/ontology/DCM',
]);

/**
 * Expands ValueSets from the loaded packages (compose include/exclude, whole code systems, `is-a`,
 * `descendent-of` and `=` filters), caching every expansion. Nothing here calls a terminology server.
 */
export class LocalTerminology {
  private readonly codeSystems = new Map<string, IndexedCodeSystem>();
  private readonly expansions = new Map<string, Expansion | null>();
  // URLs found not loaded (LOINC, SNOMED, JP Core value sets...): remembered because every coding asks again, but
  // bounded, since they may come from submitted data.
  private readonly unknownCodeSystems = new BoundedUrlSet();
  private readonly unknownValueSets = new BoundedUrlSet();

  constructor(private readonly registry: ConformanceRegistry) {}

  codeSystem(url: string): IndexedCodeSystem | undefined {
    // Only loaded code systems are cached: system URLs come from submitted data, and remembering every unknown one
    // would let a client grow the server's memory without bound.
    let indexed = this.codeSystems.get(url);
    if (indexed === undefined) {
      if (this.unknownCodeSystems.has(url)) return undefined;
      const resource = this.registry.codeSystem(url);
      if (!resource) {
        this.unknownCodeSystems.add(url);
        return undefined;
      }
      indexed = indexCodeSystem(resource);
      this.codeSystems.set(url, indexed);
    }
    return indexed;
  }

  hasValueSet(url: string): boolean {
    return this.expand(url) !== undefined;
  }

  /** Membership of `system|code` (system undefined for a bare `code` element). */
  membership(valueSetUrl: string, system: string | undefined, code: string): Membership {
    const expansion = this.expand(valueSetUrl);
    if (!expansion) return { result: 'unknown', reason: `ValueSet ${valueSetUrl} is not loaded` };
    if (system === undefined) {
      if (expansion.codesAlone.has(code)) return { result: 'member' };
    } else if (expansion.members.has(`${system}|${code}`)) {
      return { result: 'member' };
    }
    const grammarSystem = system ?? [...expansion.unknownParts.keys()].find((candidate) => GRAMMAR_SYSTEMS[candidate]);
    if (grammarSystem && GRAMMAR_SYSTEMS[grammarSystem] && expansion.unknownParts.has(grammarSystem)) {
      return GRAMMAR_SYSTEMS[grammarSystem].test(code) ? { result: 'member' } : { result: 'not-member' };
    }
    const reason = (system !== undefined && expansion.unknownParts.get(system)) || expansion.unknownParts.get(UNKNOWN_ANY_SYSTEM) ||
      (system === undefined && expansion.unknownParts.size > 0 ? [...expansion.unknownParts.values()][0] : undefined);
    return reason ? { result: 'unknown', reason } : { result: 'not-member' };
  }

  private expand(valueSetUrl: string): Expansion | undefined {
    const cached = this.expansions.get(valueSetUrl);
    if (cached !== undefined) return cached ?? undefined;
    if (this.unknownValueSets.has(valueSetUrl)) return undefined;
    // Guard against include.valueSet cycles while this expansion is in progress.
    this.expansions.set(valueSetUrl, null);
    const valueSet = this.registry.valueSet(valueSetUrl);
    if (!valueSet) {
      this.expansions.delete(valueSetUrl);
      this.unknownValueSets.add(valueSetUrl);
      return undefined;
    }
    const expansion = this.expandValueSet(valueSet);
    this.expansions.set(valueSetUrl, expansion);
    return expansion;
  }

  private expandValueSet(valueSet: fhir4.ValueSet): Expansion {
    const expansion: Expansion = { members: new Set(), codesAlone: new Map(), unknownParts: new Map() };
    if (!valueSet.compose) {
      for (const entry of flattenContains(valueSet.expansion?.contains ?? [])) addMember(expansion, entry.system!, entry.code!);
      return expansion;
    }
    for (const include of valueSet.compose.include) this.applyInclude(expansion, include);
    for (const exclude of valueSet.compose.exclude ?? []) {
      const excluded: Expansion = { members: new Set(), codesAlone: new Map(), unknownParts: new Map() };
      this.applyInclude(excluded, exclude);
      for (const member of excluded.members) removeMember(expansion, member);
    }
    return expansion;
  }

  private applyInclude(expansion: Expansion, include: fhir4.ValueSetComposeInclude): void {
    const part: Expansion = { members: new Set(), codesAlone: new Map(), unknownParts: new Map() };
    if (include.system) this.includeFromSystem(part, include);
    // include.valueSet: members must be in every listed value set (and in the system part when there is one).
    for (const [index, url] of (include.valueSet ?? []).entries()) {
      const other = this.expand(url);
      if (!other) {
        part.unknownParts.set(include.system ?? UNKNOWN_ANY_SYSTEM, `ValueSet ${url} is not loaded`);
        continue;
      }
      if (index === 0 && !include.system) {
        for (const member of other.members) part.members.add(member);
      } else {
        for (const member of [...part.members]) if (!other.members.has(member)) part.members.delete(member);
      }
      for (const [system, reason] of other.unknownParts) part.unknownParts.set(system, reason);
    }
    for (const member of part.members) {
      const bar = member.lastIndexOf('|');
      addMember(expansion, member.slice(0, bar), member.slice(bar + 1));
    }
    for (const [system, reason] of part.unknownParts) expansion.unknownParts.set(system, reason);
  }

  private includeFromSystem(part: Expansion, include: fhir4.ValueSetComposeInclude): void {
    const system = include.system!;
    if (include.concept?.length && !include.filter?.length) {
      for (const concept of include.concept) addMember(part, system, concept.code);
      return;
    }
    const codeSystem = this.codeSystem(system);
    if (!codeSystem) {
      part.unknownParts.set(system, `CodeSystem ${system} is not loaded`);
      return;
    }
    if (!codeSystem.complete) part.unknownParts.set(system, `CodeSystem ${system} is not loaded in full (content is not complete)`);
    let codes: Iterable<string> = codeSystem.codes.keys();
    for (const filter of include.filter ?? []) {
      const selected = applyFilter(codeSystem, filter);
      if (!selected) {
        part.unknownParts.set(system, `filter ${filter.property} ${filter.op} ${filter.value} on ${system} is not supported locally`);
        return;
      }
      codes = [...codes].filter((code) => selected.has(code));
    }
    if (include.concept?.length) {
      const listed = new Set(include.concept.map((concept) => concept.code));
      codes = [...codes].filter((code) => listed.has(code));
    }
    for (const code of codes) addMember(part, system, code);
  }
}

function addMember(expansion: Expansion, system: string, code: string): void {
  expansion.members.add(`${system}|${code}`);
  const systems = expansion.codesAlone.get(code);
  if (systems) systems.push(system);
  else expansion.codesAlone.set(code, [system]);
}

function removeMember(expansion: Expansion, member: string): void {
  if (!expansion.members.delete(member)) return;
  const bar = member.lastIndexOf('|');
  const code = member.slice(bar + 1);
  const remaining = (expansion.codesAlone.get(code) ?? []).filter((system) => system !== member.slice(0, bar));
  if (remaining.length) expansion.codesAlone.set(code, remaining);
  else expansion.codesAlone.delete(code);
}

function flattenContains(contains: fhir4.ValueSetExpansionContains[]): fhir4.ValueSetExpansionContains[] {
  return contains.flatMap((entry) => [...(entry.code && entry.system ? [entry] : []), ...flattenContains(entry.contains ?? [])]);
}

function indexCodeSystem(resource: fhir4.CodeSystem): IndexedCodeSystem {
  const indexed: IndexedCodeSystem = {
    url: resource.url!,
    complete: resource.content === 'complete' && !EXTERNAL_TERMINOLOGIES.has(resource.url ?? ''),
    codes: new Map(),
    children: new Map(),
    properties: new Map(),
  };
  const visit = (concepts: fhir4.CodeSystemConcept[], parent?: string): void => {
    for (const concept of concepts) {
      indexed.codes.set(concept.code, { display: concept.display, designations: (concept.designation ?? []).map((d) => d.value) });
      if (parent) addChild(indexed, parent, concept.code);
      for (const property of concept.property ?? []) {
        const value = property.valueCode ?? property.valueString ?? property.valueCoding?.code ?? String(property.valueBoolean ?? property.valueInteger ?? property.valueDateTime ?? '');
        if (property.code === 'parent' || property.code === 'subsumedBy') addChild(indexed, value, concept.code);
        const byValue = indexed.properties.get(property.code) ?? new Map<string, string[]>();
        byValue.set(value, [...(byValue.get(value) ?? []), concept.code]);
        indexed.properties.set(property.code, byValue);
      }
      visit(concept.concept ?? [], concept.code);
    }
  };
  visit(resource.concept ?? []);
  return indexed;
}

function addChild(indexed: IndexedCodeSystem, parent: string, child: string): void {
  const children = indexed.children.get(parent) ?? [];
  children.push(child);
  indexed.children.set(parent, children);
}

function descendants(codeSystem: IndexedCodeSystem, code: string): Set<string> {
  const found = new Set<string>();
  const pending = [...(codeSystem.children.get(code) ?? [])];
  while (pending.length) {
    const next = pending.pop()!;
    if (found.has(next)) continue;
    found.add(next);
    pending.push(...(codeSystem.children.get(next) ?? []));
  }
  return found;
}

/** Codes selected by one filter, or undefined when the operation is not supported locally. */
function applyFilter(codeSystem: IndexedCodeSystem, filter: fhir4.ValueSetComposeIncludeFilter): Set<string> | undefined {
  switch (filter.op) {
    case 'is-a':
      return new Set([filter.value, ...descendants(codeSystem, filter.value)]);
    case 'descendent-of':
      return descendants(codeSystem, filter.value);
    case 'is-not-a': {
      const excluded = new Set([filter.value, ...descendants(codeSystem, filter.value)]);
      return new Set([...codeSystem.codes.keys()].filter((code) => !excluded.has(code)));
    }
    case '=':
      if (filter.property === 'concept' || filter.property === 'code') return new Set([filter.value]);
      return new Set(codeSystem.properties.get(filter.property)?.get(filter.value) ?? []);
    default:
      return undefined;
  }
}

/** A set of short URLs that forgets everything when full: bounded memory whatever clients send. */
export class BoundedUrlSet {
  private static readonly MAX_ENTRIES = 1000;
  private static readonly MAX_URL_LENGTH = 256;
  private readonly urls = new Set<string>();

  has(url: string): boolean {
    return this.urls.has(url);
  }

  add(url: string): void {
    if (url.length > BoundedUrlSet.MAX_URL_LENGTH) return;
    if (this.urls.size >= BoundedUrlSet.MAX_ENTRIES) this.urls.clear();
    this.urls.add(url);
  }
}
