import { describe, expect, it } from 'vitest';
import { generateAdmissions, DEFAULT_OPTIONS } from '../../src/registry/synthetic/index.js';
import { useTestApi } from '../support/runtime.js';

const api = useTestApi();

const [{ bundle: dischargeSummary }] = [...generateAdmissions({ ...DEFAULT_OPTIONS, admissions: 1, hospitals: 1, seed: 'must-support' })];
const mustSupportIssues = (outcome: fhir4.OperationOutcome) => outcome.issue.filter((issue) => issue.diagnostics?.startsWith('Must Support element'));

describe('$validate mustSupport', () => {
  it('reports absent Must Support elements as information when asked by Parameters or by ?mustSupport=true', async () => {
    const parameters = { resourceType: 'Parameters', parameter: [{ name: 'resource', resource: dischargeSummary }, { name: 'mustSupport', valueBoolean: true }] };
    const viaParameters = await api.http.post('/fhir/Bundle/$validate').send(parameters).expect(200);
    const reported = mustSupportIssues(viaParameters.body);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.every((issue) => issue.severity === 'information' && issue.code === 'informational')).toBe(true);
    expect(reported.map((issue) => issue.diagnostics)).toContainEqual(expect.stringMatching(/^Must Support element Composition\.section\.section \(slice '[A-Za-z]+'\) of http/));
    const viaQuery = await api.http.post('/fhir/Bundle/$validate?mustSupport=true').send(dischargeSummary).expect(200);
    expect(mustSupportIssues(viaQuery.body)).toEqual(reported);
  });

  it('is off by default', async () => {
    const response = await api.http.post('/fhir/Bundle/$validate').send(dischargeSummary).expect(200);
    expect(mustSupportIssues(response.body)).toEqual([]);
  });

  it('is advertised on the validate operation of the CapabilityStatement', async () => {
    const statement = (await api.http.get('/fhir/metadata').expect(200)).body as fhir4.CapabilityStatement;
    const systemValidate = statement.rest![0].operation!.find((operation) => operation.name === 'validate')!;
    expect(systemValidate.documentation).toContain('mustSupport');
    const observationValidate = statement.rest![0].resource!.find((resource) => resource.type === 'Observation')!.operation!.find((operation) => operation.name === 'validate')!;
    expect(observationValidate.documentation).toBe(systemValidate.documentation);
  });

  it('refuses a mustSupport that is not a boolean', async () => {
    const response = await api.http.post('/fhir/Bundle/$validate?mustSupport=yes').send(dischargeSummary).expect(400);
    expect(response.body.issue[0].diagnostics).toContain('mustSupport');
    const parameters = { resourceType: 'Parameters', parameter: [{ name: 'resource', resource: dischargeSummary }, { name: 'mustSupport', valueString: 'true' }] };
    await api.http.post('/fhir/Bundle/$validate').send(parameters).expect(400);
  });
});
