/**
 * Small-cell suppression of a count table (docs/EPIDEMIOLOGY.md, "Suppression").
 *
 * Primary: a cell counting 1 … minCount-1 is hidden. Zero cells are not (the table lists only non-zero cells; an
 * absent cell is 0).
 *
 * Complementary: any total over some of the table's dimensions can be asked for (by a query that groups by fewer
 * dimensions), so for every non-empty set S of dimensions, the cells that agree on all dimensions outside S (one
 * "margin group", whose sum is that query's cell) must never hold exactly one hidden cell — else that total minus
 * the shown cells gives it away. Where a group holds exactly one, its smallest shown non-zero cell is hidden too,
 * and this repeats until no group changes. A group whose other cells are all zero needs no complement: its total
 * equals the hidden cell, is below the threshold and is hidden wherever it is published.
 */
export interface CountCell {
  /** The cell's value on each dimension, in the table's dimension order. */
  key: readonly string[];
  count: number;
}

/** Indices of `cells` to hide. */
export function suppressedCells(cells: readonly CountCell[], dimensions: number, minCount: number): Set<number> {
  const hidden = new Set<number>();
  cells.forEach((cell, index) => {
    if (cell.count > 0 && cell.count < minCount) hidden.add(index);
  });
  if (!hidden.size) return hidden;
  const groupings = marginGroupings(cells, dimensions);
  let changed = true;
  while (changed) {
    changed = false;
    for (const groups of groupings) {
      for (const members of groups) {
        let hiddenCount = 0;
        let smallestShown: number | undefined;
        for (const index of members) {
          if (hidden.has(index)) hiddenCount++;
          else if (cells[index].count > 0 && (smallestShown === undefined || cells[index].count < cells[smallestShown].count)) smallestShown = index;
        }
        if (hiddenCount === 1 && smallestShown !== undefined) {
          hidden.add(smallestShown);
          changed = true;
        }
      }
    }
  }
  return hidden;
}

/** For each non-empty subset S of the dimensions: the cells grouped by their values outside S. */
function marginGroupings(cells: readonly CountCell[], dimensions: number): number[][][] {
  const groupings: number[][][] = [];
  for (let summed = 1; summed < 1 << dimensions; summed++) {
    const groups = new Map<string, number[]>();
    cells.forEach((cell, index) => {
      const kept = cell.key.filter((_value, dimension) => !(summed & (1 << dimension)));
      const groupKey = JSON.stringify(kept);
      const members = groups.get(groupKey);
      if (members) members.push(index);
      else groups.set(groupKey, [index]);
    });
    groupings.push([...groups.values()]);
  }
  return groupings;
}
