import { randomUUID } from 'node:crypto';
import type { RegistryServices } from '../services.js';
import type { SearchMatch } from '../../search/search-engine.js';
import { ALL_TENANTS } from '../../store/tenancy.js';

/** What the summary is built from, per linked Patient record (their Patient compartment). */
const SUMMARY_TYPES = ['Encounter', 'Condition', 'Procedure', 'MedicationRequest', 'AllergyIntolerance'];
const PAGE = 500;
/** Resources one person's summary reads at most; beyond that the summary says it is incomplete. */
const MAX_RESOURCES = 5000;

const LOINC = 'http://loinc.org';
/** PurposeOfUse of the disclosure (v3 ActReason): treatment, or emergency treatment under the emergency rule. */
const PURPOSE_OF_USE = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
const EMPTY_REASON = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/list-empty-reason', code: 'unavailable', display: 'Unavailable' }] };

const SECTIONS = {
  admissions: { code: '46240-8', display: 'History of Hospitalizations+Outpatient visits Narrative', title: '循環器病の入院歴 / Past cardiovascular admissions' },
  diagnoses: { code: '11450-4', display: 'Problem list - Reported', title: '診断 / Diagnoses' },
  procedures: { code: '47519-4', display: 'History of Procedures Document', title: '主な治療 / Key treatments' },
  medications: { code: '10183-2', display: 'Hospital discharge medications Narrative', title: '退院時処方 / Discharge prescriptions' },
  allergies: { code: '48765-2', display: 'Allergies and adverse reactions Document', title: 'アレルギー・禁忌 / Allergies and contraindications' },
} as const;

export interface SummaryRequest {
  /** The Patient record asked about (the caller's own hospital's record). */
  patientId: string;
  /** Every record of the person (linkedPatientIds), the asked one included. */
  linkedPatientIds: string[];
  /** TREAT (on consent) or ETREAT (emergency rule): labels the disclosure. */
  purpose: 'TREAT' | 'ETREAT';
  baseUrl: string;
}

const escapeXml = (text: string) => text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
const display = (concept: fhir4.CodeableConcept | undefined) => concept?.text ?? concept?.coding?.find((coding) => coding.display)?.display ?? concept?.coding?.[0]?.code ?? '-';
const day = (value: string | undefined) => value?.slice(0, 10) ?? '-';
const referenceTo = (match: SearchMatch) => `${match.type}/${match.id}`;
const refersTo = (reference: fhir4.Reference | undefined, target: SearchMatch) => !!reference?.reference && (reference.reference === referenceTo(target) || reference.reference.endsWith(`/${referenceTo(target)}`));

