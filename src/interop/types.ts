import type { ColumnTable } from "arquero";

/** One row of a table as a plain object: column name to cell value. */
export type TableRecord = Record<string, unknown>;

/**
 * One column of values: a plain array, or a typed array for numbers (as in
 * `CustomerSummary.columns`, where measures are `Float64Array`s).
 */
export type ColumnValues =
  | readonly unknown[]
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array;

/**
 * A table stored by column: column name to an array of values, all of the same length.
 */
export type ColumnsInput = { readonly [name: string]: ColumnValues };

/**
 * The columns-object form for any object type `C` whose properties are all columns; unlike
 * {@link ColumnsInput} it also accepts interfaces without an index signature, such as
 * `SummaryColumns` (`CustomerSummary.columns`).
 */
export type ColumnsOf<C> = { readonly [K in keyof C]: ColumnValues };

/**
 * The shape of a danfojs-node `DataFrame` that this module relies on. It is structural so
 * that using the type never loads danfojs-node (and TensorFlow.js) at run time; a real
 * `dfd.DataFrame` satisfies it.
 */
export interface DanfoFrameLike {
  /** Column names, in order. */
  readonly columns: readonly string[];
  /** Row-major values: one array per row. */
  readonly values: readonly unknown[];
  /** `[rows, columns]`. */
  readonly shape: readonly number[];
  /** danfo dtype names, one per column (`"string"`, `"float32"`, `"int32"`, `"boolean"`). */
  readonly dtypes: readonly string[];
  /** danfo marks a `Series` with `true`; a `DataFrame` has `false`. */
  readonly $isSeries?: boolean;
  /** danfo's JSON export (row records by default). */
  toJSON(options?: object): object;
}

/**
 * Anything the interop and display helpers take as a table: an array of records (plain objects,
 * or rows typed by an interface such as a model's `summary()` rows), an arquero `ColumnTable`, a
 * danfojs-node `DataFrame`, or a columns object such as
 * `CustomerSummary.columns`. Functions taking it are generic in `C` only so that interfaces
 * such as `SummaryColumns` are accepted as columns objects; `C` is inferred, never written.
 */
export type TableInput<C extends object = ColumnsInput> =
  | readonly object[]
  | ColumnTable
  | DanfoFrameLike
  | ColumnsOf<C>;

/** Which of the {@link TableInput} forms a value is. */
export type TableKind = "records" | "arquero" | "danfo" | "columns";
