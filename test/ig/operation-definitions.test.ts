/**
 * Keeps the route table (src/fhir/routes.ts) and the OperationDefinitions it names in step: the CapabilityStatement
 * points clients at those definitions, so each must exist and describe the operation as the server serves it.
 * Assumes `npm run build:ig` ran before the tests (the IG's own definitions come from fsh-generated/resources).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { loadConformance } from '../../src/conformance/package-loader.js';
import { FHIR_ROUTES, type FhirRoute } from '../../src/fhir/routes.js';

const IG_CANONICAL = 'http://jp-cvd-registry.org/fhir/';
const IG_PACKAGE = 'jp-cvd-registry#current';

/**
 * Definitions of the Bulk Data Access IG (hl7.fhir.uv.bulkdata), which the IG does not depend on, so they are not
 * loaded; the server implements them as that IG specifies.
 */
const NOT_LOADED = new Set([
  'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export',
  'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export',
  'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export',
]);

/**
 * Routes served at a level their definition does not declare (route → why). R4's Resource-validate is type- and
 * instance-level; the server also takes POST [base]/$validate, the resource's type read from the body. Each entry
 * must still deviate, so it leaves this list once the route or the definition is fixed.
 */
const LEVEL_DEVIATIONS = new Map([['POST /$validate', 'system-level $validate is an extension of Resource-validate']]);

const conformance = loadConformance({ ...loadConfig(), sushiConfigPath: join(PROJECT_ROOT, 'sushi-config.yaml') });
const operationRoutes = FHIR_ROUTES.filter((route): route is FhirRoute & { operation: NonNullable<FhirRoute['operation']> } => !!route.operation);
const checked = operationRoutes.filter((route) => !NOT_LOADED.has(route.operation.definition));
const label = (route: FhirRoute) => `${route.method} ${route.path}`;

/** The OperationDefinition with this canonical and the package it was loaded from. */
function definition(canonical: string): { packageId: string; resource: fhir4.OperationDefinition } | undefined {
  return conformance.entriesOfType<fhir4.OperationDefinition>('OperationDefinition').find((entry) => entry.resource.url === canonical);
}

describe('OperationDefinitions of the routes', () => {
  it('has operation routes to check, including every registry operation', () => {
    const igOperations = new Set(operationRoutes.filter((route) => route.operation.definition.startsWith(IG_CANONICAL)).map((route) => route.operation.name));
    expect([...igOperations].sort()).toEqual(['acute-care-summary', 'care-listing', 'epidemiology', 'indicator-checklist', 'link', 'registry-completeness', 'unlink']);
  });

  it.each(checked.map((route) => [label(route), route] as const))('%s: its definition is loaded from the right package', (_, route) => {
    const found = definition(route.operation.definition);
    expect(found, `${route.operation.definition} is not loaded`).toBeDefined();
    if (route.operation.definition.startsWith(IG_CANONICAL)) expect(found!.packageId).toBe(IG_PACKAGE);
    else expect(found!.packageId).not.toBe(IG_PACKAGE);
  });

  it.each(checked.map((route) => [label(route), route] as const))('%s: code and level agree with the route', (_, route) => {
    const operation = definition(route.operation.definition)!.resource;
    expect(operation.kind).toBe('operation');
    expect(operation.code).toBe(route.operation.name);
    expect(operation[route.level], `${operation.url} is not a ${route.level}-level operation`).toBe(!LEVEL_DEVIATIONS.has(label(route)));
    if (route.level !== 'system' && route.resourceType) expect(operation.resource).toContain(route.resourceType);
  });

  it('names only allow-listed definitions that are really not loaded, and uses every one of them', () => {
    const used = new Set(operationRoutes.map((route) => route.operation.definition));
    for (const canonical of NOT_LOADED) {
      expect(used.has(canonical), `${canonical} is allow-listed but no route names it`).toBe(true);
      expect(definition(canonical), `${canonical} is loaded now: take it off the allow-list`).toBeUndefined();
    }
  });

  it('serves every OperationDefinition of the IG', () => {
    const served = new Set<string | undefined>(operationRoutes.map((route) => route.operation.definition));
    const unserved = conformance
      .entriesOfType<fhir4.OperationDefinition>('OperationDefinition')
      .filter((entry) => entry.packageId === IG_PACKAGE && !served.has(entry.resource.url))
      .map((entry) => entry.resource.url);
    expect(unserved).toEqual([]);
  });

  it('declares changes of state only for the operations that change it', () => {
    const ofIg = (name: string) => definition(operationRoutes.find((route) => route.operation.name === name)!.operation.definition)!.resource;
    expect(['link', 'unlink'].map((name) => ofIg(name).affectsState)).toEqual([true, true]);
    expect(['epidemiology', 'registry-completeness', 'indicator-checklist', 'care-listing', 'acute-care-summary'].map((name) => ofIg(name).affectsState)).toEqual([
      false, false, false, false, false,
    ]);
  });
});
