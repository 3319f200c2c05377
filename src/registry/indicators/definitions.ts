import { createHash } from 'node:crypto';
import fhirpath from 'fhirpath';
import type { ConformanceRegistry } from '../../conformance/package-loader.js';
import { IG_BASE } from '../synthetic/canonical.js';

export const MEASURE_POPULATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-population';
const MEASURE_PREFIX = `${IG_BASE}/Measure/`;
const FHIRPATH_LANGUAGE = 'text/fhirpath';

/** The populations of a proportion measure, in the order a case passes through them. */
export const POPULATION_CODES = ['initial-population', 'denominator', 'denominator-exclusion', 'numerator'] as const;
export type PopulationCode = (typeof POPULATION_CODES)[number];

export interface PopulationCriteria {
  code: PopulationCode;
  description?: string;
  expression: string;
}

/** One clinical indicator as its IG Measure defines it: what the server needs to count and report it. */
export interface IndicatorDefinition {
  id: string;
  url: string;
  version?: string;
  title: string;
  /** jp-cvd-disease-group code of the Measure's focus use context. */
  disease?: string;
  improvementNotation?: fhir4.CodeableConcept;
  populations: Record<PopulationCode, PopulationCriteria>;
  measure: fhir4.Measure;
}

type Criterion = (input: unknown) => unknown[];

/**
 * Every IG Measure, each population's FHIRPath criteria compiled once (shared by text: Measures repeat the same
 * initial population), and a fingerprint of all criteria: stored per-case results made under another fingerprint
 * are stale.
 */
export class IndicatorSet {
  readonly indicators: IndicatorDefinition[];
  readonly byId: ReadonlyMap<string, IndicatorDefinition>;
  readonly fingerprint: string;
  private readonly compiled = new Map<string, Criterion>();

  constructor(measures: fhir4.Measure[]) {
    this.indicators = measures.map(indicatorOf).sort((a, b) => a.id.localeCompare(b.id));
    this.byId = new Map(this.indicators.map((indicator) => [indicator.id, indicator]));
    for (const indicator of this.indicators) {
      for (const population of Object.values(indicator.populations)) {
        if (this.compiled.has(population.expression)) continue;
        try {
          this.compiled.set(population.expression, fhirpath.compile(population.expression, undefined, { resolveInternalTypes: false }) as Criterion);
        } catch (error) {
          throw new Error(`Measure ${indicator.id} ${population.code}: FHIRPath does not compile: ${(error as Error).message}`);
        }
      }
    }
    const hash = createHash('sha256');
    for (const indicator of this.indicators) {
      hash.update(JSON.stringify([indicator.url, indicator.version, POPULATION_CODES.map((code) => indicator.populations[code].expression)]));
    }
    this.fingerprint = hash.digest('hex').slice(0, 32);
  }

  /** The compiled criterion of an expression of one of these Measures. */
  criterion(expression: string): Criterion {
    const compiled = this.compiled.get(expression);
    if (!compiled) throw new Error(`not a criterion of the loaded Measures: ${expression}`);
    return compiled;
  }
}

const loaded = new WeakMap<ConformanceRegistry, IndicatorSet>();

/** The IG's indicators (Measures with the IG's canonical base), read and compiled once per conformance registry. */
export function indicatorSet(conformance: ConformanceRegistry): IndicatorSet {
  let set = loaded.get(conformance);
  if (!set) {
    set = new IndicatorSet(conformance.allOfType<fhir4.Measure>('Measure').filter((measure) => measure.url?.startsWith(MEASURE_PREFIX)));
    loaded.set(conformance, set);
  }
  return set;
}

function indicatorOf(measure: fhir4.Measure): IndicatorDefinition {
  const name = measure.id ?? measure.url ?? '(unnamed Measure)';
  const scoring = measure.scoring?.coding?.[0]?.code;
  if (scoring !== 'proportion') throw new Error(`Measure ${name}: scoring ${scoring} is not supported (proportion only)`);
  if (measure.group?.length !== 1) throw new Error(`Measure ${name}: exactly one group is supported`);
  const populations = {} as Record<PopulationCode, PopulationCriteria>;
  for (const population of measure.group[0].population ?? []) {
    const code = population.code?.coding?.find((coding) => coding.system === MEASURE_POPULATION_SYSTEM)?.code as PopulationCode | undefined;
    if (!code || !POPULATION_CODES.includes(code)) throw new Error(`Measure ${name}: population ${code} is not supported`);
    if (population.criteria.language !== FHIRPATH_LANGUAGE || !population.criteria.expression) {
      throw new Error(`Measure ${name} ${code}: criteria must be a ${FHIRPATH_LANGUAGE} expression`);
    }
    populations[code] = { code, description: population.description, expression: population.criteria.expression };
  }
  for (const code of POPULATION_CODES) if (!populations[code]) throw new Error(`Measure ${name}: population ${code} is missing`);
  return {
    id: measure.id as string,
    url: measure.url as string,
    version: measure.version,
    title: measure.title ?? measure.name ?? name,
    disease: measure.useContext?.find((context) => context.code.code === 'focus')?.valueCodeableConcept?.coding?.[0]?.code,
    improvementNotation: measure.improvementNotation,
    populations,
    measure,
  };
}
