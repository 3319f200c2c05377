import { describe, expect, it } from 'vitest';
import { suppressedCells, type CountCell } from '../../src/registry/epidemiology/suppression.js';

/** A two-way table (rows × columns) as cells, keyed [row, column]; 0 entries are left out, as the query does. */
function table(counts: Record<string, Record<string, number>>): CountCell[] {
  return Object.entries(counts).flatMap(([row, columns]) =>
    Object.entries(columns)
      .filter(([, count]) => count > 0)
      .map(([column, count]) => ({ key: [row, column], count })),
  );
}

const keysOf = (cells: CountCell[], hidden: Set<number>) => [...hidden].map((index) => cells[index].key.join('/')).sort();

/** Every margin group (cells sharing all values but the summed dimensions) has 0 or ≥ 2 hidden non-zero cells. */
function noGroupWithOneHidden(cells: CountCell[], dimensions: number, hidden: Set<number>): boolean {
  for (let summed = 1; summed < 1 << dimensions; summed++) {
    const hiddenPerGroup = new Map<string, { hidden: number; shown: number }>();
    cells.forEach((cell, index) => {
      const group = JSON.stringify(cell.key.filter((_v, dimension) => !(summed & (1 << dimension))));
      const entry = hiddenPerGroup.get(group) ?? { hidden: 0, shown: 0 };
      if (hidden.has(index)) entry.hidden++;
      else entry.shown++;
      hiddenPerGroup.set(group, entry);
    });
    for (const entry of hiddenPerGroup.values()) if (entry.hidden === 1 && entry.shown > 0) return false;
  }
  return true;
}

describe('small-cell suppression', () => {
  it('hides counts from 1 to threshold - 1 and nothing when every cell is large enough', () => {
    const cells = table({ a: { m: 10, f: 25 }, b: { m: 40, f: 12 } });
    expect(suppressedCells(cells, 2, 10).size).toBe(0);
    expect(keysOf(cells, suppressedCells(cells, 2, 11))).toEqual(expect.arrayContaining(['a/m']));
  });

  it('adds the smallest shown cell of a row and of a column so a hidden cell cannot be taken from the totals', () => {
    const cells = table({ a: { m: 3, f: 50, x: 20 }, b: { m: 30, f: 60, x: 15 }, c: { m: 40, f: 70, x: 80 } });
    const hidden = suppressedCells(cells, 2, 10);
    // a/m is primary; row a's smallest other is a/x (20), column m's is b/m (30); b/x then closes row b and column x.
    expect(keysOf(cells, hidden)).toEqual(['a/m', 'a/x', 'b/m', 'b/x']);
    expect(noGroupWithOneHidden(cells, 2, hidden)).toBe(true);
  });

  it('protects the grand total: two hidden cells even when their rows and columns hold nothing else', () => {
    // a/m is alone in its row and column (the others are zero), but the table total would still reveal it: the
    // smallest cell, c/f, is hidden too, which then needs partners in its own row and column (c/x, b/f, then b/x).
    const cells = table({ a: { m: 4 }, b: { f: 30, x: 50 }, c: { f: 25, x: 60 } });
    const hidden = suppressedCells(cells, 2, 10);
    expect(keysOf(cells, hidden)).toEqual(['a/m', 'b/f', 'b/x', 'c/f', 'c/x']);
    expect(noGroupWithOneHidden(cells, 2, hidden)).toBe(true);
  });

  it('needs no complement where the only non-zero cell of every group is the hidden one', () => {
    const cells = [{ key: ['x'], count: 4 }];
    expect(keysOf(cells, suppressedCells(cells, 1, 10))).toEqual(['x']);
  });

  it('never leaves exactly one hidden cell in any margin of a random five-way table', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const cells: CountCell[] = [];
    for (let i = 0; i < 400; i++) {
      const key = [`d${Math.floor(random() * 3)}`, `p${Math.floor(random() * 4)}`, `a${Math.floor(random() * 5)}`, `s${Math.floor(random() * 2)}`, `m${Math.floor(random() * 6)}`];
      if (!cells.some((cell) => cell.key.join() === key.join())) cells.push({ key, count: Math.floor(random() * 30) + 1 });
    }
    const hidden = suppressedCells(cells, 5, 10);
    expect(hidden.size).toBeGreaterThan(cells.filter((cell) => cell.count < 10).length);
    for (const [index, cell] of cells.entries()) if (cell.count < 10) expect(hidden.has(index)).toBe(true);
    expect(noGroupWithOneHidden(cells, 5, hidden)).toBe(true);
  });

  it('hides a table-wide total below the threshold', () => {
    expect(suppressedCells([{ key: [], count: 9 }], 0, 10).size).toBe(1);
    expect(suppressedCells([{ key: [], count: 10 }], 0, 10).size).toBe(0);
  });
});
