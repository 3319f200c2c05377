/**
 * Canonical URLs the generated Bundles use: the registry IG (input/fsh, canonical base below), JP-CLINS 1.5.2 and
 * JP Core 1.1.2. Everything the generator writes refers to these constants, so aligning with the IG is one file.
 */

export const IG_BASE = 'http://jp-cvd-registry.org/fhir';

const igProfile = (id: string): string => `${IG_BASE}/StructureDefinition/${id}`;
const igCodeSystem = (id: string): string => `${IG_BASE}/CodeSystem/${id}`;

/** Registry IG profiles (input/fsh/*.fsh). */
export const IG_PROFILE = {
  bundle: igProfile('jp-cvd-bundle-discharge-summary'),
  composition: igProfile('jp-cvd-composition-discharge-summary'),
  encounter: igProfile('jp-cvd-encounter-admission'),
  medicationRequest: igProfile('jp-cvd-medicationrequest-discharge'),
  condition: {
    cerebralInfarction: igProfile('jp-cvd-condition-cerebral-infarction'),
    intracerebralHemorrhage: igProfile('jp-cvd-condition-intracerebral-hemorrhage'),
    subarachnoidHemorrhage: igProfile('jp-cvd-condition-subarachnoid-hemorrhage'),
    acuteCoronarySyndrome: igProfile('jp-cvd-condition-acute-coronary-syndrome'),
    acuteAorticDissection: igProfile('jp-cvd-condition-acute-aortic-dissection'),
    acuteHeartFailure: igProfile('jp-cvd-condition-acute-heart-failure'),
  },
  observation: {
    nihss: igProfile('jp-cvd-observation-nihss'),
    mrs: igProfile('jp-cvd-observation-mrs'),
    gcs: igProfile('jp-cvd-observation-gcs'),
    jcs: igProfile('jp-cvd-observation-jcs'),
    wfns: igProfile('jp-cvd-observation-wfns'),
    huntKosnik: igProfile('jp-cvd-observation-hunt-kosnik'),
    fisher: igProfile('jp-cvd-observation-fisher'),
    killip: igProfile('jp-cvd-observation-killip'),
    acsType: igProfile('jp-cvd-observation-acs-type'),
    stanford: igProfile('jp-cvd-observation-stanford'),
    debakey: igProfile('jp-cvd-observation-debakey'),
    nyha: igProfile('jp-cvd-observation-nyha'),
    lvef: igProfile('jp-cvd-observation-lvef'),
    toast: igProfile('jp-cvd-observation-toast'),
    mtici: igProfile('jp-cvd-observation-mtici'),
    aspects: igProfile('jp-cvd-observation-aspects'),
    hematomaVolume: igProfile('jp-cvd-observation-hematoma-volume'),
    bnp: igProfile('jp-cvd-observation-bnp'),
    ntProBnp: igProfile('jp-cvd-observation-nt-probnp'),
    troponin: igProfile('jp-cvd-observation-troponin'),
  },
  procedure: {
    ivt: igProfile('jp-cvd-procedure-ivt'),
    thrombectomy: igProfile('jp-cvd-procedure-thrombectomy'),
    cag: igProfile('jp-cvd-procedure-cag'),
    pci: igProfile('jp-cvd-procedure-pci'),
    cabg: igProfile('jp-cvd-procedure-cabg'),
    aneurysmRepair: igProfile('jp-cvd-procedure-aneurysm-repair'),
    hematomaEvacuation: igProfile('jp-cvd-procedure-hematoma-evacuation'),
    aorticRepair: igProfile('jp-cvd-procedure-aortic-repair'),
    mcs: igProfile('jp-cvd-procedure-mcs'),
  },
} as const;

/** Registry IG extensions. */
export const IG_EXTENSION = {
  onsetTimeStatus: igProfile('jp-cvd-onset-time-status'),
  lastKnownWell: igProfile('jp-cvd-last-known-well'),
  inHospitalOnset: igProfile('jp-cvd-in-hospital-onset'),
  arrivalTime: igProfile('jp-cvd-arrival-time'),
  arrivalMode: igProfile('jp-cvd-arrival-mode'),
  dischargeDestination: igProfile('jp-cvd-discharge-destination'),
  assessmentTimepoint: igProfile('jp-cvd-assessment-timepoint'),
  firstDeviceTime: igProfile('jp-cvd-first-device-time'),
  reperfusionTime: igProfile('jp-cvd-reperfusion-time'),
  timiFlowPre: igProfile('jp-cvd-timi-flow-pre'),
  timiFlowPost: igProfile('jp-cvd-timi-flow-post'),
} as const;

