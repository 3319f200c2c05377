import type { ConformanceRegistry } from '../conformance/package-loader.js';
import { isNativelyChecked } from './invariants.js';

/** A type allowed for an element, with the profiles the value must conform to. */
export interface ElementType {
  code: string;
  profiles: string[];
  targetProfiles: string[];
}

export interface CompiledConstraint {
  key: string;
  severity: 'error' | 'warning';
  human: string;
  expression: string;
  /** Best-practice constraints (dom-6...) are advice: reported as information, like the Java validator's default. */
  bestPractice: boolean;
}

export interface Discriminator {
  type: 'value' | 'pattern' | 'type' | 'profile' | 'exists';
  path: string;
}

export interface Slicing {
  discriminators: Discriminator[];
  rules: 'open' | 'closed' | 'openAtEnd';
  ordered: boolean;
}

/** One element of a snapshot, linked to its children and slices. Built once per profile and reused. */
export interface CompiledElement {
  id: string;
  path: string;
  /** JSON property name (without `[x]`). */
  name: string;
  isChoice: boolean;
  min: number;
  max: number;
  /** Whether the base specification allows more than one value (JSON arrays). */
  baseIsArray: boolean;
  types: ElementType[];
  fixed?: unknown;
  pattern?: unknown;
  binding?: { strength: string; valueSet?: string };
  constraints: CompiledConstraint[];
  children: CompiledElement[];
  sliceName?: string;
  slicing?: Slicing;
  slices: CompiledElement[];
  contentReference?: string;
  isModifier: boolean;
  mustSupport: boolean;
  /** Lazily built: this element's constraints plus those of the root of each type it is walked as. */
  constraintsByType?: Map<string, CompiledConstraint[]>;
  /** Lazily built map from JSON property name to what the property holds. */
  propertyIndex?: Map<string, PropertyEntry>;
}

/** What one JSON property name of an element means; built once per element, so walking allocates nothing per key. */
export interface PropertyEntry {
  child: CompiledElement;
  /** The JSON property name itself (`name` or `_name`). */
  property: string;
  /** The element's name in JSON without the `_` of a primitive's companion (`name` for both). */
  jsonKey: string;
  /** The type the value is walked as: the one a choice name selects, else the child's first type. */
  typeCode: string;
  /** `_name`: the id and extensions of primitive `name`. */
  isCompanion: boolean;
}

export interface CompiledProfile {
  url: string;
  /** The resource or data type constrained (e.g. `Patient`, `Extension`). */
  type: string;
  kind: string;
  name: string;
  root: CompiledElement;
  byId: Map<string, CompiledElement>;
  /** Canonical URLs of this profile and the ones it derives from, for "conforms to ancestor" checks. */
  lineage: Set<string>;
  /** Where an extension definition may be used (StructureDefinition.context). */
  contexts: { type: string; expression: string }[];
}

const BEST_PRACTICE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice';

function parseMax(max: string | undefined): number {
  return max === undefined || max === '*' ? Number.POSITIVE_INFINITY : Number(max);
}

/** The value of the first `${prefix}[x]` property of an ElementDefinition (fixedCode, patternCodeableConcept...). */
function choiceValue(element: Record<string, unknown>, prefix: string): unknown {
  for (const key in element) {
    if (key.startsWith(prefix) && key.length > prefix.length && key[prefix.length] === key[prefix.length].toUpperCase()) return element[key];
  }
  return undefined;
}

/** `Observation.value[x]:valueQuantity.code` → parent id `Observation.value[x]:valueQuantity`. */
function parentIdOf(id: string): string | undefined {
  const dot = lastSegmentStart(id);
  return dot > 0 ? id.slice(0, dot - 1) : undefined;
}

/** Index where the last id segment starts (slice names with dots are not supported: none of the loaded packages use them). */
function lastSegmentStart(id: string): number {
  return id.lastIndexOf('.') + 1;
}

