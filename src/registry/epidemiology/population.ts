import { readFile, stat } from 'node:fs/promises';
import { bandsTile, parseAgeBand, type AgeBand } from './age-bands.js';

/**
 * Resident population by prefecture, age band and sex, the denominators of crude rates, from a CSV file such as one
 * made from the e-Stat census tables (docs/EPIDEMIOLOGY.md, "Population file"):
 *
 *   prefecture,age_band,sex,population
 *   13,0-4,male,271234
 *   13,90+,female,123456
 *
 * prefecture: 2-digit JIS X 0401 code; age_band: "from-to" or "from+" (any widths, e.g. the census's 5-year bands);
 * sex: male | female. Blank lines and lines starting with '#' are skipped.
 */
export interface PopulationRow {
  prefecture: string;
  band: AgeBand;
  sex: 'male' | 'female';
  population: number;
}

export class PopulationFileError extends Error {}

export class PopulationTable {
  /** The distinct age bands of the file, to check that a table's bands can be built from them. */
  private readonly bands: AgeBand[];
  private readonly sums = new Map<string, number | undefined>();

  constructor(readonly rows: readonly PopulationRow[]) {
    const byLabel = new Map(rows.map((row) => [row.band.label, row.band]));
    this.bands = [...byLabel.values()];
  }

  /**
   * Population of the rows matching every given criterion (an omitted one sums over all its values); undefined when
   * the file cannot give it: an age band its bands do not tile, or a prefecture or sex it has no rows for.
   */
  denominator(criteria: { prefecture?: string; sex?: string; band?: AgeBand }): number | undefined {
    // A table has thousands of cells but few distinct strata: each sum is made once.
    const key = `${criteria.prefecture}|${criteria.sex}|${criteria.band?.label}`;
    if (!this.sums.has(key)) this.sums.set(key, this.sum(criteria));
    return this.sums.get(key);
  }

  private sum({ prefecture, sex, band }: { prefecture?: string; sex?: string; band?: AgeBand }): number | undefined {
    if (band && !bandsTile(band, this.bands)) return undefined;
    let total = 0;
    let matched = false;
    for (const row of this.rows) {
      if (prefecture !== undefined && row.prefecture !== prefecture) continue;
      if (sex !== undefined && row.sex !== sex) continue;
      if (band && (row.band.from < band.from || row.band.to > band.to)) continue;
      total += row.population;
      matched = true;
    }
    return matched ? total : undefined;
  }
}

export function parsePopulationCsv(text: string, source = 'population file'): PopulationTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines.findIndex((line) => line.trim() !== '' && !line.startsWith('#'));
  const columns = header < 0 ? [] : lines[header].split(',').map((name) => name.trim().toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  if (['prefecture', 'age_band', 'sex', 'population'].some((name) => at(name) < 0)) {
    throw new PopulationFileError(`${source}: the header must name the columns prefecture, age_band, sex, population`);
  }
  const rows: PopulationRow[] = [];
  for (let index = header + 1; index < lines.length; index++) {
    const line = lines[index];
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = line.split(',').map((field) => field.trim());
    const where = `${source} line ${index + 1}`;
    const prefecture = fields[at('prefecture')];
    const band = parseAgeBand(fields[at('age_band')] ?? '');
    const sex = fields[at('sex')];
    const population = Number(fields[at('population')]);
    if (!/^\d{2}$/.test(prefecture ?? '')) throw new PopulationFileError(`${where}: prefecture must be a 2-digit JIS X 0401 code`);
    if (!band) throw new PopulationFileError(`${where}: age_band must look like "65-69" or "90+"`);
    if (sex !== 'male' && sex !== 'female') throw new PopulationFileError(`${where}: sex must be male or female`);
    if (!Number.isSafeInteger(population) || population < 0) throw new PopulationFileError(`${where}: population must be a non-negative integer`);
    rows.push({ prefecture, band, sex, population });
  }
  if (!rows.length) throw new PopulationFileError(`${source}: no population rows`);
  return new PopulationTable(rows);
}

let cached: { path: string; modified: number; table: PopulationTable } | undefined;

/** The population table at `path`, parsed once and re-read when the file changes. */
export async function loadPopulationTable(path: string): Promise<PopulationTable> {
  const modified = (await stat(path)).mtimeMs;
  if (cached?.path === path && cached.modified === modified) return cached.table;
  const table = parsePopulationCsv(await readFile(path, 'utf8'), path);
  cached = { path, modified, table };
  return table;
}
