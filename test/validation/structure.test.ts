import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/validation/index.js';
import { errorsOf, issuesOf, projectValidator } from './helpers.js';

const validator = projectValidator();

function patient(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { resourceType: 'Patient', id: 'p1', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Taro</div>' }, ...extra };
}

describe('JSON structure', () => {
  it('accepts a well-formed resource', () => {
    const outcome = validator.validate(patient({ name: [{ family: '山田', given: ['太郎'] }], gender: 'male', birthDate: '1950-07-01' }));
    expect(hasErrors(outcome)).toBe(false);
    expect(outcome.issue).toEqual([expect.objectContaining({ severity: 'information', code: 'informational' })]);
  });

  it('reports an unknown property where it is', () => {
    expect(errorsOf(validator.validate(patient({ name: [{ family: 'Yamada', nickname: 'Taro' }] })))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Patient.name[0]', diagnostics: "Unrecognized property 'nickname'" },
    ]);
  });

  it('requires arrays for repeating elements and objects for single ones', () => {
    expect(errorsOf(validator.validate(patient({ name: { family: 'Yamada' } })))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Patient.name', diagnostics: "The property 'name' must be a JSON Array, not an Object" },
    ]);
    expect(errorsOf(validator.validate(patient({ gender: ['male'] })))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Patient.gender', diagnostics: "The property 'gender' must be an Object, not an Array" },
    ]);
  });

  it('rejects empty arrays, nulls in arrays and empty objects', () => {
    expect(errorsOf(validator.validate(patient({ name: [] })))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Patient.name', diagnostics: "Array 'name' cannot be empty - the property should not be present if it has no values" },
    ]);
    expect(errorsOf(validator.validate(patient({ name: [null] })))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Patient.name[0]', diagnostics: 'Null values are not allowed in arrays' },
    ]);
    expect(errorsOf(validator.validate(patient({ maritalStatus: {} })))).toEqual([
      { severity: 'error', code: 'invalid', expression: 'Patient.maritalStatus', diagnostics: 'All FHIR elements must have a @value or children (ele-1)' },
    ]);
  });

  it('knows resourceType', () => {
    expect(errorsOf(validator.validate({ resourceType: 'Patientt' }))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Patientt', diagnostics: "Unknown resource type 'Patientt'" },
    ]);
    expect(errorsOf(validator.validate({ id: 'x' }))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Resource', diagnostics: 'Unable to find resourceType property' },
    ]);
  });

  it('handles choice types by their type suffix and allows only one', () => {
    const observation = { resourceType: 'Observation', status: 'final', code: { text: 'BP' }, text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' } };
    expect(hasErrors(validator.validate({ ...observation, valueQuantity: { value: 120, unit: 'mmHg' } }))).toBe(false);
    expect(errorsOf(validator.validate({ ...observation, valueQuantity: { value: 120 }, valueString: '120' }))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Observation.value', diagnostics: 'Only one of the choices for value[x] may be present' },
    ]);
    expect(errorsOf(validator.validate({ ...observation, valueFoo: 1 }))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Observation', diagnostics: "The property 'valueFoo' is not allowed: value[x] allows the types [Quantity, CodeableConcept, string, boolean, integer, Range, Ratio, SampledData, time, dateTime, Period]" },
    ]);
  });

  it('validates primitive extensions (_element) and their alignment with arrays', () => {
    const withExtension = patient({
      birthDate: '1950-07-01',
      _birthDate: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-birthTime', valueDateTime: '1950-07-01T06:30:00+09:00' }] },
      name: [{ given: ['太郎', null], _given: [null, { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier', valueCode: 'CL' }] }] }],
    });
    expect(errorsOf(validator.validate(withExtension))).toEqual([]);
    // One finding per problem, as in the Java validator: the unknown property, not also an "empty element" (ele-1).
    expect(errorsOf(validator.validate(patient({ _birthDate: { foo: 1 } })))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Patient.birthDate', diagnostics: "Unrecognized property 'foo'" },
    ]);
    // The companion holds id and extensions; the value itself belongs in `birthDate`.
    expect(errorsOf(validator.validate(patient({ _birthDate: { value: '1950-07-01' } })))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Patient.birthDate', diagnostics: "Unrecognized property 'value'" },
    ]);
  });

  it('rejects fhir_comments (removed from the JSON format after DSTU2)', () => {
    expect(errorsOf(validator.validate(patient({ fhir_comments: ['a comment'] })))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Patient', diagnostics: "Unrecognized property 'fhir_comments'" },
    ]);
  });

  it('validates contained resources in place and requires them to be referenced (dom-3)', () => {
    const contained = { resourceType: 'Practitioner', id: 'gp', name: [{ family: 'Sato' }] };
    expect(errorsOf(validator.validate(patient({ contained: [contained], generalPractitioner: [{ reference: '#gp' }] })))).toEqual([]);
    const issues = errorsOf(validator.validate(patient({ contained: [{ ...contained, gender: 'man' }] })));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'invariant', expression: 'Patient.contained[0]' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'code-invalid', expression: 'Patient.contained[0].gender' }));
  });

  it('reports unknown and known extensions', () => {
    expect(errorsOf(validator.validate(patient({ extension: [{ url: 'http://example.org/unknown', valueString: 'x' }] })))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Patient.extension[0]', diagnostics: 'The extension http://example.org/unknown could not be found so is not allowed here' },
    ]);
    // patient-birthPlace takes an Address: a string value is not allowed by its definition.
    expect(errorsOf(validator.validate(patient({ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace', valueString: 'Osaka' }] })))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Patient.extension[0]', diagnostics: "The property 'valueString' is not allowed: value[x] allows the types [Address]" },
    ]);
    expect(errorsOf(validator.validate(patient({ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName' }] })))).toContainEqual(
      { severity: 'error', code: 'invariant', expression: 'Patient.extension[0]', diagnostics: 'Must have either extensions or value[x], not both (ext-1)' },
    );
  });

  it('warns when an extension is used outside its declared context', () => {
    const mothersFamily = { url: 'http://hl7.org/fhir/StructureDefinition/humanname-mothers-family', valueString: '鈴木' };
    expect(issuesOf(validator.validate(patient({ name: [{ family: '山田', _family: { extension: [mothersFamily] } }] }))).filter((issue) => issue.severity !== 'information')).toEqual([]);
    expect(issuesOf(validator.validate(patient({ name: [{ family: '山田', extension: [mothersFamily] }] }))).filter((issue) => issue.severity !== 'information')).toEqual([
      { severity: 'warning', code: 'structure', expression: 'Patient.name[0]', diagnostics: 'The extension http://hl7.org/fhir/StructureDefinition/humanname-mothers-family is not allowed to be used at this point (allowed = HumanName.family; this element is Patient.name)' },
    ]);
  });

  it('gives every issue a Japanese text where one exists', () => {
    const [issue] = validator.validate(patient({ name: [{ nickname: 'x' }] })).issue;
    expect(issue.details?.text).toBe("認識できないプロパティ 'nickname'");
  });

  it('orders issues by severity', () => {
    const severities = issuesOf(validator.validate(patient({ gender: 'man', extension: [{ url: 'http://x.org/e', valueString: 'x' }] }))).map((issue) => issue.severity);
    expect(severities).toEqual([...severities].sort((a, b) => ['fatal', 'error', 'warning', 'information'].indexOf(a) - ['fatal', 'error', 'warning', 'information'].indexOf(b)));
  });
});
