// Benchmark: the propensity model's own steps on simulated customers (issue 11: "the logistic model
// on 1M customers in seconds"): the logistic fit (Newton, standard errors) and the evaluation
// (ROC AUC, gains and calibration by decile). The peer is the plain way, measured here in the same
// process: the Newton kernel with one pass over the rows per sum (as crm did before), and
// comparison sorts of row indices. Both give the same numbers to the last bit (checked below).
// Data: 12 features like the propensity ones (counts, days, spend, shares, 0/1 channels), labels
// drawn from a known logistic model, seeded. Prints a table; asserts nothing.
// BENCH_CUSTOMERS overrides the size (default 1000000).
import * as crm from "../dist/index.js";
import { createRng } from "../dist/math/random/rng.js";

const n = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const rng = createRng(2026);
const p = 12;
const cols = {};
for (let j = 0; j < p; j++) {
  const kind = j % 4;
  cols[`x${j}`] = Float64Array.from({ length: n }, () => (kind === 0 ? Math.floor(rng.uniform() * 12) : kind === 1 ? Math.round(rng.uniform() * 900) : kind === 2 ? rng.normal() * 40 + 100 : rng.uniform() < 0.3 ? 1 : 0));
}
const names = Object.keys(cols);
const truth = names.map((_, j) => (j % 2 === 0 ? 0.4 : -0.3));
const y = new Float64Array(n);
for (let i = 0; i < n; i++) {
  let eta = -0.5;
  names.forEach((name, j) => { const x = cols[name][i]; eta += (truth[j] * (x - [6, 450, 100, 0.3][j % 4])) / [3.5, 260, 40, 0.46][j % 4]; });
  y[i] = rng.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
}

/** The plain Newton fit (crm before issue 11): standardise, then one full pass over the rows for each gradient and information sum. */
function plainFit(features, labels) {
  const z = Object.values(features).map((col) => {
    let m = 0;
    for (let i = 0; i < n; i++) m += col[i];
    m /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (col[i] - m) ** 2;
    const sd = Math.sqrt(v / n);
    return Float64Array.from({ length: n }, (_, i) => (col[i] - m) / sd);
  });
  const k = z.length + 1;
  const sigmoid = (e) => (e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e)));
  const softplus = (e) => (e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e)));
  const evaluate = (beta) => {
    const eta = new Float64Array(n).fill(beta[0]);
    z.forEach((col, j) => { const b = beta[j + 1]; if (b !== 0) for (let i = 0; i < n; i++) eta[i] += b * col[i]; });
    let ll = 0;
    for (let i = 0; i < n; i++) ll += labels[i] * eta[i] - softplus(eta[i]);
    return { eta, objective: -ll / n };
  };
  const derivatives = (eta) => {
    const cs = [new Float64Array(n).fill(1), ...z];
    const resid = new Float64Array(n), curv = new Float64Array(n);
    for (let i = 0; i < n; i++) { const q = sigmoid(eta[i]); resid[i] = q - labels[i]; curv[i] = q * (1 - q); }
    const g = new Float64Array(k), h = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += cs[a][i] * resid[i];
      g[a] = s / n;
      for (let b = 0; b <= a; b++) { let t = 0; for (let i = 0; i < n; i++) t += cs[a][i] * cs[b][i] * curv[i]; h[a * k + b] = h[b * k + a] = t / n; }
    }
    return { g, h };
  };
  let beta = new Float64Array(k);
  const ybar = labels.reduce((s, v) => s + v, 0) / n;
  beta[0] = Math.log(ybar / (1 - ybar));
  let cur = evaluate(beta);
  let iterations = 0;
  for (let converged = false; iterations < 100 && !converged; iterations++) {
    const { g, h } = derivatives(cur.eta);
    const step = solve(h, g, k);
    let t = 1, next = beta, trial = cur;
    for (let half = 0; half < 40; half++, t /= 2) {
      next = Float64Array.from(beta, (v, a) => v - t * step[a]);
      trial = evaluate(next);
      if (trial.objective <= cur.objective + 1e-12 * Math.abs(cur.objective)) break;
    }
    const decrease = cur.objective - trial.objective;
    beta = next;
    cur = trial;
    const gMax = Math.max(...g.map(Math.abs));
    converged = gMax < 1e-9 || (decrease >= 0 && decrease < 1e-15 * Math.max(1, Math.abs(cur.objective)) && gMax < 1e-6);
  }
  derivatives(cur.eta); // the information at the estimate, for the standard errors
  return { beta, iterations };
}

