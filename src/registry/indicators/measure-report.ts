import { SYSTEM } from '../synthetic/canonical.js';
import type { PopulationCounts } from './case-results.js';
import { MEASURE_POPULATION_SYSTEM, type IndicatorDefinition, type PopulationCode } from './definitions.js';

export interface ReportPeriod {
  /** As the client gave them (a date or dateTime): the report's period. */
  start: string;
  end: string;
}

/** Patient ids per population, for a subject-list report. */
export type PopulationSubjects = Record<'initialPopulation' | 'denominator' | 'exclusion' | 'numerator', string[]>;

const COUNT_KEYS: Record<PopulationCode, keyof PopulationSubjects> = {
  'initial-population': 'initialPopulation',
  denominator: 'denominator',
  'denominator-exclusion': 'exclusion',
  numerator: 'numerator',
};

const EMPTY_COUNTS = { initialPopulation: 0, denominator: 0, exclusion: 0, numerator: 0 };

/** numerator / (denominator − exclusions), to six decimals; undefined when no case is left to score. */
export function proportion(counts: Pick<PopulationCounts, 'denominator' | 'exclusion' | 'numerator'>): number | undefined {
  const scored = counts.denominator - counts.exclusion;
  return scored > 0 ? Math.round((counts.numerator / scored) * 1e6) / 1e6 : undefined;
}

/**
 * The R4 MeasureReport of one indicator: the count of each population and the proportion score; for a
 * subject-list report each population also lists its patients in a contained List.
 */
export function measureReport(
  indicator: IndicatorDefinition,
  counts: PopulationCounts | undefined,
  period: ReportPeriod,
  hospitalCode: string | undefined,
  subjects?: PopulationSubjects,
): fhir4.MeasureReport {
  const tally = counts ?? EMPTY_COUNTS;
  const lists: fhir4.List[] = [];
  const population = Object.values(indicator.populations).map((criteria): fhir4.MeasureReportGroupPopulation => {
    const key = COUNT_KEYS[criteria.code];
    const entry: fhir4.MeasureReportGroupPopulation = {
      code: { coding: [{ system: MEASURE_POPULATION_SYSTEM, code: criteria.code }] },
      count: tally[key],
    };
    if (subjects) {
      lists.push({
        resourceType: 'List',
        id: criteria.code,
        status: 'current',
        mode: 'snapshot',
        entry: subjects[key].map((patientId) => ({ item: { reference: `Patient/${patientId}` } })),
      });
      entry.subjectResults = { reference: `#${criteria.code}` };
    }
    return entry;
  });
  const score = proportion(tally);
  return {
    resourceType: 'MeasureReport',
    ...(lists.length ? { contained: lists } : {}),
    status: 'complete',
    type: subjects ? 'subject-list' : 'summary',
    measure: indicator.version ? `${indicator.url}|${indicator.version}` : indicator.url,
    date: new Date().toISOString(),
    ...(hospitalCode ? { reporter: { identifier: { system: SYSTEM.medicalInstitutionNo, value: hospitalCode } } } : {}),
    period: { start: period.start, end: period.end },
    ...(indicator.improvementNotation ? { improvementNotation: indicator.improvementNotation } : {}),
    group: [{ population, ...(score !== undefined ? { measureScore: { value: score } } : {}) }],
  };
}
