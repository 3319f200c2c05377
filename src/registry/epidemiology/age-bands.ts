/**
 * Age bands of the epidemiology tables: 5- or 10-year bands from 0, closed by one open band from OPEN_BAND_FROM
 * ("90+"), so both widths share the top band and a population table in 5-year bands serves either width.
 */
export type AgeBandWidth = 5 | 10;

export const OPEN_BAND_FROM = 90;

export interface AgeBand {
  /** Label as in tables and population files: "60-69", "90+". */
  label: string;
  from: number;
  /** Last age in the band; Infinity for the open top band. */
  to: number;
}

/** Lower bound of the band holding `age` (whole years at admission). */
export function ageBandFrom(age: number, width: AgeBandWidth): number {
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`age must be a non-negative integer, got ${age}`);
  return age >= OPEN_BAND_FROM ? OPEN_BAND_FROM : age - (age % width);
}

/** The band starting at `from` (as ageBandFrom returns it). */
export function ageBandStartingAt(from: number, width: AgeBandWidth): AgeBand {
  if (from >= OPEN_BAND_FROM) return { label: `${OPEN_BAND_FROM}+`, from: OPEN_BAND_FROM, to: Infinity };
  return { label: `${from}-${from + width - 1}`, from, to: from + width - 1 };
}

export function ageBand(age: number, width: AgeBandWidth): AgeBand {
  return ageBandStartingAt(ageBandFrom(age, width), width);
}

/** Parses a band label ("0-4", "65-69", "100+"); undefined when it is not one. */
export function parseAgeBand(label: string): AgeBand | undefined {
  const open = /^(\d{1,3})\+$/.exec(label);
  if (open) return { label, from: Number(open[1]), to: Infinity };
  const closed = /^(\d{1,3})-(\d{1,3})$/.exec(label);
  if (!closed) return undefined;
  const [from, to] = [Number(closed[1]), Number(closed[2])];
  return from <= to ? { label, from, to } : undefined;
}

/**
 * Whether `parts` (bands of a population table) tile `band` exactly: contiguous, none reaching outside it. A band
 * that straddles the boundary, or a gap, means the table cannot give that band's denominator.
 */
export function bandsTile(band: AgeBand, parts: AgeBand[]): boolean {
  const inside = parts.filter((part) => part.from >= band.from && part.from <= band.to).sort((a, b) => a.from - b.from);
  if (!inside.length || inside[0].from !== band.from) return false;
  for (let i = 1; i < inside.length; i++) if (inside[i].from !== inside[i - 1].to + 1) return false;
  return inside[inside.length - 1].to === band.to;
}
