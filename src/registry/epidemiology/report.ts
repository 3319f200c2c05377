import type { Queryable } from '../../db/database.js';
import { ageBandStartingAt, type AgeBand } from './age-bands.js';
import type { PopulationTable } from './population.js';
import { countCases, UNKNOWN, type CaseCountQuery, type Dimension } from './repository.js';
import { suppressedCells } from './suppression.js';

/** Crude rates are cases per this many person-years. */
export const RATE_PER = 100_000;
const DAY_MS = 86_400_000;
const DAYS_PER_YEAR = 365.25;

export interface EpidemiologyCell {
  /** The cell's value on each group-by dimension ('unknown' where cases lack it); an age band by its label. */
  values: Partial<Record<Dimension, string>>;
  /** Absent when the cell is suppressed. */
  count?: number;
  suppressed: boolean;
  /** Person-years at risk behind the cell (population × years of the cell's time span), when the table has them. */
  personYears?: number;
  /** Cases per RATE_PER person-years; absent when suppressed or without a denominator. */
  rate?: number;
}

export interface EpidemiologyReport {
  query: CaseCountQuery;
  minCellCount: number;
  /** Non-zero cells only: a combination that is not listed counted no case. */
  cells: EpidemiologyCell[];
  /** All cases of the query; absent when below the threshold. */
  total?: number;
  /** Why rates (or some of them) are missing, and other things a reader must know. */
  warnings: string[];
}

export interface ReportOptions {
  minCellCount: number;
  /** Denominators; without it no rates are given. */
  population?: PopulationTable;
  /** Why there is no population table (shown as a warning). */
  populationMissing?: string;
}

/** Counts the query's cells, suppresses small ones and their complements, and adds crude rates where it can. */
export async function epidemiologyReport(sql: Queryable, query: CaseCountQuery, options: ReportOptions): Promise<EpidemiologyReport> {
  const counted = await countCases(sql, query);
  const hidden = suppressedCells(counted, query.groupBy.length, options.minCellCount);
  const total = counted.reduce((sum, cell) => sum + cell.count, 0);
  const warnings: string[] = [];
  const population = ratePopulation(query, options, warnings);
  const cells = counted.map(({ key, count }, index): EpidemiologyCell => {
    const values: Partial<Record<Dimension, string>> = {};
    query.groupBy.forEach((dimension, position) => {
      values[dimension] = dimension === 'age-band' && key[position] !== UNKNOWN ? ageBandStartingAt(Number(key[position]), query.ageBandWidth).label : key[position];
    });
    const suppressed = hidden.has(index);
    const cell: EpidemiologyCell = { values, suppressed, ...(suppressed ? {} : { count }) };
    const personYears = population && cellPersonYears(population, query, key);
    if (personYears) {
      cell.personYears = Math.round(personYears);
      if (!suppressed) cell.rate = Math.round((count / personYears) * RATE_PER * 100) / 100;
    }
    return cell;
  });
  if (population && cells.some((cell) => cell.personYears === undefined)) {
    warnings.push('Some cells have no rate: the population file has no denominator for an unknown or unmatched prefecture, sex or age band');
  }
  if (hidden.size) {
    warnings.push(`${hidden.size} cells are suppressed: counts from 1 to ${options.minCellCount - 1}, and complementary cells that would let them be recovered from totals`);
  }
  return { query, minCellCount: options.minCellCount, cells, ...(total >= options.minCellCount || total === 0 ? { total } : {}), warnings };
}

/** The population to compute rates with, or undefined (and the reason in `warnings`) when rates would mislead. */
function ratePopulation(query: CaseCountQuery, options: ReportOptions, warnings: string[]): PopulationTable | undefined {
  if (!options.population) {
    warnings.push(`Crude rates are omitted: ${options.populationMissing ?? 'no population table is configured (EPI_POPULATION_FILE)'}`);
    return undefined;
  }
  if (query.hospitalCode !== undefined) {
    warnings.push("Crude rates are omitted: one hospital's cases have no population denominator");
    return undefined;
  }
  if (query.prefectureBasis === 'hospital' && query.groupBy.includes('prefecture')) {
    warnings.push("Crude rates are omitted: cases counted by the hospital's prefecture have no resident population denominator");
    return undefined;
  }
  return options.population;
}

function cellPersonYears(population: PopulationTable, query: CaseCountQuery, key: string[]): number | undefined {
  const criteria: { prefecture?: string; sex?: string; band?: AgeBand } = {};
  let month: string | undefined;
  for (const [position, dimension] of query.groupBy.entries()) {
    const value = key[position];
    if (dimension === 'disease') continue;
    if (value === UNKNOWN) return undefined;
    if (dimension === 'prefecture') criteria.prefecture = value;
    else if (dimension === 'sex') criteria.sex = value;
    else if (dimension === 'age-band') criteria.band = ageBandStartingAt(Number(value), query.ageBandWidth);
    else month = value;
  }
  const people = population.denominator(criteria);
  return people === undefined ? undefined : people * yearsAtRisk(query, month);
}

/** Years of the period (or of its part in `month`, YYYY-MM), counting whole days. */
export function yearsAtRisk(query: Pick<CaseCountQuery, 'periodStart' | 'periodEnd'>, month?: string): number {
  let start = Date.parse(`${query.periodStart}T00:00:00Z`);
  let end = Date.parse(`${query.periodEnd}T00:00:00Z`) + DAY_MS;
  if (month) {
    const [year, monthNumber] = month.split('-').map(Number);
    start = Math.max(start, Date.UTC(year, monthNumber - 1, 1));
    end = Math.min(end, Date.UTC(year, monthNumber, 1));
  }
  return Math.max(0, end - start) / DAY_MS / DAYS_PER_YEAR;
}
