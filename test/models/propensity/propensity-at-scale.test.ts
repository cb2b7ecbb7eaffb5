// The fast paths of the propensity step against the plain definitions they replace, to the last
// bit: the logistic derivatives (blocked, four sums at a time) against column-by-column sums; the
// score order (radix sort) and the AUC (two sorted classes) against a comparison sort and
// mid-ranks; the facts at several cuts in one pass against one cut at a time; the report's
// valuable customers at risk against a sort of every customer.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadServiceEventsFile } from "../../../src/data/load/load-service-events.js";
import { loadTransactionsFile } from "../../../src/data/load/load-transactions.js";
import type { ServiceEvents } from "../../../src/data/load/build-service-events.js";
import type { Transactions } from "../../../src/data/types.js";
import { classifierCalibration } from "../../../src/models/propensity/classifier-calibration.js";
import { classifierGains } from "../../../src/models/propensity/classifier-gains.js";
import { classifierRocAuc } from "../../../src/models/propensity/classifier-roc-auc.js";
import { scoreOrder } from "../../../src/math/score-order.js";
import { logisticDerivatives } from "../../../src/models/propensity/logistic-regression-kernel.js";
import { fitLogisticRegression } from "../../../src/models/propensity/logistic-regression.js";
import { cutTables, propensityBase, spendsToCuts } from "../../../src/models/propensity/propensity-base.js";
import { cutFeatures } from "../../../src/models/propensity/propensity-features.js";
import { propensityAnalysis } from "../../../src/models/propensity/propensity.js";
import type { PropensityResult } from "../../../src/models/propensity/propensity-types.js";
import { propensitySection } from "../../../src/reports/sections/propensity.js";
import { createRng } from "../../../src/math/random/rng.js";

/** The derivatives as they were: one full pass over the rows per sum, an explicit column of ones. */
function naiveDerivatives(z: Float64Array[], y: Float64Array, w: Float64Array, eta: Float64Array, W: number) {
  const n = y.length, k = z.length + 1;
  const cols = [new Float64Array(n).fill(1), ...z];
  const sigmoid = (e: number) => (e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e)));
  const resid = new Float64Array(n), curv = new Float64Array(n);
  for (let i = 0; i < n; i++) { const p = sigmoid(eta[i]!); resid[i] = w[i]! * (p - y[i]!); curv[i] = w[i]! * p * (1 - p); }
  const g = new Float64Array(k), info = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += cols[a]![i]! * resid[i]!;
    g[a] = s / W;
    for (let b = 0; b <= a; b++) {
      let t = 0;
      for (let i = 0; i < n; i++) t += cols[a]![i]! * cols[b]![i]! * curv[i]!;
      info[a * k + b] = t;
      info[b * k + a] = t;
    }
  }
  return { g, info };
}

describe("logisticDerivatives", () => {
  it("equals the column-by-column sums to the last bit (rows not a multiple of the block, 1 to 13 columns)", () => {
    const rng = createRng(7);
    for (const [n, p] of [[1, 1], [5, 3], [2500, 7], [3001, 13], [1024, 4]] as const) {
      const z = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => rng.normal() * 3));
      const y = Float64Array.from({ length: n }, () => (rng.uniform() < 0.3 ? 1 : 0));
      const w = Float64Array.from({ length: n }, () => 0.5 + rng.uniform());
      const eta = Float64Array.from({ length: n }, () => rng.normal() * 2);
      const W = w.reduce((s, v) => s + v, 0);
      const got = logisticDerivatives({ z, y, w, l2: 0, l1: 0, maxIterations: 1 }, new Float64Array(p + 1), eta, W, true);
      const ref = naiveDerivatives(z, y, w, eta, W);
      expect(Array.from(got.g)).toEqual(Array.from(ref.g));
      expect(Array.from(got.info!)).toEqual(Array.from(ref.info));
    }
  });
});

describe("fitLogisticRegression without standard errors", () => {
  it("gives the same estimates and predictions, with null standard errors", () => {
    const rng = createRng(9);
    const x = Float64Array.from({ length: 3000 }, () => rng.normal());
    const v = Float64Array.from({ length: 3000 }, () => Math.floor(rng.uniform() * 5));
    const y = Float64Array.from(x, (xi, i) => (rng.uniform() < 1 / (1 + Math.exp(-(0.3 + xi - 0.2 * v[i]!))) ? 1 : 0));
    const full = fitLogisticRegression({ x, v }, y), light = fitLogisticRegression({ x, v }, y, { standardErrors: false });
    expect(light.coefficients).toEqual(full.coefficients);
    expect(light.intercept).toBe(full.intercept);
    expect(Array.from(light.predict({ x, v }))).toEqual(Array.from(full.predict({ x, v })));
    expect(light.standardErrors).toBeNull();
    expect(full.standardErrors).not.toBeNull();
    expect(light.summary()[1]!.pValue).toBeNull();
  });
});

