/**
 * Hospitals and persons: hospitals spread over the 47 prefectures by population with JP-format 10-digit medical
 * institution codes; persons with kanji/kana names, an address, a birth date and a health-insurance identity; and
 * each person's registration at every hospital that admitted them (local patient id and the spellings that
 * hospital has on file — the source of the linkage variants).
 */
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, PREFECTURES, SURNAMES, type NamePart, type Prefecture } from './reference-data.js';
import type { SeededRandom } from './random.js';
import type { DiseaseKey, HospitalCapabilities } from './diseases.js';
import { hasOldKanjiForm, kanaTypo, oldKanjiForm } from './text-variants.js';

/** Modulus-10 check digit with weights 2,1,2,1… from the right (digit sums of the products), as used by Japanese
 * insurer numbers and medical institution codes. */
export function modulus10CheckDigit(digits: string): string {
  let sum = 0;
  [...digits].reverse().forEach((digit, index) => {
    const product = Number(digit) * (index % 2 === 0 ? 2 : 1);
    sum += Math.floor(product / 10) + (product % 10);
  });
  return String((10 - (sum % 10)) % 10);
}

export interface Address {
  prefecture: Prefecture;
  city: string;
  town: string;
  block: string;
  postalCode: string;
}

function postalCodeOf(area: string, town: string): string {
  // Stable per town: the same town always gets the same 7-digit code, so a move changes it and staying does not.
  let hash = 0;
  for (const ch of town) hash = (hash * 31 + ch.charCodeAt(0)) % 10000;
  return `${area}-${String(hash).padStart(4, '0')}`;
}

export function randomAddress(rng: SeededRandom, prefecture: Prefecture): Address {
  const city = rng.pick(prefecture.cities);
  const town = rng.pick(city.towns);
  const chome = rng.int(1, 5);
  return {
    prefecture,
    city: city.name,
    town: `${town}${chome}丁目`,
    block: `${rng.int(1, 30)}-${rng.int(1, 20)}`,
    postalCode: postalCodeOf(city.postalArea, `${city.name}${town}${chome}`),
  };
}

export function weightedPrefecture(rng: SeededRandom): Prefecture {
  return rng.weighted(PREFECTURES.map((prefecture) => ({ value: prefecture, weight: prefecture.populationThousands })));
}

// ---------------------------------------------------------------------------------------------------------------
// Hospitals
// ---------------------------------------------------------------------------------------------------------------
export interface Practitioner {
  staffId: string;
  family: NamePart;
  given: NamePart;
}

export interface Hospital {
  /** 10 digits: prefecture (2) + point table 1 = 医科 (1) + 郡市区 (2) + institution (4) + check digit (1). */
  code: string;
  name: string;
  address: Address;
  capabilities: HospitalCapabilities;
  /** Relative admission volume within its prefecture. */
  volume: number;
  practitioners: Practitioner[];
  nextLocalPatientNumber: number;
}

const HOSPITAL_SUFFIXES = ['中央病院', '総合病院', '市民病院', '記念病院', '赤十字病院', '医療センター', '脳神経外科病院', '循環器病院', '済生会病院', '大学病院'];

/** Spreads `count` hospitals over the prefectures by population (largest remainder, at least one each when possible). */
function hospitalsPerPrefecture(count: number): number[] {
  const total = PREFECTURES.reduce((sum, prefecture) => sum + prefecture.populationThousands, 0);
  const guaranteed = count >= PREFECTURES.length ? 1 : 0;
  const spread = count - guaranteed * PREFECTURES.length;
  const exact = PREFECTURES.map((prefecture) => (spread * prefecture.populationThousands) / total);
  const allocation = exact.map((value) => guaranteed + Math.floor(value));
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let k = 0; k < count - allocation.reduce((sum, n) => sum + n, 0); k++) allocation[byRemainder[k].index]++;
  return allocation;
}

