// ============================================================================
// medications.fsh — 退院時処方と薬効群 / discharge prescriptions and drug classes
//   Discharge prescriptions are plain JP-CLINS JP_MedicationRequest_eCS (section 444 退院時投薬指示).
//   The registry classifies each prescription into the drug classes the clinical indicators need
//   (antiplatelet, anticoagulant, beta-blocker, ACE-i / ARB / ARNI, statin, MRA, SGLT2-i) from the YJ code:
//     1. YJ code positions 1-7 identify the ingredient (薬価基準収載医薬品コード上7桁 = 薬効分類4桁 + 成分3桁);
//        positions 1-4 are the Japanese therapeutic category (薬効分類).
//     2. A class is assigned by the longest matching prefix in ConceptMap jp-cvd-yj-to-drug-class
//        (4-digit category rules where the whole category belongs to one class, 7-digit ingredient rules
//        elsewhere). The ValueSets jp-cvd-drug-class-* express the same rules as regex filters on the YJ code.
//     3. Prescriptions coded only with the MHLW generic-name code (一般名処方マスタ) are classified through the
//        YJ code of that master row; prescriptions with neither are left unclassified (reported as missing).
//   Prefixes marked "要検証 / to verify" were not verified against the current 薬価基準 master when this IG was
//   written; those without the mark were checked against published package inserts.
// ============================================================================

Profile: JPCVDMedicationRequestDischarge
Parent: $JP_MedicationRequest_eCS
Id: jp-cvd-medicationrequest-discharge
Title: "退院時処方 / Discharge prescription (JP-CVD)"
Description: """
退院時処方。JP-CLINS JP_MedicationRequest_eCS そのもの (追加の必須要素なし)。薬効群分類のため YJ コードの併記を推奨する。
/ A discharge prescription: JP_MedicationRequest_eCS unchanged (no extra required element); a YJ code is recommended so
the registry can classify the drug.
"""
* insert ProfileMeta
* medication[x] only CodeableConcept
* medicationCodeableConcept.coding[codingYJ] MS
* authoredOn MS
* dosageInstruction MS

