/**
 * Turns one simulated admission into a JP-CLINS discharge-summary document Bundle (JP_Bundle_eDischargeSummary):
 * Composition first with the structured section 300 and its required sub-sections, then Patient, Practitioner,
 * Organization, Encounter, Conditions, Observations, Procedures, discharge MedicationRequests and the
 * hospital-course DocumentReference. Every reference is a `urn:uuid:` fullUrl of an entry in the same Bundle.
 */
import { IG_CODE_SYSTEM, IG_EXTENSION, IG_PROFILE, JP_PROFILE, SYSTEM } from './canonical.js';
import type { DiseaseKey } from './diseases.js';
import { diseaseSpec } from './diseases.js';
import { DAY, HOUR, type ClinicalAdmission, type ComorbidityKey, type ObservationFact, type ProcedureFact, type ProcedureKind } from './model.js';
import { NYHA_SNOMED, OBSERVATION_CODING } from './observation-codes.js';
import { formatInsurance, type Hospital, type Person, type Practitioner, type Registration } from './population.js';
import type { SeededRandom } from './random.js';
import { toFullWidthDigits, toHalfWidthKana } from './text-variants.js';

/** ISO 8601 date-time in Japan Standard Time with an explicit +09:00 offset. */
export function jst(ms: number): string {
  return new Date(ms + 9 * HOUR).toISOString().slice(0, 19) + '+09:00';
}

function jstDate(ms: number): string {
  return jst(ms).slice(0, 10);
}

const CONDITION_PROFILE: Readonly<Record<DiseaseKey, string>> = {
  'cerebral-infarction': IG_PROFILE.condition.cerebralInfarction,
  'intracerebral-hemorrhage': IG_PROFILE.condition.intracerebralHemorrhage,
  'subarachnoid-hemorrhage': IG_PROFILE.condition.subarachnoidHemorrhage,
  'acute-coronary-syndrome': IG_PROFILE.condition.acuteCoronarySyndrome,
  'acute-aortic-dissection': IG_PROFILE.condition.acuteAorticDissection,
  'acute-heart-failure': IG_PROFILE.condition.acuteHeartFailure,
};

const COMORBIDITY_ICD10: Readonly<Record<ComorbidityKey, { code: string; display: string }>> = {
  hypertension: { code: 'I10', display: '本態性（原発性＜一次性＞）高血圧（症）' },
  diabetes: { code: 'E119', display: '２型＜インスリン非依存性＞糖尿病＜NIDDM＞，合併症を伴わないもの' },
  dyslipidemia: { code: 'E785', display: '高脂血症，詳細不明' },
  atrialFibrillation: { code: 'I489', display: '心房細動及び粗動，詳細不明' },
  chronicKidneyDisease: { code: 'N189', display: '慢性腎臓病，詳細不明' },
};

const PROCEDURE_CODING: Readonly<Record<ProcedureKind, { profile: string; display: string; snomed?: fhir4.Coding }>> = {
  ivt: { profile: IG_PROFILE.procedure.ivt, display: '静注血栓溶解療法 (rt-PA 静注療法)', snomed: { system: SYSTEM.snomed, code: '472191000119101', display: 'Intravenous thrombolytic therapy' } },
  thrombectomy: { profile: IG_PROFILE.procedure.thrombectomy, display: '経皮経管的脳血栓回収術', snomed: { system: SYSTEM.snomed, code: '397046001', display: 'Thrombectomy' } },
  cag: { profile: IG_PROFILE.procedure.cag, display: '冠動脈造影 (CAG)' },
  pci: { profile: IG_PROFILE.procedure.pci, display: '経皮的冠動脈インターベンション (PCI)' },
  cabg: { profile: IG_PROFILE.procedure.cabg, display: '冠動脈バイパス術 (CABG)' },
  clipping: { profile: IG_PROFILE.procedure.aneurysmRepair, display: '脳動脈瘤頸部クリッピング術' },
  coiling: { profile: IG_PROFILE.procedure.aneurysmRepair, display: '脳動脈瘤コイル塞栓術' },
  'hematoma-evacuation': { profile: IG_PROFILE.procedure.hematomaEvacuation, display: '頭蓋内血腫除去術 (開頭・内視鏡・定位)' },
  'open-aortic-repair': { profile: IG_PROFILE.procedure.aorticRepair, display: '大動脈人工血管置換術 (開胸・開腹)' },
  tevar: { profile: IG_PROFILE.procedure.aorticRepair, display: '胸部大動脈ステントグラフト内挿術 (TEVAR)' },
  iabp: { profile: IG_PROFILE.procedure.mcs, display: '大動脈内バルーンパンピング (IABP)' },
  'va-ecmo': { profile: IG_PROFILE.procedure.mcs, display: '経皮的心肺補助 (PCPS / VA-ECMO)' },
  impella: { profile: IG_PROFILE.procedure.mcs, display: '補助循環用ポンプカテーテル (Impella)' },
};

