// ============================================================================
// aliases.fsh — 共通エイリアスと共通ルールセット / shared aliases and rule sets
// ============================================================================

// --- 国際標準 / international code systems
Alias: $LNC = http://loinc.org
Alias: $SCT = http://snomed.info/sct
Alias: $UCUM = http://unitsofmeasure.org
Alias: $obs-category = http://terminology.hl7.org/CodeSystem/observation-category
Alias: $JP-obs-category = http://jpfhir.jp/fhir/core/CodeSystem/JP_SimpleObservationCategory_CS
Alias: $condition-category = http://terminology.hl7.org/CodeSystem/condition-category
Alias: $condition-clinical = http://terminology.hl7.org/CodeSystem/condition-clinical
Alias: $condition-ver-status = http://terminology.hl7.org/CodeSystem/condition-ver-status
Alias: $diagnosis-role = http://terminology.hl7.org/CodeSystem/diagnosis-role
Alias: $v3-ActCode = http://terminology.hl7.org/CodeSystem/v3-ActCode
Alias: $v3-ActPriority = http://terminology.hl7.org/CodeSystem/v3-ActPriority
Alias: $v3-ActReason = http://terminology.hl7.org/CodeSystem/v3-ActReason
Alias: $consentscope = http://terminology.hl7.org/CodeSystem/consentscope
Alias: $consentcategorycodes = http://terminology.hl7.org/CodeSystem/consentcategorycodes
Alias: $consent-policy = http://terminology.hl7.org/CodeSystem/consentpolicycodes
Alias: $location-physical-type = http://terminology.hl7.org/CodeSystem/location-physical-type
Alias: $organization-type = http://terminology.hl7.org/CodeSystem/organization-type

// --- JP Core / JP-CLINS が用いる日本のコード体系 / Japanese code systems used by JP Core / JP-CLINS
Alias: $ICD10JP = http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full
Alias: $MEDIS = http://medis.or.jp/CodeSystem/master-disease-keyNumber
Alias: $MEDISEX = http://medis.or.jp/CodeSystem/master-disease-exCode
Alias: $JLAC10 = http://medis.or.jp/CodeSystem/master-JLAC10-17digits
Alias: $CLINS-JLAC10-CoreLabo = http://jpfhir.jp/fhir/clins/CodeSystem/JLAC10/JP_CLINS_ObsLabResult_CoreLabo_CS
Alias: $YJ = http://capstandard.jp/iyaku.info/CodeSystem/YJ-code
Alias: $MedicationUsage = http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationUsage_ePrescription
Alias: $UsageUncoded = http://jpfhir.jp/fhir/clins/CodeSystem/JP_CLINS_MedicationUsage_Uncoded_CS
Alias: $JP-route = http://jpfhir.jp/fhir/core/CodeSystem/route-codes
Alias: $doc-typecodes = http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes
Alias: $doc-subtypecodes = http://jpfhir.jp/fhir/Common/CodeSystem/doc-subtypecodes
Alias: $document-section = http://jpfhir.jp/fhir/clins/CodeSystem/document-section
Alias: $discharge-disposition = http://jpfhir.jp/fhir/Common/CodeSystem/discharge-disposition
Alias: $admit-source = http://jpfhir.jp/fhir/Common/CodeSystem/admit-Source
Alias: $careplan-category = http://jpfhir.jp/fhir/CarePlan/CodeSystem/category
Alias: $resourceInstance-identifier = http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier
Alias: $bundle-identifier = http://jpfhir.jp/fhir/clins/bundle-identifier
Alias: $medical-institution-no = http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no
Alias: $insurance-memberID = http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID

// --- JP-CLINS / JP Core プロファイル / profiles
Alias: $JP_Bundle_eDischargeSummary = http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary
Alias: $JP_Composition_eDischargeSummary = http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Composition_eDischargeSummary
Alias: $JP_Condition_eCS = http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Condition_eCS
Alias: $JP_Encounter_eCS = http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Encounter_eCS
Alias: $JP_Patient_eCS = http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Patient_eCS
Alias: $JP_Practitioner_eCS = http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Practitioner_eCS
Alias: $JP_Organization_eCS = http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Organization_eCS
Alias: $JP_Observation_Common_eCS = http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS
Alias: $JP_Procedure_eCS = http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Procedure_eCS
Alias: $JP_MedicationRequest_eCS = http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS
Alias: $JP_DocumentReference_eCS = http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_DocumentReference_eCS
Alias: $JP_CarePlan_eCS = http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_CarePlan_eCS
Alias: $JP_Consent_eCS = http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Consent_eCS
Alias: $JP_Consent = http://jpfhir.jp/fhir/core/StructureDefinition/JP_Consent
Alias: $JP_ResearchStudy = http://jpfhir.jp/fhir/core/StructureDefinition/JP_ResearchStudy
Alias: $JP_ResearchSubject = http://jpfhir.jp/fhir/core/StructureDefinition/JP_ResearchSubject

// ----------------------------------------------------------------------------
// ルールセット / rule sets
// ----------------------------------------------------------------------------

// 概念の英語指定 / English designation of a local concept
RuleSet: EN(code, text)
* {code} ^designation[+].language = #en
* {code} ^designation[=].value = "{text}"

// ローカルコードシステムの共通メタデータ / common metadata of the IG's local code systems
RuleSet: LocalCodeSystem
* ^status = #draft
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* ^language = #ja
* ^jurisdiction = urn:iso:std:iso:3166#JP "Japan"

RuleSet: LocalValueSet
* ^status = #draft
* ^experimental = false
* ^language = #ja
* ^jurisdiction = urn:iso:std:iso:3166#JP "Japan"

RuleSet: ProfileMeta
* ^status = #draft
* ^experimental = false
* ^jurisdiction = urn:iso:std:iso:3166#JP "Japan"
