import type { ConformanceRegistry } from '../conformance/package-loader.js';
import { BundleIndex } from './bundle-index.js';
import { capitalise, ProfileCache, type CompiledConstraint, type CompiledElement, type CompiledProfile, type Discriminator, type ElementType, type PropertyEntry } from './compiled-profile.js';
import { InvariantEvaluator } from './invariants.js';
import { IssueList, toOperationOutcome, type ValidationIssue } from './issues.js';
import { base64DecodedSize, isPrimitiveType, primitiveProblem } from './primitives.js';
import { LocalTerminology, type Membership } from './terminology.js';
import { deepEquals, describeValue, matchesPattern } from './value-matching.js';
import { checkNarrativeXhtml } from './xhtml.js';

export interface ValidateOptions {
  /** Canonical URLs to validate against, in addition to meta.profile. */
  profiles?: string[];
  /**
   * Report Must Support elements (and slices) of the profiles that the instance does not populate, as information
   * issues. R4 leaves the meaning of mustSupport to each IG; JP Core / JP-CLINS: a sender that has the data must send
   * it. So an absent element is never an error, and one whose parent is absent is not reported (only the parent).
   */
  mustSupport?: boolean;
}

export function hasErrors(outcome: fhir4.OperationOutcome): boolean {
  return outcome.issue.some((issue) => issue.severity === 'error' || issue.severity === 'fatal');
}

type JsonObject = Record<string, unknown>;

const BASE_PREFIX = 'http://hl7.org/fhir/StructureDefinition/';
const REF_1_MESSAGE = 'Constraint failed: ref-1: \'SHALL have a contained resource if a local reference is provided\'';
const TXT_1_MESSAGE = 'Constraint failed: txt-1: \'The narrative SHALL contain only the basic html formatting elements and attributes described in chapters 7-11 (except section 4 of chapter 9) and 15 of the HTML 4.0 standard, <a> elements (either name or href), images and internally contained style attributes\'';
const DOM_3_MESSAGE = 'Constraint failed: dom-3: \'If the resource is contained in another resource, it SHALL be referred to from elsewhere in the resource or SHALL refer to the containing resource\'';

/** Where a resource sits: the list its issues go to, and what its references resolve against. */
interface ResourceFrame {
  resource: JsonObject;
  /** The resource holding `contained` (itself unless it is a contained resource). */
  rootResource: JsonObject;
  bundle?: BundleIndex;
  entryFullUrl?: string;
  issues: IssueList;
}

/** One value of an element as found in the JSON: the value and/or its `_name` companion. */
interface ElementItem {
  value: unknown;
  primitiveExtension?: unknown;
  typeCode: string;
  path: string;
  /** Type and definition path of the object holding the property (for extension contexts). */
  hostType: string;
  hostDefinitionPath: string;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Per-validate() state: results of (resource, profile) checks are computed once and reused by slicing and references. */
class ValidationRun {
  private readonly profileResults = new Map<object, Map<string, ValidationIssue[]>>();
  private readonly resourceHomes = new Map<object, { path: string; frame: Omit<ResourceFrame, 'issues'> }>();
  /** Constraint lists evaluated per JSON object, and `path|key` for primitive values (which have no identity). */
  private readonly evaluatedConstraints = new WeakMap<object, CompiledConstraint[][]>();
  private readonly evaluatedPrimitiveConstraints = new Set<string>();
  private readonly walkedTypeProfiles = new WeakMap<IssueList, Set<string>>();

  constructor(
    private readonly profiles: ProfileCache,
    private readonly terminology: LocalTerminology,
    private readonly invariants: InvariantEvaluator,
    private readonly reportMustSupport: boolean,
  ) {}

  /** Validates a resource against its base definition or the profiles that replace it, adding the issues to `issues`. */
  validateResource(
    resource: unknown,
    path: string,
    requestedProfiles: string[],
    context: Omit<ResourceFrame, 'issues' | 'resource' | 'rootResource'> & { rootResource?: JsonObject },
    issues: IssueList,
    requestedProfileIsError = false,
  ): void {
    if (!isObject(resource)) {
      issues.error('structure', path, 'A resource must be a JSON object', 'リソースは JSON オブジェクトでなければなりません');
      return;
    }
    const resourceType = resource.resourceType;
    const base = typeof resourceType === 'string' ? this.profiles.forType(resourceType) : undefined;
    if (typeof resourceType !== 'string' || !base || base.kind !== 'resource') {
      issues.error(
        'structure', path,
        typeof resourceType === 'string' ? `Unknown resource type '${resourceType}'` : 'Unable to find resourceType property',
        typeof resourceType === 'string' ? `不明なリソースタイプ '${resourceType}'` : 'resourceType がありません',
      );
      return;
    }
    if (!this.resourceHomes.has(resource)) {
      this.resourceHomes.set(resource, { path, frame: { ...context, resource, rootResource: context.rootResource ?? resource } });
    }
    const metaProfiles = declaredProfiles(resource);
    const selected: CompiledProfile[] = [];
    const select = (canonical: unknown, location: string, fromRequest: boolean): void => {
      if (typeof canonical !== 'string') return;
      const profile = this.profiles.get(canonical);
      if (!profile) {
        const message = `Profile ${canonical} is not known to this server, so the resource could not be validated against it`;
        const messageJa = `プロファイル ${canonical} が見つからないため、このプロファイルでの検証はできません`;
        if (fromRequest) issues.error('not-found', location, message, messageJa);
        else issues.warning('not-found', location, message, messageJa);
        return;
      }
      if (profile.type !== resourceType) {
        issues.error('invalid', location, `Profile ${canonical} is for ${profile.type}, not ${resourceType}`, `プロファイル ${canonical} は ${profile.type} 用で、${resourceType} には適用できません`);
        return;
      }
      if (!selected.includes(profile)) selected.push(profile);
    };
    metaProfiles.forEach((canonical, index) => select(canonical, `${path}.meta.profile[${index}]`, false));
    for (const canonical of requestedProfiles) select(canonical, path, requestedProfileIsError);
    // A profile's snapshot contains every rule of its base, so the base is walked only when no profile derives from it.
    if (!selected.some((profile) => profile.lineage.has(base.url))) selected.unshift(base);
    for (const profile of selected) issues.addAll(this.profileIssues(resource, profile));
  }

  /** Issues of one resource against one profile, reported at the resource's own location; computed once per run. */
  profileIssues(resource: JsonObject, profile: CompiledProfile): ValidationIssue[] {
    let byProfile = this.profileResults.get(resource);
    if (!byProfile) {
      byProfile = new Map();
      this.profileResults.set(resource, byProfile);
    }
    const cached = byProfile.get(profile.url);
    if (cached) return cached;
    // Mark in progress so reference cycles (A → B → A) terminate.
    byProfile.set(profile.url, []);
    // A declared profile derived from this one contains all of its rules: if the resource passes it, it passes this
    // one too (the IG's profiles derive from JP-CLINS ones that slices and targetProfiles name).
    for (const declared of declaredProfiles(resource)) {
      const derived = declared !== profile.url ? this.profiles.get(declared) : undefined;
      if (!derived || !derived.lineage.has(profile.url) || derived.type !== resource.resourceType) continue;
      const derivedIssues = this.profileIssues(resource, derived);
      if (!derivedIssues.some((issue) => issue.severity === 'error' || issue.severity === 'fatal')) {
        byProfile.set(profile.url, derivedIssues);
        return derivedIssues;
      }
    }
    const home = this.resourceHomes.get(resource) ?? { path: String(resource.resourceType), frame: { resource, rootResource: resource } };
    const frame: ResourceFrame = { resource, rootResource: home.frame.rootResource, bundle: home.frame.bundle, entryFullUrl: home.frame.entryFullUrl, issues: new IssueList() };
    if (resource.resourceType === 'Bundle') {
      const bundle = BundleIndex.build(resource, home.path);
      frame.bundle = bundle;
      // Entries get their home now so that reference targets checked before their turn report at the right place.
      for (const entry of bundle.entries) {
        if (entry.resource && !this.resourceHomes.has(entry.resource)) {
          this.resourceHomes.set(entry.resource, { path: `${entry.path}.resource`, frame: { resource: entry.resource, rootResource: entry.resource, bundle, entryFullUrl: entry.fullUrl } });
        }
      }
    }
    this.validateComplex(resource, profile.root, String(resource.resourceType), home.path, profile, frame, true);
    if (frame.bundle) this.validateBundleRules(resource, home.path, frame);
    byProfile.set(profile.url, frame.issues.issues);
    return frame.issues.issues;
  }

