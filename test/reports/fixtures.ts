import { ledgerOf, type RowLedger } from "../../src/data/ledger/row-ledger.js";
import type { CustomerSummary } from "../../src/summary/types.js";

export const XSS_ID = "<img src=x onerror=alert(1)>";
export const FORMULA_ID = '=HYPERLINK("http://x","y")';
export const GENERATED_AT = "2024-04-02T08:30:00Z";

/** 8 rows read, 3 rejected (2 bad-date, 1 bad-amount). */
export function handLedger(): RowLedger {
  return ledgerOf("tx.csv", 8, [
    { line: 7, code: "bad-date", reason: 'date "2024-13-01" is not a valid YYYY-MM-DD date' },
    { line: 3, code: "bad-date", reason: 'date "yesterday" is not a valid YYYY-MM-DD date' },
    { line: 5, code: "bad-amount", reason: 'amount "<b>12</b>" is not a number' },
  ]);
}

/** Five customers; total spend 1605.5, 3 of 5 repeat, frequencies sum to 19. */
export function handSummary(): CustomerSummary {
  const f = (xs: number[]) => Float64Array.from(xs);
  return {
    length: 5,
    timeUnit: "week",
    calibrationEnd: "2024-03-31",
    observationEnd: "2024-06-30",
    durationHoldout: 13,
    customersAfterCalibration: 2,
    columns: {
      customer_id: ["C-1", XSS_ID, FORMULA_ID, "C-4", "C-5"],
      frequency: f([0, 2, 0, 5, 12]),
      recency: f([0, 10, 0, 9, 4]),
      T: f([12, 12.7, 7, 10, 4]),
      monetary_value: f([0, 60, 0, 70, 80]),
      first_purchase: ["2024-01-05", "2024-01-02", "2024-02-10", "2024-01-20", "2024-03-01"],
      last_purchase: ["2024-01-05", "2024-03-21", "2024-02-10", "2024-03-28", "2024-03-30"],
      days_since_last_purchase: f([86, 10, 50, 3, 1]),
      orders: f([1, 3, 1, 6, 13]),
      total_spend: f([20, 150, 35.5, 400, 1000]),
      frequency_holdout: f([0, 1, 0, 2, 0]),
      monetary_holdout: f([0, 50, 0, 90, 0]),
    },
  };
}
