/**
 * Discharge drugs with YJ codes (薬価基準収載医薬品コード, 12 characters). Positions 1-4 are the Japanese therapeutic
 * category (薬効分類) and 1-7 the ingredient; the 7-digit prefixes are the ones the IG's ConceptMap
 * jp-cvd-yj-to-drug-class (input/fsh/medications.fsh) classifies, so every generated prescription lands in the
 * intended indicator class. Categories: 3399 antiplatelet (その他の血液・体液用薬), 3332 warfarin (クマリン系),
 * 3339 DOACs (その他の血液凝固阻止剤), 2123 β-blockers (β遮断剤), but carvedilol 2149 (血圧降下剤), 2144 ACE
 * inhibitors, 2149 ARBs and eplerenone, 2190 sacubitril/valsartan (その他の循環器官用薬), 2189 statins
 * (その他の高脂血症用剤), 2133 spironolactone (抗アルドステロン剤), 3969 SGLT2 inhibitors (その他の糖尿病用剤),
 * 2139 furosemide (その他の利尿剤), 2171 amlodipine (冠血管拡張剤), 2329 PPIs (その他の消化性潰瘍用剤).
 * Positions 8-12 (dosage form, strength, brand and check character) are representative and were not looked up in
 * the current 薬価基準 master.
 */

export type DrugClass =
  | 'antiplatelet'
  | 'anticoagulant'
  | 'beta-blocker'
  | 'acei'
  | 'arb'
  | 'arni'
  | 'statin'
  | 'mra'
  | 'sglt2i'
  | 'loop-diuretic'
  | 'calcium-channel-blocker'
  | 'proton-pump-inhibitor';

export interface Drug {
  yjCode: string;
  name: string;
  drugClass: DrugClass;
  tabletsPerDose: number;
  timesPerDay: 1 | 2;
  usageText: string;
}

const ONCE = '1日1回朝食後';
const TWICE = '1日2回朝夕食後';

const drug = (yjCode: string, name: string, drugClass: DrugClass, timesPerDay: 1 | 2 = 1, tabletsPerDose = 1): Drug => ({
  yjCode,
  name,
  drugClass,
  tabletsPerDose,
  timesPerDay,
  usageText: timesPerDay === 1 ? ONCE : TWICE,
});

export const DRUGS = {
  aspirin: drug('3399007H1021', 'バイアスピリン錠100mg', 'antiplatelet'),
  clopidogrel: drug('3399008F2026', 'クロピドグレル錠75mg', 'antiplatelet'),
  prasugrel: drug('3399009F1022', 'エフィエント錠3.75mg', 'antiplatelet'),
  warfarin: drug('3332001F1012', 'ワーファリン錠1mg', 'anticoagulant', 1, 3),
  edoxaban: drug('3339002F2024', 'リクシアナ錠30mg', 'anticoagulant'),
  apixaban: drug('3339004F2020', 'エリキュース錠5mg', 'anticoagulant', 2),
  bisoprolol: drug('2123016F2026', 'ビソプロロールフマル酸塩錠2.5mg', 'beta-blocker'),
  carvedilol: drug('2149032F1020', 'カルベジロール錠2.5mg', 'beta-blocker', 2),
  enalapril: drug('2144002F2024', 'エナラプリルマレイン酸塩錠5mg', 'acei'),
  candesartan: drug('2149040F2022', 'カンデサルタン錠8mg', 'arb'),
  azilsartan: drug('2149048F1023', 'アジルバ錠20mg', 'arb'),
  sacubitrilValsartan: drug('2190034F2028', 'エンレスト錠100mg', 'arni', 2),
  atorvastatin: drug('2189015F1027', 'アトルバスタチン錠10mg', 'statin'),
  rosuvastatin: drug('2189017F1026', 'ロスバスタチン錠2.5mg', 'statin'),
  spironolactone: drug('2133001F1024', 'スピロノラクトン錠25mg', 'mra'),
  eplerenone: drug('2149043F1021', 'セララ錠25mg', 'mra'),
  dapagliflozin: drug('3969019F2024', 'フォシーガ錠10mg', 'sglt2i'),
  empagliflozin: drug('3969020F1027', 'ジャディアンス錠10mg', 'sglt2i'),
  furosemide: drug('2139005F1029', 'フロセミド錠20mg', 'loop-diuretic'),
  amlodipine: drug('2171022F1021', 'アムロジピン錠5mg', 'calcium-channel-blocker'),
  lansoprazole: drug('2329023F2020', 'ランソプラゾールOD錠15mg', 'proton-pump-inhibitor'),
} as const satisfies Record<string, Drug>;

export type DrugKey = keyof typeof DRUGS;
