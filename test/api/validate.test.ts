import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/runtime.js';

const JP_PATIENT = 'http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient';

const api = useTestApi();

const validPatient = { resourceType: 'Patient', name: [{ family: '山田', given: ['太郎'] }], gender: 'male', birthDate: '1950-04-01' };
const errorsOf = (outcome: fhir4.OperationOutcome) => outcome.issue.filter((i) => i.severity === 'error' || i.severity === 'fatal');

describe('$validate', () => {
  it('validates a bare resource at type level (200, no errors)', async () => {
    const response = await api.http.post('/fhir/Patient/$validate').send(validPatient).expect(200);
    expect(response.body.resourceType).toBe('OperationOutcome');
    expect(errorsOf(response.body)).toEqual([]);
  });

  it('reports each error with its FHIRPath location', async () => {
    const response = await api.http.post('/fhir/$validate').send({ ...validPatient, gender: 'xx', birthDate: '1950-4-1', foo: 1 }).expect(200);
    const errors = errorsOf(response.body);
    // Unknown properties are reported on their parent, as the HL7 validator does.
    expect(errors.map((e: fhir4.OperationOutcomeIssue) => e.expression?.[0]).sort()).toEqual(['Patient', 'Patient.birthDate', 'Patient.gender']);
    expect(errors.find((e: fhir4.OperationOutcomeIssue) => e.expression?.[0] === 'Patient')?.diagnostics).toContain("'foo'");
  });

  it('takes a Parameters body with a profile, and ?profile=', async () => {
    const parameters = {
      resourceType: 'Parameters',
      parameter: [
        { name: 'resource', resource: validPatient },
        { name: 'profile', valueUri: JP_PATIENT },
      ],
    };
    const viaParameters = await api.http.post('/fhir/Patient/$validate').send(parameters).expect(200);
    const identifierError = errorsOf(viaParameters.body).find((e: fhir4.OperationOutcomeIssue) => /identifier/.test(e.diagnostics ?? ''));
    expect(identifierError).toBeTruthy();
    const viaQuery = await api.http.post(`/fhir/Patient/$validate?profile=${encodeURIComponent(JP_PATIENT)}`).send(validPatient).expect(200);
    expect(errorsOf(viaQuery.body).length).toBe(errorsOf(viaParameters.body).length);
  });

  it('names an unknown profile', async () => {
    const response = await api.http.post('/fhir/Patient/$validate?profile=http://example.org/nope').send(validPatient).expect(200);
    expect(errorsOf(response.body).some((e: fhir4.OperationOutcomeIssue) => e.code === 'not-found' && e.diagnostics?.includes('http://example.org/nope'))).toBe(true);
  });

  it('refuses a resource of another type than the URL and an empty Parameters', async () => {
    await api.http.post('/fhir/Observation/$validate').send(validPatient).expect(400);
    await api.http.post('/fhir/$validate').send({ resourceType: 'Parameters', parameter: [] }).expect(400);
  });

  it('is listed in the CapabilityStatement', async () => {
    const statement = (await api.http.get('/fhir/metadata').expect(200)).body as fhir4.CapabilityStatement;
    expect(statement.rest![0].operation?.map((o) => o.name)).toContain('validate');
    // Type-level operations are listed on every type they serve; Patient has its own besides.
    expect(statement.rest![0].resource!.find((r) => r.type === 'Patient')!.operation?.map((o) => o.name)).toEqual(
      expect.arrayContaining(['validate', 'export', 'match', 'everything']),
    );
    expect(statement.rest![0].resource!.find((r) => r.type === 'Observation')!.operation?.map((o) => o.name)).toEqual(['validate']);
  });
});

describe('validation on write', () => {
  it('refuses an invalid create and update with 422 and stores nothing', async () => {
    const created = await api.http.post('/fhir/Patient').send({ ...validPatient, gender: 'xx' }).expect(422);
    expect(created.body.resourceType).toBe('OperationOutcome');
    expect(errorsOf(created.body)[0].expression).toEqual(['Patient.gender']);
    await api.http.put('/fhir/Patient/v1').send({ ...validPatient, id: 'v1', birthDate: 'yesterday' }).expect(422);
    await api.http.get('/fhir/Patient/v1').expect(404);
    const { rows } = await api.runtime.db.query<{ n: number }>('SELECT count(*)::int AS n FROM resource');
    expect(rows[0].n).toBe(0);
  });

  it('refuses a resource that fails a profile it claims', async () => {
    const response = await api.http.post('/fhir/Patient').send({ ...validPatient, meta: { profile: [JP_PATIENT] } }).expect(422);
    expect(errorsOf(response.body).some((e: fhir4.OperationOutcomeIssue) => /identifier/.test(e.diagnostics ?? ''))).toBe(true);
  });

  it('stores a valid resource and returns its non-error issues with return=OperationOutcome', async () => {
    const response = await api.http.post('/fhir/Patient').set('Prefer', 'return=OperationOutcome').send(validPatient).expect(201);
    expect(response.body.issue[0].diagnostics).toMatch(/^Created Patient\//);
    expect(response.body.issue.some((i: fhir4.OperationOutcomeIssue) => i.diagnostics?.includes('dom-6'))).toBe(true);
  });
});