// ---------------------------------------------------------------------------
// Drug classes
// ---------------------------------------------------------------------------
CodeSystem: JPCVDDrugClassCS
Id: jp-cvd-drug-class
Title: "臨床指標用の薬効群 / Drug classes for clinical indicators"
Description: "退院時処方の臨床指標 (DAPT、β遮断薬・ACE阻害薬/ARB 等) に用いる薬効群。/ Drug classes used by the discharge-medication indicators."
* insert LocalCodeSystem
* ^hierarchyMeaning = #is-a
* #antiplatelet "抗血小板薬"
* insert EN(#antiplatelet, Antiplatelet agent)
* #anticoagulant "抗凝固薬"
* insert EN(#anticoagulant, Oral anticoagulant)
* #beta-blocker "β遮断薬"
* insert EN(#beta-blocker, Beta-blocker)
* #raas-inhibitor "レニン・アンジオテンシン系阻害薬 (ACE阻害薬・ARB・ARNI)"
* insert EN(#raas-inhibitor, ACE inhibitor or ARB or ARNI)
* #raas-inhibitor #acei "ACE阻害薬"
* insert EN(#raas-inhibitor #acei, ACE inhibitor)
* #raas-inhibitor #arb "アンジオテンシンII受容体拮抗薬 (ARB)"
* insert EN(#raas-inhibitor #arb, Angiotensin II receptor blocker)
* #raas-inhibitor #arni "アンジオテンシン受容体ネプリライシン阻害薬 (ARNI)"
* insert EN(#raas-inhibitor #arni, Angiotensin receptor-neprilysin inhibitor)
* #statin "スタチン (HMG-CoA還元酵素阻害薬)"
* insert EN(#statin, Statin)
* #mra "ミネラルコルチコイド受容体拮抗薬 (MRA)"
* insert EN(#mra, Mineralocorticoid receptor antagonist)
* #sglt2i "SGLT2阻害薬"
* insert EN(#sglt2i, SGLT2 inhibitor)

ValueSet: JPCVDDrugClassVS
Id: jp-cvd-drug-class
Title: "薬効群 / Drug classes"
Description: "臨床指標用の薬効群。/ Drug classes."
* insert LocalValueSet
* include codes from system JPCVDDrugClassCS

// One ValueSet per class: regex filters over the YJ code (the same prefixes as the ConceptMap).
ValueSet: JPCVDAntiplateletYJVS
Id: jp-cvd-drug-class-antiplatelet
Title: "抗血小板薬 (YJ) / Antiplatelet agents by YJ code"
Description: "アスピリン 3399007、クロピドグレル 3399008、プラスグレル 3399009、クロピドグレル・アスピリン配合 3399101、シロスタゾール 3399002 (要検証)、チカグレロル 3399012 (要検証)。/ Antiplatelet YJ prefixes."
* insert LocalValueSet
* include codes from system $YJ where code regex "^(3399007|3399008|3399009|3399101|3399002|3399012).*"

ValueSet: JPCVDAnticoagulantYJVS
Id: jp-cvd-drug-class-anticoagulant
Title: "抗凝固薬 (YJ) / Oral anticoagulants by YJ code"
Description: "薬効分類 3332 (ワルファリン) と 3339 (その他の血液凝固阻止剤: ダビガトラン・リバーロキサバン・アピキサバン・エドキサバン) (要検証)。/ Category 3332 (warfarin) and 3339 (DOACs) (to verify)."
* insert LocalValueSet
* include codes from system $YJ where code regex "^(3332|3339).*"

ValueSet: JPCVDBetaBlockerYJVS
Id: jp-cvd-drug-class-beta-blocker
Title: "β遮断薬 (YJ) / Beta-blockers by YJ code"
Description: "薬効分類 2123 (β遮断剤; ビソプロロール 2123016 を含む) とカルベジロール 2149032 (要検証)。/ Category 2123 (incl. bisoprolol 2123016) and carvedilol 2149032 (to verify)."
* insert LocalValueSet
* include codes from system $YJ where code regex "^(2123|2149032).*"

ValueSet: JPCVDRAASInhibitorYJVS
Id: jp-cvd-drug-class-raas-inhibitor
Title: "ACE阻害薬・ARB・ARNI (YJ) / ACE-i, ARB, ARNI by YJ code"
Description: "ACE阻害薬 2144 (要検証)、カンデサルタン 2149040、バルサルタン 2149041・テルミサルタン 2149042・オルメサルタン 2149044・イルベサルタン 2149046・アジルサルタン 2149048 (要検証)、ARB 配合剤 2149110〜2149119 (要検証)、サクビトリルバルサルタン 2190034 (要検証)。/ RAAS inhibitor YJ prefixes."
* insert LocalValueSet
* include codes from system $YJ where code regex "^(2144|2149040|2149041|2149042|2149044|2149046|2149048|214911[0-9]|2190034).*"

ValueSet: JPCVDStatinYJVS
Id: jp-cvd-drug-class-statin
Title: "スタチン (YJ) / Statins by YJ code"
Description: "アトルバスタチン 2189015、プラバスタチン 2189010・シンバスタチン 2189011・フルバスタチン 2189012・ピタバスタチン 2189016・ロスバスタチン 2189017 (要検証)。/ Statin YJ prefixes."
* insert LocalValueSet
* include codes from system $YJ where code regex "^(2189015|2189010|2189011|2189012|2189016|2189017).*"

ValueSet: JPCVDMRAYJVS
Id: jp-cvd-drug-class-mra
Title: "MRA (YJ) / Mineralocorticoid receptor antagonists by YJ code"
Description: "スピロノラクトン等 2133 (抗アルドステロン剤)、エプレレノン 2149043・エサキセレノン 2149049 (要検証)。/ MRA YJ prefixes (to verify)."
* insert LocalValueSet
* include codes from system $YJ where code regex "^(2133|2149043|2149049).*"

ValueSet: JPCVDSGLT2iYJVS
Id: jp-cvd-drug-class-sglt2i
Title: "SGLT2阻害薬 (YJ) / SGLT2 inhibitors by YJ code"
Description: "ダパグリフロジン 3969019、イプラグリフロジン 3969014・トホグリフロジン 3969016・ルセオグリフロジン 3969017・カナグリフロジン 3969018・エンパグリフロジン 3969020 (要検証)。/ SGLT2-i YJ prefixes."
* insert LocalValueSet
* include codes from system $YJ where code regex "^(3969019|3969014|3969016|3969017|3969018|3969020).*"

RuleSet: YJMap(prefix, name, class, verified)
* group[0].element[+].code = #{prefix}
* group[0].element[=].display = "{name}"
* group[0].element[=].target[0].code = #{class}
* group[0].element[=].target[0].equivalence = #wider
* group[0].element[=].target[0].comment = "{verified}"

Instance: jp-cvd-yj-to-drug-class
InstanceOf: ConceptMap
Usage: #definition
Title: "YJ コード (先頭桁) から薬効群へ / YJ code prefix to drug class"
Description: """
YJ コードの先頭 4 桁 (薬効分類) または 7 桁 (成分) を薬効群に対応付ける。element.code は YJ コードの前方一致キー
(完全な YJ コードではない) で、最長一致の行を採用する。/ Maps YJ-code prefixes (4-digit therapeutic category or
7-digit ingredient) to drug classes. element.code is a prefix key, not a full YJ code: the longest matching prefix wins.
"""
* url = "http://jp-cvd-registry.org/fhir/ConceptMap/jp-cvd-yj-to-drug-class"
* name = "JPCVDYJToDrugClass"
* status = #draft
* experimental = false
* targetCanonical = Canonical(JPCVDDrugClassVS)
* group[0].source = $YJ
* group[0].target = Canonical(JPCVDDrugClassCS)
* insert YJMap(3399007, アスピリン, antiplatelet, verified)
* insert YJMap(3399008, クロピドグレル, antiplatelet, verified)
* insert YJMap(3399009, プラスグレル, antiplatelet, verified)
* insert YJMap(3399101, クロピドグレル・アスピリン配合, antiplatelet, verified)
* insert YJMap(3399002, シロスタゾール, antiplatelet, 要検証 / to verify)
* insert YJMap(3399012, チカグレロル, antiplatelet, 要検証 / to verify)
* insert YJMap(3332, ワルファリン等 薬効分類 3332, anticoagulant, 要検証 / to verify)
* insert YJMap(3339, DOAC 等 薬効分類 3339, anticoagulant, 要検証 / to verify)
* insert YJMap(2123, β遮断剤 薬効分類 2123, beta-blocker, verified bisoprolol 2123016)
* insert YJMap(2149032, カルベジロール, beta-blocker, 要検証 / to verify)
* insert YJMap(2144, ACE阻害剤 薬効分類 2144, acei, 要検証 / to verify)
* insert YJMap(2149040, カンデサルタン, arb, verified)
* insert YJMap(2149041, バルサルタン, arb, 要検証 / to verify)
* insert YJMap(2149042, テルミサルタン, arb, 要検証 / to verify)
* insert YJMap(2149044, オルメサルタン, arb, 要検証 / to verify)
* insert YJMap(2149046, イルベサルタン, arb, 要検証 / to verify)
* insert YJMap(2149048, アジルサルタン, arb, 要検証 / to verify)
* insert YJMap(2190034, サクビトリルバルサルタン, arni, 要検証 / to verify)
* insert YJMap(2189015, アトルバスタチン, statin, verified)
* insert YJMap(2189010, プラバスタチン, statin, 要検証 / to verify)
* insert YJMap(2189011, シンバスタチン, statin, 要検証 / to verify)
* insert YJMap(2189012, フルバスタチン, statin, 要検証 / to verify)
* insert YJMap(2189016, ピタバスタチン, statin, 要検証 / to verify)
* insert YJMap(2189017, ロスバスタチン, statin, 要検証 / to verify)
* insert YJMap(2133, 抗アルドステロン剤 薬効分類 2133, mra, 要検証 / to verify)
* insert YJMap(2149043, エプレレノン, mra, 要検証 / to verify)
* insert YJMap(2149049, エサキセレノン, mra, 要検証 / to verify)
* insert YJMap(3969019, ダパグリフロジン, sglt2i, verified)
* insert YJMap(3969014, イプラグリフロジン, sglt2i, 要検証 / to verify)
* insert YJMap(3969016, トホグリフロジン, sglt2i, 要検証 / to verify)
* insert YJMap(3969017, ルセオグリフロジン, sglt2i, 要検証 / to verify)
* insert YJMap(3969018, カナグリフロジン, sglt2i, 要検証 / to verify)
* insert YJMap(3969020, エンパグリフロジン, sglt2i, 要検証 / to verify)
