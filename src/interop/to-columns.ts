import type { ColumnTable } from "arquero";
import { tableKind } from "./table-kind.js";
import type { ColumnValues, DanfoFrameLike, TableInput, TableRecord } from "./types.js";

/** Columns in order, as read from any {@link TableInput}; arrays may be shared with the input. */
export interface OrderedColumns {
  readonly names: readonly string[];
  readonly columns: readonly ColumnValues[];
  readonly length: number;
}

/**
 * Internal kernel shared by the converters: reads any table form into ordered columns
 * without copying where the input already stores columns (typed arrays stay typed).
 * Column order: records use the keys of the first record, then any new keys in order of
 * appearance (missing cells are `undefined`); the other forms keep their own order.
 *
 * @param input - any {@link TableInput}
 * @param caller - public function name for error messages
 * @returns names, column arrays and row count
 * @throws TypeError when `input` is not a table (see {@link tableKind})
 * @example
 * _columns([{ a: 1 }, { a: 2, b: "x" }]).names; // ["a", "b"]
 */
export function _columns(input: unknown, caller: string): OrderedColumns {
  switch (tableKind(input, caller)) {
    case "records":
      return fromRecords(input as readonly TableRecord[]);
    case "arquero": {
      const t = input as ColumnTable;
      const names = t.columnNames();
      return { names, columns: names.map((n) => t.array(n) as ColumnValues), length: t.numRows() };
    }
    case "danfo": {
      const df = input as DanfoFrameLike;
      const names = [...df.columns];
      const rows = (df.shape[0] ?? 0) === 0 ? [] : (df.values as readonly (readonly unknown[])[]);
      const columns = names.map((_, j) => rows.map((r) => (Array.isArray(r) ? r[j] : r)));
      return { names, columns, length: rows.length };
    }
    case "columns": {
      const obj = input as Record<string, ColumnValues>;
      const names = Object.keys(obj);
      const columns = names.map((n) => obj[n] as ColumnValues);
      return { names, columns, length: columns[0]?.length ?? 0 };
    }
  }
}

function fromRecords(rows: readonly TableRecord[]): OrderedColumns {
  const index = new Map<string, number>();
  const names: string[] = [];
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      if (!index.has(k)) {
        index.set(k, names.length);
        names.push(k);
      }
    }
  }
  const columns = names.map((n) => rows.map((r) => r[n]));
  return { names, columns, length: rows.length };
}

/**
 * Converts any table to a frozen columns object: column name to a plain array of values
 * (typed arrays become plain number arrays). Property order follows the table, except that
 * JavaScript lists integer-like names such as `"2024"` first.
 *
 * @param input - records, an arquero table, a danfo DataFrame or a columns object
 * @returns `{ [column]: values[] }`, frozen, with frozen arrays
 * @throws TypeError `toColumns: expected a table ...` naming what was passed
 * @example
 * toColumns([{ id: "00042", x: 1.5 }, { id: "007", x: 2 }]);
 * // { id: ["00042", "007"], x: [1.5, 2] }
 */
export function toColumns<C extends object>(input: TableInput<C>): Readonly<Record<string, readonly unknown[]>> {
  const { names, columns } = _columns(input, "toColumns");
  const out: Record<string, readonly unknown[]> = {};
  names.forEach((n, j) => {
    out[n] = Object.freeze(Array.from(columns[j] as ArrayLike<unknown>));
  });
  return Object.freeze(out);
}
