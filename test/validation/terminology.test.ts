import { describe, expect, it } from 'vitest';
import { Validator } from '../../src/validation/index.js';
import { BoundedUrlSet } from '../../src/validation/terminology.js';
import { constrain, deriveProfile, issuesOf, registryWith } from './helpers.js';

const CS = 'http://example.org/fhir/CodeSystem/cvd-stage';
const VS = 'http://example.org/fhir/ValueSet';

const codeSystem = {
  resourceType: 'CodeSystem', url: CS, status: 'active', content: 'complete',
  property: [{ code: 'severity', type: 'code' }],
  concept: [
    { code: 'heart-failure', display: 'Heart failure', property: [{ code: 'severity', valueCode: 'high' }], concept: [
      { code: 'hfref', display: 'HF with reduced EF', property: [{ code: 'severity', valueCode: 'high' }] },
      { code: 'hfpef', display: 'HF with preserved EF', property: [{ code: 'severity', valueCode: 'moderate' }] },
    ] },
    { code: 'hypertension', display: 'Hypertension', property: [{ code: 'severity', valueCode: 'moderate' }] },
  ],
};
const valueSets = [
  { resourceType: 'ValueSet', url: `${VS}/whole`, status: 'active', compose: { include: [{ system: CS }] } },
  { resourceType: 'ValueSet', url: `${VS}/heart-failure`, status: 'active', compose: { include: [{ system: CS, filter: [{ property: 'concept', op: 'is-a', value: 'heart-failure' }] }] } },
  { resourceType: 'ValueSet', url: `${VS}/moderate`, status: 'active', compose: { include: [{ system: CS, filter: [{ property: 'severity', op: '=', value: 'moderate' }] }] } },
  { resourceType: 'ValueSet', url: `${VS}/not-hfpef`, status: 'active', compose: { include: [{ system: CS }], exclude: [{ system: CS, concept: [{ code: 'hfpef' }] }] } },
  { resourceType: 'ValueSet', url: `${VS}/unloaded-system`, status: 'active', compose: { include: [{ system: 'http://example.org/not-loaded' }] } },
];

const base = registryWith();
function conditionProfile(name: string, valueSet: string, strength: 'required' | 'extensible' | 'preferred'): fhir4.StructureDefinition {
  return deriveProfile(base, 'Condition', `http://example.org/fhir/StructureDefinition/${name}`, (elements) =>
    constrain(elements, 'Condition.code', { binding: { strength, valueSet } }),
  );
}
const profiles = [
  conditionProfile('Whole', `${VS}/whole`, 'required'),
  conditionProfile('HeartFailure', `${VS}/heart-failure`, 'required'),
  conditionProfile('Moderate', `${VS}/moderate`, 'required'),
  conditionProfile('NotHfpef', `${VS}/not-hfpef`, 'required'),
  conditionProfile('UnloadedSystem', `${VS}/unloaded-system`, 'required'),
  conditionProfile('UnloadedValueSet', `${VS}/not-there`, 'required'),
  conditionProfile('Extensible', `${VS}/heart-failure`, 'extensible'),
  conditionProfile('Preferred', `${VS}/heart-failure`, 'preferred'),
];
const validator = new Validator(registryWith([codeSystem, ...valueSets, ...profiles]));

function condition(profile: string, code: string, system = CS): Record<string, unknown> {
  return {
    resourceType: 'Condition',
    meta: { profile: [`http://example.org/fhir/StructureDefinition/${profile}`] },
    text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' },
    code: { coding: [{ system, code }] },
    subject: { reference: 'Patient/p1' },
  };
}

function problems(resource: unknown) {
  return issuesOf(validator.validate(resource)).filter((issue) => issue.severity !== 'information');
}