  /** Checks and walks one JSON object (resource root, data type or backbone element) against an element definition. */
  private validateComplex(
    value: JsonObject,
    definition: CompiledElement,
    typeCode: string,
    path: string,
    profile: CompiledProfile,
    frame: ResourceFrame,
    isResourceRoot = false,
    hostDefinitionPath = definition.path,
  ): void {
    const source = this.childSource(definition, typeCode, profile);
    if (!source) return;
    const { element: childOwner, profile: childProfile } = source;
    const index = propertyIndex(childOwner);
    // Walk the properties present (not every child definition): most definitions are absent in any instance. One flat
    // list in JSON order: a child has one entry but for `name` + `_name` or several choice types.
    const present: PropertyEntry[] = [];
    let wrongTypeChoices: CompiledElement[] | undefined;
    let hasContent = false;
    // The `_name` companion of a primitive holds its id and extensions; the type's `value` child is the JSON value itself.
    const isPrimitiveCompanion = isPrimitiveType(typeCode);
    for (const key in value) {
      if (key === 'resourceType' && isResourceRoot) continue;
      const entry = key === 'value' && isPrimitiveCompanion ? undefined : index.get(key) ?? (childOwner === definition ? this.baseProperty(definition, typeCode, key) : undefined);
      if (!entry || (entry.isCompanion && !isPrimitiveType(entry.typeCode))) {
        const choice = choiceWithWrongType(childOwner, key);
        if (choice) {
          // e.g. valueUri where the profile allows only valueUrl: one error naming the allowed types, and the element
          // counts as present (no extra "minimum required" error).
          (wrongTypeChoices ??= []).push(choice);
          hasContent = true;
          frame.issues.error('structure', path, `The property '${key}' is not allowed: ${choice.name}[x] allows the types [${choice.types.map((type) => type.code).join(', ')}]`, `プロパティ '${key}' の型は許可されていません (${choice.types.map((type) => type.code).join(', ')})`);
          continue;
        }
        // Like the Java validator, an unknown property is reported on the object that holds it (and only that: the
        // object is not also reported as empty).
        frame.issues.error('structure', path, `Unrecognized property '${key}'`, `認識できないプロパティ '${key}'`);
        hasContent = true;
        continue;
      }
      if (key !== 'id') hasContent = true;
      present.push(entry);
    }
    if (!hasContent && !isResourceRoot) {
      frame.issues.error('invalid', path, 'All FHIR elements must have a @value or children (ele-1)', 'すべての要素は値または子要素を持たなければなりません (ele-1)');
    }
    for (let position = 0; position < present.length; position++) {
      if (!holdsChild(present, position, present[position].child)) this.validateChild(value, typeCode, hostDefinitionPath, present, position, path, childProfile, frame);
    }
    for (const child of requiredChildren(childOwner)) {
      if (isPresent(child, present, wrongTypeChoices)) continue;
      this.checkCardinality(0, child, path, frame);
      // Required slices of an absent element are missing too.
      for (const slice of child.slices) this.checkCardinality(0, slice, path, frame);
    }
    if (this.reportMustSupport) {
      for (const child of mustSupportChildren(childOwner)) {
        if (isPresent(child, present, wrongTypeChoices)) continue;
        if (child.mustSupport) this.reportAbsentMustSupport(child, path, childProfile, frame);
        else for (const slice of child.slices) if (slice.mustSupport) this.reportAbsentMustSupport(slice, path, childProfile, frame);
      }
    }
    if (isResourceRoot && Array.isArray(value.contained) && value.contained.length) this.checkContainedAreReferenced(value, path, frame);
    if (typeCode === 'Extension') this.checkExtensionShape(value, path, frame);
    if (typeCode === 'Reference') this.validateReference(value, definition, path, frame);
    if (typeCode === 'Attachment') this.checkAttachmentSize(value, path, frame);
    this.checkTerminology(value, definition, typeCode, path, frame);
    this.checkConstraints(value, definition, typeCode, path, frame, isResourceRoot);
  }

  /**
   * A property a profile's snapshot leaves out of a constrained element (some snapshots list only the children they
   * change under a slice): it is then described by the base definition of the element or its type.
   */
  private baseProperty(definition: CompiledElement, typeCode: string, key: string): PropertyEntry | undefined {
    const isBackbone = typeCode === 'BackboneElement' || typeCode === 'Element';
    const base = isBackbone ? this.profiles.forType(definition.path.split('.')[0])?.byId.get(definition.path) : this.profiles.forType(typeCode)?.root;
    const entry = base && base !== definition ? propertyIndex(base).get(key) : undefined;
    // A child the snapshot does list (e.g. value[x] restricted to Address) is a restriction, not an omission.
    return entry && !definition.children.some((child) => child.name === entry.child.name) ? entry : undefined;
  }

  /** The element whose children describe a value: the definition itself, its content reference, or its type. */
  private childSource(definition: CompiledElement, typeCode: string, profile: CompiledProfile): { element: CompiledElement; profile: CompiledProfile } | undefined {
    if (definition.children.length) return { element: definition, profile };
    if (definition.contentReference) {
      const targetId = definition.contentReference.slice(definition.contentReference.indexOf('#') + 1);
      const local = profile.byId.get(targetId);
      if (local) return { element: local, profile };
      const base = this.profiles.forType(targetId.split('.')[0]);
      const target = base?.byId.get(targetId);
      return target && base ? { element: target, profile: base } : undefined;
    }
    const typeProfile = this.profiles.forType(typeCode);
    return typeProfile ? { element: typeProfile.root, profile: typeProfile } : undefined;
  }