export function buildHospitals(count: number, rng: SeededRandom): Hospital[] {
  const hospitals: Hospital[] = [];
  const usedNames = new Set<string>();
  hospitalsPerPrefecture(count).forEach((perPrefecture, prefectureIndex) => {
    const prefecture = PREFECTURES[prefectureIndex];
    for (let k = 0; k < perPrefecture; k++) {
      const address = randomAddress(rng, prefecture);
      const institution = `${String(rng.int(1, 60)).padStart(2, '0')}${String(rng.int(1, 9999)).padStart(4, '0')}`;
      const code = `${prefecture.code}1${institution}${modulus10CheckDigit(institution)}`;
      const place = address.city.replace(/[市区町村].*$/, '') || address.city;
      let name = `${place}${rng.pick(HOSPITAL_SUFFIXES)}`;
      for (let n = 2; usedNames.has(name); n++) name = `${place}第${n}${rng.pick(HOSPITAL_SUFFIXES)}`;
      usedNames.add(name);
      // Large centres do most of the catheter and surgical work; volume is skewed (log-normal).
      const volume = rng.logNormal(1, 2);
      const tertiary = volume > 1.3 || rng.chance(0.3);
      hospitals.push({
        code,
        name,
        address,
        capabilities: { pci: tertiary || rng.chance(0.4), thrombectomy: tertiary ? rng.chance(0.85) : rng.chance(0.2), cardiacSurgery: tertiary && rng.chance(0.6) },
        volume,
        practitioners: Array.from({ length: 3 }, (_, index) => ({ staffId: `D${String(1001 + index * 37)}`, family: rng.pick(SURNAMES), given: rng.pick(rng.chance(0.7) ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES) })),
        nextLocalPatientNumber: rng.int(100000, 900000),
      });
    }
  });
  if (new Set(hospitals.map((hospital) => hospital.code)).size !== hospitals.length) {
    // Codes are random within a prefecture; redraw deterministically on the rare collision.
    return buildHospitals(count, rng.derive('retry'));
  }
  return hospitals;
}

// ---------------------------------------------------------------------------------------------------------------
// Persons
// ---------------------------------------------------------------------------------------------------------------
export interface Insurance {
  insurerNumber: string;
  symbol: string;
  number: string;
  branch: string;
}

export interface Person {
  id: string;
  male: boolean;
  birthDate: string;
  /** Surname as in the family register: sometimes an old kanji form (髙橋, 山﨑, 渡邊 ...). */
  registeredSurname: string;
  surname: NamePart;
  given: NamePart;
  address: Address;
  insurance: Insurance;
  registrations: Map<string, Registration>;
  lastHospitalCode?: string;
  lastDischarge?: number;
  lastDisease?: DiseaseKey;
  alive: boolean;
  admissionCount: number;
}

/** How one hospital has the person on file. */
export interface Registration {
  localPatientId: string;
  surnameKanji: string;
  familyKana: string;
  givenKana: string;
  halfWidthKana: boolean;
  fullWidthAddress: boolean;
  address: Address;
  insuranceRecorded: boolean;
  /** Linkage variants relative to the person's first registration. */
  variants: LinkageVariant[];
}

export type LinkageVariant = 'kana-typo' | 'half-width-kana' | 'full-width-address' | 'kanji-variant' | 'moved' | 'insurance-missing';

export function insuranceFor(rng: SeededRandom, prefecture: Prefecture, age: number): Insurance {
  const digits = (n: number) => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');
  if (age >= 75) {
    // 後期高齢者医療広域連合: law number 39 + prefecture + serial + check; individual number, no symbol.
    const body = `39${prefecture.code}${digits(3)}`;
    return { insurerNumber: body + modulus10CheckDigit(body), symbol: '', number: digits(8), branch: '' };
  }
  if (age >= 65 || rng.chance(0.3)) {
    // 市町村国保: 6-digit insurer number (prefecture + serial + check), written zero-padded to 8 digits.
    const body = `${prefecture.code}${digits(3)}`;
    return { insurerNumber: `00${body}${modulus10CheckDigit(body)}`, symbol: String(rng.int(1, 99)), number: String(rng.int(1, 999999)), branch: rng.pick(['00', '01', '02']) };
  }
  // 全国健康保険協会 (協会けんぽ): law number 01 + prefecture + branch office serial + check.
  const body = `01${prefecture.code}${digits(3)}`;
  return { insurerNumber: body + modulus10CheckDigit(body), symbol: String(rng.int(1000, 99999999)), number: String(rng.int(1, 9999)), branch: rng.pick(['00', '01', '02', '03']) };
}

