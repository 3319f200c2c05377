import { describe, expect, it } from 'vitest';
import { ageBand, bandsTile, parseAgeBand } from '../../src/registry/epidemiology/age-bands.js';
import { parsePopulationCsv, PopulationFileError } from '../../src/registry/epidemiology/population.js';
import { yearsAtRisk } from '../../src/registry/epidemiology/report.js';

describe('age bands', () => {
  it('bands ages in 10-year bands with an open 90+ band', () => {
    expect([0, 9, 10, 59, 60, 89, 90, 104].map((age) => ageBand(age, 10).label)).toEqual(['0-9', '0-9', '10-19', '50-59', '60-69', '80-89', '90+', '90+']);
  });

  it('bands ages in 5-year bands with the same open band', () => {
    expect([0, 4, 5, 67, 85, 89, 90].map((age) => ageBand(age, 5).label)).toEqual(['0-4', '0-4', '5-9', '65-69', '85-89', '85-89', '90+']);
  });

  it('refuses negative and fractional ages', () => {
    expect(() => ageBand(-1, 10)).toThrow(RangeError);
    expect(() => ageBand(3.5, 5)).toThrow(RangeError);
  });

  it('parses band labels and knows when population bands tile a table band', () => {
    expect(parseAgeBand('65-69')).toEqual({ label: '65-69', from: 65, to: 69 });
    expect(parseAgeBand('100+')).toEqual({ label: '100+', from: 100, to: Infinity });
    expect(parseAgeBand('70-65')).toBeUndefined();
    const census = ['60-64', '65-69', '90-94', '95-99', '100+'].map((label) => parseAgeBand(label)!);
    expect(bandsTile(ageBand(62, 10), census)).toBe(true);
    expect(bandsTile(ageBand(92, 10), census)).toBe(true);
    expect(bandsTile(ageBand(72, 10), census)).toBe(false);
    expect(bandsTile(ageBand(62, 10), ['60-69', '58-62'].map((label) => parseAgeBand(label)!))).toBe(true);
    expect(bandsTile(ageBand(62, 5), [parseAgeBand('60-69')!])).toBe(false);
  });
});

describe('population file', () => {
  const csv = ['# synthetic', 'prefecture,age_band,sex,population', '13,60-64,male,100', '13,65-69,male,200', '13,60-64,female,300', '13,65-69,female,400', '01,60-64,male,50', ''].join('\n');

  it('sums the rows a cell covers and gives nothing it cannot cover', () => {
    const table = parsePopulationCsv(csv);
    expect(table.denominator({})).toBe(1050);
    expect(table.denominator({ prefecture: '13', sex: 'male', band: ageBand(60, 10) })).toBe(300);
    expect(table.denominator({ band: ageBand(65, 5) })).toBe(600);
    expect(table.denominator({ prefecture: '47' })).toBeUndefined();
    expect(table.denominator({ sex: 'unknown' })).toBeUndefined();
    expect(table.denominator({ band: ageBand(70, 10) })).toBeUndefined();
  });

  it('names the line of a malformed row', () => {
    expect(() => parsePopulationCsv('prefecture,age_band,sex,population\n13,60-64,man,10\n')).toThrow(/line 2: sex/);
    expect(() => parsePopulationCsv('pref,band\n')).toThrow(PopulationFileError);
  });

  it('counts person-years over the period or its part in a month', () => {
    expect(yearsAtRisk({ periodStart: '2024-01-01', periodEnd: '2024-12-31' })).toBeCloseTo(366 / 365.25, 6);
    expect(yearsAtRisk({ periodStart: '2024-01-15', periodEnd: '2024-12-31' }, '2024-01')).toBeCloseTo(17 / 365.25, 6);
    expect(yearsAtRisk({ periodStart: '2024-01-01', periodEnd: '2024-12-31' }, '2025-01')).toBe(0);
  });
});