const CORONARY_VESSEL_DISPLAY: Readonly<Record<string, string>> = { RCA: '右冠動脈 (#1-4)', LMT: '左主幹部 (#5)', LAD: '左前下行枝 (#6-10)', LCX: '左回旋枝 (#11-15)' };
const TIMI_DISPLAY: Readonly<Record<string, string>> = {
  '0': 'TIMI 0: 順行性血流なし',
  '1': 'TIMI 1: 造影剤は閉塞部を越えるが末梢は造影されない',
  '2': 'TIMI 2: 末梢まで造影されるが遅延',
  '3': 'TIMI 3: 正常血流',
};
const ARRIVAL_MODE_DISPLAY: Readonly<Record<string, string>> = {
  ambulance: '救急車',
  helicopter: 'ドクターヘリ・救急ヘリ',
  'interhospital-transfer': '他院からの転院搬送',
  'walk-in': '自力来院(自家用車・徒歩・公共交通等)',
  'in-hospital': '院内発症',
};
const DESTINATION_DISPLAY: Readonly<Record<string, string>> = {
  home: '自宅(在宅)',
  'transfer-acute': '他の病院・診療所へ転院(急性期)',
  'transfer-rehabilitation': '回復期リハビリテーション病棟・病院へ転院',
  'nursing-facility': '介護老人保健施設・介護医療院・福祉施設',
  death: '死亡退院',
  other: 'その他',
};
const TIMEPOINT_DISPLAY: Readonly<Record<string, string>> = { 'pre-onset': '発症前', admission: '入院時(来院時)', worst: '入院中最悪値・最高値', discharge: '退院時' };
const CATEGORY_DISPLAY: Readonly<Record<string, string>> = { survey: 'Survey', exam: 'Exam', imaging: 'Imaging', laboratory: 'Laboratory', procedure: 'Procedure' };

const SECTION = {
  structured: ['300', '構造情報', '構造情報セクション'],
  admissionDetails: ['322', '入院時詳細', '入院時詳細セクション'],
  admissionDiagnoses: ['342', '入院時診断', '入院時診断セクション'],
  chiefComplaint: ['352', '主訴', '主訴セクション'],
  reasonForAdmission: ['312', '入院理由', '入院理由セクション'],
  presentIllness: ['362', '現病歴', '現病歴セクション'],
  pastIllness: ['372', '既往歴', '既往歴セクション'],
  admissionFindings: ['612', '入院時身体所見', '入院時身体所見セクション'],
  hospitalCourse: ['333', '入院中経過', '入院中経過セクション'],
  procedures: ['713', '入院中治療', '入院中治療セクション'],
  studies: ['623', '入院中検査結果', '入院中検査結果セクション'],
  dischargeDetails: ['324', '退院時詳細', '退院時詳細セクション'],
  dischargeDiagnoses: ['344', '退院時診断', '退院時診断セクション'],
  dischargeMedication: ['444', '退院時投薬指示', '退院時投薬指示セクション'],
  dischargeInstructions: ['424', '退院時方針指示', '退院時方針指示セクション'],
  dischargeFindings: ['614', '退院時身体所見', '退院時身体所見セクション'],
} as const satisfies Record<string, readonly [string, string, string]>;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function section(kind: keyof typeof SECTION, text: string, entries: string[] = []): fhir4.CompositionSection {
  const [code, title, display] = SECTION[kind];
  return {
    title,
    code: { coding: [{ system: SYSTEM.documentSection, code, display }] },
    text: { status: 'additional', div: `<div xmlns="http://www.w3.org/1999/xhtml">${escapeXml(text)}</div>` },
    ...(entries.length ? { entry: entries.map((reference) => ({ reference })) } : {}),
  };
}

