// ============================================================================
// capabilitystatement.fsh — 登録サーバの要件 / what a registry server supports
// ============================================================================

Instance: jp-cvd-registry-server
InstanceOf: CapabilityStatement
Usage: #definition
Title: "循環器病データベース 登録サーバ / JP-CVD registry server"
Description: """
登録サーバの要件。医療機関は退院時サマリー文書 (Bundle, type=document) を POST /Bundle で送る
(事前確認は Bundle/$validate)。90日後 mRS などの追跡情報は Observation を単独で POST する。
/ Requirements for a registry server: hospitals POST discharge-summary documents to /Bundle (Bundle/$validate to
check first); follow-up items such as the 90-day mRS are POSTed as standalone Observations.
"""
* url = "http://jp-cvd-registry.org/fhir/CapabilityStatement/jp-cvd-registry-server"
* name = "JPCVDRegistryServer"
* title = "循環器病データベース 登録サーバ / JP-CVD registry server"
* status = #draft
* experimental = false
* date = "2026-11-25"
* publisher = "jp-cvd-registry project"
* jurisdiction = urn:iso:std:iso:3166#JP "Japan"
* kind = #requirements
* fhirVersion = #4.0.1
* format[0] = #json
* format[+] = #application/fhir+json
* implementationGuide = "http://jp-cvd-registry.org/fhir/ImplementationGuide/jp-cvd-registry"
* rest[0].mode = #server
* rest[0].documentation = "全リソースは JSON。検索は _count/_sort/_include を含む標準パラメータと本 IG の SearchParameter。/ JSON only; standard search plus the IG's SearchParameters."
* rest[0].interaction[0].code = #transaction
* rest[0].interaction[+].code = #search-system
* rest[0].interaction[+].code = #history-system
// Bundle: the discharge-summary documents
* rest[0].resource[0].type = #Bundle
* rest[0].resource[0].profile = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-bundle-discharge-summary"
* rest[0].resource[0].documentation = "退院時サマリー文書の受付と検索。/ Receives and searches discharge-summary documents."
* rest[0].resource[0].interaction[0].code = #create
* rest[0].resource[0].interaction[+].code = #read
* rest[0].resource[0].interaction[+].code = #vread
* rest[0].resource[0].interaction[+].code = #update
* rest[0].resource[0].interaction[+].code = #search-type
* rest[0].resource[0].interaction[+].code = #history-instance
* rest[0].resource[0].versioning = #versioned
* rest[0].resource[0].searchParam[0].name = "identifier"
* rest[0].resource[0].searchParam[0].definition = "http://hl7.org/fhir/SearchParameter/Bundle-identifier"
* rest[0].resource[0].searchParam[0].type = #token
* rest[0].resource[0].searchParam[+].name = "disease-group"
* rest[0].resource[0].searchParam[=].definition = "http://jp-cvd-registry.org/fhir/SearchParameter/jp-cvd-bundle-disease-group"
* rest[0].resource[0].searchParam[=].type = #token
* rest[0].resource[0].searchParam[+].name = "hospital"
* rest[0].resource[0].searchParam[=].definition = "http://jp-cvd-registry.org/fhir/SearchParameter/jp-cvd-bundle-hospital"
* rest[0].resource[0].searchParam[=].type = #token
* rest[0].resource[0].searchParam[+].name = "discharge-date"
* rest[0].resource[0].searchParam[=].definition = "http://jp-cvd-registry.org/fhir/SearchParameter/jp-cvd-bundle-discharge-date"
* rest[0].resource[0].searchParam[=].type = #date
* rest[0].resource[0].searchParam[+].name = "admission-date"
* rest[0].resource[0].searchParam[=].definition = "http://jp-cvd-registry.org/fhir/SearchParameter/jp-cvd-bundle-admission-date"
* rest[0].resource[0].searchParam[=].type = #date
* rest[0].resource[0].operation[0].name = "validate"
* rest[0].resource[0].operation[0].definition = "http://hl7.org/fhir/OperationDefinition/Resource-validate"
// Condition
* rest[0].resource[+].type = #Condition
* rest[0].resource[=].supportedProfile[0] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-condition-cerebral-infarction"
* rest[0].resource[=].supportedProfile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-condition-intracerebral-hemorrhage"
* rest[0].resource[=].supportedProfile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-condition-subarachnoid-hemorrhage"
* rest[0].resource[=].supportedProfile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-condition-acute-coronary-syndrome"
* rest[0].resource[=].supportedProfile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-condition-acute-aortic-dissection"
* rest[0].resource[=].supportedProfile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-condition-acute-heart-failure"
* rest[0].resource[=].interaction[0].code = #read
* rest[0].resource[=].interaction[+].code = #search-type
* rest[0].resource[=].searchParam[0].name = "disease-group"
* rest[0].resource[=].searchParam[0].definition = "http://jp-cvd-registry.org/fhir/SearchParameter/jp-cvd-condition-disease-group"
* rest[0].resource[=].searchParam[0].type = #token
* rest[0].resource[=].searchParam[+].name = "code"
* rest[0].resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/clinical-code"
* rest[0].resource[=].searchParam[=].type = #token
* rest[0].resource[=].searchParam[+].name = "patient"
* rest[0].resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/clinical-patient"
* rest[0].resource[=].searchParam[=].type = #reference
// Observation (incl. standalone follow-up such as the 90-day mRS)
* rest[0].resource[+].type = #Observation
* rest[0].resource[=].supportedProfile[0] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-mrs"
* rest[0].resource[=].supportedProfile[+] = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-observation-nihss"
* rest[0].resource[=].documentation = "90日後 mRS 等の追跡情報は Observation を単独で create する。/ Follow-up items are created as standalone Observations."
* rest[0].resource[=].interaction[0].code = #create
* rest[0].resource[=].interaction[+].code = #read
* rest[0].resource[=].interaction[+].code = #search-type
* rest[0].resource[=].searchParam[0].name = "code"
* rest[0].resource[=].searchParam[0].definition = "http://hl7.org/fhir/SearchParameter/clinical-code"
* rest[0].resource[=].searchParam[0].type = #token
* rest[0].resource[=].searchParam[+].name = "patient"
* rest[0].resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/clinical-patient"
* rest[0].resource[=].searchParam[=].type = #reference
// Patient, Encounter, Procedure, MedicationRequest, Consent: read / search
* rest[0].resource[+].type = #Patient
* rest[0].resource[=].profile = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Patient_eCS"
* rest[0].resource[=].interaction[0].code = #read
* rest[0].resource[=].interaction[+].code = #search-type
* rest[0].resource[+].type = #Encounter
* rest[0].resource[=].profile = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-encounter-admission"
* rest[0].resource[=].interaction[0].code = #read
* rest[0].resource[=].interaction[+].code = #search-type
* rest[0].resource[+].type = #Procedure
* rest[0].resource[=].interaction[0].code = #read
* rest[0].resource[=].interaction[+].code = #search-type
* rest[0].resource[+].type = #MedicationRequest
* rest[0].resource[=].profile = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-medicationrequest-discharge"
* rest[0].resource[=].interaction[0].code = #read
* rest[0].resource[=].interaction[+].code = #search-type
* rest[0].resource[+].type = #Consent
* rest[0].resource[=].profile = "http://jp-cvd-registry.org/fhir/StructureDefinition/jp-cvd-consent-registry"
* rest[0].resource[=].interaction[0].code = #create
* rest[0].resource[=].interaction[+].code = #read
* rest[0].resource[=].interaction[+].code = #update
* rest[0].resource[=].interaction[+].code = #search-type