/** Registry IG local code systems. */
export const IG_CODE_SYSTEM = {
  onsetTimeStatus: igCodeSystem('jp-cvd-onset-time-status'),
  arrivalMode: igCodeSystem('jp-cvd-arrival-mode'),
  dischargeDestination: igCodeSystem('jp-cvd-discharge-destination'),
  observation: igCodeSystem('jp-cvd-observation'),
  assessmentTimepoint: igCodeSystem('jp-cvd-assessment-timepoint'),
  jcs: igCodeSystem('jp-cvd-jcs'),
  wfns: igCodeSystem('jp-cvd-wfns'),
  huntKosnik: igCodeSystem('jp-cvd-hunt-kosnik'),
  fisher: igCodeSystem('jp-cvd-fisher'),
  killip: igCodeSystem('jp-cvd-killip'),
  acsType: igCodeSystem('jp-cvd-acs-type'),
  stanford: igCodeSystem('jp-cvd-stanford'),
  debakey: igCodeSystem('jp-cvd-debakey'),
  toast: igCodeSystem('jp-cvd-toast'),
  mtici: igCodeSystem('jp-cvd-mtici'),
  procedure: igCodeSystem('jp-cvd-procedure'),
  coronaryVessel: igCodeSystem('jp-cvd-coronary-vessel'),
  timiFlow: igCodeSystem('jp-cvd-timi-flow'),
} as const;

/** JP-CLINS 1.5.2 and JP Core 1.1.2 profiles used where the IG defines nothing of its own. */
export const JP_PROFILE = {
  bundle: 'http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary',
  composition: 'http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Composition_eDischargeSummary',
  patient: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Patient_eCS',
  practitioner: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Practitioner_eCS',
  organization: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Organization_eCS',
  encounter: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Encounter_eCS',
  condition: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Condition_eCS',
  observation: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS',
  procedure: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Procedure_eCS',
  medicationRequest: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS',
  documentReference: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_DocumentReference_eCS',
} as const;

export const SYSTEM = {
  bundleIdentifier: 'http://jpfhir.jp/fhir/clins/bundle-identifier',
  resourceInstance: 'http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier',
  /** Hospital patient id: this prefix + '1' + the 10-digit medical institution code (JP Core / JP-CLINS rule). */
  localPatientIdPrefix: 'urn:oid:1.2.392.100495.20.3.51.1',
  /** Hospital staff id: this prefix + '1' + the institution code (as in the IG examples). */
  localPractitionerIdPrefix: 'urn:oid:1.2.392.100495.20.3.41.1',
  medisDiseaseKey: 'http://medis.or.jp/CodeSystem/master-disease-keyNumber',
  /** 被保険者個人識別子 "insurer number:symbol:number:branch" (JP-CLINS JP_Patient_eCS, JP Core examples). */
  insuranceMemberId: 'http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID',
  medicalInstitutionNo: 'http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no',
  /** Hospital admission number: this prefix + the institution code (as in the IG's examples). */
  admissionNumberPrefix: `${IG_BASE}/NamingSystem/admission-number/`,
  prefectureNo: 'urn:oid:1.2.392.100495.20.3.21',
  nameRepresentation: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation',
  compositionVersion: 'http://hl7.org/fhir/StructureDefinition/composition-clinicaldocument-versionNumber',
  docTypeCodes: 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes',
  docSubtypeCodes: 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-subtypecodes',
  documentSection: 'http://jpfhir.jp/fhir/clins/CodeSystem/document-section',
  admitSource: 'http://jpfhir.jp/fhir/Common/CodeSystem/admit-Source',
  dischargeDisposition: 'http://jpfhir.jp/fhir/Common/CodeSystem/discharge-disposition',
  icd10: 'http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full',
  yj: 'http://capstandard.jp/iyaku.info/CodeSystem/YJ-code',
  jlac10CoreLabo: 'http://jpfhir.jp/fhir/clins/CodeSystem/JLAC10/JP_CLINS_ObsLabResult_CoreLabo_CS',
  medicationUsageUncoded: 'http://jpfhir.jp/fhir/clins/CodeSystem/JP_CLINS_MedicationUsage_Uncoded_CS',
  strengthType: 'http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationIngredientStrengthType',
  merit9Unit: 'http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationUnitMERIT9Code',
  rpGroupNumber: 'http://jpfhir.jp/fhir/core/mhlw/IdSystem/Medication-RPGroupNumber',
  administrationIndex: 'http://jpfhir.jp/fhir/core/mhlw/IdSystem/MedicationAdministrationIndex',
  periodOfUse: 'http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_MedicationDosage_PeriodOfUse',
  usageDuration: 'http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_MedicationDosage_UsageDuration',
  route: 'http://jpfhir.jp/fhir/core/CodeSystem/route-codes',
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  actPriority: 'http://terminology.hl7.org/CodeSystem/v3-ActPriority',
  /** JP Core's observation categories (same codes as HL7 observation-category; recommended by the IG). */
  observationCategory: 'http://jpfhir.jp/fhir/core/CodeSystem/JP_SimpleObservationCategory_CS',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  diagnosisRole: 'http://terminology.hl7.org/CodeSystem/diagnosis-role',
} as const;
