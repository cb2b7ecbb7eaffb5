import type { WhaleCurve } from "../../value/types.js";
import type { ChartSpec } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * The profitability (whale) curve: the share of customers, ranked by net contribution best
 * first (across, %), against the cumulative share of total profit they make (up, %), with a
 * dotted line at 100 % and a marker at the peak (the hump of the whale).
 *
 * @param whale - the curve from `whaleCurve` or `customerValue(...).whale`
 * @param options - chart title (default "Profitability (whale) curve")
 * @returns a frozen chart description: the cumulative curve (a line, primary), the 100 % guide (a
 *   reference line, secondary) and the peak (a highlighted point); both axes in per cent (0-100)
 * @throws ArgumentError when the curve has no points or a point is not finite
 * @example
 * valueWhaleCurveChart(customerValue(t).whale).marks[0].name; // "Cumulative profit"
 */
export function valueWhaleCurveChart(whale: WhaleCurve, options: { readonly title?: string } = {}): ChartSpec {
  if (whale.points.length === 0) throw new ArgumentError("valueWhaleCurveChart: the curve has no points");
  for (const p of whale.points) {
    if (!Number.isFinite(p.customerShare) || !Number.isFinite(p.profitShare)) {
      throw new ArgumentError(`valueWhaleCurveChart: point (${p.customerShare}, ${p.profitShare}) is not finite`);
    }
  }
  const pct = (x: number): number => Number((100 * x).toFixed(3));
  // Without costs the curve is drawn on revenue (lifetime sales), and says so.
  const revenue = whale.measure === "net_sales";
  const what = revenue ? "revenue" : "profit";
  const base = whale.base === "total" ? `total ${what}` : revenue ? "revenue of the customers with positive sales" : "profit of the profitable customers";
  return deepFreeze({
    id: "value-whale-curve-chart",
    title: options.title ?? (revenue ? "Revenue concentration curve (no costs known)" : "Profitability (whale) curve"),
    x: { title: `Customers, ranked by ${revenue ? "lifetime sales" : "net contribution"} (% of customers)`, format: "decimal", suffix: " %", includeZero: true },
    y: { title: `Cumulative share of ${base} (%)`, format: "decimal", suffix: " %" },
    marks: [
      {
        kind: "line",
        name: `Cumulative ${what}`,
        x: whale.points.map((p) => pct(p.customerShare)),
        y: whale.points.map((p) => pct(p.profitShare)),
        colour: "primary",
        hover: `best {x:.1f} % of customers: {y:.1f} % of ${what}`,
      },
      {
        kind: "line",
        name: `100 % of ${what}`,
        x: [0, 100],
        y: [100, 100],
        colour: "secondary",
        reference: true,
        hover: `100 % of ${what}`,
      },
      {
        kind: "scatter",
        name: "Peak",
        x: [pct(whale.peakCustomerShare)],
        y: [pct(whale.peakProfitShare)],
        colour: "highlight",
        pointSize: 10,
        hover: `peak: {y:.1f} % of ${what} from the best {x:.1f} % of customers`,
      },
    ],
    legend: true,
  });
}
