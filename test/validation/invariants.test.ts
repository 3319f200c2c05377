import { describe, expect, it } from 'vitest';
import { Validator } from '../../src/validation/index.js';
import { InvariantEvaluator } from '../../src/validation/invariants.js';
import { constrain, deriveProfile, errorsOf, issuesOf, registryWith } from './helpers.js';

const base = registryWith();
const profile = deriveProfile(base, 'Patient', 'http://example.org/fhir/StructureDefinition/InvariantPatient', (elements) => {
  constrain(elements, 'Patient', {
    constraint: [
      ...(elements[0].constraint ?? []),
      { key: 'cvd-1', severity: 'error', human: '生年月日は必須です (birthDate is required)', expression: 'birthDate.exists()' },
      { key: 'cvd-2', severity: 'warning', human: 'A name should have a family name', expression: 'name.all(family.exists())' },
      { key: 'cvd-3', severity: 'error', human: 'Broken rule', expression: "birthDate.substring('x')" },
    ],
  });
  return elements;
});
const validator = new Validator(registryWith([profile]));
const narrative = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' };

describe('invariants (FHIRPath)', () => {
  it('reports a failed error constraint and a failed warning constraint with their keys', () => {
    const issues = issuesOf(validator.validate({ resourceType: 'Patient', meta: { profile: [profile.url] }, text: narrative, name: [{ given: ['Taro'] }] }));
    expect(issues).toContainEqual({ severity: 'error', code: 'invariant', expression: 'Patient', diagnostics: "Constraint failed: cvd-1: '生年月日は必須です (birthDate is required)' (defined in Patient)" });
    expect(issues).toContainEqual({ severity: 'warning', code: 'invariant', expression: 'Patient', diagnostics: "Constraint failed: cvd-2: 'A name should have a family name' (defined in Patient)" });
  });

  it('reports a constraint that cannot be evaluated as a warning instead of skipping it', () => {
    const issues = issuesOf(validator.validate({ resourceType: 'Patient', meta: { profile: [profile.url] }, text: narrative, birthDate: '1950-01-01', name: [{ family: 'Yamada' }] }));
    expect(issues.filter((issue) => issue.severity !== 'information')).toEqual([
      { severity: 'warning', code: 'invariant', expression: 'Patient', diagnostics: expect.stringMatching(/^Constraint cvd-3 could not be evaluated \(birthDate.substring\('x'\)\): /) },
    ]);
  });

  it('evaluates base specification invariants on data types and backbone elements', () => {
    expect(errorsOf(validator.validate({ resourceType: 'Patient', text: narrative, contact: [{ gender: 'male' }] }))).toEqual([
      { severity: 'error', code: 'invariant', expression: 'Patient.contact[0]', diagnostics: "Constraint failed: pat-1: 'SHALL at least contain a contact's details or a reference to an organization' (defined in Patient.contact)" },
    ]);
    expect(errorsOf(validator.validate({ resourceType: 'Encounter', text: narrative, status: 'finished', class: { code: 'IMP' }, period: { start: '2024-04-02', end: '2024-04-01' } }))).toEqual([
      { severity: 'error', code: 'invariant', expression: 'Encounter.period', diagnostics: "Constraint failed: per-1: 'If present, start SHALL have a lower value than end' (defined in Encounter.period)" },
    ]);
  });

  it('compiles each expression once per context type', () => {
    const evaluator = new InvariantEvaluator();
    const node = { start: '2024-01-01', end: '2024-01-02' };
    expect(evaluator.evaluate('start <= end', 'Period', node, {}, {})).toEqual({ passed: true });
    expect(evaluator.evaluate('start <= end', 'Period', { start: '2024-02-01', end: '2024-01-02' }, {}, {})).toEqual({ passed: false });
    expect(evaluator.evaluate('start <= ', 'Period', node, {}, {})).toEqual({ failedToEvaluate: expect.any(String) });
  });
});