describe("scoreOrder and the AUC without a comparison sort", () => {
  const scores = fc.array(fc.oneof(fc.integer({ min: -6, max: 6 }).map((k) => k / 4), fc.constantFrom(-0, 0, 1e-300, -1e300, 1e300), fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 120 });

  it("orders as (a, b) => s[b] - s[a] || a - b: negatives, -0 and 0, ties by index", () => {
    fc.assert(fc.property(scores, (s) => {
      const ref = Array.from(s.keys()).sort((a, b) => s[b]! - s[a]! || a - b);
      expect(Array.from(scoreOrder(s))).toEqual(ref);
    }), { numRuns: 300, seed: 3 });
  });

  it("the AUC equals the mid-rank sum of one sort, exactly", () => {
    const mixed = fc.array(fc.tuple(fc.oneof(fc.integer({ min: -5, max: 5 }).map((k) => k / 5), fc.constantFrom(-0, 0), fc.double({ min: -1e6, max: 1e6, noNaN: true })), fc.boolean()), { minLength: 2, maxLength: 150 })
      .filter((rows) => rows.some((r) => r[1]) && rows.some((r) => !r[1]));
    fc.assert(fc.property(mixed, (rows) => {
      const s = rows.map((r) => r[0]), y = rows.map((r): number => (r[1] ? 1 : 0));
      const n = s.length, n1 = y.reduce((a, b) => a + b, 0), n0 = n - n1;
      const order = Array.from(s.keys()).sort((a, b) => s[a]! - s[b]!);
      let rankSum = 0;
      for (let start = 0; start < n;) {
        let end = start;
        while (end + 1 < n && s[order[end + 1]!] === s[order[start]!]) end++;
        for (let k = start; k <= end; k++) if (y[order[k]!] === 1) rankSum += (start + end) / 2 + 1;
        start = end + 1;
      }
      expect(classifierRocAuc(s, y)).toBe((rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0));
    }), { numRuns: 300, seed: 5 });
  });

  it("gains and calibration read the rows in that order (ties straddling a decile boundary)", () => {
    const s = [0.5, 0.9, 0.5, 0.5, 0.1, 0.5, 0.9, 0.5, 0.2, 0.5, 0.5];
    const y = [1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1];
    const order = Array.from(s.keys()).sort((a, b) => s[b]! - s[a]! || a - b);
    const g = classifierGains(s, y, 4), c = classifierCalibration(s, y, 4);
    for (let k = 1; k <= 4; k++) {
      const part = order.slice(Math.floor(((k - 1) * 11) / 4), Math.floor((k * 11) / 4));
      expect(g.rows[k - 1]!.positives).toBe(part.reduce((a, i) => a + y[i]!, 0));
      expect(c.rows[k - 1]!.meanPredicted).toBe(part.reduce((a, i) => a + s[i]!, 0) / part.length);
    }
  });
});

let tx: Transactions, events: ServiceEvents;
beforeAll(async () => {
  tx = (await loadTransactionsFile("data/sample/transactions.csv")).transactions;
  events = (await loadServiceEventsFile("data/sample/service_events.csv")).events;
}, 60_000);

describe("cutTables", () => {
  it("three cuts in one pass give the features of three passes of one cut, to the last bit (any order of cuts; sample, and without amounts or channels)", async () => {
    const { amount: _a, channel: _c, ...log } = tx;
    for (const t of [tx, log as Transactions]) {
      const base = propensityBase(t, events);
      const specs = [{ cut: 20190, end: 20280 }, { cut: 20100, end: 20190 }, { cut: 20280, end: 20280 }, { cut: 20190, end: 20200 }];
      const spends = await spendsToCuts(base, specs.map((x) => x.cut));
      const together = cutTables(base, specs);
      for (const [k, spec] of specs.entries()) {
        const [alone] = cutTables(base, [spec]);
        const window = spec.end - spec.cut || undefined;
        expect(cutFeatures(base, together[k]!, spends?.[k] ?? null, window)).toEqual(cutFeatures(base, alone!, spends?.[k] ?? null, window));
      }
    }
  });
});

describe("propensityAnalysis without the net contribution", () => {
  it("gives the same result but a NaN net contribution", async () => {
    const full = await propensityAnalysis(tx, { serviceEvents: events });
    const light = await propensityAnalysis(tx, { serviceEvents: events, netContribution: false });
    expect(light.scores.netContribution.every(Number.isNaN)).toBe(true);
    expect(full.scores.netContribution.some(Number.isNaN)).toBe(false);
    const { netContribution: _n1, ...a } = full.scores;
    const { netContribution: _n2, ...b } = light.scores;
    expect(b).toEqual(a);
    expect({ ...light, scores: null }).toEqual({ ...full, scores: null });
  }, 60_000);
});

describe("propensitySection's valuable customers at risk", () => {
  /** As the section did: sort every customer by worth (ties by id), keep the top 20 % in the high band, order by score x worth. */
  function reference(r: PropensityResult, topN: number): string[] {
    const s = r.scores, n = s.customerId.length;
    const worth = s.totalSpend.some(Number.isFinite) ? s.totalSpend : s.orders;
    const all = Array.from({ length: n }, (_, i) => i).sort((i, j) => worth[j]! - worth[i]! || (s.customerId[i]! < s.customerId[j]! ? -1 : 1));
    return all.slice(0, Math.ceil(0.2 * n)).filter((i) => s.band[i] === "high")
      .map((i) => ({ i, v: s.score[i]! * worth[i]! })).sort((a, b) => b.v - a.v || (s.customerId[a.i]! < s.customerId[b.i]! ? -1 : 1))
      .slice(0, topN).map(({ i }) => s.customerId[i]!);
  }

  it("are the reference's, with many ties of worth at the top-20 % boundary (orders of a purchase log)", async () => {
    const r = await propensityAnalysis(tx, { serviceEvents: events, netContribution: false });
    const rng = createRng(11);
    const n = r.scores.customerId.length;
    // Worth with heavy ties: few distinct spends; and a purchase log (no spend: orders).
    const tied = { ...r, scores: { ...r.scores, totalSpend: Float64Array.from({ length: n }, () => Math.floor(rng.uniform() * 6) * 10) } };
    const log = { ...r, scores: { ...r.scores, totalSpend: new Float64Array(n).fill(NaN) } };
    for (const res of [r, tied, log]) {
      for (const topN of [5, 20, 100]) {
        const rows = propensitySection(res, { topN }).tables[2]!.rows.map((row) => row.customer_id);
        expect(rows).toEqual(reference(res, topN));
      }
    }
  }, 60_000);
});
