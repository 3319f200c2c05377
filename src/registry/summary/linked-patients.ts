import type { RegistryServices } from '../services.js';
import { ALL_TENANTS } from '../../store/tenancy.js';

/** Patient.link types that tie two records of one person together (records at different hospitals). */
const PERSON_LINKS = new Set(['seealso', 'refer']);
/** A person has a handful of records; a larger linked set means links gone wrong, and stops the walk. */
const MAX_LINKED_RECORDS = 100;
const PATIENT_REFERENCE = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})$/;

/** The Patient id a reference (relative or absolute, e.g. `Patient/123`) points to. */
export function patientIdOf(reference: string | undefined): string | undefined {
  return PATIENT_REFERENCE.exec(reference ?? '')?.[1];
}

function personLinks(patient: fhir4.Patient): string[] {
  return (patient.link ?? []).filter((link) => PERSON_LINKS.has(link.type)).flatMap((link) => patientIdOf(link.other?.reference) ?? []);
}

/**
 * Every stored, undeleted Patient record of the person `patientId` belongs to, itself first: the records reachable
 * through Patient.link of type seealso or refer, in either direction (a link may be recorded on one side only).
 * The single place the registry asks "which records are this person's" (acute-care summary, consent). Linkage spans
 * hospitals by design, so the walk sees every hospital's records whatever the caller's scope.
 */
export async function linkedPatientIds(context: RegistryServices, patientId: string): Promise<string[]> {
  const store = context.store.withScope(ALL_TENANTS);
  const found = new Set([patientId]);
  const queue = [patientId];
  while (queue.length && found.size < MAX_LINKED_RECORDS) {
    const id = queue.shift()!;
    const stored = await store.read('Patient', id);
    const neighbours = stored?.resource ? personLinks(stored.resource as fhir4.Patient) : [];
    const linkingHere = await context.search.search({ types: ['Patient'] }, [['link', `Patient/${id}`], ['_total', 'none']], {
      count: MAX_LINKED_RECORDS,
      scope: ALL_TENANTS,
      tx: store.sql,
    });
    for (const match of linkingHere.matches) if (personLinks(match.resource as fhir4.Patient).includes(id)) neighbours.push(match.id);
    for (const neighbour of neighbours) {
      if (found.has(neighbour) || found.size >= MAX_LINKED_RECORDS) continue;
      const record = neighbour === id ? stored : await store.read('Patient', neighbour);
      if (!record?.resource) continue;
      found.add(neighbour);
      queue.push(neighbour);
    }
  }
  return [...found];
}