describe('terminology bindings', () => {
  it('expands a whole code system, including nested concepts', () => {
    expect(problems(condition('Whole', 'hfpef'))).toEqual([]);
    expect(problems(condition('Whole', 'stroke'))).toEqual([
      { severity: 'error', code: 'code-invalid', expression: 'Condition.code.coding[0].code', diagnostics: `Unknown code 'stroke' in the CodeSystem '${CS}'` },
      { severity: 'error', code: 'code-invalid', expression: 'Condition.code', diagnostics: `The value provided (${CS}#stroke) is not in the value set ${VS}/whole, and a code from this value set is required` },
    ]);
  });

  it('applies is-a and = filters', () => {
    expect(problems(condition('HeartFailure', 'hfref'))).toEqual([]);
    expect(problems(condition('HeartFailure', 'hypertension'))).toEqual([
      { severity: 'error', code: 'code-invalid', expression: 'Condition.code', diagnostics: `The value provided (${CS}#hypertension) is not in the value set ${VS}/heart-failure, and a code from this value set is required` },
    ]);
    expect(problems(condition('Moderate', 'hfpef'))).toEqual([]);
    expect(problems(condition('Moderate', 'hfref'))).toHaveLength(1);
  });

  it('applies exclude', () => {
    expect(problems(condition('NotHfpef', 'hfref'))).toEqual([]);
    expect(problems(condition('NotHfpef', 'hfpef'))).toEqual([
      { severity: 'error', code: 'code-invalid', expression: 'Condition.code', diagnostics: `The value provided (${CS}#hfpef) is not in the value set ${VS}/not-hfpef, and a code from this value set is required` },
    ]);
  });

  it('warns, naming what is missing, when a code system or value set is not loaded (never an error)', () => {
    expect(problems(condition('UnloadedSystem', 'x1', 'http://example.org/not-loaded'))).toEqual([
      { severity: 'warning', code: 'not-found', expression: 'Condition.code', diagnostics: `Unable to check whether http://example.org/not-loaded#x1 is in the value set ${VS}/unloaded-system (required): CodeSystem http://example.org/not-loaded is not loaded` },
    ]);
    expect(problems(condition('UnloadedValueSet', 'hfref'))).toEqual([
      { severity: 'warning', code: 'not-found', expression: 'Condition.code', diagnostics: `Unable to check whether ${CS}#hfref is in the value set ${VS}/not-there (required): ValueSet ${VS}/not-there is not loaded` },
    ]);
  });

  it('grades extensible and preferred bindings', () => {
    expect(problems(condition('Extensible', 'hypertension'))).toEqual([
      { severity: 'warning', code: 'code-invalid', expression: 'Condition.code', diagnostics: `The value provided (${CS}#hypertension) is not in the value set ${VS}/heart-failure, and a code should come from this value set unless it has no suitable code` },
    ]);
    expect(issuesOf(validator.validate(condition('Preferred', 'hypertension')))).toContainEqual(
      { severity: 'information', code: 'code-invalid', expression: 'Condition.code', diagnostics: `The value provided (${CS}#hypertension) is not in the value set ${VS}/heart-failure (preferred)` },
    );
  });

  it('checks required bindings of the base specification on code elements', () => {
    expect(problems({ resourceType: 'Patient', gender: 'man', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' } })).toEqual([
      { severity: 'error', code: 'code-invalid', expression: 'Patient.gender', diagnostics: "The value provided ('man') is not in the value set http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1, and a code from this value set is required" },
    ]);
  });

  it('checks displays against loaded code systems', () => {
    const resource = condition('Whole', 'hfref');
    (resource.code as { coding: object[] }).coding = [{ system: CS, code: 'hfref', display: 'Hypertension' }];
    expect(problems(resource)).toEqual([
      { severity: 'warning', code: 'invalid', expression: 'Condition.code.coding[0].display', diagnostics: `Wrong Display Name 'Hypertension' for ${CS}#hfref. Valid display is 'HF with reduced EF'` },
    ]);
  });

  it('remembers unknown code system and value set URLs within a bound (they may come from submitted data)', () => {
    const unknown = new BoundedUrlSet();
    unknown.add('http://loinc.org');
    expect(unknown.has('http://loinc.org')).toBe(true);
    unknown.add(`http://example.org/${'x'.repeat(300)}`);
    expect(unknown.has(`http://example.org/${'x'.repeat(300)}`)).toBe(false);
    for (let index = 0; index < 1000; index++) unknown.add(`urn:oid:1.2.${index}`);
    // Full: everything was forgotten before the last one was added.
    expect(unknown.has('http://loinc.org')).toBe(false);
    expect(unknown.has('urn:oid:1.2.999')).toBe(true);
  });
});
