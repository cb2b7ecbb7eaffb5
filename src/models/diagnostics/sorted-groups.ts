/**
 * The values of the chosen lines grouped by their group and sorted ascending within each group:
 * a counting sort by group (two passes over the lines), then an insertion sort of each group's
 * few values. Group g holds `values[start[g]]` to `values[start[g + 1] - 1]`.
 *
 * @param lines - how many lines there are
 * @param groups - how many groups (group codes 0 to groups − 1)
 * @param groupOf - the group of line i, or −1 to leave the line out
 * @param valueOf - the value of line i (an integer, e.g. a day)
 * @returns the group offsets (length groups + 1) and the sorted values
 * @throws never
 * @example
 * sortedGroups(3, 2, (i) => [1, 0, 1][i]!, (i) => [9, 4, 2][i]!);
 * // { start: Int32Array [0, 1, 3], values: Int32Array [4, 2, 9] }
 */
export function sortedGroups(lines: number, groups: number, groupOf: (i: number) => number, valueOf: (i: number) => number): { start: Int32Array; values: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < lines; i++) {
    const g = groupOf(i);
    if (g >= 0) start[g + 1]!++;
  }
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const values = new Int32Array(start[groups]!), next = start.slice(0, groups);
  for (let i = 0; i < lines; i++) {
    const g = groupOf(i);
    if (g >= 0) values[next[g]!++] = valueOf(i);
  }
  for (let g = 0; g < groups; g++) {
    const a = start[g]!, b = start[g + 1]!;
    for (let j = a + 1; j < b; j++) {
      const v = values[j]!;
      let k = j - 1;
      while (k >= a && values[k]! > v) {
        values[k + 1] = values[k]!;
        k--;
      }
      values[k + 1] = v;
    }
  }
  return { start, values };
}
