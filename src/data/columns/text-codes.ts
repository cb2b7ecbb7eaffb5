import type { TextColumn, Transactions } from "../types.js";

/** A text column as integer codes: `dictionary[codes[i]]` is the value of row i. */
export interface TextCodes {
  /** Code of each row's value, 0-based, in order of each value's first appearance. */
  readonly codes: Int32Array;
  /** The distinct values, by code (in order of first appearance). */
  readonly dictionary: readonly string[];
}

// Columns are frozen arrays, never changed: their codes are computed (or given by a loader) once.
const known = new WeakMap<readonly string[], TextCodes>();

/**
 * The integer codes of a text column (a customer, order, product, channel or category column of
 * the transactions), in order of each value's first appearance. Computed once per column array
 * and then kept as long as the column lives, so every analysis that groups by the column shares
 * one pass; a loader that already has the codes (DuckDB's dictionaries) keeps the column as codes
 * ({@link lazyTextColumn}), and then the values' codes are those codes, with no pass.
 *
 * @param column - the column's values, one per row (a frozen array: never changed afterwards)
 * @returns the codes (do not change them) and the dictionary
 * @throws never
 * @example
 * textCodes(["C2", "C1", "C2"]); // { codes: Int32Array [0, 1, 0], dictionary: ["C2", "C1"] }
 */
export function textCodes(column: readonly string[]): TextCodes {
  let coded = known.get(column);
  if (coded === undefined) {
    coded = encode(column);
    known.set(column, coded);
  }
  return coded;
}

// The codes of a table's text columns, by table: what a loader gave for columns whose text is only
// made when it is read (lazyTextColumn).
const byTable = new WeakMap<object, Partial<Record<"customerId" | TextColumn, TextCodes>>>();

/**
 * The codes of one text column of a transactions table, or undefined when the table has no such
 * column. Analyses that group by a column ask here rather than `textCodes(t.column)`: a table whose
 * text columns a loader keeps as codes ({@link lazyTextColumn}) then never makes the text of every
 * line (ten million strings for ten million lines), and any other table gets `textCodes` of it.
 *
 * @param t - the transactions
 * @param column - customerId, orderId, channel, productId or category
 * @returns the codes (do not change them) and the dictionary, or undefined
 * @example
 * columnCodes(t, "customerId")!.dictionary.length; // the number of distinct customers
 */
export function columnCodes(t: Transactions, column: "customerId" | TextColumn): TextCodes | undefined {
  const coded = byTable.get(t)?.[column];
  if (coded !== undefined) return coded;
  const values = t[column];
  return values === undefined ? undefined : textCodes(values);
}

/**
 * The codes of the customer column of a transactions table ({@link columnCodes} of customerId).
 *
 * @param t - the transactions
 * @returns the codes (do not change them) and the distinct customer ids, in order of first appearance
 * @example
 * customerCodes(t).codes[0]; // 0: the first line's customer is the first customer
 */
export function customerCodes(t: Transactions): TextCodes {
  return columnCodes(t, "customerId")!;
}

/**
 * Defines a text column on a table under construction (before it is frozen) from codes: the
 * values of every line are made only when the column is first read, then kept (and their codes
 * remembered). {@link columnCodes} gives the codes without making them.
 *
 * @param t - the table under construction
 * @param column - the column's name
 * @param coded - the codes, in order of first appearance, and the dictionary
 * @example
 * lazyTextColumn(table, "customerId", { codes, dictionary: ids });
 */
export function lazyTextColumn(t: Record<string, unknown>, column: "customerId" | TextColumn, coded: TextCodes): void {
  lazyColumn(t, column, () => {
    const { codes, dictionary } = coded;
    const out = new Array<string>(codes.length);
    for (let i = 0; i < codes.length; i++) out[i] = dictionary[codes[i]!]!;
    const values = Object.freeze(out);
    known.set(values, coded);
    return values;
  });
  let codes = byTable.get(t);
  if (codes === undefined) byTable.set(t, (codes = {}));
  codes[column] = coded;
}

/**
 * Defines a property on an object under construction (before it is frozen) whose value is made
 * by `make` when the property is first read, then kept: a column of millions of strings that most
 * callers never read costs nothing until one does.
 *
 * @param target - the object under construction
 * @param key - the property
 * @param make - makes the value (called at most once)
 * @example
 * lazyColumn(result, "item", () => Object.freeze(Array.from(itemCode, (c) => items[c]!)));
 */
export function lazyColumn<T>(target: Record<string, unknown>, key: string, make: () => T): void {
  let value: T | undefined, made = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true, // until the object is frozen
    get(): T {
      if (!made) {
        value = make();
        made = true;
      }
      return value!;
    },
  });
}

/**
 * Where each distinct value of a coded column is in a list of ids: `dictionaryIndex(coded, ids)[k]`
 * is the index in `ids` of `coded.dictionary[k]`, or −1 when it is not there. Matches the events of
 * a side table (service events, contacts) to the customers of an analysis with one map of the side
 * table's distinct ids, not one of every customer. `ids` are distinct.
 *
 * @param coded - a text column's codes (e.g. `textCodes(events.customerId)`)
 * @param ids - distinct ids (e.g. the customers of an analysis)
 * @returns one index (or −1) per distinct value
 * @example
 * dictionaryIndex(textCodes(["b", "z", "b"]), ["a", "b"]); // Int32Array [1, -1]
 */
export function dictionaryIndex(coded: TextCodes, ids: readonly string[]): Int32Array {
  const at = new Map(coded.dictionary.map((v, k) => [v, k]));
  const out = new Int32Array(coded.dictionary.length).fill(-1);
  for (let i = 0; i < ids.length; i++) {
    const k = at.get(ids[i]!);
    if (k !== undefined) out[k] = i;
  }
  return out;
}

function encode(values: readonly string[]): TextCodes {
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(values.length);
  let prevValue: string | undefined, prev = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let code = v === prevValue ? prev : index.get(v); // runs of one value need no lookup
    if (code === undefined) {
      code = dictionary.length;
      index.set(v, code);
      dictionary.push(v);
    }
    codes[i] = code;
    prevValue = v;
    prev = code;
  }
  return { codes, dictionary };
}
