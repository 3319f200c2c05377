/**
 * Patient linkage on the store: candidates through the search engine (the blocking keys of blocking.ts as search
 * criteria), scoring, and the links kept as Patient.link (type seealso) on both hospital records plus a decision row
 * in patient_link. An operator's unlink is a 'do-not-link' row that automatic linkage never overrides. No record is
 * ever merged or deleted: linking only adds a link element to each record.
 */
import { linkageSettings, type LinkageSettings } from '../../config.js';
import type { RegistryServices } from '../services.js';
import { ALL_TENANTS } from '../../store/tenancy.js';
import { INSURANCE_MEMBER_SYSTEM, kanaName, linkageRecord, personalInsuranceNumber } from './record.js';
import { linkInMemory, type ScoredPair } from './blocking.js';
import { scorePair, type PairScore } from './score.js';

/** Most records one blocking query returns: a block beyond this is a data problem, not a person. */
const BLOCK_LIMIT = 200;

export interface Candidate extends PairScore {
  patient: fhir4.Patient;
}

type Decision = 'link' | 'do-not-link';

/** The blocking keys of a Patient as search criteria (the same keys as blockingKeys in blocking.ts). */
function blockingCriteria(patient: fhir4.Patient): [string, string][][] {
  const criteria: [string, string][][] = [];
  if (patient.birthDate) criteria.push([['birthdate', patient.birthDate]]);
  const kana = kanaName(patient);
  if (kana?.family && kana.given?.length && patient.birthDate) {
    // The first given name only: one search condition per given name would let a record with thousands of them
    // (valid FHIR) turn its own linkage into a query with thousands of joins.
    criteria.push([['family', kana.family], ['given', kana.given[0]], ['birthdate', patient.birthDate.slice(0, 4)]]);
  }
  const insurance = patient.identifier?.find((identifier) => identifier.system === INSURANCE_MEMBER_SYSTEM && identifier.value);
  if (insurance && personalInsuranceNumber(patient)) criteria.push([['identifier', `${INSURANCE_MEMBER_SYSTEM}|${insurance.value}`]]);
  return criteria;
}

/**
 * Stored Patients that may be the person `patient` describes, scored and sorted best first; `certainly-not` left out.
 * `excludeId` leaves out the patient itself. Searches within the context store's scope (a hospital: its own patients).
 */
export async function findCandidates(context: RegistryServices, patient: fhir4.Patient, settings: LinkageSettings, excludeId?: string): Promise<Candidate[]> {
  const record = linkageRecord(patient);
  const found = new Map<string, fhir4.Patient>();
  for (const criteria of blockingCriteria(patient)) {
    const result = await context.search.search({ types: ['Patient'] }, [...criteria, ['_total', 'none']], { count: BLOCK_LIMIT, tx: context.store.sql, scope: context.store.scope });
    for (const match of result.matches) if (match.id !== excludeId) found.set(match.id, match.resource as fhir4.Patient);
  }
  return [...found.values()]
    .map((candidate) => ({ patient: candidate, ...scorePair(record, linkageRecord(candidate), settings) }))
    .filter((candidate) => candidate.grade !== 'certainly-not')
    .sort((a, b) => b.score - a.score || a.patient.id!.localeCompare(b.patient.id!));
}

const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/** The linkage decisions recorded for each of `patientIds`, by the other patient's id. */
async function decisionsFor(context: RegistryServices, patientIds: string[]): Promise<Map<string, Map<string, Decision>>> {
  const { rows } = await context.store.sql.query<{ patient_a: string; patient_b: string; decision: Decision }>(
    'SELECT patient_a, patient_b, decision FROM patient_link WHERE patient_a = ANY($1::text[]) OR patient_b = ANY($1::text[])',
    [patientIds],
  );
  const byPatient = new Map<string, Map<string, Decision>>(patientIds.map((id) => [id, new Map()]));
  for (const row of rows) {
    byPatient.get(row.patient_a)?.set(row.patient_b, row.decision);
    byPatient.get(row.patient_b)?.set(row.patient_a, row.decision);
  }
  return byPatient;
}

/**
 * Advisory-lock keys serialising linkage of records that share a blocking key, so two documents about one person
 * arriving at once still see each other.
 */
