import { csvCell, csvText } from "./csv-cell.js";

/**
 * Renders columns as CSV text with a header, one line per row, every cell through the shared
 * {@link csvCell}: numbers to 15 significant digits (non-finite as `Infinity`, empty for NaN),
 * text cells that start with a formula character neutralised with a leading `'`, LF line ends.
 *
 * @param names - the column names, in output order
 * @param columns - one array per name, each at least `length` long
 * @param length - the number of rows
 * @returns the CSV text, ending with a newline
 * @example
 * columnsToCsv(["id", "x"], [["a"], [0.1 + 0.2]], 1); // "id,x\na,0.3\n"
 */
export function columnsToCsv(names: readonly string[], columns: readonly ArrayLike<string | number | null>[], length: number): string {
  const lines = [names.map(csvText).join(",")];
  for (let i = 0; i < length; i++) {
    lines.push(columns.map((c) => csvCell(c[i])).join(","));
  }
  return lines.join("\n") + "\n";
}
