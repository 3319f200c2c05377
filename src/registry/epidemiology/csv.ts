import type { EpidemiologyReport } from './report.js';

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
function field(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as CSV (RFC 4180, CRLF): one row per non-zero cell with a column per group-by dimension, then count
 * (empty when suppressed), suppressed, person_years and rate_per_100000_person_years (empty when not given).
 */
export function reportCsv(report: EpidemiologyReport): string {
  const dimensions = report.query.groupBy;
  const header = [...dimensions.map((dimension) => dimension.replace('-', '_')), 'count', 'suppressed', 'person_years', 'rate_per_100000_person_years'];
  const rows = report.cells.map((cell) =>
    [...dimensions.map((dimension) => cell.values[dimension]), cell.count, String(cell.suppressed), cell.personYears, cell.rate].map(field).join(','),
  );
  return [header.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}
