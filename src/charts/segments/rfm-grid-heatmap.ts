import type { ChartSpec } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";
import { withCurrency } from "../with-currency.js";

/**
 * The R × F grid of RFM scores as a heatmap: recency score across (1 = longest ago, 5 = most
 * recent), frequency score up; the colour is the number of customers or, with `spend` and
 * `measure: "meanSpend"`, their mean spend. Best customers sit top right.
 *
 * @param r - recency score per customer (1..bins)
 * @param f - frequency score per customer (1..bins)
 * @param options - `spend` per customer (currency units), `measure` ("customers" default, or "meanSpend"), `currency`, `bins` (default 5), `title`
 * @returns a frozen chart description: a heatmap, `z[f - 1][r - 1]`, empty cells null
 * @throws ArgumentError for unequal lengths, a score outside 1..bins, or `meanSpend` without `spend`
 * @example
 * rfmGridHeatmap([5, 1], [5, 1]).marks[0].z[4][4]; // 1
 */
export function rfmGridHeatmap(
  r: ArrayLike<number>,
  f: ArrayLike<number>,
  options: { readonly spend?: ArrayLike<number>; readonly measure?: "customers" | "meanSpend"; readonly currency?: string; readonly bins?: number; readonly title?: string } = {},
): ChartSpec {
  const fn = "rfmGridHeatmap";
  const bins = options.bins ?? 5;
  const measure = options.measure ?? "customers";
  const n = r.length;
  if (f.length !== n) throw new ArgumentError(`${fn}: ${n} R scores but ${f.length} F scores`);
  const spend = options.spend;
  if (measure === "meanSpend" && (!spend || spend.length !== n)) throw new ArgumentError(`${fn}: measure "meanSpend" needs spend for each of the ${n} customers`);
  const count = Array.from({ length: bins }, () => new Array<number>(bins).fill(0));
  const total = Array.from({ length: bins }, () => new Array<number>(bins).fill(0));
  for (let i = 0; i < n; i++) {
    const ri = r[i]!;
    const fi = f[i]!;
    if (!Number.isInteger(ri) || ri < 1 || ri > bins) throw new ArgumentError(`${fn}: R score ${ri} of row ${i} is not within 1..${bins}`);
    if (!Number.isInteger(fi) || fi < 1 || fi > bins) throw new ArgumentError(`${fn}: F score ${fi} of row ${i} is not within 1..${bins}`);
    count[fi - 1]![ri - 1]! += 1;
    if (spend) total[fi - 1]![ri - 1]! += spend[i]!;
  }
  const z = count.map((row, y) =>
    row.map((c, x) => (c === 0 ? null : measure === "customers" ? c : Math.round((100 * total[y]![x]!) / c) / 100)),
  );
  const currency = options.currency ?? "";
  const what = measure === "customers" ? "Customers (count)" : withCurrency("Mean spend", currency);
  const labels = Array.from({ length: bins }, (_, k) => String(k + 1));
  return deepFreeze({
    id: "rfm-grid-heatmap",
    title: options.title ?? (measure === "customers" ? "Customers by recency and frequency score" : "Mean spend by recency and frequency score"),
    x: { title: "Recency score R (5 = bought most recently)", scale: "category" },
    y: { title: "Frequency score F (5 = most orders)", scale: "category", includeZero: false },
    marks: [
      {
        kind: "heatmap",
        name: what,
        x: labels,
        y: [...labels],
        z,
        colourScale: "sequential",
        valueTitle: what,
        hover: `R {x}, F {y}: {z}${measure === "customers" ? " customers" : currency ? ` ${currency}` : ""}`,
        cellGapPx: 2,
      },
    ],
    legend: false,
  });
}
