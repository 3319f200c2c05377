import { describe, expect, it } from 'vitest';
import { linkageSettings } from '../../src/config.js';
import { blockingKeys, linkInMemory } from '../../src/registry/linkage/blocking.js';
import { normaliseIdentifier, normaliseKana, normaliseKanji, normalisePostalCode } from '../../src/registry/linkage/normalise.js';
import { linkageRecord, type LinkageRecord } from '../../src/registry/linkage/record.js';
import { gradeOf, nameSimilarity, scorePair } from '../../src/registry/linkage/score.js';

const settings = linkageSettings({});
const SYL = { url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation', valueCode: 'SYL' };
const IDE = { url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation', valueCode: 'IDE' };
const INSURANCE = 'http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID';

function patient(overrides: { hospital?: string; kana?: [string, string]; kanji?: [string, string]; birthDate?: string; gender?: 'male' | 'female'; postalCode?: string; insurance?: string } = {}): fhir4.Patient {
  const [kanaFamily, kanaGiven] = overrides.kana ?? ['タカハシ', 'ユウコ'];
  const [kanjiFamily, kanjiGiven] = overrides.kanji ?? ['高橋', '裕子'];
  return {
    resourceType: 'Patient',
    identifier: [
      { system: `urn:oid:1.2.392.100495.20.3.51.1${overrides.hospital ?? '1310000001'}`, value: '100001' },
      ...(overrides.insurance ? [{ system: INSURANCE, value: overrides.insurance }] : []),
    ],
    name: [
      { extension: [IDE], family: kanjiFamily, given: [kanjiGiven] },
      { extension: [SYL], family: kanaFamily, given: [kanaGiven] },
    ],
    gender: overrides.gender ?? 'female',
    birthDate: overrides.birthDate ?? '1948-03-15',
    address: [{ postalCode: overrides.postalCode ?? '160-0023' }],
  };
}

const record = (overrides: Parameters<typeof patient>[0] = {}, id = 'x'): LinkageRecord => linkageRecord(patient(overrides), id);

describe('linkage normalisation', () => {
  it('folds half-width katakana, hiragana, spaces and small kana to one kana form', () => {
    expect(normaliseKana('ﾀｶﾊｼ ﾕｳｺ')).toBe(normaliseKana('タカハシ　ユウコ'));
    expect(normaliseKana('たかはし ゆうこ')).toBe(normaliseKana('タカハシ ユウコ'));
    expect(normaliseKana('キョウコ')).toBe(normaliseKana('キヨウコ'));
    expect(normaliseKana('ｷｮｳｺ')).toBe('キヨコ');
  });

  it('spells long vowels one way (オオタ / オータ, ユウコ / ユーコ, コウジ / コージ)', () => {
    expect(normaliseKana('オータ')).toBe(normaliseKana('オオタ'));
    expect(normaliseKana('ユーコ')).toBe(normaliseKana('ユウコ'));
    expect(normaliseKana('コージ')).toBe(normaliseKana('コウジ'));
    expect(normaliseKana('ケイコ')).toBe(normaliseKana('ケーコ'));
    // A vowel that starts a new syllable stays: アイ is not ア.
    expect(normaliseKana('アイコ')).toBe('アイコ');
  });

  it('unifies homophone kana (ヂ/ジ, ヅ/ズ, ヱ/エ)', () => {
    expect(normaliseKana('フジタ')).toBe(normaliseKana('フヂタ'));
    expect(normaliseKana('ミズノ')).toBe(normaliseKana('ミヅノ'));
    expect(normaliseKana('ウエダ')).toBe(normaliseKana('ウヱダ'));
  });

  it('maps old and variant kanji to the common form and drops spaces', () => {
    expect(normaliseKanji('髙橋 裕子')).toBe('高橋裕子');
    expect(normaliseKanji('山﨑')).toBe('山崎');
    expect(normaliseKanji('渡邊')).toBe(normaliseKanji('渡邉'));
    expect(normaliseKanji('渡邊')).toBe('渡辺');
    expect(normaliseKanji('齋藤')).toBe(normaliseKanji('斉藤'));
    expect(normaliseKanji('澤田　廣')).toBe('沢田広');
    expect(normaliseKanji('濱口')).toBe('浜口');
    expect(normaliseKanji('國分')).toBe('国分');
  });

  it('reads postal codes and identifiers written with full-width digits', () => {
    expect(normalisePostalCode('１６０－００２３')).toBe('1600023');
    expect(normalisePostalCode('〒160-0023')).toBe('1600023');
    expect(normalisePostalCode('160')).toBeUndefined();
    expect(normaliseIdentifier('３９１３１２３４:: １２３４５６７８ :')).toBe('39131234::12345678:');
  });
});

describe('linkage record', () => {
  it('takes the kana (SYL) and kanji (IDE) names, insurance number, hospital and postal code of a JP-CLINS Patient', () => {
    const one = record({ insurance: '39131234::12345678:', kanji: ['髙橋', '裕子'], kana: ['ﾀｶﾊｼ', 'ﾕｳｺ'] }, 'p1');
    expect(one).toEqual({
      id: 'p1',
      hospitalCode: '1310000001',
      insurance: '39131234::12345678:',
      kana: 'タカハシユコ',
      kanji: '高橋裕子',
      birthDate: '1948-03-15',
      gender: 'female',
      postalCode: '1600023',
    });
  });
});

describe('linkage scoring', () => {
  it('equal insurance numbers decide: score 1, certain, whatever the names say', () => {
    const scored = scorePair(record({ insurance: '01130012:1234:56:00' }), record({ insurance: '01130012:1234:56:00', kana: ['スズキ', 'イチロウ'], postalCode: '900-0001' }), settings);
    expect(scored).toEqual({ score: 1, grade: 'certain', method: 'insurance' });
  });

  it('the same person written with variants (half-width kana, old kanji, full-width postal code) is certain', () => {
    const scored = scorePair(record(), record({ kana: ['ﾀｶﾊｼ', 'ﾕｰｺ'], kanji: ['髙橋', '裕子'], postalCode: '１６０－００２３' }), settings);
    expect(scored).toMatchObject({ score: 1, grade: 'certain', method: 'score' });
  });

  it('a kana typo leaves the pair certain; a typo plus a move makes it probable only (for an operator to review)', () => {
    const typo = scorePair(record(), record({ kana: ['タカハシ', 'ユウゴ'] }), settings);
    expect(typo.grade).toBe('certain');
    expect(typo.score).toBeLessThan(1);
    const typoAndMove = scorePair(record(), record({ kana: ['タカハシ', 'ユウゴ'], postalCode: '530-0001' }), settings);
    // 0.35 × 5/6 (one kana edit in six) + birth date, sex and kanji name, no postal agreement.
    expect(typoAndMove.score).toBeCloseTo(0.792, 3);
    expect(typoAndMove.grade).toBe('probable');
  });

  it('a move within the same 3-digit postal area costs less than a move elsewhere', () => {
    const near = scorePair(record(), record({ postalCode: '160-0099' }), settings).score;
    const far = scorePair(record(), record({ postalCode: '530-0001' }), settings).score;
    expect(near).toBeGreaterThan(far);
    expect(far).toBeCloseTo(0.85, 3);
  });

  it('different insurance numbers lower the score by the configured penalty', () => {
    const base = scorePair(record({ postalCode: '530-0001' }), record(), settings);
    const conflicting = scorePair(record({ postalCode: '530-0001', insurance: '01130012:1:1:00' }), record({ insurance: '01130012:1:2:00' }), settings);
    expect(conflicting.score).toBeCloseTo(base.score - settings.insuranceConflictPenalty, 3);
    expect(conflicting.grade).toBe('possible');
  });

  it('a different person born the same day is certainly-not', () => {
    const scored = scorePair(record(), record({ kana: ['ヤマモト', 'タロウ'], kanji: ['山本', '太郎'], gender: 'male', postalCode: '900-0001' }), settings);
    expect(scored.grade).toBe('certainly-not');
  });

  it('name similarity is 1 for equal forms and falls with each edit', () => {
    expect(nameSimilarity('タカハシ', 'タカハシ')).toBe(1);
    expect(nameSimilarity('タカハシ', 'タカハツ')).toBe(0.75);
    expect(nameSimilarity('', 'タカハシ')).toBe(0.5);
  });

  it('grades by the configured thresholds', () => {
    const strict = linkageSettings({ LINKAGE_CERTAIN_SCORE: '0.99', LINKAGE_PROBABLE_SCORE: '0.9', LINKAGE_POSSIBLE_SCORE: '0.7' });
    expect(gradeOf(0.95, settings)).toBe('certain');
    expect(gradeOf(0.95, strict)).toBe('probable');
    expect(gradeOf(0.75, strict)).toBe('possible');
    expect(gradeOf(0.5, strict)).toBe('certainly-not');
    expect(() => linkageSettings({ LINKAGE_CERTAIN_SCORE: '0.5' })).toThrow(/LINKAGE_POSSIBLE_SCORE <= LINKAGE_PROBABLE_SCORE <= LINKAGE_CERTAIN_SCORE/);
    expect(() => linkageSettings({ LINKAGE_PROBABLE_SCORE: '2' })).toThrow(/from 0 to 1/);
  });
});

describe('in-memory linkage with blocking', () => {
  it('blocks on birth date, kana name with birth year, and a personal insurance number', () => {
    expect(blockingKeys(record({ insurance: '39131234::12345678:' }))).toEqual(['birth|1948-03-15', 'kana|タカハシユコ|1948', 'insurance|39131234::12345678:']);
    // An insurer number without the member number identifies no one.
    expect(blockingKeys(record({ insurance: '39131234:::' }))).toEqual(['birth|1948-03-15', 'kana|タカハシユコ|1948']);
  });

  it('links the records of one person and compares only records sharing a key', () => {
    const records = [
      record({}, 'a1'),
      record({ kana: ['ﾀｶﾊｼ', 'ﾕｳｺ'], kanji: ['髙橋', '裕子'], hospital: '2710000002' }, 'a2'),
      record({ birthDate: '1948-03-16', kana: ['タカハシ', 'ユウコ'], postalCode: '160-0023' }, 'a3'),
      record({ birthDate: '1960-01-01', kana: ['サトウ', 'ジロウ'], kanji: ['佐藤', '次郎'], gender: 'male' }, 'b1'),
    ];
    const { links, comparisons } = linkInMemory(records, settings);
    // a3's birth day differs: found through the kana-name block, scored below certain (a typed day is no proof).
    expect(links.map((link) => [link.a, link.b])).toEqual([['a1', 'a2']]);
    expect(comparisons).toBe(3);
  });
});
