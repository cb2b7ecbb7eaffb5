import { rankOrder } from "./rank-order.js";
import type { WhaleCurve, WhalePoint } from "./types.js";
import { ArgumentError } from "../math/argument-error.js";

/**
 * The profitability ("whale") curve: customers ranked by net contribution, best first, against
 * the cumulative share of total profit they make. It rises above 100 % while profitable customers
 * are added, peaks where the unprofitable ones begin, and falls back to 100 % at the last
 * customer: the hump shows how much profit the unprofitable customers give away. When total
 * profit is <= 0 the shares are of the profitable customers' profit instead (`base: "profitable"`).
 *
 * @param ids - customer ids (for deterministic tie-breaking)
 * @param netContribution - net contribution per customer (currency units)
 * @param options - `maxPoints` on the curve (default 1000; the peak and both ends are always kept)
 * @returns a frozen {@link WhaleCurve}
 * @throws ArgumentError when the lengths differ, a value is not finite or maxPoints < 2
 * @example
 * const w = whaleCurve(["a", "b", "c"], [80, 40, -20]); // total 100
 * w.peakProfitShare;   // 1.2 (at 2 of 3 customers)
 * w.unprofitableCost;  // 20
 * w.points.at(-1);     // { customerShare: 1, profitShare: 1 }
 */
export function whaleCurve(
  ids: readonly string[],
  netContribution: ArrayLike<number>,
  options: { readonly maxPoints?: number; readonly measure?: WhaleCurve["measure"] } = {},
): WhaleCurve {
  const maxPoints = options.maxPoints ?? 1000;
  if (!Number.isInteger(maxPoints) || maxPoints < 2) throw new ArgumentError(`whaleCurve: maxPoints ${maxPoints} must be an integer >= 2`);
  const n = ids.length;
  let total = 0, positive = 0, unprofitable = 0, lost = 0;
  for (let i = 0; i < n; i++) {
    const v = netContribution[i]!;
    if (!Number.isFinite(v)) throw new ArgumentError(`whaleCurve: net contribution ${v} of customer "${ids[i]}" is not finite`);
    total += v;
    if (v > 0) positive += v;
    if (v < 0) {
      unprofitable += 1;
      lost -= v;
    }
  }
  const order = rankOrder(ids, netContribution);
  const base = total > 0 ? "total" : "profitable";
  const denominator = total > 0 ? total : positive;
  const cumulative = new Float64Array(n + 1);
  let peak = 0, peakAt = 0;
  for (let k = 0; k < n; k++) {
    cumulative[k + 1] = cumulative[k]! + netContribution[order[k]!]!;
    if (cumulative[k + 1]! > cumulative[peak]!) peak = k + 1;
  }
  peakAt = peak;
  const share = (k: number): number => (denominator > 0 ? cumulative[k]! / denominator : 0);
  const step = Math.max(1, Math.ceil(n / maxPoints));
  const picks = new Set<number>([0, n, peakAt]);
  for (let k = 0; k <= n; k += step) picks.add(k);
  const points: WhalePoint[] = [...picks]
    .sort((x, y) => x - y)
    .map((k) => Object.freeze({ customerShare: n > 0 ? k / n : 0, profitShare: share(k) }));
  if (base === "total") points[points.length - 1] = Object.freeze({ customerShare: 1, profitShare: 1 });
  return Object.freeze({
    measure: options.measure ?? "net_contribution",
    customers: n,
    totalProfit: total,
    base,
    peakProfitShare: share(peakAt),
    peakCustomerShare: n > 0 ? peakAt / n : 0,
    unprofitableCustomers: unprofitable,
    unprofitableShare: n > 0 ? unprofitable / n : 0,
    unprofitableCost: lost,
    points: Object.freeze(points),
  });
}