function narrative(items: string[]): fhir4.Narrative {
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><ul>${items.map((item) => `<li>${escapeXml(item)}</li>`).join('')}</ul></div>` };
}

function section(kind: keyof typeof SECTIONS, entries: SearchMatch[], lines: string[], baseUrl: string): fhir4.CompositionSection {
  const { code, display: codeDisplay, title } = SECTIONS[kind];
  return {
    title,
    code: { coding: [{ system: LOINC, code, display: codeDisplay }] },
    text: narrative(lines.length ? lines : ['記録なし / none recorded in the registry']),
    ...(entries.length ? { entry: entries.map((entry) => ({ reference: `${baseUrl}/${referenceTo(entry)}` })) } : { emptyReason: EMPTY_REASON }),
  };
}

/** Every summary resource of these Patient records, across all hospitals (this is the sanctioned cross-hospital read). */
async function recordsOf(context: RegistryServices, patientIds: string[]): Promise<{ matches: SearchMatch[]; complete: boolean }> {
  const matches: SearchMatch[] = [];
  for (const id of patientIds) {
    let cursor: string | undefined;
    do {
      const page = await context.search.search(
        { types: SUMMARY_TYPES, compartment: { type: 'Patient', id } },
        [['_total', 'none'], ...(cursor ? [['_cursor', cursor] as [string, string]] : [])],
        { count: PAGE, scope: ALL_TENANTS, tx: context.store.sql },
      );
      matches.push(...page.matches);
      if (matches.length >= MAX_RESOURCES) return { matches: matches.slice(0, MAX_RESOURCES), complete: false };
      cursor = page.nextCursor;
    } while (cursor);
  }
  // A resource in two linked records' compartments (e.g. one naming both) is listed once.
  const unique = new Map(matches.map((match) => [referenceTo(match), match]));
  return { matches: [...unique.values()], complete: true };
}

/**
 * The acute-care summary (the seed's use ①): a document Bundle whose Composition lists the person's past
 * cardiovascular admissions at every linked hospital, newest first, with diagnoses, dates, key treatments, discharge
 * prescriptions, and allergies/contraindications, followed by the resources themselves. Access (consent or the
 * emergency rule) is decided before this is called.
 */
export async function acuteCareSummary(context: RegistryServices, request: SummaryRequest): Promise<fhir4.Bundle> {
  const store = context.store.withScope(ALL_TENANTS);
  const { matches, complete } = await recordsOf(context, request.linkedPatientIds);
  const ofType = <T extends fhir4.Resource>(type: string) => matches.filter((match) => match.type === type) as (SearchMatch & { resource: T })[];
  const encounters = ofType<fhir4.Encounter>('Encounter').sort((a, b) => (b.resource.period?.start ?? '').localeCompare(a.resource.period?.start ?? ''));
  const conditions = ofType<fhir4.Condition>('Condition');
  const procedures = ofType<fhir4.Procedure>('Procedure');
  const medications = ofType<fhir4.MedicationRequest>('MedicationRequest');
  const allergies = ofType<fhir4.AllergyIntolerance>('AllergyIntolerance');

  const patients = (await Promise.all(request.linkedPatientIds.map((id) => store.read('Patient', id)))).flatMap((version) => (version?.resource ? [version.resource] : []));
  const organizationRefs = [...new Set(encounters.flatMap((encounter) => /(?:^|\/)Organization\/([A-Za-z0-9\-.]{1,64})$/.exec(encounter.resource.serviceProvider?.reference ?? '')?.[1] ?? []))];
  const organizations = (await Promise.all(organizationRefs.map((id) => store.read('Organization', id)))).flatMap((version) =>
    version?.resource ? [version.resource as fhir4.Organization] : [],
  );
  const hospitalOf = (encounter: fhir4.Encounter) => {
    const organization = organizations.find((candidate) => encounter.serviceProvider?.reference?.endsWith(`Organization/${candidate.id}`));
    const code = organization?.identifier?.find((identifier) => /^\d{10}$/.test(identifier.value ?? ''))?.value;
    return organization ? `${organization.name ?? 'hospital'}${code ? ` (${code})` : ''}` : (encounter.serviceProvider?.display ?? 'hospital unknown');
  };

  const admissionLines = encounters.map((encounter) => {
    const inEncounter = <T extends { encounter?: fhir4.Reference }>(items: (SearchMatch & { resource: T })[]) => items.filter((item) => refersTo(item.resource.encounter, encounter));
    const diagnoses = inEncounter(conditions).map((condition) => display(condition.resource.code));
    const treatments = inEncounter(procedures).map((procedure) => display(procedure.resource.code));
    const prescriptions = inEncounter(medications).map((medication) => medication.resource.medicationReference?.display ?? display(medication.resource.medicationCodeableConcept));
    return [
      `${day(encounter.resource.period?.start)} – ${day(encounter.resource.period?.end)} ${hospitalOf(encounter.resource)}`,
      `診断 / diagnoses: ${diagnoses.join(', ') || '-'}`,
      `治療 / treatments: ${treatments.join(', ') || '-'}`,
      `退院時処方 / discharge prescriptions: ${prescriptions.join(', ') || '-'}`,
    ].join('; ');
  });
  const now = new Date().toISOString();
  const composition: fhir4.Composition = {
    resourceType: 'Composition',
    status: 'final',
    type: { coding: [{ system: LOINC, code: '60591-5', display: 'Patient summary Document' }] },
    subject: { reference: `${request.baseUrl}/Patient/${request.patientId}` },
    date: now,
    author: [{ display: 'JP-CVD registry' }],
    title: '急性期医療のための循環器病既往サマリー / Acute-care summary of past cardiovascular admissions',
    ...(complete ? {} : { text: narrative([`Only the first ${MAX_RESOURCES} resources were read: this summary is incomplete`]) }),
    section: [
      section('admissions', encounters, admissionLines, request.baseUrl),
      section('diagnoses', conditions, conditions.map((condition) => `${display(condition.resource.code)} (${day(condition.resource.onsetDateTime ?? condition.resource.recordedDate)})`), request.baseUrl),
      section('procedures', procedures, procedures.map((procedure) => `${display(procedure.resource.code)} (${day(procedure.resource.performedDateTime ?? procedure.resource.performedPeriod?.start)})`), request.baseUrl),
      section('medications', medications, medications.map((medication) => `${display(medication.resource.medicationCodeableConcept)} (${day(medication.resource.authoredOn)})`), request.baseUrl),
      section('allergies', allergies, allergies.map((allergy) => `${display(allergy.resource.code)}${allergy.resource.criticality ? ` [${allergy.resource.criticality}]` : ''}`), request.baseUrl),
    ],
  };
  const entry = (resource: fhir4.Resource): fhir4.BundleEntry<fhir4.Resource> => ({ fullUrl: `${request.baseUrl}/${resource.resourceType}/${resource.id}`, resource });
  return {
    resourceType: 'Bundle',
    meta: { security: [{ system: PURPOSE_OF_USE, code: request.purpose, display: request.purpose === 'ETREAT' ? 'Emergency Treatment' : 'treatment' }] },
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${randomUUID()}` },
    type: 'document',
    timestamp: now,
    entry: [
      { fullUrl: `urn:uuid:${randomUUID()}`, resource: composition },
      ...patients.map(entry),
      ...organizations.map(entry),
      ...[...encounters, ...conditions, ...procedures, ...medications, ...allergies].map((match) => entry(match.resource)),
    ],
  } as fhir4.Bundle;
}