/** Gaussian elimination with partial pivoting (k is 13). */
function solve(h, g, k) {
  const a = Array.from({ length: k }, (_, r) => [...h.subarray(r * k, r * k + k), g[r]]);
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    [a[c], a[piv]] = [a[piv], a[c]];
    for (let r = c + 1; r < k; r++) { const f = a[r][c] / a[c][c]; for (let q = c; q <= k; q++) a[r][q] -= f * a[c][q]; }
  }
  const x = new Array(k).fill(0);
  for (let r = k - 1; r >= 0; r--) { let s = a[r][k]; for (let q = r + 1; q < k; q++) s -= a[r][q] * x[q]; x[r] = s / a[r][r]; }
  return x;
}

/** AUC, gains and calibration with comparison sorts of row indices (crm before issue 11): three sorts. */
function plainEvaluation(scores, labels) {
  const asc = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0, n1 = 0;
  for (let i = 0; i < n; i++) n1 += labels[i];
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && scores[asc[end + 1]] === scores[asc[start]]) end++;
    for (let q = start; q <= end; q++) if (labels[asc[q]] === 1) rankSum += (start + end) / 2 + 1;
    start = end + 1;
  }
  const auc = (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * (n - n1));
  const gainsOrder = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const calibrationOrder = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  let positives = 0, predicted = 0;
  const tenth = Math.floor(n / 10);
  for (let q = 0; q < tenth; q++) { positives += labels[gainsOrder[q]]; predicted += scores[calibrationOrder[q]]; }
  return { auc, positives, meanPredicted: predicted / tenth };
}

const time = (f) => { globalThis.gc?.(); const t0 = performance.now(); const r = f(); return { r, s: (performance.now() - t0) / 1000 }; };
const rows = [];
const plain = time(() => plainFit(cols, y));
const fast = time(() => crm.fitLogisticRegression(cols, y));
let gap = 0;
Array.from(fast.r.summary(), (t) => t.standardizedEstimate).slice(1).forEach((b, j) => { gap = Math.max(gap, Math.abs(b - plain.r.beta[j + 1]) / Math.abs(plain.r.beta[j + 1])); });
rows.push({
  step: "logistic fit (Newton, SEs)", customers: n.toLocaleString("en-US"), features: p, seconds: fast.s.toFixed(2),
  "customers/s": Math.round(n / fast.s).toLocaleString("en-US"), "plain s": plain.s.toFixed(2), "speed-up": (plain.s / fast.s).toFixed(1),
  "RSS MB": (process.memoryUsage().rss / 1e6).toFixed(0), note: `${fast.r.iterations} Newton steps (plain ${plain.r.iterations}); slopes ${gap === 0 ? "equal to the plain fit's to the last bit" : `within ${gap.toExponential(1)} of the plain fit's (its linear solve differs)`}`,
});
const scores = fast.r.predict(cols);
const plainEval = time(() => plainEvaluation(scores, y));
const fastEval = time(() => ({ auc: crm.classifierRocAuc(scores, y), gains: crm.classifierGains(scores, y), calibration: crm.classifierCalibration(scores, y) }));
const sameEval = fastEval.r.auc === plainEval.r.auc && fastEval.r.gains.rows[0].positives === plainEval.r.positives && fastEval.r.calibration.rows[0].meanPredicted === plainEval.r.meanPredicted;
rows.push({
  step: "AUC + gains + calibration", customers: n.toLocaleString("en-US"), features: "", seconds: fastEval.s.toFixed(2),
  "customers/s": Math.round(n / fastEval.s).toLocaleString("en-US"), "plain s": plainEval.s.toFixed(2), "speed-up": (plainEval.s / fastEval.s).toFixed(1),
  "RSS MB": (process.memoryUsage().rss / 1e6).toFixed(0), note: `AUC ${fastEval.r.auc.toFixed(4)}; AUC, top decile ${sameEval ? "equal to the plain way's to the last bit" : "DIFFER from the plain way's"}`,
});
console.log(`Propensity model steps on ${n.toLocaleString("en-US")} simulated customers (peer: the plain way, same process)`);
console.table(rows);
