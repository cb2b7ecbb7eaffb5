import { expect } from "vitest";
import type { LoadedTransactions } from "../../src/data/columns/transaction-options.js";
import { textCodes } from "../../src/data/columns/text-codes.js";
import { TEXT_COLUMNS } from "../../src/data/types.js";

/**
 * Expects a load through DuckDB's data step to equal the reference load (the JavaScript reader):
 * the same transactions (Object.is per number: NaN equals NaN, -0 differs from 0) and ledger, or
 * the same error message (the function name aside); and the text codes the step hands over to be
 * those textCodes computes from the text. Returns false when both failed.
 */
export function expectSameLoad(reference: LoadedTransactions | Error, viaEngine: LoadedTransactions | Error): boolean {
  if (reference instanceof Error || viaEngine instanceof Error) {
    const message = (e: Error | object): unknown => (e instanceof Error ? e.message.replace(/^(loadTransactions(File)?|readParquetTable):/, "F:") : e);
    expect(message(viaEngine)).toBe(message(reference));
    return false;
  }
  expect(viaEngine.ledger).toEqual(reference.ledger);
  expect(Object.keys(viaEngine.transactions)).toEqual(Object.keys(reference.transactions));
  for (const [k, v] of Object.entries(reference.transactions)) {
    const w = (viaEngine.transactions as unknown as Record<string, unknown>)[k];
    if (v instanceof Float64Array) {
      const a = Array.from(v), b = Array.from(w as Float64Array);
      expect(b.map((x, i) => Object.is(x, a[i]) || `${k}[${i}]: ${x} vs ${a[i]}`).filter((x) => x !== true)).toEqual([]);
    } else expect(w).toEqual(v);
  }
  for (const k of ["customerId", ...TEXT_COLUMNS] as const) {
    const column = viaEngine.transactions[k];
    if (column === undefined) continue;
    const given = textCodes(column), computed = textCodes([...column]);
    expect(given.dictionary).toEqual(computed.dictionary);
    expect(Array.from(given.codes)).toEqual(Array.from(computed.codes));
  }
  return true;
}
