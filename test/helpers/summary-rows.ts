import { expect } from "vitest";

/** The summary CSV columns that hold text; every other column is a number. */
const TEXT = new Set(["customer_id", "first_purchase", "last_purchase"]);

/** One customer-summary row by column name: text columns as text, the others as numbers. */
export type SummaryRow = Record<string, string | number>;

/**
 * Reads a summary CSV as `crm summary` writes it (no quoted commas in these tests' ids) into rows
 * keyed by customer id.
 *
 * @example
 * summaryRowsFromCsv("customer_id,frequency\nC1,2\n").get("C1"); // { customer_id: "C1", frequency: 2 }
 */
export function summaryRowsFromCsv(csv: string): Map<string, SummaryRow> {
  const [head, ...lines] = csv.trim().split(/\r?\n/);
  const names = head!.split(",");
  const out = new Map<string, SummaryRow>();
  for (const line of lines) {
    const cells = line.split(",");
    const row: SummaryRow = {};
    names.forEach((n, j) => (row[n] = TEXT.has(n) ? cells[j]! : Number(cells[j])));
    out.set(String(row.customer_id), row);
  }
  return out;
}

/**
 * Rows from a database result (objects by column name; bigint, numeric text or numbers) keyed by
 * customer id, in the shape of {@link summaryRowsFromCsv}.
 *
 * @example
 * summaryRowsFromObjects([{ customer_id: "C1", frequency: 2n }]).get("C1")!.frequency; // 2
 */
export function summaryRowsFromObjects(rows: readonly Record<string, unknown>[]): Map<string, SummaryRow> {
  const out = new Map<string, SummaryRow>();
  for (const r of rows) {
    const row: SummaryRow = {};
    for (const [n, v] of Object.entries(r)) row[n] = TEXT.has(n) ? String(v) : Number(v);
    out.set(String(row.customer_id), row);
  }
  return out;
}

/**
 * Expects two summaries to hold the same customers and, per customer, the same columns: text
 * equal, numbers within `tolerance` (absolute, and relative for large sums). Returns the
 * largest difference seen, so a test can report it.
 *
 * @example
 * const worst = expectSameSummary(summaryRowsFromCsv(a), summaryRowsFromCsv(b)); // 0
 */
export function expectSameSummary(actual: Map<string, SummaryRow>, expected: Map<string, SummaryRow>, tolerance = 1e-9): number {
  expect(actual.size).toBe(expected.size);
  expect(expected.size).toBeGreaterThan(0);
  let worst = 0;
  for (const [id, want] of expected) {
    const got = actual.get(id);
    expect(got, `customer ${id}`).toBeDefined();
    expect(Object.keys(got!).sort()).toEqual(Object.keys(want).sort());
    for (const [name, w] of Object.entries(want)) {
      const g = got![name]!;
      if (typeof w === "string") {
        expect(g, `${id} ${name}`).toBe(w);
        continue;
      }
      const diff = Math.abs((g as number) - w);
      worst = Math.max(worst, diff);
      expect(diff, `${id} ${name}: ${g} vs ${w}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(w)));
    }
  }
  return worst;
}
