import type { ChartSpec } from "../chart-spec.js";
import { niceStep } from "../nice-step.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";
import { withCurrency } from "../with-currency.js";

/** Equal-width money bins `[start + k*width, start + (k+1)*width)` plus an open-ended top bin. */
export interface SpendBins {
  /** Left edge of the first bin (currency units). */
  readonly start: number;
  /** Bin width (currency units). */
  readonly width: number;
  /** Customers in each regular bin (count). */
  readonly counts: readonly number[];
  /** Customers at or above `start + counts.length * width` (count); 0 when none. */
  readonly overflow: number;
  /** Bin labels, e.g. "0–50", "50–100", ..., "≥ 1,000" (the last only when overflow > 0). */
  readonly labels: readonly string[];
}

const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/**
 * Bins money amounts into about `targetBins` equal "nice" bins from the minimum to the 99th
 * percentile (the maximum below 100 values); the few largest values (the top 1 %) go into one open-ended bin so that a few heavy
 * buyers do not squash the chart. O(n log n) for the percentile.
 *
 * @param values - money per customer (currency units); negative amounts (net of returns) allowed
 * @param targetBins - about how many regular bins (default 20)
 * @returns the bins, frozen; empty counts for empty input
 * @throws ArgumentError when a value is not finite
 * @example
 * spendBins([10, 20, 30, 40], 4).labels; // ["10–20", "20–30", "30–40", "40–50"]
 */
export function spendBins(values: ArrayLike<number>, targetBins = 20): SpendBins {
  const sorted = Float64Array.from(values as ArrayLike<number>);
  for (let i = 0; i < sorted.length; i++) {
    if (!Number.isFinite(sorted[i]!)) throw new ArgumentError(`spendBins: value ${sorted[i]} of row ${i} is not finite`);
  }
  if (sorted.length === 0) return deepFreeze({ start: 0, width: 1, counts: [], overflow: 0, labels: [] });
  sorted.sort();
  const lo = sorted[0]!;
  // the open-ended top bin holds the top 1 %, which needs at least 100 customers to exist
  const hi = sorted.length >= 100 ? sorted[Math.floor(0.99 * (sorted.length - 1))]! : sorted[sorted.length - 1]!;
  const width = niceStep(hi > lo ? (hi - lo) / Math.max(1, targetBins) : Math.max(Math.abs(lo), 1) / 10);
  const start = Math.floor(lo / width) * width;
  const nBins = Math.floor((hi - start) / width) + 1;
  const counts = new Array<number>(nBins).fill(0);
  let overflow = 0;
  for (const v of sorted) {
    const k = Math.floor((v - start) / width);
    if (k >= nBins) overflow += 1;
    else counts[Math.max(0, k)]! += 1;
  }
  const edge = (k: number): string => number.format(Number((start + k * width).toPrecision(12)));
  const labels = counts.map((_, k) => `${edge(k)}–${edge(k + 1)}`);
  if (overflow > 0) labels.push(`≥ ${edge(nBins)}`);
  return deepFreeze({ start, width, counts, overflow, labels });
}

/**
 * Histogram of total spend per customer (pre-binned bars, light at any number of customers):
 * how spending is spread over the customer base, the top 1 % in one open-ended bar.
 *
 * @param totalSpend - total net spend per customer in the period (currency units), e.g. `summary.columns.total_spend`
 * @param options - `currency` code for the axis title (default none: plain numbers), `targetBins` (default 20), `title`,
 *   `xTitle` (default "Total spend per customer"; the currency is appended)
 * @returns a frozen chart description: bars, x: spend bins (currency), y: customers (count); the
 *   open-ended top bar in the secondary colour
 * @throws ArgumentError when a value is not finite
 * @example
 * spendHistogram(new Float64Array([12, 40, 95]), { currency: "USD" }).x.title; // "Total spend per customer (USD)"
 */
export function spendHistogram(
  totalSpend: ArrayLike<number>,
  options: { readonly currency?: string; readonly targetBins?: number; readonly title?: string; readonly xTitle?: string } = {},
): ChartSpec {
  const currency = options.currency ?? "";
  const bins = spendBins(totalSpend, options.targetBins ?? 20);
  const y = bins.overflow > 0 ? [...bins.counts, bins.overflow] : [...bins.counts];
  return deepFreeze({
    id: "spend-histogram",
    title: options.title ?? "Customers by total spend",
    x: { title: withCurrency(options.xTitle ?? "Total spend per customer", currency), scale: "category" },
    y: { title: "Customers (count)", format: "integer" },
    marks: [
      {
        kind: "bar",
        name: "Customers",
        x: [...bins.labels],
        y,
        colour: y.map((_, k) => (k === bins.counts.length ? "secondary" as const : "primary" as const)),
        hover: `{x}${currency ? ` ${currency}` : ""}: {y} customers`,
      },
    ],
    legend: false,
    barGap: 0.03,
  });
}