/**
 * JP_Condition_eCS requires a MEDIS disease-master key number (病名管理番号). The master is not available offline and
 * no code was verified, so conditions carry a placeholder that cannot be mistaken for a real key number:
 * "99" + the ICD-10 letter's position (2 digits) + the ICD-10 digits (4). Replace with the MEDIS master when it is
 * available.
 */
function medisPlaceholder(icd10: { code: string; display: string }): fhir4.Coding {
  const letter = String(icd10.code.charCodeAt(0) - 64).padStart(2, '0');
  return { system: SYSTEM.medisDiseaseKey, code: `99${letter}${icd10.code.slice(1).padStart(4, '0')}`, display: icd10.display };
}

const ref = (fullUrl: string): fhir4.Reference => ({ reference: fullUrl });

function personName(kanji: { family: string; given: string }, kana: { family: string; given: string }, halfWidth: boolean): fhir4.HumanName[] {
  const kanaFamily = halfWidth ? toHalfWidthKana(kana.family) : kana.family;
  const kanaGiven = halfWidth ? toHalfWidthKana(kana.given) : kana.given;
  return [
    { extension: [{ url: SYSTEM.nameRepresentation, valueCode: 'IDE' }], use: 'official', text: `${kanji.family} ${kanji.given}`, family: kanji.family, given: [kanji.given] },
    { extension: [{ url: SYSTEM.nameRepresentation, valueCode: 'SYL' }], use: 'official', text: `${kanaFamily} ${kanaGiven}`, family: kanaFamily, given: [kanaGiven] },
  ];
}

function address(registration: { address: Person['address']; fullWidthAddress: boolean }): fhir4.Address {
  const { address: a, fullWidthAddress } = registration;
  const line = fullWidthAddress ? toFullWidthDigits(`${a.town}${a.block}`) : `${a.town}${a.block}`;
  return { use: 'home', text: `${a.prefecture.name}${a.city}${line}`, postalCode: a.postalCode, state: a.prefecture.name, city: a.city, line: [line], country: 'JP' };
}

function quantity(value: number, unit: string): fhir4.Quantity {
  return { value, unit, system: SYSTEM.ucum, code: unit };
}

function codeable(system: string, code: string, display?: string): fhir4.CodeableConcept {
  return { coding: [{ system, code, ...(display ? { display } : {}) }] };
}

export interface BundleContext {
  rng: SeededRandom;
  person: Person;
  registration: Registration;
  hospital: Hospital;
  practitioner: Practitioner;
  admission: ClinicalAdmission;
  /** Document number, unique within the run; part of the Bundle identifier. */
  documentNumber: string;
}

