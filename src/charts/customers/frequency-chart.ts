import type { ChartSpec } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";

/** Customers counted by repeat-purchase frequency, the last class open-ended (e.g. "10+"). */
export interface FrequencyCounts {
  /** Class labels: "0", "1", ..., "10+". */
  readonly labels: readonly string[];
  /** Customers in each class (count). */
  readonly counts: readonly number[];
}

/**
 * Counts customers by repeat-purchase frequency 0, 1, ..., capAt - 1 and capAt or more.
 *
 * @param frequency - repeat purchases per customer (count, whole numbers >= 0; fractions are floored)
 * @param capAt - first value of the open-ended class (default 10, giving "10+")
 * @returns the labels and counts, frozen
 * @throws ArgumentError when a frequency is negative or not finite, or capAt is not an integer >= 1
 * @example
 * frequencyCounts([0, 0, 1, 12], 3); // { labels: ["0","1","2","3+"], counts: [2, 1, 0, 1] }
 */
export function frequencyCounts(frequency: ArrayLike<number>, capAt = 10): FrequencyCounts {
  if (!Number.isInteger(capAt) || capAt < 1) throw new ArgumentError(`frequencyCounts: capAt ${capAt} is not an integer >= 1`);
  const counts = new Array<number>(capAt + 1).fill(0);
  for (let i = 0; i < frequency.length; i++) {
    const f = frequency[i]!;
    if (!Number.isFinite(f) || f < 0) throw new ArgumentError(`frequencyCounts: frequency ${f} of row ${i} is not a finite number >= 0`);
    counts[Math.min(Math.floor(f), capAt)]! += 1;
  }
  const labels = counts.map((_, k) => (k === capAt ? `${capAt}+` : String(k)));
  return deepFreeze({ labels, counts });
}

/**
 * Bar chart of the number of customers by repeat-purchase frequency (0, 1, 2, ..., 10+):
 * how many customers never came back after their first purchase, how many came back once, ...
 *
 * @param frequency - repeat purchases per customer in the period (count), e.g. `summary.columns.frequency`
 * @param options - `capAt`: first value of the open-ended class (default 10); `title`
 * @returns a frozen chart description: bars, x: repeat purchases (count), y: customers (count),
 *   each bar labelled with its share of customers
 * @throws ArgumentError as {@link frequencyCounts}
 * @example
 * frequencyChart(new Float64Array([0, 0, 1])).marks[0]; // { kind: "bar", name: "Customers", x: ["0","1",...,"10+"], y: [2,1,0,...], labels: ["67 %", "33 %", "0 %", ...], ... }
 */
export function frequencyChart(
  frequency: ArrayLike<number>,
  options: { readonly capAt?: number; readonly title?: string } = {},
): ChartSpec {
  const { labels, counts } = frequencyCounts(frequency, options.capAt ?? 10);
  const total = counts.reduce((a, b) => a + b, 0);
  const text = counts.map((c) => (total > 0 ? `${Math.round((100 * c) / total)} %` : ""));
  return deepFreeze({
    id: "frequency-chart",
    title: options.title ?? "Customers by number of repeat purchases",
    x: { title: "Repeat purchases in the period (count)", scale: "category" },
    y: { title: "Customers (count)", format: "integer" },
    marks: [
      {
        kind: "bar",
        name: "Customers",
        x: [...labels],
        y: [...counts],
        colour: "primary",
        labels: text,
        labelPosition: "outside",
        hover: "{x} repeat purchases: {y} customers ({label})",
      },
    ],
    legend: false,
    barGap: 0.15,
  });
}
