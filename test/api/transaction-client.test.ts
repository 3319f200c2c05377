import { Client } from 'fhir-kit-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startListeningRuntime, type ListeningRuntime } from '../support/runtime.js';

let runtime: ListeningRuntime;
let client: InstanceType<typeof Client>;

beforeAll(async () => {
  runtime = await startListeningRuntime();
  client = new Client({ baseUrl: `${runtime.origin}/fhir` });
});
afterAll(async () => runtime?.close());

describe('fhir-kit-client posting Bundles', () => {
  it('posts a transaction and reads back what it created', async () => {
    const patientUrl = 'urn:uuid:7f3c1e2a-9b8d-4c6e-a5f4-3d2c1b0a9e8f';
    const body = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: patientUrl,
          resource: { resourceType: 'Patient', name: [{ family: '木村', given: ['一郎'] }], gender: 'male' },
          request: { method: 'POST', url: 'Patient' },
        },
        {
          resource: {
            resourceType: 'Condition',
            subject: { reference: patientUrl },
            code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'I63.9' }] },
          },
          request: { method: 'POST', url: 'Condition' },
        },
      ],
    };
    const response = (await client.transaction({ body })) as unknown as fhir4.Bundle;
    expect(response.type).toBe('transaction-response');
    expect(response.entry!.map((entry) => entry.response!.status)).toEqual(['201 Created', '201 Created']);
    const conditionId = response.entry![1].resource!.id!;
    const condition = (await client.read({ resourceType: 'Condition', id: conditionId })) as unknown as fhir4.Condition;
    expect(condition.subject.reference).toBe(`Patient/${response.entry![0].resource!.id}`);
  });

  it('posts a batch', async () => {
    const body = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { resource: { resourceType: 'Patient', name: [{ family: '林' }] }, request: { method: 'POST', url: 'Patient' } },
        { request: { method: 'GET', url: 'Patient/does-not-exist' } },
      ],
    };
    const response = (await client.batch({ body })) as unknown as fhir4.Bundle;
    expect(response.type).toBe('batch-response');
    expect(response.entry!.map((entry) => entry.response!.status)).toEqual(['201 Created', '404 Not Found']);
  });
});
