import type { ConformanceRegistry } from '../../conformance/package-loader.js';
import type { Queryable } from '../../db/database.js';
import type { SearchEngine } from '../../search/search-engine.js';
import type { WriteIndexer } from '../../store/resource-store.js';
import { ALL_TENANTS } from '../../store/tenancy.js';
import { patientIdOf } from '../summary/linked-patients.js';

export type ConsentDecision = 'permit' | 'deny';

/** One patient record's current registry Consent, as kept in table registry_consent. */
export interface RecordedConsent {
  patientId: string;
  /** Registration and secondary use (research export, aggregates, indicators). */
  decision: ConsentDecision;
  /** Sharing this record with other hospitals in acute care (the nested TREAT provision); absent: not asked. */
  acuteCareSharing?: ConsentDecision;
  consentId: string;
  /** Consent.dateTime: when the patient decided. */
  decidedAt?: string;
}

/** v3 ActReason TREAT: the purpose of the nested provision that states the acute-care sharing decision (IG jp-cvd-consent-2). */
const TREATMENT_PURPOSE = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' };
/** Registry Consents one patient may have on file; more are not a real patient's history. */
const MAX_CONSENTS_PER_PATIENT = 500;

/** Canonical URL of the IG's registry Consent profile (jp-cvd-consent-registry), read from the loaded IG. */
export function registryConsentProfile(conformance: ConformanceRegistry): string {
  const url = conformance.resourceProfiles().get('Consent')?.find((candidate) => candidate.endsWith('/StructureDefinition/jp-cvd-consent-registry'));
  if (!url) throw new Error('The IG profile jp-cvd-consent-registry is not loaded (run npm run build:ig)');
  return url;
}

const asDecision = (value: unknown): ConsentDecision | undefined => (value === 'permit' || value === 'deny' ? value : undefined);