  /**
   * Validates the child that `present[first]` (the container's properties, in JSON order) holds, with its other
   * properties further on (`name` and `_name` are two entries of one value; a choice may have several).
   */
  private validateChild(container: JsonObject, hostType: string, hostDefinitionPath: string, present: PropertyEntry[], first: number, containerPath: string, profile: CompiledProfile, frame: ResourceFrame): void {
    const child = present[first].child;
    const items: ElementItem[] = [];
    let distinctKeys = 0;
    for (let position = first; position < present.length; position++) {
      const { jsonKey: key, typeCode } = present[position];
      if (present[position].child !== child || hasJsonKey(present, first, position, key)) continue;
      distinctKeys++;
      let value: unknown;
      let primitiveExtension: unknown;
      for (let later = position; later < present.length; later++) {
        const entry = present[later];
        if (entry.jsonKey !== key || entry.child !== child) continue;
        if (entry.isCompanion) primitiveExtension = container[entry.property];
        else value = container[entry.property];
      }
      const path = child.isChoice ? `${containerPath}.${child.name}.ofType(${typeCode})` : `${containerPath}.${key}`;
      if (child.baseIsArray) {
        if (!Array.isArray(value ?? [])) {
          frame.issues.error('structure', path, `The property '${key}' must be a JSON Array, not an Object`, `プロパティ '${key}' は配列でなければなりません`);
          continue;
        }
        const values = (value ?? []) as unknown[];
        const extensions = Array.isArray(primitiveExtension) ? primitiveExtension : [];
        if (values.length === 0 && extensions.length === 0) {
          frame.issues.error('structure', path, `Array '${key}' cannot be empty - the property should not be present if it has no values`, `配列 '${key}' は空にできません`);
        }
        const count = Math.max(values.length, extensions.length);
        for (let index = 0; index < count; index++) {
          if ((values[index] ?? null) === null && (extensions[index] ?? null) === null) {
            frame.issues.error('structure', `${path}[${index}]`, 'Null values are not allowed in arrays', '配列に null は使用できません');
            continue;
          }
          items.push({ value: values[index] ?? undefined, primitiveExtension: extensions[index] ?? undefined, typeCode, path: `${path}[${index}]`, hostType, hostDefinitionPath });
        }
      } else {
        if (Array.isArray(value) || Array.isArray(primitiveExtension)) {
          frame.issues.error('structure', path, `The property '${key}' must be an Object, not an Array`, `プロパティ '${key}' は配列にできません`);
          continue;
        }
        items.push({ value: value ?? undefined, primitiveExtension, typeCode, path, hostType, hostDefinitionPath });
      }
    }
    if (distinctKeys > 1) {
      frame.issues.error('structure', `${containerPath}.${child.name}`, `Only one of the choices for ${child.name}[x] may be present`, `${child.name}[x] の選択肢は 1 つだけ指定できます`);
    } else {
      // Like the Java validator, a cardinality problem is reported on the element that holds the property.
      this.checkCardinality(items.length, child, containerPath, frame);
    }
    const matchedSlice = child.slices.length && items.length ? this.matchSlices(items, child, profile, frame) : undefined;
    for (let index = 0; index < items.length; index++) {
      // A slice of an element whose content comes from its type carries every rule of that element (the snapshot
      // copies them), so an item in such a slice is walked once, as the slice. Extensions are walked as the sliced
      // element too, for the checks made on unsliced extensions (context of use).
      const item = items[index];
      const coveredBySlice = matchedSlice !== undefined && matchedSlice[index] >= 0 && child.children.length === 0 && item.typeCode !== 'Extension';
      if (!coveredBySlice) this.validateItem(item, child, profile, frame);
    }
    if (matchedSlice) this.applySlicing(items, matchedSlice, child, containerPath, profile, frame);
  }

  private reportAbsentMustSupport(element: CompiledElement, path: string, profile: CompiledProfile, frame: ResourceFrame): void {
    const label = element.sliceName ? `${element.path} (slice '${element.sliceName}')` : element.path;
    frame.issues.information('informational', path, `Must Support element ${label} of ${profile.url} is not populated`, `Must Support 要素 ${label} (${profile.name}) に値がありません`);
  }

  private checkCardinality(count: number, element: CompiledElement, path: string, frame: ResourceFrame): void {
    if (count >= element.min && count <= element.max) return;
    const label = element.sliceName ? `${element.path}: slice '${element.sliceName}'` : element.path;
    if (count < element.min) {
      frame.issues.error('required', path, `${label}: minimum required = ${element.min}, but only found ${count}`, `${label}: 最小 ${element.min} 件必要ですが ${count} 件しかありません`);
    }
    if (count > element.max) {
      frame.issues.error('structure', path, `${label}: max allowed = ${element.max}, but found ${count}`, `${label}: 最大 ${element.max} 件ですが ${count} 件あります`);
    }
  }

  /** Validates one value against an element definition: type, fixed/pattern, bindings, children, type profiles, invariants. */
  private validateItem(item: ElementItem, definition: CompiledElement, profile: CompiledProfile, frame: ResourceFrame): void {
    const { value, typeCode, path } = item;
    if (isPrimitiveType(typeCode)) {
      this.validatePrimitive(item, definition, frame);
      return;
    }
    if (!isObject(value)) {
      frame.issues.error('structure', path, `The property must be a JSON object (type ${typeCode})`, `このプロパティは JSON オブジェクト (${typeCode}) でなければなりません`);
      return;
    }
    const typeProfiles = typeOf(definition, typeCode)?.profiles ?? [];
    if (this.isResourceType(typeCode)) {
      const nestedRoot = definition.name === 'contained' ? frame.rootResource : undefined;
      const entryFullUrl = frame.bundle?.fullUrlOf(value) ?? frame.entryFullUrl;
      this.validateResource(value, path, typeProfiles, { bundle: frame.bundle, entryFullUrl, rootResource: nestedRoot }, frame.issues);
      return;
    }
    this.checkFixedAndPattern(value, definition, path, frame);
    this.validateComplex(value, definition, typeCode, path, profile, frame);
    if (typeCode === 'Extension' && typeProfiles.length === 0 && typeof value.url === 'string' && !definition.children.some((c) => c.name === 'url' && c.fixed !== undefined)) {
      this.validateUnslicedExtension(value, item, frame);
    }
    if (typeProfiles.length) this.validateTypeProfiles(value, typeCode, typeProfiles, path, frame);
  }

  private validatePrimitive(item: ElementItem, definition: CompiledElement, frame: ResourceFrame): void {
    const { value, primitiveExtension, typeCode, path } = item;
    if (value !== undefined) {
      const problem = primitiveProblem(typeCode, value);
      if (problem) frame.issues.error(typeof value === 'object' ? 'structure' : 'invalid', path, problem, `${typeCode} の値が不正です`);
      else if (typeCode === 'xhtml') {
        this.checkNarrative(value as string, path, frame);
      }
      this.checkFixedAndPattern(value, definition, path, frame);
    }
    if (primitiveExtension !== undefined) {
      if (!isObject(primitiveExtension)) {
        frame.issues.error('structure', path, 'The primitive extension property (_name) must be an object', '_ で始まるプロパティはオブジェクトでなければなりません');
      } else {
        const typeDefinition = this.profiles.forType(typeCode);
        if (typeDefinition) this.validateComplex(primitiveExtension, typeDefinition.root, typeCode, path, typeDefinition, frame, false, definition.path);
      }
    } else if (value === undefined) {
      frame.issues.error('invalid', path, 'All FHIR elements must have a @value or children (ele-1)', 'すべての要素は値または子要素を持たなければなりません (ele-1)');
    }
    if (value !== undefined && definition.binding && (typeCode === 'code' || typeCode === 'string' || typeCode === 'uri')) {
      this.checkBinding(definition, path, frame, [{ code: String(value) }], false);
    }
    if (definition.constraints.length) this.checkConstraints(value, definition, typeCode, path, frame, false);
  }

  private checkFixedAndPattern(value: unknown, definition: CompiledElement, path: string, frame: ResourceFrame): void {
    if (definition.fixed !== undefined && !deepEquals(value, definition.fixed)) {
      frame.issues.error('value', path, `Value is '${describeValue(value)}' but must be '${describeValue(definition.fixed)}'`, `値は '${describeValue(definition.fixed)}' に固定されています`);
    }
    if (definition.pattern !== undefined && !matchesPattern(value, definition.pattern)) {
      frame.issues.error('value', path, `The value does not match the required pattern ${describeValue(definition.pattern)}`, `値が必須パターン ${describeValue(definition.pattern)} に一致しません`);
    }
  }

  /** Walks a data type value against the profiles on its type; with several profiles, one must match. */
  private validateTypeProfiles(value: JsonObject, typeCode: string, typeProfiles: string[], path: string, frame: ResourceFrame): void {
    // A value reached twice in the same walk (slice member and sliced element) is checked against a type profile once.
    let walked = this.walkedTypeProfiles.get(frame.issues);
    if (!walked) {
      walked = new Set();
      this.walkedTypeProfiles.set(frame.issues, walked);
    }
    const candidates: CompiledProfile[] = [];
    for (const url of typeProfiles) {
      if (walked.has(`${path}|${url}`)) return;
      const typeProfile = this.profiles.get(url);
      if (!typeProfile) {
        frame.issues.warning('not-found', path, `Profile ${url} (on type ${typeCode}) is not loaded, so the value was not checked against it`, `プロファイル ${url} が読み込まれていないため検証できません`);
        return;
      }
      candidates.push(typeProfile);
    }
    if (candidates.length === 1) {
      walked.add(`${path}|${candidates[0].url}`);
      this.validateComplex(value, candidates[0].root, typeCode, path, candidates[0], frame);
      return;
    }
    // Several profiles: the value must conform to one of them; its issues are those of the first that fits.
    for (const candidate of candidates) {
      const issues = new IssueList();
      this.validateComplex(value, candidate.root, typeCode, path, candidate, { ...frame, issues });
      if (!issues.hasErrors()) {
        walked.add(`${path}|${candidate.url}`);
        frame.issues.addAll(issues.issues);
        return;
      }
    }
    frame.issues.error('structure', path, `The value does not conform to any of the profiles ${typeProfiles.join(', ')}`, `値がいずれのプロファイルにも適合しません`);
  }