export function buildDischargeSummary(context: BundleContext): fhir4.Bundle {
  const { rng, person, registration, hospital, practitioner, admission } = context;
  const disease = diseaseSpec(admission.disease);
  // The summary is finalised a few hours to days after discharge.
  const issued = admission.discharge + rng.int(2, 72) * HOUR;
  const lastUpdated = jst(issued);
  const entries: fhir4.BundleEntry[] = [];
  const add = (resource: fhir4.FhirResource): string => {
    const fullUrl = `urn:uuid:${rng.uuid()}`;
    entries.push({ fullUrl, resource });
    return fullUrl;
  };
  const meta = (...profiles: (string | undefined)[]): fhir4.Meta => ({ lastUpdated, profile: profiles.filter((profile): profile is string => !!profile) });
  const instanceId = (suffix: string): fhir4.Identifier => ({ system: SYSTEM.resourceInstance, value: `${hospital.code}-${context.documentNumber}-${suffix}` });

  const patientUrl = add({
    resourceType: 'Patient',
    meta: meta(JP_PROFILE.patient),
    identifier: [
      { system: `${SYSTEM.localPatientIdPrefix}${hospital.code}`, value: registration.localPatientId },
      // JP-CLINS requires one insurance identifier (R1012); a registration without the member's number carries the
      // insurer number only, as the JP-CLINS value pattern allows.
      { system: SYSTEM.insuranceMemberId, value: registration.insuranceRecorded ? formatInsurance(person.insurance) : `${person.insurance.insurerNumber}:::` },
    ],
    name: personName({ family: registration.surnameKanji, given: person.given.kanji }, { family: registration.familyKana, given: registration.givenKana }, registration.halfWidthKana),
    gender: person.male ? 'male' : 'female',
    birthDate: person.birthDate,
    address: [address(registration)],
  });
  const practitionerUrl = add({
    resourceType: 'Practitioner',
    meta: meta(JP_PROFILE.practitioner),
    identifier: [{ system: `${SYSTEM.localPractitionerIdPrefix}${hospital.code}`, value: practitioner.staffId }],
    name: personName({ family: practitioner.family.kanji, given: practitioner.given.kanji }, { family: practitioner.family.kana, given: practitioner.given.kana }, false),
  });
  const organizationUrl = add({
    resourceType: 'Organization',
    meta: meta(JP_PROFILE.organization),
    extension: [{ url: 'http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Organization_PrefectureNo', valueCoding: { system: SYSTEM.prefectureNo, code: hospital.address.prefecture.code } }],
    identifier: [{ system: SYSTEM.medicalInstitutionNo, value: hospital.code }],
    name: hospital.name,
    address: [{ ...address({ address: hospital.address, fullWidthAddress: false }), use: 'work' }],
  });

  // Encounter and main Condition reference each other; draw their fullUrls first.
  const encounterUrl = `urn:uuid:${rng.uuid()}`;
  const conditionUrl = `urn:uuid:${rng.uuid()}`;
  const admittedDay = Math.floor((admission.admission + 9 * HOUR) / DAY);
  const dischargedDay = Math.floor((admission.discharge + 9 * HOUR) / DAY);
  const encounterExtensions: fhir4.Extension[] = [];
  if (admission.door !== undefined) encounterExtensions.push({ url: IG_EXTENSION.arrivalTime, valueDateTime: jst(admission.door) });
  if (admission.arrivalMode)
    encounterExtensions.push({ url: IG_EXTENSION.arrivalMode, valueCodeableConcept: codeable(IG_CODE_SYSTEM.arrivalMode, admission.arrivalMode, ARRIVAL_MODE_DISPLAY[admission.arrivalMode]) });
  const admitSource =
    admission.arrivalMode === 'in-hospital'
      ? ['0', '院内の他病棟からの転棟']
      : admission.arrivalMode === 'interhospital-transfer'
        ? ['4', '他の病院・診療所の病棟からの転院']
        : ['1', '家庭からの入院'];
  const disposition = admission.died ? ['6', '傷病による死亡'] : admission.dischargeDestination === 'transfer-acute' ? ['5', '傷病が増悪'] : ['1', '傷病が治癒・軽快'];
  const encounter: fhir4.Encounter = {
    resourceType: 'Encounter',
    meta: meta(JP_PROFILE.encounter, IG_PROFILE.encounter),
    ...(encounterExtensions.length ? { extension: encounterExtensions } : {}),
    identifier: [{ system: `${SYSTEM.admissionNumberPrefix}${hospital.code}`, value: `${jstDate(admission.admission).replace(/-/g, '')}${context.documentNumber.slice(2)}` }],
    status: 'finished',
    class: { system: SYSTEM.actCode, code: 'IMP', display: 'inpatient encounter' },
    priority: codeable(SYSTEM.actPriority, 'EM', 'emergency'),
    subject: ref(patientUrl),
    period: { start: jst(admission.admission), end: jst(admission.discharge) },
    length: { value: dischargedDay - admittedDay + 1, unit: '日', system: SYSTEM.ucum, code: 'd' },
    diagnosis: [
      { condition: ref(conditionUrl), use: { coding: [{ system: SYSTEM.diagnosisRole, code: 'AD', display: 'Admission diagnosis' }] }, rank: 1 },
      { condition: ref(conditionUrl), use: { coding: [{ system: SYSTEM.diagnosisRole, code: 'DD', display: 'Discharge diagnosis' }] }, rank: 1 },
    ],
    hospitalization: {
      ...(admission.dischargeDestination
        ? {
            extension: [
              {
                url: IG_EXTENSION.dischargeDestination,
                valueCodeableConcept: codeable(IG_CODE_SYSTEM.dischargeDestination, admission.dischargeDestination, DESTINATION_DISPLAY[admission.dischargeDestination]),
              },
            ],
          }
        : {}),
      admitSource: codeable(SYSTEM.admitSource, admitSource[0], admitSource[1]),
      dischargeDisposition: codeable(SYSTEM.dischargeDisposition, disposition[0], disposition[1]),
    },
    serviceProvider: ref(organizationUrl),
  };
  entries.push({ fullUrl: encounterUrl, resource: encounter });

  const conditionExtensions: fhir4.Extension[] = [];
  if (admission.onsetTimeStatus) conditionExtensions.push({ url: IG_EXTENSION.onsetTimeStatus, valueCode: admission.onsetTimeStatus });
  if (admission.onsetTimeStatus === 'last-known-well' && admission.onset !== undefined)
    conditionExtensions.push({ url: IG_EXTENSION.lastKnownWell, valueDateTime: jst(admission.onset) });
  conditionExtensions.push({ url: IG_EXTENSION.inHospitalOnset, valueBoolean: admission.inHospitalOnset });
  const onsetKnown = admission.onset !== undefined && admission.onsetTimeStatus !== 'last-known-well' && admission.onsetTimeStatus !== 'unknown';
  entries.push({
    fullUrl: conditionUrl,
    resource: {
      resourceType: 'Condition',
      meta: meta(JP_PROFILE.condition, CONDITION_PROFILE[admission.disease]),
      extension: conditionExtensions,
      identifier: [instanceId('condition-1')],
      clinicalStatus: codeable(SYSTEM.conditionClinical, 'active'),
      verificationStatus: codeable(SYSTEM.conditionVerification, 'confirmed'),
      category: [codeable(SYSTEM.conditionCategory, 'encounter-diagnosis', 'Encounter Diagnosis')],
      code: { coding: [medisPlaceholder(admission.icd10), { system: SYSTEM.icd10, code: admission.icd10.code, display: admission.icd10.display }], text: admission.icd10.display },
      subject: ref(patientUrl),
      encounter: ref(encounterUrl),
      ...(onsetKnown ? { onsetDateTime: jst(admission.onset as number) } : {}),
      recordedDate: jst(admission.admission),
    },
  });
  const comorbidityUrls = admission.comorbidities.map((key, index) =>
    add({
      resourceType: 'Condition',
      meta: meta(JP_PROFILE.condition),
      identifier: [instanceId(`condition-${index + 2}`)],
      clinicalStatus: codeable(SYSTEM.conditionClinical, 'active'),
      verificationStatus: codeable(SYSTEM.conditionVerification, 'confirmed'),
      category: [codeable(SYSTEM.conditionCategory, 'problem-list-item', 'Problem List Item')],
      code: { coding: [medisPlaceholder(COMORBIDITY_ICD10[key]), { system: SYSTEM.icd10, code: COMORBIDITY_ICD10[key].code, display: COMORBIDITY_ICD10[key].display }], text: COMORBIDITY_ICD10[key].display },
      subject: ref(patientUrl),
      encounter: ref(encounterUrl),
      recordedDate: jst(admission.admission),
    }),
  );

  const procedureUrls = admission.procedures.map((procedure) => add(procedureResource(procedure, patientUrl, encounterUrl, practitionerUrl, meta)));
  const observationUrls = { admission: [] as string[], discharge: [] as string[], studies: [] as string[] };
  for (const observation of admission.observations) {
    const fullUrl = add(observationResource(observation, patientUrl, encounterUrl, procedureUrls, meta));
    if (observation.timepoint === 'admission' && OBSERVATION_CODING[observation.kind].category !== 'laboratory') observationUrls.admission.push(fullUrl);
    else if (observation.timepoint === 'pre-onset') observationUrls.admission.push(fullUrl);
    else if (observation.timepoint === 'discharge') observationUrls.discharge.push(fullUrl);
    else observationUrls.studies.push(fullUrl);
  }
  const medicationUrls = admission.medications.map((drug, index) =>
    add({
      resourceType: 'MedicationRequest',
      meta: meta(JP_PROFILE.medicationRequest, IG_PROFILE.medicationRequest),
      identifier: [
        { system: SYSTEM.rpGroupNumber, value: String(index + 1) },
        { system: SYSTEM.administrationIndex, value: '1' },
        instanceId(`medication-${index + 1}`),
      ],
      status: 'completed',
      intent: 'order',
      medicationCodeableConcept: { coding: [{ system: SYSTEM.yj, code: drug.yjCode, display: drug.name }], text: drug.name },
      subject: ref(patientUrl),
      encounter: ref(encounterUrl),
      authoredOn: jst(admission.discharge - HOUR),
      requester: ref(practitionerUrl),
      dosageInstruction: [
        {
          extension: [
            { url: SYSTEM.periodOfUse, valuePeriod: { start: jstDate(admission.discharge) } },
            { url: SYSTEM.usageDuration, valueDuration: { value: 14, unit: '日', system: SYSTEM.ucum, code: 'd' } },
          ],
          text: `1回${drug.tabletsPerDose}錠 ${drug.usageText} 14日分`,
          // No verified JAMI / MHLW usage code for these usages: JP-CLINS's dummy "uncoded" usage code plus text.
          timing: { code: { coding: [{ system: SYSTEM.medicationUsageUncoded, code: '0X0XXXXXXXXX0000', display: 'ダミー用法コード' }], text: drug.usageText } },
          route: codeable(SYSTEM.route, 'PO', '口'),
          doseAndRate: [
            {
              type: codeable(SYSTEM.strengthType, '1', '製剤量'),
              doseQuantity: { value: drug.tabletsPerDose, unit: '錠', system: SYSTEM.merit9Unit, code: 'TAB' },
            },
          ],
        },
      ],
      dispenseRequest: {
        quantity: { value: drug.tabletsPerDose * drug.timesPerDay * 14, unit: '錠', system: SYSTEM.merit9Unit, code: 'TAB' },
        expectedSupplyDuration: { value: 14, unit: '日', system: SYSTEM.ucum, code: 'd' },
      },
    }),
  );

  const courseText = hospitalCourseText(admission, disease.label);
  const courseUrl = add({
    resourceType: 'DocumentReference',
    meta: meta(JP_PROFILE.documentReference),
    status: 'current',
    type: codeable(SYSTEM.loinc, '8648-8', 'Hospital course Narrative'),
    subject: ref(patientUrl),
    date: lastUpdated,
    content: [{ attachment: { contentType: 'text/plain;charset=utf-8', title: '入院中経過', data: Buffer.from(courseText, 'utf8').toString('base64') } }],
  });

  const onsetText = admission.inHospitalOnset
    ? '他疾患で入院中に発症した (院内発症)。'
    : admission.onset === undefined
      ? '発症時刻不明。'
      : `${jst(admission.onset).slice(0, 16).replace('T', ' ')} ${admission.onsetTimeStatus === 'last-known-well' ? '最終未発症確認' : '発症'}、${jst(admission.door as number).slice(0, 16).replace('T', ' ')} 来院。`;
  const subsections: fhir4.CompositionSection[] = [
    section('admissionDetails', `${jstDate(admission.admission)} 緊急入院`, [encounterUrl]),
    section('admissionDiagnoses', admission.icd10.display, [conditionUrl]),
    section('chiefComplaint', admission.chiefComplaint),
    section('reasonForAdmission', `${disease.label}の急性期治療目的`, [encounterUrl]),
    section('presentIllness', `${admission.chiefComplaint}。${onsetText}`),
    ...(comorbidityUrls.length ? [section('pastIllness', admission.comorbidities.map((key) => COMORBIDITY_ICD10[key].display).join('、'), comorbidityUrls)] : []),
    ...(observationUrls.admission.length ? [section('admissionFindings', '入院時の重症度評価', observationUrls.admission)] : []),
    section('hospitalCourse', courseText, [courseUrl]),
    ...(procedureUrls.length ? [section('procedures', admission.procedures.map((procedure) => PROCEDURE_CODING[procedure.kind].display).join('、'), procedureUrls)] : []),
    ...(observationUrls.studies.length ? [section('studies', '入院中の検査・画像所見', observationUrls.studies)] : []),
    section('dischargeDetails', admission.died ? `${jstDate(admission.discharge)} 死亡退院` : `${jstDate(admission.discharge)} 退院`, [encounterUrl]),
    section('dischargeDiagnoses', [admission.icd10.display, ...admission.comorbidities.map((key) => COMORBIDITY_ICD10[key].display)].join('、'), [conditionUrl, ...comorbidityUrls]),
    section('dischargeMedication', medicationUrls.length ? admission.medications.map((drug) => drug.name).join('、') : '退院時処方なし', medicationUrls),
    section('dischargeInstructions', admission.died ? '該当なし (死亡退院)' : dischargeInstruction(admission)),
    ...(observationUrls.discharge.length ? [section('dischargeFindings', '退院時の評価', observationUrls.discharge)] : []),
  ];
  const composition: fhir4.Composition = {
    resourceType: 'Composition',
    meta: meta(JP_PROFILE.composition, IG_PROFILE.composition),
    extension: [{ url: SYSTEM.compositionVersion, valueString: '1' }],
    identifier: { system: SYSTEM.resourceInstance, value: `${hospital.code}-${context.documentNumber}` },
    status: 'final',
    type: { coding: [{ system: SYSTEM.docTypeCodes, code: '18842-5', display: '退院時サマリー' }] },
    category: [{ coding: [{ system: SYSTEM.docSubtypeCodes, code: 'DISCHARGE', display: '退院時文書' }] }],
    subject: ref(patientUrl),
    encounter: ref(encounterUrl),
    date: lastUpdated,
    author: [ref(practitionerUrl), ref(organizationUrl)],
    title: '退院時サマリー',
    custodian: ref(organizationUrl),
    event: [{ period: { start: jst(admission.admission), end: jst(admission.discharge) } }],
    // JP-CLINS forbids narrative on the structured section itself (text 0..0); its sub-sections carry it.
    section: [{ title: SECTION.structured[1], code: { coding: [{ system: SYSTEM.documentSection, code: SECTION.structured[0], display: SECTION.structured[2] }] }, section: subsections }],
  };
  const compositionEntry: fhir4.BundleEntry = { fullUrl: `urn:uuid:${rng.uuid()}`, resource: composition };

  return {
    resourceType: 'Bundle',
    id: rng.uuid(),
    meta: { lastUpdated, profile: [JP_PROFILE.bundle, IG_PROFILE.bundle] },
    identifier: { system: SYSTEM.bundleIdentifier, value: `${hospital.code}^${jst(issued).slice(0, 4)}^${context.documentNumber}` },
    type: 'document',
    timestamp: lastUpdated,
    entry: [compositionEntry, ...entries],
  };
}

