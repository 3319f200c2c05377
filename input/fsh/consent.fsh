// ============================================================================
// consent.fsh — 登録・二次利用の同意 / consent to registration and secondary use
//   Registry participation is carried in the JP-CLINS clinical-research section (830 臨床研究参加) as a
//   ResearchSubject of the registry's ResearchStudy, whose `consent` references the registry Consent below.
//   No new Composition section is needed.
// ============================================================================

CodeSystem: JPCVDConsentModelCS
Id: jp-cvd-consent-model
Title: "同意取得方式 / Consent model"
Description: "登録・二次利用の同意取得方式。/ How consent for registration and secondary use was obtained."
* insert LocalCodeSystem
* #opt-in "オプトイン (文書または電磁的方法による同意)"
* insert EN(#opt-in, Opt-in - explicit written or electronic consent)
* #opt-out "オプトアウト (通知・公表と拒否の機会の提供)"
* insert EN(#opt-out, Opt-out - notice and an opportunity to refuse)
* #statutory "法令に基づく収集 (同意不要)"
* insert EN(#statutory, Collection required or permitted by law - no consent needed)

ValueSet: JPCVDConsentModelVS
Id: jp-cvd-consent-model
Title: "同意取得方式 / Consent model"
Description: "同意取得方式。/ Consent model."
* insert LocalValueSet
* include codes from system JPCVDConsentModelCS

Invariant: jp-cvd-consent-1
Description: "オプトアウト方式で provision.type が deny なら、患者は二次利用を拒否している (登録データは解析から除外)。opt-in で permit 以外は登録不可。/ Opt-in requires provision.type = permit for the data to be registered."
Severity: #warning
Expression: "policyRule.coding.where(code = 'opt-in').exists() implies provision.type = 'permit'"

Invariant: jp-cvd-consent-2
Description: "入れ子の provision は急性期医療での医療機関間共有の可否を表し、type と purpose TREAT を持つ。/ A nested provision states the acute-care cross-hospital sharing decision: it has a type and purpose TREAT."
Severity: #error
Expression: "provision.provision.all(type.exists() and purpose.where(system = 'http://terminology.hl7.org/CodeSystem/v3-ActReason' and code = 'TREAT').exists())"

Profile: JPCVDConsentRegistry
Parent: $JP_Consent_eCS
Id: jp-cvd-consent-registry
Title: "登録・二次利用の同意 / Registry consent (JP-CVD)"
Description: """
循環器病データベースへの登録と二次利用に関する同意 (オプトイン / オプトアウト / 法令に基づく収集)。
provision.type: permit = 登録・二次利用可、deny = 拒否 (オプトアウトの申出を含む)。
入れ子の provision (purpose = TREAT) は、急性期医療の現場で他の医療機関の登録情報 (既往の入院・診断・治療・退院時処方・
アレルギー) を共有してよいか (permit / deny) を表す。無ければ未確認 (緊急時を除き共有しない)。
/ Consent to registration and secondary use: opt-in, opt-out or statutory; provision.type permit = may be used,
deny = refused (including an opt-out request). A nested provision with purpose TREAT states whether the registry may
share the patient's records from other hospitals with a treating hospital in acute care (permit / deny); without it
the patient has not been asked, and records are shared only under the audited emergency rule.
"""
* insert ProfileMeta
* obeys jp-cvd-consent-1 and jp-cvd-consent-2
* status MS
* scope = $consentscope#research
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains registry 1..1 MS
* category[registry] = $consentcategorycodes#research
* patient 1..1 MS
* dateTime 1..1 MS
* organization 1..* MS
* policyRule 1..1 MS
* policyRule from JPCVDConsentModelVS (required)
* provision 1..1 MS
* provision.type 1..1 MS
* provision.period MS
* provision.purpose MS
* provision.purpose ^short = "HRESCH (healthcare research) など / e.g. HRESCH"
* provision.provision MS
* provision.provision ^short = "急性期医療での医療機関間共有の可否 (purpose = TREAT) / Acute-care cross-hospital sharing (purpose TREAT)"

Profile: JPCVDResearchSubjectRegistry
Parent: $JP_ResearchSubject
Id: jp-cvd-researchsubject-registry
Title: "登録対象者 / Registry subject (JP-CVD)"
Description: "循環器病データベースへの登録 (JP-CLINS 830 臨床研究参加セクションに置く)。consent で登録同意を参照する。/ Registry enrollment, placed in the JP-CLINS 830 section; consent references the registry Consent."
* insert ProfileMeta
* study MS
* individual MS
* consent 1..1 MS
* consent only Reference(JPCVDConsentRegistry)

Instance: jp-cvd-registry-study
InstanceOf: $JP_ResearchStudy
Usage: #example
Title: "循環器病データベース (登録研究) / The registry as a ResearchStudy"
Description: "ResearchSubject.study が参照する登録事業。/ The registry programme referenced by ResearchSubject.study."
* identifier.system = "http://jp-cvd-registry.org/fhir/NamingSystem/registry"
* identifier.value = "JP-CVD-REGISTRY"
* title = "循環器病データベース (脳卒中・心臓病等の全国登録)"
* status = #active
* description = "脳卒中・循環器病対策基本法に基づく循環器病の全国データベース。6疾患の入院症例を登録する。"

// ----------------------------------------------------------------------------
// 急性期医療のための既往サマリー: 同意 (TREAT) または緊急時規定で開示する操作 / The acute-care summary operation, opened
// by the acute-care decision above or the emergency rule (server: docs/ACUTE-CARE-SUMMARY.md).
// ----------------------------------------------------------------------------
Instance: acute-care-summary
InstanceOf: OperationDefinition
Usage: #definition
Title: "急性期医療のための循環器病既往サマリー / Acute-care summary"
* url = "http://jp-cvd-registry.org/fhir/OperationDefinition/acute-care-summary"
* name = "AcuteCareSummary"
* title = "急性期医療のための循環器病既往サマリー / Acute-care summary"
* status = #draft
* kind = #operation
* code = #acute-care-summary
* resource = #Patient
* system = false
* type = false
* instance = true
* affectsState = false
* description = """
患者の全ての名寄せ済み記録 (他の医療機関を含む) から、循環器病の入院歴・診断・主な治療・退院時処方・アレルギーを
document Bundle で返す。本人の急性期共有の同意 (jp-cvd-consent-registry の TREAT provision が permit) が必要。
同意がない・拒否の場合も、医療機関が緊急時 (emergency=true と理由) を宣言すれば開示し、理由とともに監査記録に残す。
/ The person's past cardiovascular admissions at every linked hospital (diagnoses, dates, key treatments, discharge
prescriptions, allergies) as a document Bundle. Needs the patient's acute-care consent (the TREAT provision of
jp-cvd-consent-registry = permit); without it, or over a refusal, only a hospital's declared emergency
(emergency=true with a reason) opens it, audited with the reason.
"""
* parameter[0].name = #emergency
* parameter[0].use = #in
* parameter[0].min = 0
* parameter[0].max = "1"
* parameter[0].type = #boolean
* parameter[0].documentation = "緊急時の宣言 (病院クライアントのみ) / Declares an emergency (hospital clients only)"
* parameter[1].name = #reason
* parameter[1].use = #in
* parameter[1].min = 0
* parameter[1].max = "1"
* parameter[1].type = #string
* parameter[1].documentation = "緊急時の理由 (emergency=true のとき必須、監査記録に残る) / Why consent could not be asked (required with emergency=true; audited)"
* parameter[2].name = #return
* parameter[2].use = #out
* parameter[2].min = 1
* parameter[2].max = "1"
* parameter[2].type = #Bundle
* parameter[2].documentation = "document Bundle: Composition (LOINC 60591-5) と各リソース / a document Bundle: Composition and the resources"
