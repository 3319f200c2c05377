import { describe, expect, it } from 'vitest';
import { primitiveProblem } from '../../src/validation/primitives.js';
import { errorsOf, projectValidator } from './helpers.js';

const validator = projectValidator();

describe('primitive formats', () => {
  it.each([
    ['id', 'abc-123.X', true], ['id', 'a_b', false], ['id', 'x'.repeat(65), false],
    ['dateTime', '2024', true], ['dateTime', '2024-04', true], ['dateTime', '2024-04-01', true],
    ['dateTime', '2024-04-01T10:00:00+09:00', true], ['dateTime', '2024-04-01T10:00:00Z', true],
    // A time without a timezone, or hours without seconds, is not an R4 dateTime.
    ['dateTime', '2024-04-01T10:00:00', false], ['dateTime', '2024-04-01T10:00+09:00', false], ['dateTime', '2023-02-29', false],
    ['date', '2024-02-29', true], ['date', '2024-13-01', false], ['date', '2024-04-01T00:00:00Z', false],
    ['instant', '2024-04-01T10:00:00.123+09:00', true], ['instant', '2024-04-01', false],
    ['time', '23:59:59', true], ['time', '24:00:00', false],
    ['code', 'final', true], ['code', ' final', false], ['code', 'a  b', false],
    ['uri', 'urn:uuid:1', true], ['uri', 'http://x y', false],
    ['oid', 'urn:oid:1.2.392.100495.20.3.51', true], ['oid', 'urn:oid:1.02', false],
    ['uuid', 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000001', true], ['uuid', 'urn:uuid:xyz', false],
    ['base64Binary', 'SGVsbG8=', true], ['base64Binary', 'SGVs\nbG8=', true], ['base64Binary', 'SGVsbG8', false], ['base64Binary', 'SGVsbG8=A', false], ['base64Binary', '%%%2@', false],
    ['string', '', false], ['string', '   ', false], ['string', '山田', true],
  ])('%s %j valid=%s', (type, value, valid) => {
    expect(primitiveProblem(type, value) === undefined).toBe(valid);
  });

  it.each([
    ['integer', 5, true], ['integer', 5.5, false], ['integer', '5', false], ['integer', 2147483648, false],
    ['positiveInt', 0, false], ['unsignedInt', 0, true], ['unsignedInt', -1, false],
    ['decimal', 1.5, true], ['decimal', '1.5', false], ['boolean', true, true], ['boolean', 'true', false],
  ])('%s %j valid=%s', (type, value, valid) => {
    expect(primitiveProblem(type, value) === undefined).toBe(valid);
  });

  it('reports bad primitives at their location with the reason', () => {
    expect(errorsOf(validator.validate({ resourceType: 'Patient', birthDate: '1950-02-30', active: 'yes', multipleBirthInteger: 1.5 }))).toEqual([
      { severity: 'error', code: 'invalid', expression: 'Patient.birthDate', diagnostics: "The value '1950-02-30' is not a valid date" },
      { severity: 'error', code: 'invalid', expression: 'Patient.active', diagnostics: 'Error parsing JSON: the primitive value must be a boolean' },
      { severity: 'error', code: 'invalid', expression: 'Patient.multipleBirth.ofType(integer)', diagnostics: "The value '1.5' is not a valid integer" },
    ]);
  });

  it('limits strings, element ids included, to 1 MB of UTF-8', () => {
    const tooLong = 'x'.repeat(1024 * 1024 + 1);
    expect(primitiveProblem('string', 'あ'.repeat(350_000))).toBe('value is longer than permitted maximum length of 1 MB (1048576 bytes)');
    expect(primitiveProblem('string', 'x'.repeat(1024 * 1024))).toBeUndefined();
    expect(errorsOf(validator.validate({ resourceType: 'Patient', name: [{ id: tooLong, text: 'Yamada' }] }))).toEqual([
      { severity: 'error', code: 'invalid', expression: 'Patient.name[0].id', diagnostics: 'value is longer than permitted maximum length of 1 MB (1048576 bytes)' },
    ]);
  });

  it('checks base64 data against the stated Attachment size', () => {
    const media = { resourceType: 'Media', status: 'completed', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' } };
    expect(errorsOf(validator.validate({ ...media, content: { contentType: 'text/plain', data: 'SGVsbG8=', size: 5 } }))).toEqual([]);
    expect(errorsOf(validator.validate({ ...media, content: { contentType: 'text/plain', data: 'SGVsbG8=', size: 100 } }))).toEqual([
      { severity: 'error', code: 'value', expression: 'Media.content', diagnostics: 'Stated Attachment Size 100 does not match actual attachment size 5' },
    ]);
  });

  it('checks a resource id as an id and an Observation time as a dateTime with a timezone', () => {
    expect(errorsOf(validator.validate({ resourceType: 'Patient', id: 'bad id' }))).toEqual([
      { severity: 'error', code: 'invalid', expression: 'Patient.id', diagnostics: "The value 'bad id' is not a valid id" },
    ]);
    expect(errorsOf(validator.validate({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, effectiveDateTime: '2024-04-01T10:00:00' }))).toEqual([
      { severity: 'error', code: 'invalid', expression: 'Observation.effective.ofType(dateTime)', diagnostics: "The value '2024-04-01T10:00:00' is not a valid dateTime" },
    ]);
  });
});
