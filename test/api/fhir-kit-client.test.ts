import { Client } from 'fhir-kit-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startListeningRuntime, type ListeningRuntime } from '../support/runtime.js';

// A real FHIR client, written by others, driving a listening server over HTTP.
let runtime: ListeningRuntime;
let client: InstanceType<typeof Client>;

beforeAll(async () => {
  runtime = await startListeningRuntime();
  client = new Client({ baseUrl: `${runtime.origin}/fhir` });
});
afterAll(async () => runtime?.close());

describe('fhir-kit-client', () => {
  it('reads the CapabilityStatement', async () => {
    const statement = (await client.capabilityStatement()) as unknown as fhir4.CapabilityStatement;
    expect(statement.fhirVersion).toBe('4.0.1');
  });

  it('creates, reads, updates, searches by id and pages history', async () => {
    const created = (await client.create({
      resourceType: 'Patient',
      body: { resourceType: 'Patient', name: [{ family: '田中', given: ['花子'] }], gender: 'female', birthDate: '1948-07-15' },
    })) as fhir4.Patient;
    expect(created.id).toBeTruthy();

    const read = (await client.read({ resourceType: 'Patient', id: created.id! })) as fhir4.Patient;
    expect(read.name?.[0].family).toBe('田中');

    for (const city of ['札幌市', '仙台市', '名古屋市']) {
      await client.update({ resourceType: 'Patient', id: created.id!, body: { ...read, address: [{ city }] } });
    }
    const updated = (await client.read({ resourceType: 'Patient', id: created.id! })) as fhir4.Patient;
    expect(updated.meta?.versionId).toBe('4');
    expect(updated.address?.[0].city).toBe('名古屋市');

    const found = (await client.search({ resourceType: 'Patient', searchParams: { _id: created.id! } })) as unknown as fhir4.Bundle;
    expect(found.total).toBe(1);
    expect(found.entry?.[0].resource?.id).toBe(created.id);

    const versions: string[] = [];
    let page = (await client.resourceHistory({ resourceType: 'Patient', id: created.id!, options: { searchParams: { _count: '3' } } } as any)) as unknown as fhir4.Bundle | undefined;
    while (page) {
      versions.push(...(page.entry ?? []).map((entry) => entry.resource!.meta!.versionId!));
      page = (await client.nextPage({ bundle: page as any })) as unknown as fhir4.Bundle | undefined;
    }
    expect(versions).toEqual(['4', '3', '2', '1']);
  });
});
