/**
 * How each kind of generated observation is coded: IG profile, category, code (LOINC / SNOMED CT / JLAC10 where
 * the IG uses them, the IG's local jp-cvd-observation code otherwise), and the code system and displays of coded
 * values. Mirrors input/fsh/observations.fsh.
 */
import { IG_CODE_SYSTEM, IG_PROFILE, SYSTEM } from './canonical.js';
import type { ObservationKind } from './model.js';

export interface ObservationCoding {
  /** Registry IG profile; undefined where the IG has none (the JP-CLINS common profile is used alone). */
  profile?: string;
  category: 'survey' | 'exam' | 'imaging' | 'laboratory' | 'procedure';
  code: fhir4.Coding[];
  text: string;
  valueSystem?: string;
  valueDisplays?: Readonly<Record<string, string>>;
  /** UCUM unit of quantity values. */
  unit?: string;
}

const local = (code: string, display: string): fhir4.Coding => ({ system: IG_CODE_SYSTEM.observation, code, display });

export const OBSERVATION_CODING: Readonly<Record<ObservationKind, ObservationCoding>> = {
  nihss: { profile: IG_PROFILE.observation.nihss, category: 'survey', code: [{ system: SYSTEM.loinc, code: '72089-6', display: 'Total score [NIHSS]' }], text: 'NIHSS' },
  mrs: { profile: IG_PROFILE.observation.mrs, category: 'survey', code: [{ system: SYSTEM.loinc, code: '75859-9', display: 'Modified Rankin Scale' }], text: 'modified Rankin Scale' },
  gcs: { profile: IG_PROFILE.observation.gcs, category: 'survey', code: [{ system: SYSTEM.loinc, code: '9269-2', display: 'Glasgow coma score total' }], text: 'GCS 合計' },
  jcs: {
    profile: IG_PROFILE.observation.jcs,
    category: 'survey',
    code: [local('jcs', 'Japan Coma Scale (JCS)')],
    text: 'JCS',
    valueSystem: IG_CODE_SYSTEM.jcs,
    valueDisplays: {
      '0': '0: 意識清明',
      '1': 'I-1: だいたい清明だが今ひとつはっきりしない',
      '2': 'I-2: 見当識障害がある',
      '3': 'I-3: 自分の名前・生年月日が言えない',
      '10': 'II-10: 普通の呼びかけで容易に開眼する',
      '20': 'II-20: 大きな声または体をゆさぶることにより開眼する',
      '30': 'II-30: 痛み刺激を加えつつ呼びかけを繰り返すと辛うじて開眼する',
      '100': 'III-100: 痛み刺激に対し払いのけるような動作をする',
      '200': 'III-200: 痛み刺激で少し手足を動かしたり顔をしかめる',
      '300': 'III-300: 痛み刺激に反応しない',
    },
  },
  wfns: {
    profile: IG_PROFILE.observation.wfns,
    category: 'survey',
    code: [local('wfns', 'WFNS 分類 (くも膜下出血)')],
    text: 'WFNS 分類',
    valueSystem: IG_CODE_SYSTEM.wfns,
    valueDisplays: {
      I: 'Grade I: GCS 15, 局所神経症状なし',
      II: 'Grade II: GCS 14-13, 局所神経症状なし',
      III: 'Grade III: GCS 14-13, 局所神経症状あり',
      IV: 'Grade IV: GCS 12-7',
      V: 'Grade V: GCS 6-3',
    },
  },
  huntKosnik: {
    profile: IG_PROFILE.observation.huntKosnik,
    category: 'survey',
    code: [local('hunt-kosnik', 'Hunt and Kosnik 分類')],
    text: 'Hunt and Kosnik 分類',
    valueSystem: IG_CODE_SYSTEM.huntKosnik,
    valueDisplays: {
      I: 'Grade I: 無症状か軽度の頭痛・項部硬直',
      II: 'Grade II: 中等度〜重度の頭痛・項部硬直、脳神経麻痺以外の神経学的失調なし',
      III: 'Grade III: 傾眠・錯乱・軽度の局所神経症状',
      IV: 'Grade IV: 昏迷・中等度〜重篤な片麻痺',
      V: 'Grade V: 深昏睡・除脳硬直',
    },
  },
  fisher: {
    profile: IG_PROFILE.observation.fisher,
    category: 'imaging',
    code: [local('fisher', 'Fisher 分類 (CT)')],
    text: 'Fisher 分類',
    valueSystem: IG_CODE_SYSTEM.fisher,
    valueDisplays: {
      '1': 'Group 1: 出血なし',
      '2': 'Group 2: びまん性の薄い出血 (厚さ1mm未満)',
      '3': 'Group 3: 限局した血腫または厚い出血 (1mm以上)',
      '4': 'Group 4: 脳内・脳室内血腫を伴う',
    },
  },
  killip: {
    profile: IG_PROFILE.observation.killip,
    category: 'exam',
    code: [local('killip', 'Killip 分類')],
    text: 'Killip 分類',
    valueSystem: IG_CODE_SYSTEM.killip,
    valueDisplays: { I: 'Class I: 心不全徴候なし', II: 'Class II: 軽度〜中等度心不全 (ラ音が肺野の50%未満)', III: 'Class III: 重症心不全・肺水腫', IV: 'Class IV: 心原性ショック' },
  },
  acsType: {
    profile: IG_PROFILE.observation.acsType,
    category: 'exam',
    code: [local('acs-type', '急性冠症候群の病型 (STEMI/NSTEMI/不安定狭心症)')],
    text: '急性冠症候群の病型',
    valueSystem: IG_CODE_SYSTEM.acsType,
    valueDisplays: { STEMI: 'ST上昇型急性心筋梗塞', NSTEMI: '非ST上昇型急性心筋梗塞', UA: '不安定狭心症' },
  },
  stanford: {
    profile: IG_PROFILE.observation.stanford,
    category: 'imaging',
    code: [local('stanford', 'Stanford 分類')],
    text: 'Stanford 分類',
    valueSystem: IG_CODE_SYSTEM.stanford,
    valueDisplays: { A: 'Stanford A型: 上行大動脈に解離あり', B: 'Stanford B型: 上行大動脈に解離なし' },
  },
  debakey: {
    profile: IG_PROFILE.observation.debakey,
    category: 'imaging',
    code: [local('debakey', 'DeBakey 分類')],
    text: 'DeBakey 分類',
    valueSystem: IG_CODE_SYSTEM.debakey,
    valueDisplays: {
      I: 'I型: 上行大動脈から弓部以遠に及ぶ',
      II: 'II型: 上行大動脈に限局',
      IIIa: 'IIIa型: 下行大動脈 (横隔膜上に限局)',
      IIIb: 'IIIb型: 下行大動脈 (横隔膜下に及ぶ)',
    },
  },
  nyha: {
    profile: IG_PROFILE.observation.nyha,
    category: 'exam',
    code: [local('nyha', 'NYHA 心機能分類'), { system: SYSTEM.snomed, code: '762994006', display: 'New York Heart Association Classification' }],
    text: 'NYHA 心機能分類',
    valueSystem: SYSTEM.snomed,
    // Values are SNOMED CT concepts; the generator's NYHA class is mapped in the Bundle builder.
    valueDisplays: {
      '420300004': 'New York Heart Association Classification - Class I',
      '421704003': 'New York Heart Association Classification - Class II',
      '420913000': 'New York Heart Association Classification - Class III',
      '422293003': 'New York Heart Association Classification - Class IV',
    },
  },
  lvef: { profile: IG_PROFILE.observation.lvef, category: 'imaging', code: [{ system: SYSTEM.loinc, code: '10230-1', display: 'Left ventricular Ejection fraction' }], text: '左室駆出率', unit: '%' },
  toast: {
    profile: IG_PROFILE.observation.toast,
    category: 'exam',
    code: [local('toast', 'TOAST 分類 (脳梗塞病型)')],
    text: 'TOAST 分類',
    valueSystem: IG_CODE_SYSTEM.toast,
    valueDisplays: { LAA: 'アテローム血栓性脳梗塞 (大血管アテローム硬化)', CE: '心原性脳塞栓症', SVO: 'ラクナ梗塞 (小血管閉塞)', OC: 'その他の原因確定', UD: '原因不明' },
  },
  mtici: {
    profile: IG_PROFILE.observation.mtici,
    category: 'procedure',
    code: [local('mtici', 'mTICI 再灌流グレード')],
    text: 'mTICI',
    valueSystem: IG_CODE_SYSTEM.mtici,
    valueDisplays: {
      '0': '0: 再灌流なし',
      '1': '1: 閉塞部を越える造影はあるが末梢の灌流なし',
      '2a': '2a: 灌流域の50%未満の再灌流',
      '2b': '2b: 灌流域の50%以上の再灌流',
      '2c': '2c: ほぼ完全な再灌流 (末梢の遅延のみ)',
      '3': '3: 完全再灌流',
    },
  },
  aspects: { profile: IG_PROFILE.observation.aspects, category: 'imaging', code: [local('aspects', 'ASPECTS')], text: 'ASPECTS' },
  hematomaVolume: { profile: IG_PROFILE.observation.hematomaVolume, category: 'imaging', code: [local('hematoma-volume', '血腫量')], text: '血腫量', unit: 'mL' },
  bnp: {
    profile: IG_PROFILE.observation.bnp,
    category: 'laboratory',
    code: [
      { system: SYSTEM.jlac10CoreLabo, code: '4Z271000002205101', display: 'BNP' },
      { system: SYSTEM.loinc, code: '30934-4', display: 'Natriuretic peptide B [Mass/volume] in Serum or Plasma' },
    ],
    text: 'BNP',
    unit: 'pg/mL',
  },
  ntProBnp: {
    profile: IG_PROFILE.observation.ntProBnp,
    category: 'laboratory',
    code: [
      { system: SYSTEM.jlac10CoreLabo, code: '4Z272000002305301', display: 'NT-proBNP' },
      { system: SYSTEM.loinc, code: '33762-6', display: 'Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma' },
    ],
    text: 'NT-proBNP',
    unit: 'pg/mL',
  },
  troponin: {
    profile: IG_PROFILE.observation.troponin,
    category: 'laboratory',
    code: [
      { system: SYSTEM.loinc, code: '89579-7', display: 'Troponin I.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method' },
      local('troponin', '心筋トロポニン'),
    ],
    text: '高感度心筋トロポニンI (最高値)',
    unit: 'ng/L',
  },
  creatineKinase: { category: 'laboratory', code: [{ system: SYSTEM.jlac10CoreLabo, code: '3B010000002327201', display: 'CK' }], text: 'CK (最高値)', unit: 'U/L' },
  dDimer: { category: 'laboratory', code: [{ system: SYSTEM.jlac10CoreLabo, code: '2B140000002205201', display: 'DD' }], text: 'Dダイマー', unit: 'ug/mL' },
};

/** NYHA class (I–IV) as the SNOMED CT value the IG's NYHA value set uses. */
export const NYHA_SNOMED: Readonly<Record<string, string>> = { I: '420300004', II: '421704003', III: '420913000', IV: '422293003' };