  private validateUnslicedExtension(extension: JsonObject, item: ElementItem, frame: ResourceFrame): void {
    const path = item.path;
    const url = extension.url as string;
    const extensionProfile = this.profiles.get(url);
    if (!extensionProfile) {
      // As in the Java validator: an extension whose definition cannot be found is not allowed.
      frame.issues.error('structure', path, `The extension ${url} could not be found so is not allowed here`, `拡張 ${url} の定義が見つからないため使用できません`);
      return;
    }
    if (extensionProfile.type !== 'Extension') {
      frame.issues.error('structure', path, `The URL ${url} refers to a ${extensionProfile.type} definition, not an extension`, `${url} は拡張定義ではありません`);
      return;
    }
    if (!this.extensionAllowedOn(extensionProfile, item, frame)) {
      // A warning, on the element that holds the extension: R4's own snapshots use some core extensions outside
      // their declared context (structuredefinition-fhir-type on ElementDefinition.type), so an error would be false.
      const allowed = extensionProfile.contexts.map((context) => context.expression).join(', ');
      frame.issues.warning('structure', path.replace(/\.(extension|modifierExtension)\[\d+\]$/, ''), `The extension ${url} is not allowed to be used at this point (allowed = ${allowed}; this element is ${item.hostDefinitionPath})`, `拡張 ${url} はここでは使用できません (使用可能な場所: ${allowed})`);
    }
    this.validateTypeProfiles(extension, 'Extension', [url], path, frame);
  }

  /** StructureDefinition.context of type element: the host's type or its path in the resource must be listed. */
  private extensionAllowedOn(extension: CompiledProfile, item: ElementItem, frame: ResourceFrame): boolean {
    const elementContexts = extension.contexts.filter((context) => context.type === 'element');
    if (elementContexts.length === 0 || elementContexts.length < extension.contexts.length) return true;
    const { hostType, hostDefinitionPath } = item;
    const home = this.resourceHomes.get(frame.resource)?.path ?? String(frame.resource.resourceType);
    const inResource = item.path.startsWith(home) ? String(frame.resource.resourceType) + item.path.slice(home.length) : item.path;
    const hostPath = inResource.replace(/\[\d+\]/g, '').replace(/\.ofType\(\w+\)/g, '').replace(/\.(extension|modifierExtension)$/, '');
    const hostIsResource = !hostPath.includes('.');
    return elementContexts.some(({ expression }) =>
      expression === 'Element' || expression === 'Base' || expression === hostType || expression === hostPath ||
      expression === hostDefinitionPath || expression === hostDefinitionPath.replace(/\[x\]$/, '') ||
      (hostIsResource && (expression === 'Resource' || expression === 'DomainResource')) ||
      (expression === 'BackboneElement' && hostType === 'BackboneElement'),
    );
  }

  /** The narrative rules; content txt-1 forbids is also reported as txt-1 failing, as the Java validator does. */
  private checkNarrative(div: string, path: string, frame: ResourceFrame): void {
    const problems = checkNarrativeXhtml(div);
    for (const problem of problems) frame.issues.error('value', path, problem.message, problem.messageJa);
    if (problems.some((problem) => problem.forbiddenByTxt1)) frame.issues.error('invariant', path, TXT_1_MESSAGE, 'ナラティブに基本的な HTML 以外の要素・属性があります (txt-1)');
  }

  /** Attachment.size, when stated with inline data, is the size of the decoded data. */
  private checkAttachmentSize(attachment: JsonObject, path: string, frame: ResourceFrame): void {
    if (typeof attachment.data !== 'string' || typeof attachment.size !== 'number') return;
    const actual = base64DecodedSize(attachment.data);
    if (actual !== undefined && actual !== attachment.size) {
      frame.issues.error('value', path, `Stated Attachment Size ${attachment.size} does not match actual attachment size ${actual}`, `Attachment.size (${attachment.size}) がデータの実サイズ (${actual}) と一致しません`);
    }
  }

  /** ext-1, natively: an extension has either a value or nested extensions, not both. */
  private checkExtensionShape(extension: JsonObject, path: string, frame: ResourceFrame): void {
    const hasValue = Object.keys(extension).some((key) => key.startsWith('value') && key.length > 5);
    const hasExtensions = Array.isArray(extension.extension) && extension.extension.length > 0;
    if (hasValue === hasExtensions) {
      frame.issues.error('invariant', path, 'Must have either extensions or value[x], not both (ext-1)', '拡張は value[x] か入れ子の拡張のどちらか一方を持たなければなりません (ext-1)');
    }
  }

  /** dom-3, natively: each contained resource is referenced from the container (or refers back to it with '#'). */
  private checkContainedAreReferenced(container: JsonObject, path: string, frame: ResourceFrame): void {
    const references = new Set<string>();
    collectLocalReferences(container, references, true);
    (container.contained as unknown[]).forEach((contained, index) => {
      if (!isObject(contained)) return;
      const refersBack = new Set<string>();
      collectLocalReferences(contained, refersBack, false);
      if (refersBack.has('#') || (typeof contained.id === 'string' && references.has(`#${contained.id}`))) return;
      frame.issues.error('invariant', `${path}.contained[${index}]`, `${DOM_3_MESSAGE} (contained resource '${String(contained.id)}' is not referenced)`, `contained リソース '${String(contained.id)}' がどこからも参照されていません (dom-3)`);
    });
  }

  /** The element's own constraints and those on the root of its type (qty-3, per-1...), computed once per element and type. */
  private constraintsFor(definition: CompiledElement, typeCode: string, isResourceRoot: boolean): CompiledConstraint[] {
    definition.constraintsByType ??= new Map();
    let constraints = definition.constraintsByType.get(typeCode);
    if (!constraints) {
      const typeRoot = isResourceRoot || isPrimitiveType(typeCode) ? undefined : this.profiles.forType(typeCode)?.root;
      constraints = typeRoot && typeRoot !== definition ? [...definition.constraints, ...typeRoot.constraints.filter((c) => !definition.constraints.some((own) => own.key === c.key))] : definition.constraints;
      definition.constraintsByType.set(typeCode, constraints);
    }
    return constraints;
  }

  private isResourceType(typeCode: string): boolean {
    if (typeCode === 'Resource' || typeCode === 'DomainResource') return true;
    const definition = this.profiles.forType(typeCode);
    return definition?.kind === 'resource';
  }

  // ---------------------------------------------------------------- references