function compileElement(element: fhir4.ElementDefinition, isResource: boolean): CompiledElement {
  const lastPathSegment = element.path.slice(element.path.lastIndexOf('.') + 1);
  const isChoice = lastPathSegment.endsWith('[x]');
  const baseMax = element.base?.max ?? element.max;
  const raw = element as unknown as Record<string, unknown>;
  return {
    id: element.id ?? element.path,
    path: element.path,
    name: isChoice ? lastPathSegment.slice(0, -3) : lastPathSegment,
    isChoice,
    min: element.min ?? 0,
    max: parseMax(element.max),
    baseIsArray: baseMax !== '1' && baseMax !== '0',
    types: (element.type ?? []).map((type) => ({
      code: isResource && isResourceId(element.path) ? 'id' : normaliseTypeCode(type),
      profiles: type.profile ?? [],
      targetProfiles: type.targetProfile ?? [],
    })),
    fixed: choiceValue(raw, 'fixed'),
    pattern: choiceValue(raw, 'pattern'),
    binding: element.binding ? { strength: element.binding.strength, valueSet: element.binding.valueSet } : undefined,
    constraints: (element.constraint ?? [])
      .filter((constraint) => constraint.expression && (constraint.severity === 'error' || constraint.severity === 'warning'))
      // Constraints the walker enforces itself (ele-1, ext-1, ref-1, txt-1/2, dom-3) are not evaluated again.
      .filter((constraint) => !isNativelyChecked({ key: constraint.key, expression: constraint.expression! }))
      .map((constraint) => ({
        key: constraint.key,
        severity: constraint.severity as 'error' | 'warning',
        human: constraint.human,
        expression: constraint.expression!,
        bestPractice: (constraint.extension ?? []).some((e) => e.url === BEST_PRACTICE_EXTENSION && e.valueBoolean === true),
      })),
    children: [],
    sliceName: element.sliceName,
    slicing: element.slicing
      ? {
          discriminators: (element.slicing.discriminator ?? []).map((d) => ({ type: d.type as Discriminator['type'], path: d.path })),
          rules: element.slicing.rules,
          ordered: element.slicing.ordered ?? false,
        }
      : undefined,
    slices: [],
    contentReference: element.contentReference,
    isModifier: element.isModifier ?? false,
    mustSupport: element.mustSupport ?? false,
  };
}

/** `Patient.id`: the logical id of a resource (R4 snapshots type it as a plain string, the rules say `id`). */
function isResourceId(path: string): boolean {
  return /^[A-Z][A-Za-z]+\.id$/.test(path);
}

/** R4 snapshots write the types of primitive `value` properties as FHIRPath system types; map them back. */
function normaliseTypeCode(type: fhir4.ElementDefinitionType): string {
  const code = type.code;
  if (!code.startsWith('http://hl7.org/fhirpath/System.')) return code;
  const declared = type.extension?.find((e) => e.url === 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type');
  return declared?.valueUrl ?? declared?.valueUri ?? code;
}

export function compileProfile(sd: fhir4.StructureDefinition, registry: ConformanceRegistry): CompiledProfile {
  const elements = sd.snapshot?.element;
  if (!elements?.length) throw new Error(`StructureDefinition ${sd.url} has no snapshot`);
  const byId = new Map<string, CompiledElement>();
  let root: CompiledElement | undefined;
  for (const element of elements) {
    const compiled = compileElement(element, sd.kind === 'resource');
    byId.set(compiled.id, compiled);
    if (!root) {
      root = compiled;
      continue;
    }
    const lastSegment = compiled.id.slice(lastSegmentStart(compiled.id));
    const colon = lastSegment.indexOf(':');
    if (colon >= 0) {
      // A slice (or re-slice `a/b`): attach it to the element it slices.
      const sliceName = lastSegment.slice(colon + 1);
      const slashAt = sliceName.lastIndexOf('/');
      const slicedId = compiled.id.slice(0, compiled.id.length - lastSegment.length) + lastSegment.slice(0, colon) + (slashAt >= 0 ? `:${sliceName.slice(0, slashAt)}` : '');
      const sliced = byId.get(slicedId);
      if (sliced) {
        sliced.slices.push(compiled);
        continue;
      }
    }
    const parent = byId.get(parentIdOf(compiled.id) ?? '') ?? root;
    parent.children.push(compiled);
  }
  const lineage = new Set<string>([sd.url]);
  let base = sd.baseDefinition;
  while (base && !lineage.has(base)) {
    lineage.add(base);
    base = registry.structureDefinition(base)?.baseDefinition;
  }
  const contexts = (sd.context ?? []).map((context) => ({ type: context.type, expression: context.expression }));
  return { url: sd.url, type: sd.type, kind: sd.kind, name: sd.name, root: root!, byId, lineage, contexts };
}

/** Compiled profiles by canonical URL, built on first use. */
export class ProfileCache {
  private readonly compiled = new Map<string, CompiledProfile | null>();

  constructor(private readonly registry: ConformanceRegistry) {}

  get(canonical: string): CompiledProfile | undefined {
    // Only loaded profiles are cached: canonicals and type names come from submitted data (meta.profile,
    // resourceType), and remembering every unknown one would let a client grow the server's memory without bound.
    let profile = this.compiled.get(canonical);
    if (profile === undefined) {
      const sd = this.registry.structureDefinition(canonical);
      if (!sd) return undefined;
      profile = sd.snapshot ? compileProfile(sd, this.registry) : null;
      this.compiled.set(canonical, profile);
    }
    return profile ?? undefined;
  }

  private readonly byTypeName = new Map<string, CompiledProfile | null>();

  /** The base definition of a resource or data type by its type name. */
  forType(typeName: string): CompiledProfile | undefined {
    let profile = this.byTypeName.get(typeName);
    if (profile === undefined) {
      profile = this.get(typeName.includes(':') ? typeName : `http://hl7.org/fhir/StructureDefinition/${typeName}`);
      if (profile) this.byTypeName.set(typeName, profile);
    }
    return profile ?? undefined;
  }
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
