import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/db/database.js';
import { useTestApi } from '../support/runtime.js';

const PATIENT_SYSTEM = 'urn:oid:1.2.392.100495.20.3.51.11310000003';
const api = useTestApi();

const postTransaction = (entry: unknown[]) =>
  api.http.post('/fhir').set('content-type', 'application/fhir+json').send({ resourceType: 'Bundle', type: 'transaction', entry });

async function countStored(): Promise<{ resources: number; versions: number }> {
  const { rows } = await api.runtime.db.query<{ resources: number; versions: number }>(
    'SELECT (SELECT count(*)::int FROM resource) AS resources, (SELECT count(*)::int FROM resource_version) AS versions',
  );
  return rows[0];
}

/** 250 Patients and 250 Observations, each Observation referring to its Patient by urn:uuid fullUrl. */
function patientsWithObservations(prefix: string): { fullUrl: string; resource: fhir4.Resource; request: fhir4.BundleEntryRequest }[] {
  return Array.from({ length: 250 }, (_, i) => [
    {
      fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      resource: { resourceType: 'Patient', identifier: [{ system: PATIENT_SYSTEM, value: `${prefix}-${i}` }], name: [{ family: `患者${i}` }] },
      request: { method: 'POST' as const, url: 'Patient' },
    },
    {
      fullUrl: `urn:uuid:00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
      resource: {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
        subject: { reference: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` },
        valueQuantity: { value: 60 + (i % 40), unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
      },
      request: { method: 'POST' as const, url: 'Observation' },
    },
  ]).flat();
}

/** Counts the SQL statements run inside database transactions while `work` runs. */
async function countTransactionStatements(work: () => Promise<unknown>): Promise<number> {
  let statements = 0;
  const db = api.runtime.db;
  const original = db.transaction;
  const bound = original.bind(db);
  db.transaction = (inner) =>
    bound((tx: Queryable) =>
      inner({
        query: (sql, params) => {
          statements += 1;
          return tx.query(sql, params);
        },
        exec: (sql) => {
          statements += 1;
          return tx.exec(sql);
        },
      }),
    );
  try {
    await work();
  } finally {
    db.transaction = original;
  }
  return statements;
}

describe('large transactions', () => {
  it('stores a 500-entry transaction completely, with batched writes', async () => {
    const before = await countStored();
    let response: request.Response | undefined;
    const statements = await countTransactionStatements(async () => {
      response = await postTransaction(patientsWithObservations('SCALE')).expect(200);
    });
    const entries = response!.body.entry as fhir4.BundleEntry[];
    expect(entries).toHaveLength(500);
    expect(entries.every((entry) => entry.response!.status === '201 Created')).toBe(true);
    const after = await countStored();
    expect(after.resources - before.resources).toBe(500);
    expect(after.versions - before.versions).toBe(500);
    const observation = entries[1].resource as fhir4.Observation;
    expect(observation.subject!.reference).toBe(`Patient/${entries[0].resource!.id}`);
    // Writes are batched: the statement count does not grow with the number of entries.
    expect(statements).toBeLessThan(50);
  });

  it('leaves nothing behind when entry 499 fails', async () => {
    const before = await countStored();
    const entries = patientsWithObservations('ROLLBACK');
    const last = entries[499].resource as fhir4.Observation;
    last.subject = { reference: 'urn:uuid:00000000-0000-4000-8000-999999999999' };
    const response = await postTransaction(entries).expect(400);
    expect(response.body.issue[0].expression).toContain('Bundle.entry[499]');
    expect(await countStored()).toEqual(before);
    const byIdentifier = await api.http.get(`/fhir/Patient?identifier=${PATIENT_SYSTEM}|ROLLBACK-0`).expect(200);
    expect(byIdentifier.body.total).toBe(0);
  });
});

describe('concurrent conditional creates', () => {
  it('50 concurrent transactions creating the same Patient by identifier create exactly one', async () => {
    const condition = `identifier=${PATIENT_SYSTEM}|RACE-1`;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postTransaction([
          {
            fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111',
            resource: { resourceType: 'Patient', identifier: [{ system: PATIENT_SYSTEM, value: 'RACE-1' }], name: [{ family: '競合' }] },
            request: { method: 'POST', url: 'Patient', ifNoneExist: condition },
          },
          {
            resource: {
              resourceType: 'Observation',
              status: 'final',
              code: { text: `race ${i}` },
              subject: { reference: 'urn:uuid:11111111-1111-4111-8111-111111111111' },
            },
            request: { method: 'POST', url: 'Observation' },
          },
        ]),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    const statuses = responses.map((response) => response.body.entry[0].response.status as string);
    expect(statuses.filter((status) => status === '201 Created')).toHaveLength(1);
    expect(statuses.filter((status) => status === '200 OK')).toHaveLength(49);
    const found = await api.http.get(`/fhir/Patient?${condition}`).expect(200);
    expect(found.body.total).toBe(1);
    const patientId = found.body.entry[0].resource.id;
    const subjects = new Set(responses.map((response) => response.body.entry[1].resource.subject.reference));
    expect([...subjects]).toEqual([`Patient/${patientId}`]);
  });
});