export function formatInsurance(insurance: Insurance): string {
  return `${insurance.insurerNumber}:${insurance.symbol}:${insurance.number}:${insurance.branch}`;
}

export function createPerson(id: string, rng: SeededRandom, male: boolean, birthDate: string, age: number): Person {
  const surname = rng.pick(SURNAMES);
  const prefecture = weightedPrefecture(rng);
  const registeredSurname = hasOldKanjiForm(surname.kanji) && rng.chance(0.35) ? (oldKanjiForm(surname.kanji, rng) ?? surname.kanji) : surname.kanji;
  return {
    id,
    male,
    birthDate,
    registeredSurname,
    surname,
    given: rng.pick(male ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES),
    address: randomAddress(rng, prefecture),
    insurance: insuranceFor(rng, prefecture, age),
    registrations: new Map(),
    alive: true,
    admissionCount: 0,
  };
}

export interface VariantRates {
  kanaTypo: number;
  halfWidthKana: number;
  fullWidthAddress: number;
  kanjiVariant: number;
  moved: number;
  insuranceMissing: number;
}

export const DEFAULT_VARIANT_RATES: VariantRates = {
  kanaTypo: 0.15,
  halfWidthKana: 0.1,
  fullWidthAddress: 0.1,
  kanjiVariant: 0.6,
  moved: 0.15,
  insuranceMissing: 0.15,
};

/** The person's registration at `hospital`, created on first admission there. Registrations after the first carry
 * linkage variants relative to the first one. */
export function registrationAt(person: Person, hospital: Hospital, rng: SeededRandom, insuranceShare: number, rates: VariantRates): Registration {
  const existing = person.registrations.get(hospital.code);
  if (existing) return existing;
  const localPatientId = String(hospital.nextLocalPatientNumber++);
  const first = person.registrations.values().next().value as Registration | undefined;
  let registration: Registration;
  if (!first) {
    registration = {
      localPatientId,
      surnameKanji: person.registeredSurname,
      familyKana: person.surname.kana,
      givenKana: person.given.kana,
      halfWidthKana: false,
      fullWidthAddress: false,
      address: person.address,
      insuranceRecorded: rng.chance(insuranceShare),
      variants: [],
    };
  } else {
    const variants: LinkageVariant[] = [];
    let familyKana = first.familyKana;
    let givenKana = first.givenKana;
    if (rng.chance(rates.kanaTypo)) {
      const typoInFamily = rng.chance(0.5);
      const changed = typoInFamily ? kanaTypo(familyKana, rng) : kanaTypo(givenKana, rng);
      if (typoInFamily && changed !== familyKana) familyKana = changed;
      if (!typoInFamily && changed !== givenKana) givenKana = changed;
      if (familyKana !== first.familyKana || givenKana !== first.givenKana) variants.push('kana-typo');
    }
    let surnameKanji = first.surnameKanji;
    if (hasOldKanjiForm(person.surname.kanji) && rng.chance(rates.kanjiVariant)) {
      // The other hospital writes the other form: the common form if the first wrote the old one, and vice versa.
      surnameKanji = first.surnameKanji !== person.surname.kanji ? person.surname.kanji : (oldKanjiForm(person.surname.kanji, rng) ?? surnameKanji);
      if (surnameKanji !== first.surnameKanji) variants.push('kanji-variant');
    }
    const halfWidthKana = rng.chance(rates.halfWidthKana);
    if (halfWidthKana) variants.push('half-width-kana');
    const fullWidthAddress = rng.chance(rates.fullWidthAddress);
    if (fullWidthAddress) variants.push('full-width-address');
    if (rng.chance(rates.moved)) {
      // Most moves stay in the prefecture (e.g. to live with family); some cross prefectures.
      person.address = randomAddress(rng, rng.chance(0.7) ? person.address.prefecture : weightedPrefecture(rng));
      variants.push('moved');
    }
    const insuranceRecorded = !rng.chance(rates.insuranceMissing) && rng.chance(insuranceShare);
    if (!insuranceRecorded) variants.push('insurance-missing');
    registration = { localPatientId, surnameKanji, familyKana, givenKana, halfWidthKana, fullWidthAddress, address: person.address, insuranceRecorded, variants };
  }
  person.registrations.set(hospital.code, registration);
  return registration;
}
