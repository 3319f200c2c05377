/**
 * Draws one admission's clinical course: onset and door times, the disease table's severity / treatment course,
 * in-hospital death, length of stay, discharge destination and discharge drugs.
 */
import type { DiseaseSpec, HospitalCapabilities } from './diseases.js';
import { DAY, HOUR, MINUTE, type ClinicalAdmission, type ComorbidityKey, type DischargeDestination } from './model.js';
import type { SeededRandom } from './random.js';

export interface AdmissionInput {
  rng: SeededRandom;
  disease: DiseaseSpec;
  age: number;
  hospital: HospitalCapabilities;
  /** Midnight (JST) of the day the patient reaches the hospital, or falls ill in it. */
  day: number;
  /** Probability that an optional item is not recorded. */
  missingRate: number;
}

const COMORBIDITY_KEYS: readonly ComorbidityKey[] = ['hypertension', 'diabetes', 'dyslipidemia', 'atrialFibrillation', 'chronicKidneyDisease'];

/** Hour of day of arrival: fewer at night, a morning peak (stroke and ACS onsets cluster in the morning). */
const ARRIVAL_HOURS = Array.from({ length: 24 }, (_, hour) => ({ value: hour, weight: hour < 6 ? 0.5 : hour < 12 ? 1.6 : hour < 20 ? 1.1 : 0.8 }));

export function simulateAdmission(input: AdmissionInput): ClinicalAdmission {
  const { rng, disease } = input;
  const recorded = () => !rng.chance(input.missingRate);
  const comorbidities = new Set(COMORBIDITY_KEYS.filter((key) => rng.chance(disease.comorbidity[key])));
  const inHospitalOnset = rng.chance(disease.inHospitalOnsetShare);
  const onsetTimeStatus = rng.weighted(disease.onsetTimeStatus);
  const dayTime = input.day + rng.weighted(ARRIVAL_HOURS) * HOUR + rng.int(0, 59) * MINUTE;

  let door: number | undefined;
  let onset: number | undefined;
  let admission: number;
  let onsetToDoorMinutes: number | undefined;
  if (inHospitalOnset) {
    // Already an inpatient for something else: the index admission started days before onset; no door time.
    onset = dayTime;
    admission = onset - rng.int(1, 14) * DAY - rng.int(0, 8) * HOUR;
    onsetToDoorMinutes = 20;
  } else {
    door = dayTime;
    admission = door;
    onsetToDoorMinutes = Math.min(7 * 24 * 60, Math.max(10, rng.logNormal(disease.onsetToDoor.medianMinutes, disease.onsetToDoor.geometricSd)));
    onset = onsetTimeStatus === 'unknown' ? undefined : door - Math.round(onsetToDoorMinutes) * MINUTE;
    if (onsetTimeStatus === 'unknown') onsetToDoorMinutes = undefined;
  }
  const treatmentStart = door ?? (onset as number) + 20 * MINUTE;
  const course = disease.course({
    rng,
    age: input.age,
    door: treatmentStart,
    onsetToDoorMinutes,
    hospital: input.hospital,
    comorbidities,
    recorded,
  });

  const died = rng.chance(Math.min(0.95, disease.inHospitalMortality * course.deathRiskRatio));
  const latestEvent = Math.max(
    treatmentStart,
    ...course.procedures.map((procedure) => procedure.end ?? procedure.start),
    ...course.observations.map((observation) => observation.time),
  );
  let discharge: number;
  if (died) {
    discharge = Math.max(latestEvent + rng.int(1, 12) * HOUR, treatmentStart + Math.max(0.1, rng.logNormal(5, 2.8)) * DAY);
  } else {
    const stayDays = Math.min(180, Math.max(2, rng.logNormal(disease.lengthOfStay.medianDays, disease.lengthOfStay.geometricSd)));
    const dischargeDay = Math.floor((admission + 9 * HOUR + stayDays * DAY) / DAY) * DAY - 9 * HOUR;
    // Discharges happen late morning / early afternoon, at least a day after the last event.
    discharge = Math.max(dischargeDay + rng.int(10, 15) * HOUR + rng.int(0, 59) * MINUTE, latestEvent + DAY);
  }

  let dischargeDestination: DischargeDestination;
  if (died) dischargeDestination = 'death';
  else if (rng.chance(course.rehabilitationTransfer)) dischargeDestination = 'transfer-rehabilitation';
  else
    dischargeDestination = rng.weighted([
      { value: 'home' as const, weight: 86 },
      { value: 'transfer-acute' as const, weight: 4 },
      { value: 'nursing-facility' as const, weight: input.age >= 80 ? 12 : 5 },
      { value: 'other' as const, weight: 1 },
    ]);

  return {
    disease: disease.key,
    icd10: course.icd10,
    onsetTimeStatus: inHospitalOnset || recorded() ? onsetTimeStatus : undefined,
    onset,
    inHospitalOnset,
    arrivalMode: inHospitalOnset ? 'in-hospital' : recorded() ? rng.weighted(disease.arrivalMode) : undefined,
    door,
    admission,
    discharge,
    died,
    dischargeDestination: died || recorded() ? dischargeDestination : undefined,
    comorbidities: [...comorbidities],
    observations: [...course.observations, ...course.atDischarge(discharge - 2 * HOUR, died)],
    procedures: course.procedures,
    medications: died ? [] : course.medications,
    chiefComplaint: rng.pick(disease.chiefComplaints),
  };
}
