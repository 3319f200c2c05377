// ============================================================================
// bundle-composition.fsh — 退院時サマリー文書 / the discharge-summary document
//   Registry Bundle and Composition profiles *derived from* JP-CLINS JP_Bundle_eDischargeSummary and
//   JP_Composition_eDischargeSummary. Least-burden rule: a hospital's plain JP-CLINS discharge summary of a
//   registry disease conforms; the registry adds only
//     - the inclusion rule (a Condition with an ICD-10 code of the six diseases, jp-cvd-bdl-1),
//     - the JP-CLINS rules that JP-CLINS states in prose but does not enforce (jp-cvd-bdl-2, -3),
//     - guidance on which JP-CLINS section carries each registry item (no new section is needed).
// ============================================================================

Invariant: jp-cvd-bdl-1
Description: "登録対象6疾患のいずれかの ICD-10 コードを持つ Condition を含む。/ At least one Condition has an ICD-10 code of the six registry diseases."
Severity: #error
Expression: "entry.resource.ofType(Condition).code.coding.where(system = 'http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full' and (code.matches('^I6[013][0-9]$') or code = 'I200' or code.matches('^I2[124][0-9]$') or code = 'I710' or code = 'I500' or code = 'I501' or code = 'I509' or code = 'I110' or code = 'I130' or code = 'I132')).exists()"

Invariant: jp-cvd-bdl-2
Description: "すべての entry.fullUrl は urn:uuid: 形式 (JP-CLINS 規定)。/ Every entry.fullUrl is a urn:uuid: (JP-CLINS rule)."
Severity: #error
Expression: "entry.all(fullUrl.exists() and fullUrl.startsWith('urn:uuid:'))"

Invariant: jp-cvd-bdl-3
Description: "Bundle.identifier.value は 医療機関番号10桁^西暦年4桁^36文字以内の文書番号 (JP-CLINS 規定)。/ identifier.value is <10-digit institution no>^<yyyy>^<up to 36 characters>."
Severity: #error
Expression: "identifier.value.matches('^[0-9]{10}\\\\^[0-9]{4}\\\\^[^\\\\^]{1,36}$')"

Invariant: jp-cvd-bdl-4
Description: "退院時診断セクション (344) が登録対象疾患の Condition を参照することが望ましい。/ The discharge-diagnosis section (344) should reference a registry-disease Condition."
Severity: #warning
Expression: "entry.where(resource is Condition and resource.code.coding.where(system = 'http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full' and (code.matches('^I6[013][0-9]$') or code = 'I200' or code.matches('^I2[124][0-9]$') or code = 'I710' or code = 'I500' or code = 'I501' or code = 'I509' or code = 'I110' or code = 'I130' or code = 'I132')).exists()).fullUrl.intersect(entry.resource.ofType(Composition).section.section.where(code.coding.code = '344').entry.reference).exists()"

Profile: JPCVDCompositionDischargeSummary
Parent: $JP_Composition_eDischargeSummary
Id: jp-cvd-composition-discharge-summary
Title: "退院時サマリー (循環器病登録) / Discharge summary Composition (JP-CVD)"
Description: """
JP-CLINS 退院時サマリー Composition に、登録項目の置き場所の指定を加えたもの。新しいセクションは追加しない。
/ The JP-CLINS discharge-summary Composition with guidance on where each registry item goes; no new section.
"""
* insert ProfileMeta
* section[structuredSection] 1..1
* section[structuredSection].section[detailsOnAdmissionSection] ^comment = "登録: 入院 Encounter (jp-cvd-encounter-admission: 来院時刻・来院手段)。/ Registry: the admission Encounter (door time, arrival mode)."
* section[structuredSection].section[diagnosesOnAdmissionSection] ^comment = "登録: 対象疾患の Condition (発症日時・院内発症)。/ Registry: the disease Condition (onset, in-hospital onset)."
* section[structuredSection].section[detailsOnDischargeSection] ^comment = "登録: 退院時転帰 (6/7=院内死亡)・退院先。/ Registry: discharge disposition (6/7 = in-hospital death) and destination."
* section[structuredSection].section[diagnosesOnDischargeSection] ^comment = "登録: 対象疾患の Condition (jp-cvd-condition-*) を必ず含める。/ Registry: must include the registry-disease Condition."
* section[structuredSection].section[physicalStatusOnAdmissionSection] MS
* section[structuredSection].section[physicalStatusOnAdmissionSection] ^comment = "登録: 入院時 NIHSS・GCS・JCS・WFNS・Hunt and Kosnik・Killip・NYHA・発症前 mRS。/ Registry: admission scores and pre-onset mRS."
* section[structuredSection].section[physicalStatusOnDischargeSection] MS
* section[structuredSection].section[physicalStatusOnDischargeSection] ^comment = "登録: 退院時 NIHSS・mRS。/ Registry: discharge NIHSS and mRS."
* section[structuredSection].section[hospitalStudySection] MS
* section[structuredSection].section[hospitalStudySection] ^comment = "登録: BNP・NT-proBNP・トロポニン・LVEF・Fisher・Stanford・DeBakey・TOAST・ACS 病型・ASPECTS・血腫量・mTICI。/ Registry: labs, imaging and classifications."
* section[structuredSection].section[hospitalProcedureSection] MS
* section[structuredSection].section[hospitalProcedureSection] ^comment = "登録: 治療 Procedure (jp-cvd-procedure-*; 時刻付き)。/ Registry: treatment Procedures with times."
* section[structuredSection].section[medicationOnDischargeSection] ^comment = "登録: 退院時処方 (YJ コード推奨)。/ Registry: discharge prescriptions (YJ code recommended)."
* section[structuredSection].section[researchParticipationSection] MS
* section[structuredSection].section[researchParticipationSection] ^comment = "登録: 循環器病データベースへの登録 (jp-cvd-researchsubject-registry → jp-cvd-consent-registry)。/ Registry: enrollment and consent."

Profile: JPCVDBundleDischargeSummary
Parent: $JP_Bundle_eDischargeSummary
Id: jp-cvd-bundle-discharge-summary
Title: "退院時サマリー文書 (循環器病登録) / Discharge summary document Bundle (JP-CVD)"
Description: """
登録の単位となる退院時サマリー文書。JP-CLINS JP_Bundle_eDischargeSummary に、対象6疾患の傷病名を含むこと
(jp-cvd-bdl-1) と JP-CLINS の文書規定 (fullUrl が urn:uuid、identifier.value の形式) を加えたもの。
/ The unit of registration: a JP-CLINS discharge-summary document that contains a Condition of one of the six diseases,
with JP-CLINS's fullUrl and identifier rules made checkable.
"""
* insert ProfileMeta
* obeys jp-cvd-bdl-1 and jp-cvd-bdl-2 and jp-cvd-bdl-3 and jp-cvd-bdl-4
* entry[composition].resource only JPCVDCompositionDischargeSummary