function linkageLockKeys(patient: fhir4.Patient): string[] {
  const record = linkageRecord(patient);
  return [record.birthDate, record.insurance].filter(Boolean).map((value) => `patient-linkage|${value}`);
}

/**
 * Records an automatic 'link' for the pair unless a decision on it exists (an operator's, or one a concurrent run just
 * made): an existing decision always wins. Returns the pair's decision after the call.
 */
async function recordAutomaticLink(context: RegistryServices, a: string, b: string, method: 'insurance' | 'score', score: number, decidedBy: string): Promise<Decision> {
  const { rows } = await context.store.sql.query<{ decision: Decision }>(
    `WITH inserted AS (
       INSERT INTO patient_link (patient_a, patient_b, decision, method, score, decided_by) VALUES ($1, $2, 'link', $3, $4, $5)
       ON CONFLICT (patient_a, patient_b) DO NOTHING RETURNING decision)
     SELECT decision FROM inserted UNION ALL SELECT decision FROM patient_link WHERE patient_a = $1 AND patient_b = $2`,
    [...ordered(a, b), method, score, decidedBy],
  );
  return rows[0].decision;
}

const linksTo = (link: fhir4.PatientLink, otherId: string) => link.other?.reference === `Patient/${otherId}`;

/** Adds (`present`) or removes a seealso link to `otherId` on the stored Patient `id`; writes only on a change. */
async function setLink(context: RegistryServices, id: string, otherId: string, present: boolean): Promise<void> {
  const stored = await context.store.read('Patient', id);
  const patient = stored?.resource as fhir4.Patient | undefined;
  if (!patient || stored?.deleted) return;
  const links = patient.link ?? [];
  if (links.some((link) => linksTo(link, otherId)) === present) return;
  const link: fhir4.PatientLink[] = present ? [...links, { other: { reference: `Patient/${otherId}` }, type: 'seealso' }] : links.filter((one) => !linksTo(one, otherId));
  const { link: _previous, ...rest } = patient;
  const updated: fhir4.Patient = link.length ? { ...rest, link } : rest;
  await context.store.put(updated, id);
}

async function setLinkBothWays(context: RegistryServices, a: string, b: string, present: boolean): Promise<void> {
  // In id order, so two transactions touching the same pair lock the rows in the same order.
  const [first, second] = ordered(a, b);
  await setLink(context, first, second, present);
  await setLink(context, second, first, present);
}

/**
 * Links the stored Patient `patientId` with every candidate graded `certain` that no operator has unlinked from it,
 * and restores the Patient.link of earlier 'link' decisions (e.g. after a hospital replaced its record). Runs in the
 * caller's transaction when there is one. Returns the ids linked to.
 */
export async function linkPatient(context: RegistryServices, patientId: string, decidedBy: string, settings = linkageSettings()): Promise<string[]> {
  // Linkage is the registry's work across hospitals, whoever's document triggered it.
  return context.store.withScope(ALL_TENANTS).transaction(async (store) => {
    const tx: RegistryServices = { ...context, store };
    const stored = await store.read('Patient', patientId);
    const patient = stored?.resource as fhir4.Patient | undefined;
    if (!patient || stored?.deleted) return [];
    await store.lockKeys(linkageLockKeys(patient));
    const decisions = await decisionsFor(tx, [patientId]);
    return linkRecord(tx, patient, decisions.get(patientId)!, decidedBy, settings);
  });
}

/** The linking step of `linkPatient` for a Patient whose linkage keys the caller has locked. */
async function linkRecord(context: RegistryServices, patient: fhir4.Patient, decisions: Map<string, Decision>, decidedBy: string, settings: LinkageSettings): Promise<string[]> {
  const patientId = patient.id!;
  const linked: string[] = [];
  for (const candidate of await findCandidates(context, patient, settings, patientId)) {
    const otherId = candidate.patient.id!;
    const decision = decisions.get(otherId);
    if (decision === 'do-not-link' || (decision === undefined && candidate.grade !== 'certain')) continue;
    if (decision === undefined && (await recordAutomaticLink(context, patientId, otherId, candidate.method, candidate.score, decidedBy)) !== 'link') continue;
    await setLinkBothWays(context, patientId, otherId, true);
    linked.push(otherId);
  }
  return linked;
}

