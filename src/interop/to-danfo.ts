import { loadDanfo } from "./load-danfo.js";
import { tableKind } from "./table-kind.js";
import { _columns } from "./to-columns.js";
import type { DanfoFrameLike, TableInput } from "./types.js";

/**
 * Converts any table to a danfojs-node `DataFrame`, keeping column order (also for
 * integer-like names). Typed arrays become plain number arrays; text stays text, so ids such
 * as `"00042"` keep their leading zeros (the dtype is set to `"string"` explicitly, since
 * danfo would otherwise infer `int32` for digit strings). Dates become ISO strings and
 * bigints numbers. danfojs-node (and TensorFlow.js) is loaded on the first call only.
 *
 * @param input - records, an arquero table, a danfo DataFrame (returned as is) or a columns object
 * @returns a new `DataFrame` (typed structurally; it is a real `dfd.DataFrame`)
 * @throws TypeError `toDanfo: expected a table ...` naming what was passed
 * @throws Error when danfojs-node cannot be loaded
 * @example
 * const df = toDanfo([{ id: "00042", x: 1.5 }]);
 * df.dtypes; // ["string", "float32"]
 */
export function toDanfo<C extends object>(input: TableInput<C>): DanfoFrameLike {
  if (tableKind(input, "toDanfo") === "danfo") return input as DanfoFrameLike;
  const { names, columns, length } = _columns(input, "toDanfo");
  const plain = columns.map((c) => Array.from(c as ArrayLike<unknown>, toDanfoValue));
  const dtypes = plain.map(dtypeOf);
  const rows: unknown[][] = new Array(length);
  for (let i = 0; i < length; i++) rows[i] = plain.map((c) => c[i]);
  const { DataFrame } = loadDanfo("toDanfo");
  return new DataFrame(rows, { columns: [...names], dtypes });
}

function toDanfoValue(v: unknown): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === "bigint") return Number(v);
  return v;
}

/** danfo dtype of a plain column: numbers -> int32/float32, booleans -> boolean, else string. */
function dtypeOf(values: readonly unknown[]): string {
  let numbers = 0, integers = 0, booleans = 0, present = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    present++;
    if (typeof v === "number") {
      numbers++;
      if (Number.isInteger(v) && Math.abs(v) <= 2147483647) integers++;
    } else if (typeof v === "boolean") booleans++;
  }
  if (present > 0 && numbers === present) return integers === present ? "int32" : "float32";
  if (present > 0 && booleans === present) return "boolean";
  return "string";
}
