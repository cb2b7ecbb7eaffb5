import { checkSpendHistory, type SpendHistory } from "./gamma-gamma-check.js";

/** The result of {@link spendFrequencyCorrelation}. */
export interface SpendFrequencyCorrelation {
  /** Pearson correlation of x and zbar over the customers with x > 0 (NaN when it is undefined). */
  readonly correlation: number;
  /** Customers it was computed on (sum of weights of the rows with x > 0). */
  readonly customers: number;
  /** "negligible" (|r| < 0.1), "weak" (< 0.3), "moderate" (< 0.5), "strong", or "undefined". */
  readonly strength: "negligible" | "weak" | "moderate" | "strong" | "undefined";
  /** The verdict in plain language, for a report. */
  readonly verdict: string;
}

/**
 * Checks the Gamma-Gamma model's key assumption: that how much a customer spends per transaction
 * does not depend on how often they buy (Fader, Hardie & Lee 2005, "RFM and CLV", JMR 42(4), §3;
 * Fader & Hardie 2013, note 025). It is the (weighted) Pearson correlation of frequency x and
 * mean spend zbar over the customers with x > 0; a value near 0 supports the model (CDNOW: 0.11).
 *
 * @param customers - frequency x, monetaryValue zbar (money), optional weights
 * @returns the correlation, the customers used, a strength label and a plain-language verdict
 * @throws ArgumentError for bad rows (as {@link fitGammaGamma})
 * @example
 * spendFrequencyCorrelation({ frequency: cdnow.frequency, monetaryValue: cdnow.monetary });
 * // { correlation: 0.1139, customers: 946, strength: "weak", verdict: "Weak correlation (0.11) ..." }
 */
export function spendFrequencyCorrelation(customers: SpendHistory): SpendFrequencyCorrelation {
  const n = checkSpendHistory("spendFrequencyCorrelation", customers);
  const { frequency: x, monetaryValue: m, weights } = customers;
  let sw = 0, sx = 0, sm = 0;
  for (let i = 0; i < n; i++) {
    if (!(x[i]! > 0)) continue;
    const w = weights ? weights[i]! : 1;
    sw += w; sx += w * x[i]!; sm += w * m[i]!;
  }
  const mx = sx / sw, mm = sm / sw;
  let cxx = 0, cmm = 0, cxm = 0;
  for (let i = 0; i < n; i++) {
    if (!(x[i]! > 0)) continue;
    const w = weights ? weights[i]! : 1;
    const dx = x[i]! - mx, dm = m[i]! - mm;
    cxx += w * dx * dx; cmm += w * dm * dm; cxm += w * dx * dm;
  }
  const r = sw > 0 && cxx > 0 && cmm > 0 ? cxm / Math.sqrt(cxx * cmm) : NaN;
  const a = Math.abs(r);
  const strength = Number.isNaN(r) ? "undefined" : a < 0.1 ? "negligible" : a < 0.3 ? "weak" : a < 0.5 ? "moderate" : "strong";
  const shown = Number.isNaN(r) ? "" : ` (${r.toFixed(2)})`;
  const verdict = {
    undefined: "The correlation cannot be computed: fewer than two repeat customers, or frequency or spend does not vary.",
    negligible: `Negligible correlation${shown} between how often and how much repeat customers spend: the Gamma-Gamma independence assumption looks reasonable.`,
    weak: `Weak correlation${shown} between how often and how much repeat customers spend: the Gamma-Gamma model is usually acceptable; check its spend forecasts against a holdout.`,
    moderate: `Moderate correlation${shown} between how often and how much repeat customers spend: the Gamma-Gamma independence assumption is doubtful; treat its spend forecasts with care.`,
    strong: `Strong correlation${shown} between how often and how much repeat customers spend: the Gamma-Gamma model assumes none, so its spend forecasts are likely biased; model spend with frequency as a covariate instead.`,
  }[strength];
  return Object.freeze({ correlation: r, customers: sw, strength, verdict });
}
