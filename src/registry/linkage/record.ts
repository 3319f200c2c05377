/**
 * What linkage compares of a Patient, extracted once: the individual insurance number, kana (SYL) and kanji (IDE)
 * names, birth date, sex and postal code, each in its comparison form (normalise.ts).
 */
import { normaliseIdentifier, normaliseKana, normaliseKanji, normalisePostalCode } from './normalise.js';

/** 被保険者番号 (個人単位) in JP-CLINS: value "insurer number:symbol:number:branch". */
export const INSURANCE_MEMBER_SYSTEM = 'http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID';
/** A hospital's own patient id system: this prefix + the 10-digit medical institution code (JP Core rule). */
export const LOCAL_PATIENT_ID_PREFIX = 'urn:oid:1.2.392.100495.20.3.51.1';
const NAME_REPRESENTATION = 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation';

export interface LinkageRecord {
  /** Patient id on this server (or any key the caller chooses, e.g. in the benchmark). */
  id: string;
  /** The hospital whose local patient id the record carries. */
  hospitalCode?: string;
  /** Insurance member id in comparison form. */
  insurance?: string;
  /** Normalised kana name (family + given). */
  kana: string;
  /** Normalised kanji name (family + given). */
  kanji: string;
  birthDate?: string;
  gender?: string;
  /** 7 digits. */
  postalCode?: string;
}

/** The name of a representation: SYL (kana) or IDE (kanji), by the ISO 21090 extension; untagged names by script. */
function nameOf(patient: fhir4.Patient, representation: 'SYL' | 'IDE'): fhir4.HumanName | undefined {
  const names = patient.name ?? [];
  const tagged = names.find((name) => name.extension?.some((extension) => extension.url === NAME_REPRESENTATION && extension.valueCode === representation));
  if (tagged) return tagged;
  const isKana = (name: fhir4.HumanName) => /^[\u3040-\u30ff\uff66-\uff9f\s　ー・]+$/.test(`${name.family ?? ''}${(name.given ?? []).join('')}`);
  return names.find((name) => (representation === 'SYL' ? isKana(name) : !isKana(name)));
}

/** The kana (SYL) name of a Patient. */
export const kanaName = (patient: fhir4.Patient) => nameOf(patient, 'SYL');

/** Longer than any real name; caps the edit-distance work a hostile record can cause (it is quadratic in length). */
const MAX_NAME_LENGTH = 64;

const whole = (name: fhir4.HumanName | undefined) =>
  (name ? `${name.family ?? ''}${(name.given ?? []).join('')}` || (name.text ?? '') : '').slice(0, MAX_NAME_LENGTH);

/** The hospital code of a record's local patient identifier, if it has one. */
export function hospitalCodeOf(patient: fhir4.Patient): string | undefined {
  const local = patient.identifier?.find((identifier) => identifier.system?.startsWith(LOCAL_PATIENT_ID_PREFIX));
  const code = local?.system?.slice(LOCAL_PATIENT_ID_PREFIX.length);
  return code && /^\d{10}$/.test(code) ? code : undefined;
}

/**
 * The insurance member id when it identifies a person: JP-CLINS requires the identifier on every Patient but lets
 * symbol, number and branch be empty ("insurer:::" when the hospital has no card on file), and an insurer number
 * alone is shared by all its members. Usable: insurer number and member number both present.
 */
export function personalInsuranceNumber(patient: fhir4.Patient): string | undefined {
  const value = patient.identifier?.find((identifier) => identifier.system === INSURANCE_MEMBER_SYSTEM && identifier.value)?.value;
  if (!value) return undefined;
  const normalised = normaliseIdentifier(value);
  const [insurer, , number] = normalised.split(':');
  return insurer && number ? normalised : undefined;
}

export function linkageRecord(patient: fhir4.Patient, id = patient.id ?? ''): LinkageRecord {
  const kana = kanaName(patient);
  const kanji = nameOf(patient, 'IDE');
  const insurance = personalInsuranceNumber(patient);
  const postal = patient.address?.find((address) => address.postalCode && address.use !== 'old')?.postalCode;
  return {
    id,
    hospitalCode: hospitalCodeOf(patient),
    ...(insurance ? { insurance } : {}),
    kana: normaliseKana(whole(kana)),
    kanji: normaliseKanji(whole(kanji)),
    birthDate: patient.birthDate,
    gender: patient.gender,
    postalCode: normalisePostalCode(postal),
  };
}
