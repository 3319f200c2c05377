import { describe, expect, it } from 'vitest';
import { hasErrors, Validator } from '../../src/validation/index.js';
import { constrain, deriveProfile, errorsOf, insertAfterSubtree, issuesOf, registryWith } from './helpers.js';

const BASE = 'http://example.org/fhir/StructureDefinition';
const LOINC = 'http://loinc.org';

const baseRegistry = registryWith();

/** Observation profile: cardinality, fixed, pattern, a type profile and slicing of category and component. */
const observationProfile = deriveProfile(baseRegistry, 'Observation', `${BASE}/TestObservation`, (elements) => {
  constrain(elements, 'Observation.subject', { min: 1, type: [{ code: 'Reference', targetProfile: ['http://hl7.org/fhir/StructureDefinition/Patient'] }] });
  constrain(elements, 'Observation.status', { fixedCode: 'final' });
  constrain(elements, 'Observation.code', { patternCodeableConcept: { coding: [{ system: LOINC, code: '85354-9' }] } });
  constrain(elements, 'Observation.note', { max: '1' });
  constrain(elements, 'Observation.category', {
    min: 1,
    slicing: { discriminator: [{ type: 'pattern', path: '$this' }], rules: 'open' },
  });
  insertAfterSubtree(elements, 'Observation.category', [
    {
      id: 'Observation.category:vital', path: 'Observation.category', sliceName: 'vital', min: 1, max: '1',
      type: [{ code: 'CodeableConcept' }],
      patternCodeableConcept: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] },
    },
  ]);
  constrain(elements, 'Observation.component', {
    slicing: { discriminator: [{ type: 'value', path: 'code.coding.code' }], rules: 'closed', ordered: true },
  });
  insertAfterSubtree(elements, 'Observation.component', [
    { id: 'Observation.component:systolic', path: 'Observation.component', sliceName: 'systolic', min: 1, max: '1', type: [{ code: 'BackboneElement' }] },
    { id: 'Observation.component:systolic.code', path: 'Observation.component.code', min: 1, max: '1', type: [{ code: 'CodeableConcept' }] },
    { id: 'Observation.component:systolic.code.coding', path: 'Observation.component.code.coding', min: 1, max: '*', type: [{ code: 'Coding' }] },
    { id: 'Observation.component:systolic.code.coding.code', path: 'Observation.component.code.coding.code', min: 1, max: '1', type: [{ code: 'code' }], fixedCode: '8480-6' },
    { id: 'Observation.component:systolic.value[x]', path: 'Observation.component.value[x]', min: 1, max: '1', type: [{ code: 'Quantity' }] },
    { id: 'Observation.component:diastolic', path: 'Observation.component', sliceName: 'diastolic', min: 1, max: '1', type: [{ code: 'BackboneElement' }] },
    { id: 'Observation.component:diastolic.code', path: 'Observation.component.code', min: 1, max: '1', type: [{ code: 'CodeableConcept' }] },
    { id: 'Observation.component:diastolic.code.coding', path: 'Observation.component.code.coding', min: 1, max: '*', type: [{ code: 'Coding' }] },
    { id: 'Observation.component:diastolic.code.coding.code', path: 'Observation.component.code.coding.code', min: 1, max: '1', type: [{ code: 'code' }], fixedCode: '8462-4' },
  ]);
  return elements;
});

const validator = new Validator(registryWith([observationProfile]));

