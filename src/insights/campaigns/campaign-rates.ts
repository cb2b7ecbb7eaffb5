import type { CampaignGroupRow, CampaignRates } from "./campaign-types.js";
import { upliftInterval, wilsonInterval, type UpliftIntervalMethod } from "./uplift-interval.js";
import { upliftTest } from "./uplift-test.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * Response rates by group, the uplift (treatment minus control rate) with its interval, the
 * two-proportion test and the incremental responders, for one set of contacts (a campaign or
 * one segment of it). Rates are fractions; an empty group gives rate NaN and no uplift.
 *
 * @param treatment - 1 for a treated (contacted) customer, 0 for a control one, per contact
 * @param responded - 1 when the customer responded, else 0, per contact
 * @param revenue - revenue per contact on the chosen basis, currency units, or null when unknown
 * @param options - `confidence` (default 0.95), `method` of the uplift interval (default "newcombe")
 * @returns the frozen rates
 * @throws ArgumentError when the arrays differ in length or a flag is not 0 or 1
 * @example
 * campaignRates([1, 1, 0, 0], [1, 0, 0, 0], null).uplift?.estimate; // 0.5
 */
export function campaignRates(
  treatment: ArrayLike<number>, responded: ArrayLike<number>, revenue: ArrayLike<number> | null,
  options: { readonly confidence?: number; readonly method?: UpliftIntervalMethod } = {},
): CampaignRates {
  const fn = "campaignRates";
  const n = treatment.length;
  if (responded.length !== n || (revenue !== null && revenue.length !== n)) {
    throw new ArgumentError(`${fn}: treatment has ${n} entries but responded has ${responded.length}${revenue === null ? "" : ` and revenue ${revenue.length}`}`);
  }
  const confidence = options.confidence ?? 0.95;
  const count = [0, 0], resp = [0, 0], money = [0, 0];
  for (let i = 0; i < n; i++) {
    const t = treatment[i]!, r = responded[i]!;
    if (t !== 0 && t !== 1) throw new ArgumentError(`${fn}: treatment flag ${t} at ${i} is not 0 or 1`);
    if (r !== 0 && r !== 1) throw new ArgumentError(`${fn}: responded flag ${r} at ${i} is not 0 or 1`);
    count[t]! += 1; resp[t]! += r;
    if (revenue !== null) money[t]! += revenue[i]!;
  }
  const row = (k: 0 | 1): CampaignGroupRow => {
    const w = count[k]! > 0 ? wilsonInterval(resp[k]!, count[k]!, confidence) : null;
    return Object.freeze({
      group: k === 1 ? "treatment" as const : "control" as const,
      customers: count[k]!, responders: resp[k]!,
      responseRate: w ? w.estimate : NaN, lower: w ? w.lower : NaN, upper: w ? w.upper : NaN,
      revenue: revenue === null ? null : money[k]!,
      revenuePerCustomer: revenue === null || count[k] === 0 ? null : money[k]! / count[k]!,
    });
  };
  const groups = Object.freeze([row(1), row(0)] as const);
  if (count[0] === 0 || count[1] === 0) return Object.freeze({ groups, uplift: null, test: null, incrementalResponders: null });
  const uplift = upliftInterval(resp[1]!, count[1]!, resp[0]!, count[0]!, { confidence, method: options.method ?? "newcombe" });
  const nT = count[1]!;
  const incrementalResponders = Object.freeze({ ...uplift, estimate: uplift.estimate * nT, lower: uplift.lower * nT, upper: uplift.upper * nT });
  return Object.freeze({ groups, uplift, test: upliftTest(resp[1]!, count[1]!, resp[0]!, count[0]!), incrementalResponders });
}
