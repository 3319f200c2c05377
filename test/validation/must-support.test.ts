import { describe, expect, it } from 'vitest';
import { Validator } from '../../src/validation/index.js';
import { constrain, deriveProfile, insertAfterSubtree, registryWith } from './helpers.js';

const URL = 'http://example.org/fhir/StructureDefinition/MustSupportPatient';
const base = registryWith();
/** birthDate, name and name.family Must Support; an insurance identifier slice Must Support (identifier itself not). */
const profile = deriveProfile(base, 'Patient', URL, (elements) => {
  constrain(elements, 'Patient.birthDate', { mustSupport: true });
  constrain(elements, 'Patient.name', { mustSupport: true });
  constrain(elements, 'Patient.identifier', { slicing: { discriminator: [{ type: 'value', path: 'system' }], rules: 'open' } });
  insertAfterSubtree(elements, 'Patient.identifier', [
    { id: 'Patient.identifier:insurance', path: 'Patient.identifier', sliceName: 'insurance', min: 0, max: '1', mustSupport: true, type: [{ code: 'Identifier' }] },
    { id: 'Patient.identifier:insurance.system', path: 'Patient.identifier.system', min: 1, max: '1', type: [{ code: 'uri' }], fixedUri: 'http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID' },
  ]);
  return insertAfterSubtree(elements, 'Patient.name', [
    { id: 'Patient.name.family', path: 'Patient.name.family', min: 0, max: '1', mustSupport: true, type: [{ code: 'string' }] },
  ]);
});
const validator = new Validator(registryWith([profile]));
const narrative = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' };
const patient = { resourceType: 'Patient', meta: { profile: [URL] }, text: narrative, gender: 'male' };

function mustSupportIssues(outcome: fhir4.OperationOutcome): { severity: string; expression: string; diagnostics: string }[] {
  return outcome.issue
    .filter((issue) => issue.diagnostics?.startsWith('Must Support'))
    .map((issue) => ({ severity: issue.severity, expression: issue.expression?.[0] ?? '', diagnostics: issue.diagnostics ?? '' }));
}

describe('Must Support reporting', () => {
  it('is off unless asked', () => {
    expect(mustSupportIssues(validator.validate(patient))).toEqual([]);
  });

  it('reports absent Must Support elements and slices as information, on the element that would hold them', () => {
    const issues = mustSupportIssues(validator.validate(patient, { mustSupport: true }));
    expect(issues.map((issue) => issue.diagnostics).sort()).toEqual([
      `Must Support element Patient.birthDate of ${URL} is not populated`,
      `Must Support element Patient.identifier (slice 'insurance') of ${URL} is not populated`,
      `Must Support element Patient.name of ${URL} is not populated`,
    ]);
    expect(issues.every((issue) => issue.severity === 'information' && issue.expression === 'Patient')).toBe(true);
  });

  it('reports a Must Support child only where its parent is present, and a slice no item matches', () => {
    const outcome = validator.validate(
      { ...patient, birthDate: '1950-04-01', name: [{ given: ['太郎'] }], identifier: [{ system: 'urn:oid:1.2.3', value: '1' }] },
      { mustSupport: true },
    );
    expect(mustSupportIssues(outcome).map((issue) => `${issue.expression}: ${issue.diagnostics}`).sort()).toEqual([
      `Patient.name[0]: Must Support element Patient.name.family of ${URL} is not populated`,
      `Patient: Must Support element Patient.identifier (slice 'insurance') of ${URL} is not populated`,
    ]);
    expect(outcome.issue.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('reports nothing when every Must Support element is populated', () => {
    const complete = {
      ...patient,
      birthDate: '1950-04-01',
      name: [{ family: '山田' }],
      identifier: [{ system: 'http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID', value: '00012345:1:2:05' }],
    };
    expect(mustSupportIssues(validator.validate(complete, { mustSupport: true }))).toEqual([]);
  });
});
