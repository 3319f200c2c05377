import type { ConformanceRegistry } from '../conformance/package-loader.js';
import { SearchParameterError } from './query.js';

export type SummaryMode = 'true' | 'text' | 'data' | 'count' | 'false';

const SUBSETTED: fhir4.Coding = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' };

/** `_summary` from the query, checked. */
export function summaryMode(params: [string, string][]): SummaryMode | undefined {
  const value = params.find(([name]) => name === '_summary')?.[1];
  if (value === undefined) return undefined;
  if (!['true', 'text', 'data', 'count', 'false'].includes(value)) throw new SearchParameterError('_summary', `_summary must be true, text, data, count or false, got "${value}"`);
  return value as SummaryMode;
}

/** `_elements` from the query: the top-level element names to keep. */
export function elementList(params: [string, string][]): string[] | undefined {
  const values = params.filter(([name]) => name === '_elements').flatMap(([, value]) => value.split(','));
  return values.length ? values.map((value) => value.trim()).filter(Boolean) : undefined;
}

/**
 * Reduces resources to the `_summary` or `_elements` subset. Which top-level elements are summary or mandatory is
 * read from the type's base StructureDefinition (isSummary, min), so it holds for every type.
 */
export class ResourceSubsetter {
  private readonly summaryElements = new Map<string, { summary: Set<string>; mandatory: Set<string> }>();

  constructor(private readonly registry: ConformanceRegistry) {}

  private elementsOf(type: string) {
    let elements = this.summaryElements.get(type);
    if (!elements) {
      const definition = this.registry.structureDefinition(`http://hl7.org/fhir/StructureDefinition/${type}`);
      const summary = new Set<string>();
      const mandatory = new Set<string>();
      for (const element of definition?.snapshot?.element ?? []) {
        const parts = element.path.split('.');
        if (parts.length !== 2) continue;
        const name = parts[1].replace('[x]', '');
        if (element.isSummary) summary.add(name);
        if ((element.min ?? 0) > 0) mandatory.add(name);
      }
      elements = { summary, mandatory };
      this.summaryElements.set(type, elements);
    }
    return elements;
  }

  subset(resource: fhir4.Resource, mode: SummaryMode | undefined, elements: string[] | undefined): fhir4.Resource {
    if ((!mode || mode === 'false') && !elements) return resource;
    const { summary, mandatory } = this.elementsOf(resource.resourceType);
    const keep = (key: string): boolean => {
      if (key === 'resourceType' || key === 'id' || key === 'meta') return true;
      const base = summary.has(key) ? key : [...summary, ...mandatory].find((name) => key.startsWith(name) && /^[A-Z]/.test(key.slice(name.length))) ?? key;
      if (mode === 'true') return summary.has(base);
      if (mode === 'text') return key === 'text' || mandatory.has(base);
      if (mode === 'data') return key !== 'text';
      return elements!.includes(key) || elements!.includes(base) || mandatory.has(base);
    };
    const reduced: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(resource)) if (keep(key)) reduced[key] = value;
    const meta = (resource.meta ?? {}) as fhir4.Meta;
    reduced.meta = { ...meta, tag: [...(meta.tag ?? []), SUBSETTED] };
    return reduced as unknown as fhir4.Resource;
  }
}