  private validateReference(reference: JsonObject, definition: CompiledElement, path: string, frame: ResourceFrame): void {
    const literal = reference.reference;
    if (typeof literal !== 'string') return;
    const targetProfiles = typeOf(definition, 'Reference')?.targetProfiles ?? [];
    const target = this.resolveReference(literal, frame);
    // Reported on the Reference element itself, as the Java validator does.
    const referencePath = path;
    if (!target) {
      if (literal.startsWith('#')) {
        frame.issues.error('not-found', referencePath, `Unable to resolve the contained resource '${literal}'`, `contained リソース '${literal}' が見つかりません`);
        // ref-1 is checked here rather than by FHIRPath; like the Java validator, both findings are reported.
        frame.issues.error('invariant', referencePath, REF_1_MESSAGE, `ローカル参照 '${literal}' の contained リソースがありません (ref-1)`);
      } else if (frame.bundle && (frame.bundle.type === 'document' || frame.bundle.type === 'message')) {
        // Documents and messages must be self-contained.
        frame.issues.error('not-found', referencePath, `Can't find '${literal}' in the bundle`, `Bundle 内に '${literal}' が見つかりません`);
      } else if (frame.bundle && literal.startsWith('urn:')) {
        frame.issues.warning('not-found', referencePath, `URN reference is not locally contained within the bundle: ${literal}`, `URN 参照 '${literal}' が Bundle 内にありません`);
      }
    }
    const impliedType = target ? String(target.resource.resourceType) : typeFromLiteral(literal);
    if (impliedType && !this.isResourceType(impliedType)) {
      frame.issues.error('structure', referencePath, `The reference '${literal}' names an unknown resource type '${impliedType}'`, `参照 '${literal}' のリソースタイプ '${impliedType}' は不明です`);
      return;
    }
    if (!impliedType || targetProfiles.length === 0) return;
    const allowed = targetProfiles.map((url) => ({ url, profile: this.profiles.get(url) }));
    const allowedTypes = allowed.map((entry) => entry.profile?.type ?? entry.url.slice(entry.url.lastIndexOf('/') + 1));
    if (!allowedTypes.includes('Resource') && !allowedTypes.includes(impliedType)) {
      frame.issues.error('structure', referencePath, `The type '${impliedType}' implied by the reference URL ${literal} is not a valid target for this element (must be one of ${[...new Set(allowedTypes)].join(', ')})`, `参照先のタイプ '${impliedType}' はこの要素では許可されていません (${[...new Set(allowedTypes)].join(', ')})`);
      return;
    }
    if (!target) return;
    // Only profiles that constrain more than the base type need a conformance check of the target.
    const candidates = allowed.filter((entry) => entry.profile && entry.profile.type === impliedType && entry.url !== BASE_PREFIX + impliedType);
    if (candidates.length === 0 || allowed.some((entry) => entry.url === BASE_PREFIX + impliedType)) return;
    const conforms = candidates.some((entry) => !this.profileIssues(target.resource, entry.profile!).some((issue) => issue.severity === 'error'));
    if (!conforms) {
      frame.issues.error('structure', referencePath, `The resource referenced by '${literal}' does not conform to ${candidates.map((entry) => entry.url).join(' or ')}`, `参照先 '${literal}' が ${candidates.map((entry) => entry.url).join(' / ')} に適合しません`);
    }
  }

  private resolveReference(literal: string, frame: ResourceFrame): { resource: JsonObject } | undefined {
    if (literal.startsWith('#')) {
      const id = literal.slice(1);
      if (id === '') return { resource: frame.rootResource };
      const contained = Array.isArray(frame.rootResource.contained) ? frame.rootResource.contained : [];
      const found = contained.find((candidate) => isObject(candidate) && candidate.id === id);
      return isObject(found) ? { resource: found } : undefined;
    }
    const resource = frame.bundle?.resolve(literal, frame.entryFullUrl);
    return resource ? { resource } : undefined;
  }

  // ---------------------------------------------------------------- Bundles

