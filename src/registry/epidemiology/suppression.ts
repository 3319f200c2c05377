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
  const { members, groupsOfCell } = marginGroups(cells, dimensions);
  const hiddenInGroup = members.map((group) => group.filter((index) => hidden.has(index)).length);
  // Work list: groups holding exactly one hidden cell. Hidden counts only grow, so a group is settled for good once
  // it holds two; hiding a partner may leave other groups of that partner with exactly one, which join the list.
  const pending = members.flatMap((_group, id) => (hiddenInGroup[id] === 1 ? [id] : []));
  while (pending.length) {
    const id = pending.pop()!;
    if (hiddenInGroup[id] !== 1) continue;
    let smallestShown: number | undefined;
    for (const index of members[id]) {
      if (!hidden.has(index) && cells[index].count > 0 && (smallestShown === undefined || cells[index].count < cells[smallestShown].count)) smallestShown = index;
    }
    if (smallestShown === undefined) continue;
    hidden.add(smallestShown);
    for (const group of groupsOfCell[smallestShown]) {
      if (++hiddenInGroup[group] === 1) pending.push(group);
    }
  }
  return hidden;
}

/**
 * For each non-empty subset S of the dimensions, the cells grouped by their values outside S: every group's member
 * cells, and for each cell the groups it belongs to (one per subset). Values are numbered per dimension so that a
 * group's key is one number (mixed radix) rather than a string.
 */
function marginGroups(cells: readonly CountCell[], dimensions: number): { members: number[][]; groupsOfCell: number[][] } {
  const valueCodes = Array.from({ length: dimensions }, () => new Map<string, number>());
  const coded = cells.map((cell) =>
    valueCodes.map((codes, dimension) => {
      const value = cell.key[dimension];
      let code = codes.get(value);
      if (code === undefined) codes.set(value, (code = codes.size));
      return code;
    }),
  );
  const members: number[][] = [];
  const groupsOfCell: number[][] = cells.map(() => []);
  for (let summed = 1; summed < 1 << dimensions; summed++) {
    const ids = new Map<number, number>();
    coded.forEach((codes, index) => {
      let groupKey = 0;
      for (let dimension = 0; dimension < dimensions; dimension++) {
        if (!(summed & (1 << dimension))) groupKey = groupKey * valueCodes[dimension].size + codes[dimension];
      }
      let id = ids.get(groupKey);
      if (id === undefined) {
        id = members.push([]) - 1;
        ids.set(groupKey, id);
      }
      members[id].push(index);
      groupsOfCell[index].push(id);
    });
  }
  return { members, groupsOfCell };
}