function instant(value: string | undefined): string | undefined {
  const time = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * What a Consent decides for the registry, or undefined when it is no registry Consent in force: it must claim the
 * registry profile, be active and name a stored Patient.
 */
export function registryDecision(resource: fhir4.Resource, profileUrl: string): RecordedConsent | undefined {
  if (resource.resourceType !== 'Consent') return undefined;
  const consent = resource as fhir4.Consent;
  if (!consent.meta?.profile?.some((profile) => profile.split('|')[0] === profileUrl) || consent.status !== 'active' || !consent.id) return undefined;
  const patientId = patientIdOf(consent.patient?.reference);
  const decision = asDecision(consent.provision?.type);
  if (!patientId || !decision) return undefined;
  const acuteCare = consent.provision?.provision?.find((nested) =>
    nested.purpose?.some((purpose) => purpose.system === TREATMENT_PURPOSE.system && purpose.code === TREATMENT_PURPOSE.code),
  );
  const acuteCareSharing = asDecision(acuteCare?.type);
  const decidedAt = instant(consent.dateTime);
  return { patientId, decision, consentId: consent.id, ...(acuteCareSharing ? { acuteCareSharing } : {}), ...(decidedAt ? { decidedAt } : {}) };
}

/** Latest decision first: by Consent.dateTime (undated last), then by the later write. */
function newestFirst(a: { decided?: RecordedConsent; lastUpdated: string }, b: { decided?: RecordedConsent; lastUpdated: string }): number {
  const byDecision = (b.decided?.decidedAt ?? '').localeCompare(a.decided?.decidedAt ?? '');
  return byDecision || b.lastUpdated.localeCompare(a.lastUpdated);
}

/**
 * Keeps registry_consent in step with Consent writes, inside the writing transaction (a store write hook placed
 * after the search indexer, whose index rows it searches). Each affected patient's row is recomputed from all of
 * their registry Consents in force: the one with the latest Consent.dateTime decides; none leaves no row.
 */
export class ConsentRecorder implements WriteIndexer {
  constructor(
    private readonly search: SearchEngine,
    private readonly profileUrl: string,
  ) {}

  async indexWrites(tx: Queryable, writes: { rid: number; type: string; resource?: fhir4.Resource }[]): Promise<void> {
    const consents = writes.filter((write) => write.type === 'Consent');
    if (consents.length === 0) return;
    const affected = new Set<string>();
    for (const write of consents) {
      const decided = write.resource && registryDecision(write.resource, this.profileUrl);
      if (decided) affected.add(decided.patientId);
    }
    // An update may move a Consent to another patient or withdraw it, a delete removes it: its old patient is affected too.
    const { rows } = await tx.query<{ patient_id: string }>(
      `SELECT c.patient_id FROM registry_consent c JOIN resource r ON r.type = 'Consent' AND r.id = c.consent_id WHERE r.rid = ANY($1::bigint[])`,
      [consents.map((write) => write.rid)],
    );
    for (const row of rows) affected.add(row.patient_id);
    for (const patientId of [...affected].sort()) await this.refresh(tx, patientId);
  }

  /**
   * Rebuilds the whole table from the stored Consents (a database written before this hook, or restored without the
   * table). Runs in the caller's transaction; returns the number of patient rows written.
   */
  async rebuild(tx: Queryable): Promise<number> {
    await tx.query('DELETE FROM registry_consent');
    const patients = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.search.search({ types: ['Consent'] }, [['_total', 'none'], ...(cursor ? [['_cursor', cursor] as [string, string]] : [])], {
        count: MAX_CONSENTS_PER_PATIENT,
        scope: ALL_TENANTS,
        tx,
      });
      for (const match of page.matches) {
        const decided = registryDecision(match.resource, this.profileUrl);
        if (decided) patients.add(decided.patientId);
      }
      cursor = page.nextCursor;
    } while (cursor);
    for (const patientId of patients) await this.refresh(tx, patientId);
    return patients.size;
  }

  private async refresh(tx: Queryable, patientId: string): Promise<void> {
    const found = await this.search.search({ types: ['Consent'] }, [['patient', `Patient/${patientId}`], ['_total', 'none']], {
      count: MAX_CONSENTS_PER_PATIENT,
      // A patient's Consents count whoever stored them; the writer's scope does not narrow that.
      scope: ALL_TENANTS,
      tx,
    });
    const [current] = found.matches
      .map((match) => ({ decided: registryDecision(match.resource, this.profileUrl), lastUpdated: match.resource.meta?.lastUpdated ?? '' }))
      .filter((candidate) => candidate.decided?.patientId === patientId)
      .sort(newestFirst);
    if (!current?.decided) {
      await tx.query('DELETE FROM registry_consent WHERE patient_id = $1', [patientId]);
      return;
    }
    const row = current.decided;
    await tx.query(
      `INSERT INTO registry_consent (patient_id, decision, acute_care_sharing, consent_id, decided_at, recorded_at)
       VALUES ($1, $2, $3, $4, $5::timestamptz, now())
       ON CONFLICT (patient_id) DO UPDATE SET decision = $2, acute_care_sharing = $3, consent_id = $4, decided_at = $5::timestamptz, recorded_at = now()`,
      [patientId, row.decision, row.acuteCareSharing ?? null, row.consentId, row.decidedAt ?? null],
    );
  }
}

interface ConsentRow {
  patient_id: string;
  decision: ConsentDecision;
  acute_care_sharing: ConsentDecision | null;
  consent_id: string;
  decided_at: Date | string | null;
}

/** The recorded registry Consents of these patient records. */
export async function recordedConsents(sql: Queryable, patientIds: string[]): Promise<RecordedConsent[]> {
  if (patientIds.length === 0) return [];
  const { rows } = await sql.query<ConsentRow>(
    'SELECT patient_id, decision, acute_care_sharing, consent_id, decided_at FROM registry_consent WHERE patient_id = ANY($1::text[])',
    [patientIds],
  );
  return rows.map((row) => ({
    patientId: row.patient_id,
    decision: row.decision,
    consentId: row.consent_id,
    ...(row.acute_care_sharing ? { acuteCareSharing: row.acute_care_sharing } : {}),
    ...(row.decided_at ? { decidedAt: new Date(row.decided_at).toISOString() } : {}),
  }));
}

/**
 * A person's current decision among the Consents on their linked records: the latest dated one that states it
 * (a patient who changes their mind at a later admission elsewhere is taken at their latest word).
 */
export function currentDecision(consents: RecordedConsent[], about: 'secondary-use' | 'acute-care'): RecordedConsent | undefined {
  const stating = about === 'acute-care' ? consents.filter((consent) => consent.acuteCareSharing) : consents;
  return [...stating].sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))[0];
}

/** The decision `currentDecision` found, for the question asked. */
export function decisionOf(consent: RecordedConsent, about: 'secondary-use' | 'acute-care'): ConsentDecision | undefined {
  return about === 'acute-care' ? consent.acuteCareSharing : consent.decision;
}