  /** Bundle rules beyond the base invariants: fullUrl form and consistency, link relations, search set conventions. */
  private validateBundleRules(bundle: JsonObject, path: string, frame: ResourceFrame): void {
    const index = frame.bundle!;
    const links = Array.isArray(bundle.link) ? bundle.link.filter(isObject) : [];
    const seenRelations = new Set<unknown>();
    links.forEach((link, position) => {
      if (seenRelations.has(link.relation)) {
        frame.issues.error('invalid', `${path}.link[${position}]`, `The link relationship type '${String(link.relation)}' can only occur once`, `リンク関係 '${String(link.relation)}' は 1 回しか使用できません`);
      }
      seenRelations.add(link.relation);
    });
    if (bundle.type === 'searchset') {
      const selfLink = links.find((link) => link.relation === 'self');
      if (!selfLink) frame.issues.warning('invalid', path, 'SearchSet Bundles should have a self link that specifies what the search was', '検索結果の Bundle には self リンクが必要です');
      this.checkSearchModes(bundle, path, typeof selfLink?.url === 'string' ? selfLink.url : undefined, frame);
    }
    for (const entry of index.entries) {
      if (entry.fullUrl !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(entry.fullUrl)) {
        frame.issues.error('invalid', entry.path, `The fullUrl must be an absolute URL (not '${entry.fullUrl}')`, `fullUrl は絶対 URL でなければなりません ('${entry.fullUrl}')`);
      }
      if (!entry.fullUrl || !entry.resource) continue;
      const restful = /^https?:\/\/.*\/([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/.exec(entry.fullUrl);
      const id = entry.resource.id;
      if (restful && typeof id === 'string' && (restful[1] !== entry.resource.resourceType || restful[2] !== id)) {
        frame.issues.error('invalid', `${entry.path}.fullUrl`, `The fullUrl '${entry.fullUrl}' looks like a RESTful server URL, so it must end with the correct type and id (/${String(entry.resource.resourceType)}/${id})`, `fullUrl '${entry.fullUrl}' はリソースのタイプと id (/${String(entry.resource.resourceType)}/${id}) で終わらなければなりません`);
      }
    }
  }

  /**
   * Search modes, as the Java validator checks them: entries without one are reported when others have one, or when
   * nothing else tells the matches apart (the self link names no type, or an entry is of another type, or the
   * entries are of several types).
   */
  private checkSearchModes(bundle: JsonObject, path: string, selfUrl: string | undefined, frame: ResourceFrame): void {
    const entries = (Array.isArray(bundle.entry) ? bundle.entry : []).map((entry, position) => ({ entry: isObject(entry) ? entry : {}, path: `${path}.entry[${position}]` }));
    const hasMode = (entry: JsonObject): boolean => isObject(entry.search) && entry.search.mode !== undefined;
    const withMode = entries.filter(({ entry }) => hasMode(entry)).length;
    if (withMode === entries.length) return;
    const message = 'SearchSet bundles should have search modes on the entries';
    const messageJa = '検索結果の Bundle の各 entry には search.mode が必要です';
    if (withMode > 0) {
      for (const { entry, path: entryPath } of entries) if (!hasMode(entry)) frame.issues.warning('invalid', entryPath, message, messageJa);
      return;
    }
    const searched = selfUrl ? this.searchedTypes(selfUrl) : [];
    let typeProblem = searched.length === 0;
    let matchType: string | undefined;
    for (const { entry, path: entryPath } of entries) {
      if (!isObject(entry.resource) || searched.length === 0) continue;
      const type = String(entry.resource.resourceType);
      if (!searched.includes(type)) {
        typeProblem = true;
        frame.issues.warning('invalid', entryPath, `The resource type ${type} is not one the search was for (${searched.join(', ')}) and the entry has no search mode`, `検索対象 (${searched.join(', ')}) でないリソースタイプ ${type} の entry に search.mode がありません`);
      } else if (type !== 'OperationOutcome') {
        if (matchType !== undefined && matchType !== type) typeProblem = true;
        matchType ??= type;
      }
    }
    if (typeProblem) frame.issues.warning('invalid', path, message, messageJa);
  }

  /** The resource types a search URL asks for: its last path segment if that is a type, else its `_type` values. */
  private searchedTypes(url: string): string[] {
    const [head, query] = url.split('?', 2);
    const last = head.slice(head.lastIndexOf('/') + 1);
    if (this.isResourceType(last)) return [last];
    const typeParameter = (query ?? '').split('&').find((parameter) => parameter.startsWith('_type='));
    return typeParameter ? typeParameter.slice(6).split(',') : [];
  }

  // ---------------------------------------------------------------- slicing

  /** The index of the slice each item belongs to (-1: none). */
  private matchSlices(items: ElementItem[], sliced: CompiledElement, profile: CompiledProfile, frame: ResourceFrame): number[] {
    const discriminators = sliced.slicing?.discriminators ?? [];
    return items.map((item) => sliced.slices.findIndex((slice) => this.matchesSlice(item, slice, discriminators, profile, frame)));
  }

  private applySlicing(items: ElementItem[], matchedSlice: number[], sliced: CompiledElement, containerPath: string, profile: CompiledProfile, frame: ResourceFrame): void {
    const rules = sliced.slicing?.rules ?? 'open';
    let lastSlice = -1;
    let sawUnmatched = false;
    items.forEach((item, index) => {
      const sliceIndex = matchedSlice[index];
      if (sliceIndex < 0) {
        sawUnmatched = true;
        if (rules === 'closed') {
          frame.issues.error('structure', item.path, `This element does not match any known slice defined in the profile ${profile.url} (slicing of ${sliced.path} is closed)`, `この要素はプロファイル ${profile.url} のどのスライスにも一致しません (closed)`);
        }
        return;
      }
      if (rules === 'openAtEnd' && sawUnmatched) {
        frame.issues.error('structure', item.path, `Slice '${sliced.slices[sliceIndex].sliceName}' appears after unmatched elements, but ${sliced.path} is open only at the end`, `スライス '${sliced.slices[sliceIndex].sliceName}' の後に未定義の要素しか置けません (openAtEnd)`);
      }
      if (sliced.slicing?.ordered && sliceIndex < lastSlice) {
        frame.issues.error('structure', item.path, `As specified by profile ${profile.url}, elements of ${sliced.path} are out of order: slice '${sliced.slices[sliceIndex].sliceName}' must come before '${sliced.slices[lastSlice].sliceName}'`, `${sliced.path} の順序が正しくありません`);
      }
      lastSlice = Math.max(lastSlice, sliceIndex);
    });
    sliced.slices.forEach((slice, sliceIndex) => {
      const members = items.filter((_, index) => matchedSlice[index] === sliceIndex);
      this.checkCardinality(members.length, slice, containerPath, frame);
      if (this.reportMustSupport && slice.mustSupport && members.length === 0) this.reportAbsentMustSupport(slice, containerPath, profile, frame);
      for (const member of members) this.validateItem(member, slice, profile, frame);
      if (slice.slices.length && members.length) this.applySlicing(members, this.matchSlices(members, slice, profile, frame), slice, containerPath, profile, frame);
    });
  }

  private matchesSlice(item: ElementItem, slice: CompiledElement, discriminators: Discriminator[], profile: CompiledProfile, frame: ResourceFrame): boolean {
    if (discriminators.length === 0) return false;
    for (const discriminator of discriminators) {
      if (!this.matchesDiscriminator(item, slice, discriminator, profile, frame)) return false;
    }
    return true;
  }

  private matchesDiscriminator(item: ElementItem, slice: CompiledElement, discriminator: Discriminator, profile: CompiledProfile, frame: ResourceFrame): boolean {
    const steps = splitDiscriminatorPath(discriminator.path);
    const values = this.valuesAtPath(item, steps, frame);
    const target = this.discriminatedElement(slice, item.typeCode, discriminator.path, steps, profile);
    switch (discriminator.type) {
      case 'value':
      case 'pattern': {
        const expected = target?.fixed ?? target?.pattern;
        if (expected === undefined) return false;
        return values.some((candidate) => (target?.fixed !== undefined ? deepEquals(candidate.value, expected) : matchesPattern(candidate.value, expected)));
      }
      case 'exists':
        return target && target.max === 0 ? values.length === 0 : values.length > 0;
      case 'type': {
        const allowed = (target ?? slice).types.map((type) => type.code);
        return values.some((candidate) => allowed.includes(candidate.typeCode));
      }
      case 'profile': {
        const definition = target ?? slice;
        const urls = steps[steps.length - 1] === 'resolve()' ? allProfiles(targetProfilesCache, definition, 'targetProfiles') : allProfiles(profilesCache, definition, 'profiles');
        if (urls.length === 0) return false;
        return values.some((candidate) => urls.some((url) => this.conformsTo(candidate.value, candidate.typeCode, url, item.path, frame)));
      }
    }
  }

  /** Whether a value conforms to a profile, without reporting anything (slice matching). */
  private conformsTo(value: unknown, typeCode: string, url: string, path: string, frame: ResourceFrame): boolean {
    const profile = this.profiles.get(url);
    if (!profile || !isObject(value)) return false;
    if (this.isResourceType(profile.type)) {
      if (value.resourceType !== profile.type) return false;
      return !this.profileIssues(value, profile).some((issue) => issue.severity === 'error');
    }
    const issues = new IssueList();
    this.validateComplex(value, profile.root, typeCode, path, profile, { ...frame, issues });
    return !issues.hasErrors();
  }

  /** Values a discriminator path selects from an item (`$this`, names, `resolve()`, `ofType(T)`, `extension('url')`). */
  private valuesAtPath(item: ElementItem, steps: string[], frame: ResourceFrame): { value: unknown; typeCode: string }[] {
    let current: { value: unknown; typeCode: string }[] = [{ value: item.value ?? item.primitiveExtension, typeCode: item.typeCode }];
    if (isObject(item.value) && typeof item.value.resourceType === 'string' && this.isResourceType(item.typeCode)) current = [{ value: item.value, typeCode: item.value.resourceType }];
    for (const step of steps) {
      const next: { value: unknown; typeCode: string }[] = [];
      for (const { value, typeCode } of current) {
        if (step === '$this') next.push({ value, typeCode });
        else if (step === 'resolve()') {
          const literal = isObject(value) ? value.reference : undefined;
          const resolved = typeof literal === 'string' ? this.resolveReference(literal, frame) : undefined;
          if (resolved) next.push({ value: resolved.resource, typeCode: String(resolved.resource.resourceType) });
        } else if (step.startsWith('ofType(')) {
          const wanted = step.slice(7, -1);
          if (typeCode === wanted || capitalise(typeCode) === wanted) next.push({ value, typeCode });
        } else if (step.startsWith('extension(')) {
          const url = step.slice(11, -2);
          const extensions = isObject(value) && Array.isArray(value.extension) ? value.extension : [];
          for (const extension of extensions) if (isObject(extension) && extension.url === url) next.push({ value: extension, typeCode: 'Extension' });
        } else if (isObject(value)) {
          for (const key in value) {
            if (key !== step && !(key.startsWith(step) && key.length > step.length && key[step.length] === key[step.length].toUpperCase())) continue;
            const childType = key === step ? this.childTypeCode(typeCode, step) : key.slice(step.length);
            const childValue = value[key];
            for (const entry of Array.isArray(childValue) ? childValue : [childValue]) {
              next.push({ value: entry, typeCode: isObject(entry) && typeof entry.resourceType === 'string' ? entry.resourceType : lowerIfPrimitive(childType) });
            }
          }
        }
      }
      current = next;
    }
    return current;
  }

  private childTypeCode(parentType: string, name: string): string {
    const child = this.profiles.forType(parentType)?.root.children.find((candidate) => candidate.name === name);
    return child?.types[0]?.code ?? 'BackboneElement';
  }

  /** elementAtPath, remembered per slice: it depends only on the slice, the item's type and the path. */
  private discriminatedElement(slice: CompiledElement, typeCode: string, path: string, steps: string[], profile: CompiledProfile): CompiledElement | undefined {
    let bySliceKey = discriminatedElements.get(slice);
    if (!bySliceKey) {
      bySliceKey = new Map();
      discriminatedElements.set(slice, bySliceKey);
    }
    const cacheKey = `${typeCode}|${path}`;
    if (!bySliceKey.has(cacheKey)) bySliceKey.set(cacheKey, this.elementAtPath(slice, typeCode, steps, profile));
    return bySliceKey.get(cacheKey);
  }

  /** The element definition a discriminator path leads to inside a slice (its own children, else its type's). */
  private elementAtPath(slice: CompiledElement, typeCode: string, steps: string[], profile: CompiledProfile): CompiledElement | undefined {
    let current: CompiledElement | undefined = slice;
    let currentType = typeCode;
    let currentProfile = profile;
    for (const step of steps) {
      if (!current) return undefined;
      if (step === '$this' || step === 'resolve()') continue;
      if (step.startsWith('ofType(')) {
        currentType = step.slice(7, -1);
        continue;
      }
      // A slice typed by a profile (extensions, data type profiles) describes its content in that profile.
      const typeProfileUrl: string | undefined = current.children.length ? undefined : current.types.find((type) => type.profiles.length)?.profiles[0];
      const typeProfile: CompiledProfile | undefined = typeProfileUrl ? this.profiles.get(typeProfileUrl) : undefined;
      const owner: { element: CompiledElement; profile: CompiledProfile } | undefined = typeProfile ? { element: typeProfile.root, profile: typeProfile } : this.childSource(current, current.types[0]?.code ?? currentType, currentProfile);
      if (!owner) return undefined;
      if (step.startsWith('extension(')) {
        const url = step.slice(11, -2);
        const extensionElement: CompiledElement | undefined = owner.element.children.find((child) => child.name === 'extension');
        const extensionSlice: CompiledElement | undefined = extensionElement?.slices.find((candidate) => candidate.types.some((type) => type.profiles.includes(url)));
        current = extensionSlice;
        currentType = 'Extension';
        currentProfile = owner.profile;
        continue;
      }
      const child = owner.element.children.find((candidate) => candidate.name === step);
      current = child;
      currentType = child?.types[0]?.code ?? 'BackboneElement';
      currentProfile = owner.profile;
    }
    return current;
  }

  // ---------------------------------------------------------------- terminology

  private checkTerminology(value: JsonObject, definition: CompiledElement, typeCode: string, path: string, frame: ResourceFrame): void {
    if (typeCode === 'Coding') {
      this.checkCodingInCodeSystem(value, path, frame);
      if (definition.binding) this.checkBinding(definition, path, frame, [codingOf(value)], false);
    } else if (typeCode === 'CodeableConcept' && definition.binding) {
      const codings = Array.isArray(value.coding) ? value.coding.filter(isObject).map(codingOf) : [];
      this.checkBinding(definition, path, frame, codings, true);
    }
  }

  private checkCodingInCodeSystem(coding: JsonObject, path: string, frame: ResourceFrame): void {
    if (typeof coding.system !== 'string' || typeof coding.code !== 'string') return;
    const codeSystem = this.terminology.codeSystem(coding.system);
    if (!codeSystem) return;
    const concept = codeSystem.codes.get(coding.code);
    if (!concept) {
      if (codeSystem.complete) frame.issues.error('code-invalid', `${path}.code`, `Unknown code '${coding.code}' in the CodeSystem '${coding.system}'`, `コード '${coding.code}' はコードシステム '${coding.system}' にありません`);
      return;
    }
    if (typeof coding.display === 'string' && concept.display) {
      const display = coding.display.trim().toLowerCase();
      const valid = [concept.display, ...concept.designations].some((candidate) => candidate.trim().toLowerCase() === display);
      if (!valid) frame.issues.warning('invalid', `${path}.display`, `Wrong Display Name '${coding.display}' for ${coding.system}#${coding.code}. Valid display is '${concept.display}'`, `表示名 '${coding.display}' は ${coding.system}#${coding.code} の表示名 '${concept.display}' と一致しません`);
    }
  }

  /**
   * Required: no member code is an error. Extensible: a warning. Preferred: information. When membership cannot be
   * decided (value set or code system not loaded, unsupported filter) a warning names what is missing.
   */
  private checkBinding(definition: CompiledElement, path: string, frame: ResourceFrame, codings: { system?: string; code?: string }[], isConcept: boolean): void {
    const binding = definition.binding!;
    const strength = binding.strength;
    if (!binding.valueSet || (strength !== 'required' && strength !== 'extensible' && strength !== 'preferred')) return;
    const valueSetUrl = binding.valueSet;
    const coded = codings.filter((coding) => coding.code !== undefined);
    if (coded.length === 0) {
      if (isConcept && strength === 'required') frame.issues.error('code-invalid', path, `No code provided, and a code is required from the value set ${valueSetUrl}`, `値セット ${valueSetUrl} のコードが必要ですが、コードがありません`);
      return;
    }
    const results: Membership[] = coded.map((coding) => this.terminology.membership(valueSetUrl, isConcept || coding.system !== undefined ? coding.system ?? '' : undefined, coding.code!));
    if (results.some((result) => result.result === 'member')) return;
    const unknown = results.find((result): result is Extract<Membership, { result: 'unknown' }> => result.result === 'unknown');
    const shown = coded.map((coding) => (coding.system ? `${coding.system}#${coding.code}` : `'${coding.code}'`)).join(', ');
    if (unknown) {
      if (strength === 'preferred') return;
      frame.issues.warning('not-found', path, `Unable to check whether ${shown} is in the value set ${valueSetUrl} (${strength}): ${unknown.reason}`, `${shown} が値セット ${valueSetUrl} に含まれるか確認できません: ${unknown.reason}`);
      return;
    }
    const message = `The value provided (${shown}) is not in the value set ${valueSetUrl}`;
    if (strength === 'required') frame.issues.error('code-invalid', path, `${message}, and a code from this value set is required`, `${shown} は値セット ${valueSetUrl} に含まれません (必須)`);
    else if (strength === 'extensible') frame.issues.warning('code-invalid', path, `${message}, and a code should come from this value set unless it has no suitable code`, `${shown} は値セット ${valueSetUrl} に含まれません (拡張可能)`);
    else frame.issues.information('code-invalid', path, `${message} (preferred)`, `${shown} は推奨値セット ${valueSetUrl} に含まれません`);
  }

  // ---------------------------------------------------------------- invariants

  private checkConstraints(node: unknown, definition: CompiledElement, typeCode: string, path: string, frame: ResourceFrame, isResourceRoot: boolean): void {
    const constraints = this.constraintsFor(definition, typeCode, isResourceRoot);
    if (constraints.length === 0) return;
    // Data types are evaluated as their type; backbone elements by their path in the resource.
    const basePath = isResourceRoot ? typeCode : typeCode === 'BackboneElement' || typeCode === 'Element' ? definition.path : typeCode;
    // A node walked twice (as a slice member and as the sliced element) has each constraint evaluated once. Objects
    // remember the constraint lists they were checked against (usually one, so the first walk allocates one array).
    const isObjectNode = typeof node === 'object' && node !== null;
    const earlier = isObjectNode ? this.evaluatedConstraints.get(node) : undefined;
    if (isObjectNode) {
      if (!earlier) this.evaluatedConstraints.set(node, [constraints]);
      else if (earlier.includes(constraints)) return;
      else earlier.push(constraints);
    }
    for (const constraint of constraints) {
      if (isObjectNode) {
        if (earlier && earlier.some((list) => list !== constraints && list.some((done) => done.key === constraint.key))) continue;
      } else {
        const onceKey = `${path}|${constraint.key}`;
        if (this.evaluatedPrimitiveConstraints.has(onceKey)) continue;
        this.evaluatedPrimitiveConstraints.add(onceKey);
      }
      const result = this.invariants.evaluate(constraint.expression, basePath, node, frame.resource, frame.rootResource);
      if ('failedToEvaluate' in result) {
        frame.issues.warning('invariant', path, `Constraint ${constraint.key} could not be evaluated (${constraint.expression}): ${result.failedToEvaluate}`, `制約 ${constraint.key} を評価できませんでした`);
      } else if (!result.passed) {
        const message = `Constraint failed: ${constraint.key}: '${constraint.human}' (defined in ${definition.path})`;
        if (constraint.bestPractice) frame.issues.information('invariant', path, message, `推奨事項 ${constraint.key}: ${constraint.human}`);
        else if (constraint.severity === 'error') frame.issues.error('invariant', path, message, `制約 ${constraint.key} に違反しています: ${constraint.human}`);
        else frame.issues.warning('invariant', path, message, `制約 ${constraint.key} (警告): ${constraint.human}`);
      }
    }
  }
}

/** Every string starting with '#' in a resource (references, canonicals, uris), skipping contained resources if asked. */
function collectLocalReferences(node: unknown, found: Set<string>, skipContained: boolean): void {
  if (typeof node === 'string') {
    if (node.startsWith('#')) found.add(node);
  } else if (Array.isArray(node)) {
    for (const item of node) collectLocalReferences(item, found, skipContained);
  } else if (isObject(node)) {
    for (const key in node) {
      if (key === 'contained' && skipContained) {
        // References between contained resources count too (dom-3 uses %resource.descendants()).
        for (const contained of Array.isArray(node.contained) ? node.contained : []) collectLocalReferences(contained, found, false);
        continue;
      }
      collectLocalReferences(node[key], found, skipContained);
    }
  }
}

/** The canonical URLs in meta.profile. */
function declaredProfiles(resource: JsonObject): string[] {
  const profiles = isObject(resource.meta) && Array.isArray(resource.meta.profile) ? resource.meta.profile : [];
  return profiles.filter((profile): profile is string => typeof profile === 'string');
}

function codingOf(coding: JsonObject): { system?: string; code?: string } {
  return { system: typeof coding.system === 'string' ? coding.system : undefined, code: typeof coding.code === 'string' ? coding.code : undefined };
}

function typeFromLiteral(literal: string): string | undefined {
  if (literal.startsWith('#') || literal.startsWith('urn:')) return undefined;
  const match = /(?:^|\/)([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}(\/_history\/[A-Za-z0-9\-.]{1,64})?$/.exec(literal);
  return match?.[1];
}

function lowerIfPrimitive(typeCode: string): string {
  const lowered = typeCode.charAt(0).toLowerCase() + typeCode.slice(1);
  return isPrimitiveType(lowered) ? lowered : typeCode;
}

const discriminatorSteps = new Map<string, string[]>();

/** `extension('http://x').value.ofType(Quantity)` → [`extension('http://x')`, `value`, `ofType(Quantity)`], parsed once per path. */
function splitDiscriminatorPath(path: string): string[] {
  let steps = discriminatorSteps.get(path);
  if (!steps) {
    steps = parseDiscriminatorPath(path);
    discriminatorSteps.set(path, steps);
  }
  return steps;
}

function parseDiscriminatorPath(path: string): string[] {
  const steps: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of path) {
    if (character === '(') depth++;
    if (character === ')') depth--;
    if (character === '.' && depth === 0) {
      steps.push(current);
      current = '';
    } else current += character;
  }
  steps.push(current);
  return steps.filter((step) => step !== '');
}

/** The choice element a property like `valueUri` names with a type the element does not allow. */
function choiceWithWrongType(owner: CompiledElement, key: string): CompiledElement | undefined {
  return owner.children.find((child) => child.isChoice && key.length > child.name.length && key.startsWith(child.name) && /[A-Z]/.test(key[child.name.length]));
}

/** Discriminator targets per slice (see discriminatedElement); slices are immutable once compiled. */
const discriminatedElements = new WeakMap<CompiledElement, Map<string, CompiledElement | undefined>>();

/** The children of an element that satisfy a test, computed once per element and test. */
function childrenWhere(cache: WeakMap<CompiledElement, CompiledElement[]>, owner: CompiledElement, test: (child: CompiledElement) => boolean): CompiledElement[] {
  let found = cache.get(owner);
  if (!found) {
    found = owner.children.filter(test);
    cache.set(owner, found);
  }
  return found;
}

/** The definition's entry for a type (a plain loop: called for every value walked). */
function typeOf(definition: CompiledElement, typeCode: string): ElementType | undefined {
  for (const type of definition.types) if (type.code === typeCode) return type;
  return undefined;
}

const profilesCache = new WeakMap<CompiledElement, string[]>();
const targetProfilesCache = new WeakMap<CompiledElement, string[]>();
/** The profiles (or target profiles) of all the element's types, computed once per element. */
function allProfiles(cache: WeakMap<CompiledElement, string[]>, definition: CompiledElement, kind: 'profiles' | 'targetProfiles'): string[] {
  let urls = cache.get(definition);
  if (!urls) {
    urls = definition.types.flatMap((type) => type[kind]);
    cache.set(definition, urls);
  }
  return urls;
}

/** Whether one of the first `end` properties holds the child. */
function holdsChild(present: PropertyEntry[], end: number, child: CompiledElement): boolean {
  for (let position = 0; position < end; position++) if (present[position].child === child) return true;
  return false;
}

/** Whether properties `from`..`end` - 1 include the JSON key. */
function hasJsonKey(present: PropertyEntry[], from: number, end: number, jsonKey: string): boolean {
  for (let position = from; position < end; position++) if (present[position].jsonKey === jsonKey) return true;
  return false;
}

/** Whether an object has the child: a property for it, or one naming it with a type it does not allow. */
function isPresent(child: CompiledElement, present: PropertyEntry[], wrongTypeChoices: CompiledElement[] | undefined): boolean {
  return holdsChild(present, present.length, child) || (wrongTypeChoices?.includes(child) ?? false);
}

const requiredChildrenCache = new WeakMap<CompiledElement, CompiledElement[]>();
/** Children that must be present at least once. */
function requiredChildren(owner: CompiledElement): CompiledElement[] {
  return childrenWhere(requiredChildrenCache, owner, (child) => child.min > 0 || child.slices.some((slice) => slice.min > 0));
}

const mustSupportChildrenCache = new WeakMap<CompiledElement, CompiledElement[]>();
/** Children that are Must Support or have Must Support slices. */
function mustSupportChildren(owner: CompiledElement): CompiledElement[] {
  return childrenWhere(mustSupportChildrenCache, owner, (child) => child.mustSupport || child.slices.some((slice) => slice.mustSupport));
}

/** JSON property name → what it holds (child definition, and the type a choice property name selects), built once per element. */
function propertyIndex(owner: CompiledElement): Map<string, PropertyEntry> {
  if (owner.propertyIndex) return owner.propertyIndex;
  const index = new Map<string, PropertyEntry>();
  const add = (child: CompiledElement, jsonKey: string, typeCode: string): void => {
    index.set(jsonKey, { child, property: jsonKey, jsonKey, typeCode, isCompanion: false });
    index.set(`_${jsonKey}`, { child, property: `_${jsonKey}`, jsonKey, typeCode, isCompanion: true });
  };
  for (const child of owner.children) {
    if (child.isChoice) for (const type of child.types) add(child, child.name + capitalise(type.code), type.code);
    else add(child, child.name, child.types[0]?.code ?? 'BackboneElement');
  }
  owner.propertyIndex = index;
  return index;
}

/**
 * Validates FHIR R4 JSON resources against StructureDefinition snapshots (base R4, JP Core, JP-CLINS, the IG).
 * Profiles are compiled on first use and kept; a Validator holds no per-request state and never touches the database.
 */
export class Validator {
  private readonly profiles: ProfileCache;
  private readonly terminology: LocalTerminology;
  private readonly invariants = new InvariantEvaluator();

  constructor(registry: ConformanceRegistry) {
    this.profiles = new ProfileCache(registry);
    this.terminology = new LocalTerminology(registry);
  }

  validate(resource: unknown, options: ValidateOptions = {}): fhir4.OperationOutcome {
    const issues = new IssueList();
    const run = new ValidationRun(this.profiles, this.terminology, this.invariants, options.mustSupport ?? false);
    const rootPath = isObject(resource) && typeof resource.resourceType === 'string' ? resource.resourceType : 'Resource';
    run.validateResource(resource, rootPath, options.profiles ?? [], {}, issues, true);
    return toOperationOutcome(issues.issues);
  }
}
