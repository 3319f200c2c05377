import { describe, expect, it } from 'vitest';
import { Validator } from '../../src/validation/index.js';
import { buildDischargeSummaryBundle } from '../../bench/validate.js';
import { constrain, deriveProfile, errorsOf, insertAfterSubtree, registryWith } from './helpers.js';

const BASE = 'http://example.org/fhir/StructureDefinition';
const base = registryWith();
const narrative = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' };

/** Type slicing on value[x], exists slicing on Patient.identifier with a re-slice, openAtEnd on Patient.name. */
const observationByType = deriveProfile(base, 'Observation', `${BASE}/TypeSliced`, (elements) => {
  constrain(elements, 'Observation.value[x]', { slicing: { discriminator: [{ type: 'type', path: '$this' }], rules: 'closed' } });
  return insertAfterSubtree(elements, 'Observation.value[x]', [
    { id: 'Observation.value[x]:valueQuantity', path: 'Observation.value[x]', sliceName: 'valueQuantity', min: 0, max: '1', type: [{ code: 'Quantity' }] },
  ]);
});
const patientSlices = deriveProfile(base, 'Patient', `${BASE}/SlicedPatient`, (elements) => {
  constrain(elements, 'Patient.identifier', { slicing: { discriminator: [{ type: 'exists', path: 'period' }], rules: 'open' } });
  insertAfterSubtree(elements, 'Patient.identifier', [
    {
      id: 'Patient.identifier:current', path: 'Patient.identifier', sliceName: 'current', min: 1, max: '*', type: [{ code: 'Identifier' }],
      slicing: { discriminator: [{ type: 'value', path: 'system' }], rules: 'open' },
    },
    { id: 'Patient.identifier:current.period', path: 'Patient.identifier.period', min: 0, max: '0', type: [{ code: 'Period' }] },
    { id: 'Patient.identifier:current/insurance', path: 'Patient.identifier', sliceName: 'current/insurance', min: 1, max: '1', type: [{ code: 'Identifier' }] },
    { id: 'Patient.identifier:current/insurance.system', path: 'Patient.identifier.system', min: 1, max: '1', type: [{ code: 'uri' }], fixedUri: 'http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID' },
  ]);
  constrain(elements, 'Patient.name', { slicing: { discriminator: [{ type: 'value', path: 'use' }], rules: 'openAtEnd' } });
  return insertAfterSubtree(elements, 'Patient.name', [
    { id: 'Patient.name:official', path: 'Patient.name', sliceName: 'official', min: 0, max: '1', type: [{ code: 'HumanName' }] },
    { id: 'Patient.name:official.use', path: 'Patient.name.use', min: 1, max: '1', type: [{ code: 'code' }], fixedCode: 'official' },
  ]);
});
const validator = new Validator(registryWith([observationByType, patientSlices]));

describe('slicing discriminators', () => {
  it('type: a choice element sliced by type accepts only the sliced types when closed', () => {
    const observation = { resourceType: 'Observation', meta: { profile: [observationByType.url] }, text: narrative, status: 'final', code: { text: 'x' } };
    expect(errorsOf(validator.validate({ ...observation, valueQuantity: { value: 1 } }))).toEqual([]);
    expect(errorsOf(validator.validate({ ...observation, valueString: 'one' }))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Observation.value.ofType(string)', diagnostics: `This element does not match any known slice defined in the profile ${observationByType.url} (slicing of Observation.value[x] is closed)` },
    ]);
  });

  it('exists and re-slicing: slice members are re-sliced by their own discriminator', () => {
    const patient = { resourceType: 'Patient', meta: { profile: [patientSlices.url] }, text: narrative };
    const insurance = { system: 'http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID', value: '00012345:あいう:１８７:05' };
    const expired = { system: 'urn:oid:1.2.392.100495.20.3.51.11234567890', value: '1', period: { end: '2020-01-01' } };
    expect(errorsOf(validator.validate({ ...patient, identifier: [insurance, expired] }))).toEqual([]);
    expect(errorsOf(validator.validate({ ...patient, identifier: [expired] }))).toEqual([
      { severity: 'error', code: 'required', expression: 'Patient', diagnostics: "Patient.identifier: slice 'current': minimum required = 1, but only found 0" },
    ]);
    const otherCurrent = { system: 'urn:oid:1.2.392.100495.20.3.51.11234567890', value: '2' };
    expect(errorsOf(validator.validate({ ...patient, identifier: [otherCurrent] }))).toEqual([
      { severity: 'error', code: 'required', expression: 'Patient', diagnostics: "Patient.identifier: slice 'current/insurance': minimum required = 1, but only found 0" },
    ]);
  });

  it('openAtEnd: unmatched elements must come after the slices', () => {
    const patient = { resourceType: 'Patient', meta: { profile: [patientSlices.url] }, text: narrative, identifier: [{ system: 'http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID', value: '1' }] };
    expect(errorsOf(validator.validate({ ...patient, name: [{ use: 'official', family: '山田' }, { use: 'nickname', given: ['タロウ'] }] }))).toEqual([]);
    expect(errorsOf(validator.validate({ ...patient, name: [{ use: 'nickname', given: ['タロウ'] }, { use: 'official', family: '山田' }] }))).toEqual([
      { severity: 'error', code: 'structure', expression: 'Patient.name[1]', diagnostics: "Slice 'official' appears after unmatched elements, but Patient.name is open only at the end" },
    ]);
  });
});

describe('JP-CLINS Bundle entries sliced by profile', () => {
  const clins = new Validator(registryWith());
  // The synthetic discharge summary's Patient, Practitioners, Organization, Encounter and Conditions conform to their
  // eCS profiles; its Composition lacks the ten structured sub-sections JP_Composition_eDischargeSummary requires.
  const errors = errorsOf(clins.validate(buildDischargeSummaryBundle()));

  it('matches each entry to the slice whose profile its resource conforms to', () => {
    expect(errors.filter((error) => error.expression === 'Bundle' && /slice '/.test(error.diagnostics))).toEqual([
      { severity: 'error', code: 'required', expression: 'Bundle', diagnostics: "Bundle.entry: slice 'composition': minimum required = 1, but only found 0" },
    ]);
  });

  it('reports a required entry slice that is missing', () => {
    const bundle = buildDischargeSummaryBundle();
    bundle.entry = bundle.entry.filter((entry: { resource: { resourceType: string } }) => entry.resource.resourceType !== 'Encounter');
    expect(errorsOf(clins.validate(bundle))).toContainEqual(
      { severity: 'error', code: 'required', expression: 'Bundle', diagnostics: "Bundle.entry: slice 'encounter': minimum required = 1, but only found 0" },
    );
  });

  it('rejects an entry that matches no slice when the slicing is closed (JP_Bundle_CLINS)', () => {
    const bundle = buildDischargeSummaryBundle();
    bundle.entry.push({ fullUrl: 'urn:uuid:0a1b2c3d-0000-4000-8000-000000000099', resource: { resourceType: 'Basic', text: narrative, code: { text: 'x' } } });
    const closedErrors = errorsOf(clins.validate(bundle, { profiles: ['http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_CLINS'] }));
    expect(closedErrors).toContainEqual(
      { severity: 'error', code: 'structure', expression: `Bundle.entry[${bundle.entry.length - 1}]`, diagnostics: 'This element does not match any known slice defined in the profile http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_CLINS (slicing of Bundle.entry is closed)' },
    );
  });
});