/**
 * Automatic linkage after document ingest: links each Patient the ingest just wrote (as written: not read again),
 * with the linkage keys of all of them locked in one statement (sorted, so concurrent ingests cannot deadlock on them)
 * and their earlier decisions read in one query.
 */
export async function linkIngestedPatients(context: RegistryServices, resources: fhir4.Resource[], settings = linkageSettings()): Promise<void> {
  const patients = resources.filter((resource): resource is fhir4.Patient => resource.resourceType === 'Patient' && Boolean(resource.id));
  if (patients.length === 0) return;
  await context.store.withScope(ALL_TENANTS).transaction(async (store) => {
    const tx: RegistryServices = { ...context, store };
    await store.lockKeys(patients.flatMap(linkageLockKeys));
    const decisions = await decisionsFor(tx, patients.map((patient) => patient.id!));
    for (const patient of patients) await linkRecord(tx, patient, decisions.get(patient.id!)!, 'document-ingest', settings);
  });
}

/**
 * An operator's decision on two Patients, which automatic linkage never overrides: 'link' adds the seealso links to
 * both records, 'do-not-link' removes them. Both Patients must exist (the caller checks).
 */
export async function setOperatorDecision(context: RegistryServices, a: string, b: string, decision: Decision, decidedBy: string): Promise<void> {
  await context.store.withScope(ALL_TENANTS).transaction(async (store) => {
    const tx: RegistryServices = { ...context, store };
    await tx.store.sql.query(
      `INSERT INTO patient_link (patient_a, patient_b, decision, method, decided_by) VALUES ($1, $2, $3, 'operator', $4)
       ON CONFLICT (patient_a, patient_b) DO UPDATE
          SET decision = EXCLUDED.decision, method = 'operator', score = NULL, decided_by = EXCLUDED.decided_by, decided_at = now()`,
      [...ordered(a, b), decision, decidedBy],
    );
    await setLinkBothWays(tx, a, b, decision === 'link');
  });
}

/**
 * `link-patients`: every stored Patient at once. The records come from one scan and are blocked and scored in memory
 * (as bench/linkage.ts measures); then each `certain` pair is linked in its own transaction unless a decision on it
 * exists, and the Patient.link of every earlier 'link' decision is restored. Progress is reported over those pairs.
 */
export async function linkAllPatients(
  context: RegistryServices,
  decidedBy: string,
  onProgress: (done: number, total: number) => void = () => {},
  settings = linkageSettings(),
): Promise<{ patients: number; linkedPairs: number }> {
  const store = context.store.withScope(ALL_TENANTS);
  const { rows } = await store.sql.query<{ id: string; content: fhir4.Patient | string }>("SELECT id, content FROM resource WHERE type = 'Patient' AND NOT deleted ORDER BY rid");
  const records = rows.map((row) => linkageRecord(typeof row.content === 'string' ? JSON.parse(row.content) : row.content, row.id));
  const pairs = new Map<string, { a: string; b: string; found?: ScoredPair }>();
  for (const found of linkInMemory(records, settings).links) pairs.set(ordered(found.a, found.b).join('|'), { a: found.a, b: found.b, found });
  const decided = await store.sql.query<{ patient_a: string; patient_b: string }>("SELECT patient_a, patient_b FROM patient_link WHERE decision = 'link'");
  for (const row of decided.rows) pairs.set(`${row.patient_a}|${row.patient_b}`, { a: row.patient_a, b: row.patient_b });
  let linkedPairs = 0;
  let done = 0;
  for (const { a, b, found } of pairs.values()) {
    const linked = await store.transaction(async (txStore) => {
      const tx: RegistryServices = { ...context, store: txStore };
      if (found && (await recordAutomaticLink(tx, a, b, found.method, found.score, decidedBy)) !== 'link') return false;
      await setLinkBothWays(tx, a, b, true);
      return true;
    });
    if (linked) linkedPairs++;
    onProgress(++done, pairs.size);
  }
  return { patients: records.length, linkedPairs };
}
