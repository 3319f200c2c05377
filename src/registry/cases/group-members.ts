import type { Queryable } from '../../db/database.js';
import type { ReadScope } from '../../store/tenancy.js';
import { IG_BASE, SYSTEM } from '../synthetic/canonical.js';

/** CodeSystem of Group.characteristic.code the registry evaluates (input/fsh/groups.fsh). */
export const GROUP_CHARACTERISTIC_SYSTEM = `${IG_BASE}/CodeSystem/jp-cvd-group-characteristic`;
export const DISEASE_GROUP_SYSTEM = `${IG_BASE}/CodeSystem/jp-cvd-disease-group`;
const PREFECTURE = /^(0[1-9]|[1-3][0-9]|4[0-7])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Each characteristic code: the registry_case column it tests and the system (and form) of its value. */
const CHARACTERISTICS: Record<string, { column: string; valueSystem: string; validValue(code: string, diseaseGroups: readonly string[]): boolean }> = {
  'principal-disease': { column: 'principal_disease', valueSystem: DISEASE_GROUP_SYSTEM, validValue: (code, diseaseGroups) => diseaseGroups.includes(code) },
  'residence-prefecture': { column: 'patient_prefecture', valueSystem: SYSTEM.prefectureNo, validValue: (code) => PREFECTURE.test(code) },
  'hospital-prefecture': { column: 'hospital_prefecture', valueSystem: SYSTEM.prefectureNo, validValue: (code) => PREFECTURE.test(code) },
};

/** A characteristic the registry cannot evaluate; the message says which and why. */
export class UnsupportedCharacteristic extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(`Group.characteristic[${index}]: ${message}`);
  }
}

/**
 * The patients a Group defined by characteristics describes: those with a registry case (one admission) meeting
 * every characteristic — its principal disease group or its patient's or hospital's prefecture equal to the value
 * (not equal, or unknown, with `exclude`), admitted within `period` when one is given. Only cases `scope` may see
 * count (a hospital's client: its own cases). Throws UnsupportedCharacteristic for anything else, before any query.
 */
export async function patientsMeeting(
  sql: Queryable,
  characteristics: fhir4.GroupCharacteristic[],
  scope: ReadScope,
  diseaseGroups: readonly string[],
): Promise<string[]> {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const where = characteristics.map((characteristic, index) => caseCondition(characteristic, index, diseaseGroups, bind));
  if (scope.kind === 'none') return [];
  if (scope.kind === 'hospital') where.push(`hospital_code = ${bind(scope.hospitalCode)}`);
  const { rows } = await sql.query<{ patient_id: string }>(
    `SELECT DISTINCT patient_id FROM registry_case WHERE ${where.length ? where.join(' AND ') : 'true'} ORDER BY patient_id`,
    params,
  );
  return rows.map((row) => row.patient_id);
}

function caseCondition(characteristic: fhir4.GroupCharacteristic, index: number, diseaseGroups: readonly string[], bind: (value: unknown) => string): string {
  const supported = Object.keys(CHARACTERISTICS).join(', ');
  const codes = (characteristic.code?.coding ?? []).filter((coding) => coding.system === GROUP_CHARACTERISTIC_SYSTEM);
  const name = codes.find((coding) => coding.code !== undefined && coding.code in CHARACTERISTICS)?.code;
  if (!name) throw new UnsupportedCharacteristic(index, `code must be one of ${GROUP_CHARACTERISTIC_SYSTEM}: ${supported}`);
  const rule = CHARACTERISTICS[name];
  const value = characteristic.valueCodeableConcept?.coding?.find((coding) => coding.system === rule.valueSystem)?.code;
  if (value === undefined) throw new UnsupportedCharacteristic(index, `${name} takes valueCodeableConcept with a code of ${rule.valueSystem}`);
  if (!rule.validValue(value, diseaseGroups)) throw new UnsupportedCharacteristic(index, `"${value}" is not a ${name} value of ${rule.valueSystem}`);
  const conditions = [characteristic.exclude ? `${rule.column} IS DISTINCT FROM ${bind(value)}` : `${rule.column} = ${bind(value)}`];
  const { start, end } = characteristic.period ?? {};
  for (const [bound, operator] of [
    [start, '>='],
    [end, '<='],
  ] as const) {
    if (bound === undefined) continue;
    if (DAY.test(bound)) {
      // A date is a whole day in Japan time (the registry's hospitals all are).
      const day = `(${bind(bound)}::date${operator === '<=' ? ' + 1' : ''})::timestamp AT TIME ZONE 'Asia/Tokyo'`;
      conditions.push(`admitted_at ${operator === '>=' ? '>=' : '<'} ${day}`);
    } else if (INSTANT.test(bound) && !Number.isNaN(Date.parse(bound))) {
      conditions.push(`admitted_at ${operator} ${bind(bound)}::timestamptz`);
    } else {
      throw new UnsupportedCharacteristic(index, `period bound "${bound}" must be a date (YYYY-MM-DD) or a dateTime with a time zone`);
    }
  }
  return `(${conditions.join(' AND ')})`;
}
