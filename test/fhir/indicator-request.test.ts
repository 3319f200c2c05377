/** Parameters of the indicator operations: report periods (FHIR date / dateTime, Japanese days) and Parameters bodies. */
import { describe, expect, it } from 'vitest';
import type { FhirRequest } from '../../src/fhir/context.js';
import { operationParameters, reportPeriod } from '../../src/fhir/operation/indicator-request.js';
import { FhirError } from '../../src/fhir/outcome.js';

const request = (query: string, body?: unknown): FhirRequest => ({ method: body ? 'POST' : 'GET', baseUrl: 'http://fhir.test/fhir', query: [...new URLSearchParams(query)], headers: {}, body });
const bounds = (query: string) => reportPeriod(operationParameters(request(query))).bounds;

describe('reportPeriod', () => {
  it('reads dates as whole Japanese days, months and years, both ends inclusive', () => {
    expect(bounds('periodStart=2024-04-01&periodEnd=2024-04-30')).toEqual({ start: '2024-03-31T15:00:00.000Z', end: '2024-04-30T15:00:00.000Z' });
    expect(bounds('periodStart=2024-04&periodEnd=2024-06')).toEqual({ start: '2024-03-31T15:00:00.000Z', end: '2024-06-30T15:00:00.000Z' });
    expect(bounds('periodStart=2024&periodEnd=2024')).toEqual({ start: '2023-12-31T15:00:00.000Z', end: '2024-12-31T15:00:00.000Z' });
  });

  it('takes dateTimes with their offset, the end instant included', () => {
    expect(bounds('periodStart=2024-04-01T09:00:00%2B09:00&periodEnd=2024-04-01T10:00:00Z')).toEqual({ start: '2024-04-01T00:00:00.000Z', end: '2024-04-01T10:00:00.001Z' });
  });

  it.each([
    ['periodStart=2024-04-01', /required/],
    ['periodStart=2024-4-1&periodEnd=2024-05-01', /not a FHIR date or dateTime/],
    ['periodStart=2024-04-01T09:00&periodEnd=2024-05-01', /not a FHIR date or dateTime/],
    ['periodStart=2024-05-01&periodEnd=2024-04-01', /before periodStart/],
    ['periodStart=2024-02-30&periodEnd=2024-04-01', /not a valid date/],
    ['periodStart=2024-13&periodEnd=2024-14', /not a valid date/],
  ])('refuses %s', (query, message) => {
    expect(() => bounds(query)).toThrow(message);
  });
});

describe('operationParameters', () => {
  it('reads primitive values of a Parameters body and refuses repeats and other bodies', () => {
    const body = { resourceType: 'Parameters', parameter: [{ name: 'periodStart', valueDate: '2024-04-01' }, { name: 'hospital', valueString: '1310000001' }] };
    expect([...operationParameters(request('periodEnd=2024-04-30', body))]).toEqual([
      ['periodEnd', '2024-04-30'],
      ['periodStart', '2024-04-01'],
      ['hospital', '1310000001'],
    ]);
    const error = (query: string, payload?: unknown) => {
      try {
        operationParameters(request(query, payload));
      } catch (caught) {
        return caught as FhirError;
      }
      throw new Error('expected a refusal');
    };
    expect(error('hospital=1&hospital=2').issues[0].diagnostics).toMatch(/more than once/);
    expect(error('', { resourceType: 'Patient' }).status).toBe(400);
    expect(error('', { resourceType: 'Parameters', parameter: [{ name: 'periodStart', valuePeriod: { start: '2024' } }] }).issues[0].diagnostics).toMatch(/primitive/);
  });
});
