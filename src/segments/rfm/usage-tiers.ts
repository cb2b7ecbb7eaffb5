import { isoDayOption } from "../../data/parse/iso-day-option.js";
import type { CustomerSummary } from "../../summary/types.js";
import { rfmQuantileBreaks } from "./rfm-quantile-breaks.js";
import { rfmScoreValues } from "./rfm-score-values.js";
import { ArgumentError } from "../../math/argument-error.js";

/** A usage tier. */
export type UsageTier = "infrequent" | "moderate" | "heavy";

/** The order of the tiers, lightest first. */
export const USAGE_TIERS: readonly UsageTier[] = Object.freeze(["infrequent", "moderate", "heavy"] as const);

/**
 * The treatment the course texts name for each tier ("targeted marketing communications"):
 * infrequent users get direct incentives such as a price discount; moderate users more
 * reinforcement of past purchase decisions; heavy users a design around loyalty and
 * reinforcement of purchase.
 *
 * @example
 * USAGE_TREATMENTS.heavy; // "Design around loyalty and reinforcement of purchase: ..."
 * @throws never
 */
export const USAGE_TREATMENTS: Readonly<Record<UsageTier, string>> = Object.freeze({
  infrequent: "Offer direct incentives, such as a price discount, to prompt the next purchase.",
  moderate: "Offer more reinforcement of past purchase decisions: remind them why their choices were good, suggest what goes with them.",
  heavy: "Design around loyalty and reinforcement of purchase: loyalty rewards, recognition, first access.",
});

/**
 * Default cut-offs `[infrequent max, moderate max]`, inclusive: by `orders`, 1 order is
 * infrequent, 2-4 moderate, 5 or more heavy; by `ordersPerYear`, at most 1 order a year is
 * infrequent, more than 1 up to 4 moderate, more than 4 heavy.
 */
export const DEFAULT_USAGE_CUTOFFS: Readonly<Record<"orders" | "ordersPerYear", readonly [number, number]>> = Object.freeze({
  orders: Object.freeze([1, 4] as const),
  ordersPerYear: Object.freeze([1, 4] as const),
});

/** Usage tiers of the customers and one row per tier. */
export interface UsageTiers {
  readonly basis: "orders" | "ordersPerYear";
  readonly method: "cutoffs" | "tertiles";
  /** The cut-offs used, `[infrequent max, moderate max]` inclusive (tertiles: the cut points found; fewer with ties). */
  readonly cutoffs: readonly number[];
  readonly customer_id: readonly string[];
  /** The value tiered per customer: orders (count) or orders per year (orders / years since the first purchase, at least one year). */
  readonly value: Float64Array;
  readonly tier: readonly UsageTier[];
  readonly rows: readonly {
    readonly tier: UsageTier;
    readonly definition: string;
    readonly customers: number;
    readonly share: number | null;
    readonly revenue: number;
    readonly revenueShare: number | null;
    readonly meanOrders: number | null;
    readonly treatment: string;
  }[];
}

/**
 * Infrequent, moderate and heavy users, by orders in the period or by orders per year
 * (`orders / max(1, years from the first purchase to the period end)`, so a young customer with
 * two quick orders is not yet heavy), with documented cut-offs ({@link DEFAULT_USAGE_CUTOFFS})
 * or by tertiles (ties handled as in `rfmQuantileBreaks`). Each tier carries the treatment the
 * course names for it ({@link USAGE_TREATMENTS}).
 *
 * @param summary - a customer summary (uses `orders`, `total_spend`, `first_purchase`, `calibrationEnd`)
 * @param options - `basis` ("orders" default, or "ordersPerYear"), `method` ("cutoffs" default, or "tertiles"), `cutoffs`
 * @returns frozen tiers per customer and the tier table
 * @throws ArgumentError for cut-offs that are not finite with infrequent max < moderate max, or a bad first purchase date
 * @example
 * usageTiers(summary).rows.map((r) => r.tier); // ["infrequent", "moderate", "heavy"]
 */
export function usageTiers(
  summary: Pick<CustomerSummary, "calibrationEnd"> & { readonly columns: Pick<CustomerSummary["columns"], "customer_id" | "orders" | "total_spend" | "first_purchase"> },
  options: { readonly basis?: "orders" | "ordersPerYear"; readonly method?: "cutoffs" | "tertiles"; readonly cutoffs?: readonly [number, number] } = {},
): UsageTiers {
  const fn = "usageTiers";
  const basis = options.basis ?? "orders";
  const method = options.method ?? "cutoffs";
  const c = summary.columns;
  const n = c.customer_id.length;
  const end = basis === "ordersPerYear" ? isoDayOption(summary.calibrationEnd, fn, "calibrationEnd") : 0;
  const value = Float64Array.from({ length: n }, (_, i) => {
    if (basis === "orders") return c.orders[i]!;
    const years = Math.max(1, (end - isoDayOption(c.first_purchase[i]!, fn, "first_purchase") + 1) / 365.25);
    return c.orders[i]! / years;
  });
  let cutoffs: readonly number[];
  let level: ArrayLike<number>;
  if (method === "tertiles") {
    cutoffs = rfmQuantileBreaks(value, 3);
    level = rfmScoreValues(value, cutoffs, { bins: 3 });
  } else {
    const [a, b] = options.cutoffs ?? DEFAULT_USAGE_CUTOFFS[basis];
    if (!Number.isFinite(a) || !Number.isFinite(b) || !(a < b)) throw new ArgumentError(`${fn}: cutoffs [${a}, ${b}] must be finite with the first below the second`);
    cutoffs = Object.freeze([a, b]);
    level = Uint8Array.from(value, (v) => (v <= a ? 1 : v <= b ? 2 : 3));
  }
  const tier = Array.from(level, (l) => USAGE_TIERS[l - 1]!);
  let totalSpend = 0;
  const acc = USAGE_TIERS.map(() => ({ n: 0, spend: 0, orders: 0 }));
  for (let i = 0; i < n; i++) {
    const a = acc[level[i]! - 1]!;
    a.n += 1;
    a.spend += c.total_spend[i]!;
    a.orders += c.orders[i]!;
    totalSpend += c.total_spend[i]!;
  }
  const unit = basis === "orders" ? "orders" : "orders a year";
  const [lo, hi] = [cutoffs[0], cutoffs[1]];
  const definition = (t: number): string => {
    if (lo === undefined) return t === 1 ? `all customers (${unit} all equal)` : "none";
    if (hi === undefined) return t === 1 ? `${unit} at most ${fmt(lo)}` : t === 3 ? `${unit} above ${fmt(lo)}` : "none (ties)";
    return t === 1 ? `${unit} at most ${fmt(lo)}` : t === 2 ? `${unit} above ${fmt(lo)} up to ${fmt(hi)}` : `${unit} above ${fmt(hi)}`;
  };
  const rows = USAGE_TIERS.map((t, k) => {
    const a = acc[k]!;
    return Object.freeze({
      tier: t,
      definition: definition(k + 1),
      customers: a.n,
      share: n > 0 ? a.n / n : null,
      revenue: a.spend,
      revenueShare: Number.isFinite(totalSpend) && totalSpend !== 0 ? a.spend / totalSpend : null,
      meanOrders: a.n > 0 ? a.orders / a.n : null,
      treatment: USAGE_TREATMENTS[t],
    });
  });
  return Object.freeze({ basis, method, cutoffs, customer_id: c.customer_id, value, tier: Object.freeze(tier), rows: Object.freeze(rows) });
}

const fmt = (x: number): string => String(Number(x.toPrecision(4)));
