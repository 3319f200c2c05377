import { randomUUID } from 'node:crypto';

/** R4 id datatype: 1–64 characters of letters, digits, '-' and '.'. */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

export function isValidId(id: string): boolean {
  return FHIR_ID.test(id);
}

/** Server-assigned logical ids are random UUIDs: unguessable and free of coordination between writers. */
export function newId(): string {
  return randomUUID();
}
