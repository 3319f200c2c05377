import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/validation/index.js';
import { errorsOf, issuesOf, projectValidator } from './helpers.js';

const validator = projectValidator();
const narrative = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' };
const patient = { resourceType: 'Patient', id: 'p1', text: narrative, name: [{ family: '山田' }] };

function composition(subject: string): Record<string, unknown> {
  return {
    resourceType: 'Composition', id: 'c1', text: narrative, status: 'final', type: { text: '退院時サマリー' }, subject: { reference: subject },
    date: '2024-04-01', author: [{ reference: subject }], title: 'Discharge summary',
  };
}

function documentBundle(entries: object[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { resourceType: 'Bundle', identifier: { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000000' }, type: 'document', timestamp: '2024-04-01T10:00:00+09:00', entry: entries, ...extra };
}

describe('Bundles and references', () => {
  it('accepts a document whose references resolve inside the Bundle', () => {
    const bundle = documentBundle([
      { fullUrl: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000001', resource: composition('urn:uuid:0a1b2c3d-0000-4000-8000-000000000002') },
      { fullUrl: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000002', resource: patient },
    ]);
    expect(errorsOf(validator.validate(bundle))).toEqual([]);
  });

  it('resolves relative references against RESTful fullUrls', () => {
    const bundle = documentBundle([
      { fullUrl: 'http://example.org/fhir/Composition/c1', resource: composition('Patient/p1') },
      { fullUrl: 'http://example.org/fhir/Patient/p1', resource: patient },
    ]);
    expect(errorsOf(validator.validate(bundle))).toEqual([]);
  });

  it('reports references that do not resolve in a document Bundle', () => {
    const bundle = documentBundle([{ fullUrl: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000001', resource: composition('urn:uuid:0a1b2c3d-0000-4000-8000-000000000009') }]);
    expect(errorsOf(validator.validate(bundle))).toEqual([
      { severity: 'error', code: 'not-found', expression: 'Bundle.entry[0].resource.subject', diagnostics: "Can't find 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000009' in the bundle" },
      { severity: 'error', code: 'not-found', expression: 'Bundle.entry[0].resource.author[0]', diagnostics: "Can't find 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000009' in the bundle" },
    ]);
  });

  it('warns about a urn reference that is not in a collection Bundle, and errs in a document', () => {
    const observation = { resourceType: 'Observation', text: narrative, status: 'final', code: { text: 'x' }, subject: { reference: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000009' } };
    expect(issuesOf(validator.validate({ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000001', resource: observation }] }))).toEqual([
      { severity: 'warning', code: 'not-found', expression: 'Bundle.entry[0].resource.subject', diagnostics: 'URN reference is not locally contained within the bundle: urn:uuid:0a1b2c3d-0000-4000-8000-000000000009' },
    ]);
  });

  it('checks the target type of a resolved reference (targetProfile)', () => {
    const organization = { resourceType: 'Organization', id: 'o1', text: narrative, name: 'NCVC' };
    const observation = { resourceType: 'Observation', text: narrative, status: 'final', code: { text: 'x' }, subject: { reference: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000002' } };
    const collection = { resourceType: 'Bundle', type: 'collection', entry: [
      { fullUrl: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000001', resource: observation },
      { fullUrl: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000002', resource: organization },
    ] };
    expect(errorsOf(validator.validate(collection))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Bundle.entry[0].resource.subject', diagnostics: "The type 'Organization' implied by the reference URL urn:uuid:0a1b2c3d-0000-4000-8000-000000000002 is not a valid target for this element (must be one of Patient, Group, Device, Location)" },
    ]);
  });

  it('requires the Composition first, an identifier and a timestamp in a document (bdl-9/10/11)', () => {
    const errors = errorsOf(validator.validate({ resourceType: 'Bundle', type: 'document', entry: [{ fullUrl: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000002', resource: patient }] }));
    expect(errors.map((error) => [error.expression, error.diagnostics.slice(0, 27)])).toEqual([
      ['Bundle', 'Constraint failed: bdl-9: \''],
      ['Bundle', 'Constraint failed: bdl-10: '],
      ['Bundle', 'Constraint failed: bdl-11: '],
    ]);
  });

  it('checks fullUrl form and its agreement with the resource id', () => {
    expect(errorsOf(validator.validate({ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'Patient/p1', resource: patient }] }))).toEqual([
      { severity: 'error', code: 'invalid', expression: 'Bundle.entry[0]', diagnostics: "The fullUrl must be an absolute URL (not 'Patient/p1')" },
    ]);
    expect(errorsOf(validator.validate({ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'http://example.org/fhir/Patient/p2', resource: patient }] }))).toEqual([
      { severity: 'error', code: 'invalid', expression: 'Bundle.entry[0].fullUrl', diagnostics: "The fullUrl 'http://example.org/fhir/Patient/p2' looks like a RESTful server URL, so it must end with the correct type and id (/Patient/p1)" },
    ]);
  });

  it('requires a request in transaction entries and reports nested resources at their entry', () => {
    const errors = errorsOf(validator.validate({ resourceType: 'Bundle', type: 'transaction', entry: [{ fullUrl: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000002', resource: { ...patient, gender: 'unknown-value' } }] }));
    expect(errors).toContainEqual(expect.objectContaining({ expression: 'Bundle', diagnostics: expect.stringContaining('bdl-3') }));
    expect(errors).toContainEqual(expect.objectContaining({ code: 'code-invalid', expression: 'Bundle.entry[0].resource.gender' }));
  });

  it('allows each link relation once and expects search set conventions', () => {
    const links = [{ relation: 'self', url: 'http://example.org/fhir/Patient' }, { relation: 'self', url: 'http://example.org/fhir/Patient?page=2' }];
    // Without search modes the self link tells the matches apart: all entries are of the type searched for.
    expect(issuesOf(validator.validate({ resourceType: 'Bundle', type: 'searchset', link: links, entry: [{ fullUrl: 'http://example.org/fhir/Patient/p1', resource: patient }] }))).toEqual([
      { severity: 'error', code: 'invalid', expression: 'Bundle.link[1]', diagnostics: "The link relationship type 'self' can only occur once" },
    ]);
  });

  it('expects search modes where the self link does not tell matches apart, or where some entries have one', () => {
    const entry = { fullUrl: 'http://example.org/fhir/Patient/p1', resource: patient };
    const searchset = (selfUrl: string, entries: object[]) => ({ resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'self', url: selfUrl }], entry: entries });
    expect(issuesOf(validator.validate(searchset('http://example.org/fhir/Observation?code=x', [entry])))).toEqual([
      { severity: 'warning', code: 'invalid', expression: 'Bundle.entry[0]', diagnostics: 'The resource type Patient is not one the search was for (Observation) and the entry has no search mode' },
      { severity: 'warning', code: 'invalid', expression: 'Bundle', diagnostics: 'SearchSet bundles should have search modes on the entries' },
    ]);
    expect(issuesOf(validator.validate(searchset('http://example.org/fhir?_type=Patient,Practitioner', [entry])))).toEqual([]);
    const other = { fullUrl: 'http://example.org/fhir/Patient/p2', resource: { ...patient, id: 'p2' } };
    expect(issuesOf(validator.validate(searchset('http://example.org/fhir/Patient', [{ ...entry, search: { mode: 'match' } }, other])))).toEqual([
      { severity: 'warning', code: 'invalid', expression: 'Bundle.entry[1]', diagnostics: 'SearchSet bundles should have search modes on the entries' },
    ]);
  });

  it('resolves contained references and reports unresolvable ones', () => {
    expect(hasErrors(validator.validate({ ...patient, generalPractitioner: [{ reference: '#nope' }] }))).toBe(true);
    // Both the resolution failure and ref-1, as the Java validator reports them.
    expect(errorsOf(validator.validate({ ...patient, generalPractitioner: [{ reference: '#nope' }] }))).toEqual([
      { severity: 'error', code: 'not-found', expression: 'Patient.generalPractitioner[0]', diagnostics: "Unable to resolve the contained resource '#nope'" },
      { severity: 'error', code: 'invariant', expression: 'Patient.generalPractitioner[0]', diagnostics: "Constraint failed: ref-1: 'SHALL have a contained resource if a local reference is provided'" },
    ]);
  });
});