type MetaFactory = (...profiles: (string | undefined)[]) => fhir4.Meta;

function procedureResource(procedure: ProcedureFact, patientUrl: string, encounterUrl: string, practitionerUrl: string, meta: MetaFactory): fhir4.Procedure {
  const coding = PROCEDURE_CODING[procedure.kind];
  const extensions: fhir4.Extension[] = [];
  if (procedure.firstDeviceTime !== undefined) extensions.push({ url: IG_EXTENSION.firstDeviceTime, valueDateTime: jst(procedure.firstDeviceTime) });
  if (procedure.reperfusionTime !== undefined) extensions.push({ url: IG_EXTENSION.reperfusionTime, valueDateTime: jst(procedure.reperfusionTime) });
  if (procedure.timiPre !== undefined) extensions.push({ url: IG_EXTENSION.timiFlowPre, valueCodeableConcept: codeable(IG_CODE_SYSTEM.timiFlow, procedure.timiPre, TIMI_DISPLAY[procedure.timiPre]) });
  if (procedure.timiPost !== undefined) extensions.push({ url: IG_EXTENSION.timiFlowPost, valueCodeableConcept: codeable(IG_CODE_SYSTEM.timiFlow, procedure.timiPost, TIMI_DISPLAY[procedure.timiPost]) });
  return {
    resourceType: 'Procedure',
    meta: meta(JP_PROFILE.procedure, coding.profile),
    ...(extensions.length ? { extension: extensions } : {}),
    status: 'completed',
    code: { coding: [{ system: IG_CODE_SYSTEM.procedure, code: procedure.kind, display: coding.display }, ...(coding.snomed ? [coding.snomed] : [])], text: coding.display },
    subject: ref(patientUrl),
    encounter: ref(encounterUrl),
    performedPeriod: { start: jst(procedure.start), ...(procedure.end !== undefined ? { end: jst(procedure.end) } : {}) },
    performer: [{ actor: ref(practitionerUrl) }],
    ...(procedure.culpritVessel ? { bodySite: [codeable(IG_CODE_SYSTEM.coronaryVessel, procedure.culpritVessel, CORONARY_VESSEL_DISPLAY[procedure.culpritVessel])] } : {}),
    ...(procedure.kind === 'ivt' ? { usedCode: [{ text: 'アルテプラーゼ (遺伝子組換え) 静注' }] } : {}),
  };
}

