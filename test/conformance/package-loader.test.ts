import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { ConformanceRegistry, loadConformance, MissingPackageError } from '../../src/conformance/package-loader.js';

const config = loadConfig();
const sources = {
  fhirPackageCache: config.fhirPackageCache,
  fhirPackagesDir: config.fhirPackagesDir,
  igResourcesDir: config.igResourcesDir,
  sushiConfigPath: join(PROJECT_ROOT, 'sushi-config.yaml'),
};

describe('FHIR package loader', () => {
  const registry = loadConformance(sources);

  it('loads R4 core and the IG dependencies named in sushi-config.yaml', () => {
    const names = registry.packages.map((p) => `${p.name}#${p.version}`);
    expect(names.slice(0, 3)).toEqual(['hl7.fhir.r4.core#4.0.1', 'jp-core.r4#1.1.2-url', 'jp-clins.r4#1.5.2']);
    expect(registry.packages[0].resourceCount).toBeGreaterThan(4000);
  });

  it('resolves canonical URLs, with and without |version', () => {
    expect(registry.structureDefinition('http://hl7.org/fhir/StructureDefinition/Patient')?.snapshot?.element.length).toBeGreaterThan(10);
    expect(registry.structureDefinition('http://hl7.org/fhir/StructureDefinition/Patient|4.0.1')?.type).toBe('Patient');
    expect(registry.structureDefinition('http://hl7.org/fhir/StructureDefinition/Patient|3.0.2')).toBeUndefined();
    expect(registry.structureDefinition('http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary')?.type).toBe('Bundle');
    expect(registry.valueSet('http://hl7.org/fhir/ValueSet/administrative-gender')?.compose).toBeTruthy();
    expect(registry.codeSystem('http://hl7.org/fhir/administrative-gender')?.concept?.map((c) => c.code)).toEqual(['male', 'female', 'other', 'unknown']);
  });

  it('indexes SearchParameters, resource types and profiles by type', () => {
    expect(registry.allOfType<fhir4.SearchParameter>('SearchParameter').filter((sp) => sp.base.includes('Patient')).length).toBeGreaterThan(20);
    const types = registry.resourceTypes();
    expect(types).toContain('Patient');
    expect(types).not.toContain('DomainResource');
    expect(types).not.toContain('Resource');
    expect(registry.resourceProfiles().get('Patient')).toContain('http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient');
  });

  it('names a missing package and where it looked', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-packages-'));
    const error = (() => {
      try {
        new ConformanceRegistry().addPackage({ name: 'jp-core.r4', version: '9.9.9' }, [empty]);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(MissingPackageError);
    expect((error as Error).message).toContain('jp-core.r4#9.9.9');
    expect((error as Error).message).toContain(empty);
    expect((error as Error).message).toContain('FHIR_PACKAGES_DIR');
  });

  it('loads a folder without .index.json (SUSHI output)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ig-out-'));
    writeFileSync(join(dir, 'ValueSet-x.json'), JSON.stringify({ resourceType: 'ValueSet', id: 'x', url: 'http://example.org/ValueSet/x', version: '1.0.0', status: 'draft' }));
    const local = new ConformanceRegistry();
    local.addFolder('example#1.0.0', dir);
    expect(local.valueSet('http://example.org/ValueSet/x|1.0.0')?.id).toBe('x');
  });
});

describe('errata for known package defects', () => {
  const registry = loadConformance(sources);

  it('lets the JP-CLINS discharge-summary section ValueSet include the discharge (DIS) sections', () => {
    const valueSet = registry.valueSet('http://jpfhir.jp/fhir/eDischargeSummary/ValueSet/document-section')!;
    expect(valueSet.compose!.include.map((part) => part.filter?.[0].value)).toEqual(['REF', 'COMMON', 'DIS']);
  });

  it('adds the section codes the JP-CLINS Composition uses to the document-section CodeSystem', () => {
    const codeSystem = registry.codeSystem('http://jpfhir.jp/fhir/clins/CodeSystem/document-section')!;
    const common = codeSystem.concept!.find((concept) => concept.code === 'COMMON')!;
    expect(common.concept!.map((concept) => concept.code)).toEqual(expect.arrayContaining(['360', '362', '372', '552', '642']));
  });
});