function bloodPressure(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Observation',
    meta: { profile: [observationProfile.url] },
    text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">BP</div>' },
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
    code: { coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel' }] },
    subject: { reference: 'Patient/p1' },
    component: [
      { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: { value: 120, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
      { code: { coding: [{ system: LOINC, code: '8462-4' }] }, valueQuantity: { value: 80, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
    ],
    ...extra,
  };
}

describe('profiles: cardinality, fixed, pattern', () => {
  it('accepts a conformant instance', () => {
    expect(errorsOf(validator.validate(bloodPressure()))).toEqual([]);
  });

  it('reports a missing required element on its parent, and too many values', () => {
    const { subject: _subject, ...withoutSubject } = bloodPressure();
    expect(errorsOf(validator.validate(withoutSubject))).toEqual([
      { severity: 'error', code: 'required', expression: 'Observation', diagnostics: 'Observation.subject: minimum required = 1, but only found 0' },
    ]);
    expect(errorsOf(validator.validate(bloodPressure({ note: [{ text: 'a' }, { text: 'b' }] })))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Observation', diagnostics: 'Observation.note: max allowed = 1, but found 2' },
    ]);
  });

  it('checks cardinality inside backbone elements and data types', () => {
    expect(errorsOf(validator.validate(bloodPressure({ referenceRange: [{ text: 'normal', low: { value: 90, unit: 'mmHg' } }] })))).toEqual([]);
    // referenceRange.low is a SimpleQuantity (a profile on the type): no comparator.
    expect(errorsOf(validator.validate(bloodPressure({ referenceRange: [{ low: { value: 90, comparator: '<' } }] })))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Observation.referenceRange[0].low', diagnostics: 'Quantity.comparator: max allowed = 0, but found 1' },
      { severity: 'error', code: 'invariant', expression: 'Observation.referenceRange[0].low', diagnostics: "Constraint failed: sqty-1: 'The comparator is not used on a SimpleQuantity' (defined in Quantity)" },
    ]);
    expect(errorsOf(validator.validate({ resourceType: 'Patient', link: [{ type: 'seealso' }] }))).toEqual([
      { severity: 'error', code: 'required', expression: 'Patient.link[0]', diagnostics: 'Patient.link.other: minimum required = 1, but only found 0' },
    ]);
  });

  it('enforces fixed values exactly', () => {
    expect(errorsOf(validator.validate(bloodPressure({ status: 'amended' })))).toEqual([
      { severity: 'error', code: 'value', expression: 'Observation.status', diagnostics: "Value is 'amended' but must be 'final'" },
    ]);
  });

  it('enforces patterns as a subset match', () => {
    expect(errorsOf(validator.validate(bloodPressure({ code: { coding: [{ system: LOINC, code: '85354-9' }, { system: 'http://example.org', code: 'bp' }], text: 'BP' } })))).toEqual([]);
    expect(errorsOf(validator.validate(bloodPressure({ code: { coding: [{ system: LOINC, code: '55284-4' }] } })))).toEqual([
      { severity: 'error', code: 'value', expression: 'Observation.code', diagnostics: 'The value does not match the required pattern {"coding":[{"system":"http://loinc.org","code":"85354-9"}]}' },
    ]);
  });

  it('reports a profile that is not loaded: error when requested, warning from meta.profile', () => {
    expect(issuesOf(validator.validate({ resourceType: 'Patient' }, { profiles: ['http://example.org/missing'] })).filter((issue) => issue.severity !== 'information')).toEqual([
      { severity: 'error', code: 'not-found', expression: 'Patient', diagnostics: 'Profile http://example.org/missing is not known to this server, so the resource could not be validated against it' },
    ]);
    expect(issuesOf(validator.validate({ resourceType: 'Patient', meta: { profile: ['http://example.org/missing'] } }))).toContainEqual({
      severity: 'warning', code: 'not-found', expression: 'Patient.meta.profile[0]', diagnostics: 'Profile http://example.org/missing is not known to this server, so the resource could not be validated against it',
    });
    expect(errorsOf(validator.validate({ resourceType: 'Patient' }, { profiles: [observationProfile.url] }))).toEqual([
      { severity: 'error', code: 'invalid', expression: 'Patient', diagnostics: `Profile ${observationProfile.url} is for Observation, not Patient` },
    ]);
  });

  it('applies options.profiles in addition to meta.profile', () => {
    const { meta: _meta, ...plain } = bloodPressure({ status: 'preliminary' });
    expect(hasErrors(validator.validate(plain))).toBe(false);
    expect(errorsOf(validator.validate(plain, { profiles: [observationProfile.url] }))).toEqual([
      { severity: 'error', code: 'value', expression: 'Observation.status', diagnostics: "Value is 'preliminary' but must be 'final'" },
    ]);
  });
});

describe('profiles: slicing', () => {
  it('counts slice members (pattern discriminator, open slicing)', () => {
    const otherCategory = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'exam' }] };
    expect(errorsOf(validator.validate(bloodPressure({ category: [otherCategory] })))).toEqual([
      { severity: 'error', code: 'required', expression: 'Observation', diagnostics: "Observation.category: slice 'vital': minimum required = 1, but only found 0" },
    ]);
    const { category: _category, ...withoutCategory } = bloodPressure();
    expect(errorsOf(validator.validate(withoutCategory))).toEqual([
      { severity: 'error', code: 'required', expression: 'Observation', diagnostics: 'Observation.category: minimum required = 1, but only found 0' },
      { severity: 'error', code: 'required', expression: 'Observation', diagnostics: "Observation.category: slice 'vital': minimum required = 1, but only found 0" },
    ]);
    // Open slicing: an extra, unmatched category is allowed.
    expect(errorsOf(validator.validate(bloodPressure({ category: [...(bloodPressure().category as object[]), otherCategory] })))).toEqual([]);
  });

  it('rejects an element matching no slice when slicing is closed (value discriminator)', () => {
    const component = bloodPressure().component as object[];
    const heartRate = { code: { coding: [{ system: LOINC, code: '8867-4' }] }, valueQuantity: { value: 60 } };
    expect(errorsOf(validator.validate(bloodPressure({ component: [...component, heartRate] })))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Observation.component[2]', diagnostics: `This element does not match any known slice defined in the profile ${observationProfile.url} (slicing of Observation.component is closed)` },
    ]);
  });

  it('checks order when slicing is ordered, and each slice member against its slice', () => {
    const [systolic, diastolic] = bloodPressure().component as object[];
    expect(errorsOf(validator.validate(bloodPressure({ component: [diastolic, systolic] })))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Observation.component[1]', diagnostics: `As specified by profile ${observationProfile.url}, elements of Observation.component are out of order: slice 'systolic' must come before 'diastolic'` },
    ]);
    const { valueQuantity: _value, ...systolicWithoutValue } = systolic as Record<string, unknown>;
    expect(errorsOf(validator.validate(bloodPressure({ component: [systolicWithoutValue, diastolic] })))).toEqual([
      { severity: 'error', code: 'required', expression: 'Observation.component[0]', diagnostics: "Observation.component.value[x]: minimum required = 1, but only found 0" },
    ]);
  });
});