function observationResource(observation: ObservationFact, patientUrl: string, encounterUrl: string, procedureUrls: string[], meta: MetaFactory): fhir4.Observation {
  const coding = OBSERVATION_CODING[observation.kind];
  const value = observation.value;
  const valueElement: Partial<fhir4.Observation> =
    value.type === 'integer'
      ? { valueInteger: value.value }
      : value.type === 'quantity'
        ? { valueQuantity: quantity(value.value, coding.unit as string) }
        : observation.kind === 'nyha'
          ? { valueCodeableConcept: codeable(SYSTEM.snomed, NYHA_SNOMED[value.code], coding.valueDisplays?.[NYHA_SNOMED[value.code]]) }
          : { valueCodeableConcept: codeable(coding.valueSystem as string, value.code, coding.valueDisplays?.[value.code]) };
  return {
    resourceType: 'Observation',
    meta: meta(JP_PROFILE.observation, coding.profile),
    ...(observation.timepoint
      ? {
          extension: [
            {
              url: IG_EXTENSION.assessmentTimepoint,
              valueCodeableConcept: codeable(IG_CODE_SYSTEM.assessmentTimepoint, observation.timepoint, TIMEPOINT_DISPLAY[observation.timepoint]),
            },
          ],
        }
      : {}),
    status: 'final',
    category: [codeable(SYSTEM.observationCategory, coding.category, CATEGORY_DISPLAY[coding.category])],
    code: { coding: coding.code, text: coding.text },
    subject: ref(patientUrl),
    encounter: ref(encounterUrl),
    effectiveDateTime: jst(observation.time),
    ...(observation.procedureIndex !== undefined ? { partOf: [ref(procedureUrls[observation.procedureIndex])] } : {}),
    ...valueElement,
  };
}

function hospitalCourseText(admission: ClinicalAdmission, label: string): string {
  const treatments = admission.procedures.map((procedure) => `${jst(procedure.start).slice(0, 16).replace('T', ' ')} ${PROCEDURE_CODING[procedure.kind].display}`);
  const outcome = admission.died ? '治療に反応せず死亡退院となった。' : `経過良好にて${DESTINATION_DISPLAY[admission.dischargeDestination ?? 'home'] ?? '退院'}。`;
  return `${label}の診断で入院。${treatments.length ? `${treatments.join('、')} を施行。` : '保存的加療を行った。'}${outcome}`;
}

function dischargeInstruction(admission: ClinicalAdmission): string {
  const destination = admission.dischargeDestination ? DESTINATION_DISPLAY[admission.dischargeDestination] : '退院';
  return `${destination}。外来で経過観察と二次予防を継続する。`;
}
