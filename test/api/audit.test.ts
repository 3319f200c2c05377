import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/runtime.js';


const api = useTestApi();

async function eventsFor(entity: string): Promise<fhir4.AuditEvent[]> {
  const response = await api.http.get(`/fhir/AuditEvent?entity=${encodeURIComponent(entity)}`).expect(200);
  return (response.body as fhir4.Bundle).entry?.map((entry) => entry.resource as fhir4.AuditEvent) ?? [];
}

describe('audit trail', () => {
  it('records create, read, search and update with the resources touched', async () => {
    const created = await api.http.post('/fhir/Patient').send({ resourceType: 'Patient', name: [{ family: '大野' }] }).expect(201);
    const reference = `Patient/${created.body.id}`;
    await api.http.get(`/fhir/${reference}`).expect(200);
    await api.http.get(`/fhir/Patient?_id=${created.body.id}`).expect(200);
    await api.http.put(`/fhir/${reference}`).send({ ...created.body, gender: 'male' }).expect(200);
    const events = await eventsFor(reference);
    expect(events.map((event) => [event.action, event.subtype?.[0].code])).toEqual([
      ['U', 'update'],
      ['E', 'search-type'],
      ['R', 'read'],
      ['C', 'create'],
    ]);
    expect(events.every((event) => event.outcome === '0')).toBe(true);
    expect(events[0].agent[0].network?.address).toBeTruthy();
    const one = await api.http.get(`/fhir/AuditEvent/${events[0].id}`).expect(200);
    expect(one.body.entity[0].what.reference).toBe(reference);
  });

  it('records failures with a failure outcome', async () => {
    await api.http.get('/fhir/Patient/missing-one').expect(404);
    const [event] = await eventsFor('Patient/missing-one');
    expect(event.outcome).toBe('4');
    expect(event.outcomeDesc).toContain('HTTP 404');
  });

  it('filters by action and pages newest first', async () => {
    const reads = await api.http.get('/fhir/AuditEvent?action=R&_count=1').expect(200);
    expect(reads.body.entry).toHaveLength(1);
    expect(reads.body.entry[0].resource.action).toBe('R');
    expect(reads.body.link.find((link: fhir4.BundleLink) => link.relation === 'next')).toBeTruthy();
    await api.http.get('/fhir/AuditEvent?action=X').expect(400);
    await api.http.get('/fhir/AuditEvent?unknown=1').expect(400);
  });

  it('cannot be created, changed or deleted through the API', async () => {
    await api.http.post('/fhir/AuditEvent').send({ resourceType: 'AuditEvent' }).expect(405);
    const [event] = await eventsFor('Patient/missing-one');
    await api.http.put(`/fhir/AuditEvent/${event.id}`).send({ ...event }).expect(405);
    await api.http.delete(`/fhir/AuditEvent/${event.id}`).expect(405);
    expect((await api.http.get(`/fhir/AuditEvent/${event.id}`).expect(200)).body.outcome).toBe('4');
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(api.runtime.db.query("UPDATE audit_event SET status = 200")).rejects.toThrow(/append-only/);
    await expect(api.runtime.db.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    await expect(api.runtime.db.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
  });

  it('is described in the CapabilityStatement as read and search only', async () => {
    const statement = (await api.http.get('/fhir/metadata').expect(200)).body as fhir4.CapabilityStatement;
    const audit = statement.rest![0].resource!.find((resource) => resource.type === 'AuditEvent')!;
    expect(audit.interaction!.map((i) => i.code).sort()).toEqual(['read', 'search-type']);
    expect(audit.searchParam!.map((p) => p.name)).toEqual(['date', 'agent', 'entity', 'action', 'subtype']);
  });
});
