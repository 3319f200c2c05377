import { createHmac } from 'node:crypto';

/**
 * Keyed pseudonyms: HMAC-SHA-256 of `type/id` under a secret key. The same key gives the same pseudonym in every
 * export (so exports can be joined over time); without the key a pseudonym cannot be linked back to the id, nor
 * recomputed from a guessed id.
 */
export class Pseudonymizer {
  constructor(private readonly key: string) {
    if (!key) throw new Error('A pseudonym key is required');
  }

  /** A valid FHIR id: 32 lower-case hex characters (128 bits of the HMAC). */
  id(type: string, id: string): string {
    return this.digest(`${type}/${id}`).subarray(0, 16).toString('hex');
  }

  /** A per-patient offset in whole days within [-maxDays, +maxDays], never 0 when maxDays > 0. */
  dateShiftDays(patientId: string, maxDays: number): number {
    if (maxDays <= 0) return 0;
    const value = this.digest(`date-shift/Patient/${patientId}`).readUInt32BE(0);
    const magnitude = 1 + (value % maxDays);
    return value & 0x8000_0000 ? magnitude : -magnitude;
  }

  private digest(text: string): Buffer {
    return createHmac('sha256', this.key).update(text, 'utf8').digest();
  }
}
