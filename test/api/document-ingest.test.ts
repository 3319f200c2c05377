import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { useTestApi } from '../support/runtime.js';

// The IG's discharge summaries (one per disease, and a plain JP-CLINS one) as EHR vendors would send them.
const resourcesDir = loadConfig().igResourcesDir;
const examples = readdirSync(resourcesDir)
  .filter((file) => file.startsWith('Bundle-jp-cvd-example-bundle-'))
  .sort()
  .map((file) => [file, JSON.parse(readFileSync(join(resourcesDir, file), 'utf8')) as fhir4.Bundle] as const);
const api = useTestApi();

describe('document ingest of the IG examples', () => {
  it('has the six disease examples and the plain JP-CLINS one', () => {
    expect(examples.length).toBe(7);
  });

  it.each(examples)('%s is validated, stored whole and as its entries', async (_file, bundle) => {
    const before = await api.storedCount();
    const response = await api.http.post('/fhir/Bundle').set('Prefer', 'return=OperationOutcome').send(bundle).expect(201);
    expect(response.body.issue.filter((issue: fhir4.OperationOutcomeIssue) => issue.severity === 'error')).toEqual([]);
    expect(await api.storedCount()).toBeGreaterThan(before + (bundle.entry?.length ?? 0) / 2);
    const again = await api.http.post('/fhir/Bundle').send(bundle).expect(200);
    expect(again.headers.location).toBe(response.headers.location);
  });

  it('refuses a document that breaks its JP-CLINS profile with 422 and stores nothing', async () => {
    const [, bundle] = examples[0];
    const broken = structuredClone(bundle);
    broken.identifier = { ...broken.identifier, value: `${broken.identifier!.value}-broken` };
    (broken.entry![0].resource as fhir4.Composition).status = 'not-a-status' as fhir4.Composition['status'];
    const before = await api.storedCount();
    const response = await api.http.post('/fhir').send(broken).expect(422);
    expect(response.body.issue.some((issue: fhir4.OperationOutcomeIssue) => issue.expression?.[0]?.startsWith('Bundle.entry[0].resource.status'))).toBe(true);
    expect(await api.storedCount()).toBe(before);
  });
});
