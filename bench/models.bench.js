// Benchmark: fitting the lifetime-value models on 1,000,000 simulated customers and predicting for
// all of them, against the figures of the Python package lifetimes measured on this machine kind
// (issue 3): BG/NBD fit 8.1 s, E[Y] + P(alive) predictions 0.36 s. Data: CDNOW parameters, T uniform
// over 27-39 weeks (so (x, t_x, T) patterns barely compress), seeded. Prints a table; asserts nothing.
// BENCH_CUSTOMERS overrides the size (default 1000000).
import * as crm from "../dist/index.js";

const n = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const LIFETIMES = { "bg-nbd": { fit: 8.1, predict: 0.36 } };
const rows = [];
const T = Float64Array.from({ length: n }, (_, i) => 27 + (12 * ((i * 2654435761) % 4294967296)) / 4294967296);

const models = [
  { id: "bg-nbd", simulate: crm.simulateBgNbd, fit: crm.fitBgNbd, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
  ...(crm.simulateParetoNbd
    ? [{ id: "pareto-nbd", simulate: crm.simulateParetoNbd, fit: crm.fitParetoNbd, params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } }]
    : []),
];

for (const m of models) {
  const data = m.simulate(m.params, n, T, 42);
  globalThis.gc?.();
  const rss0 = process.memoryUsage().rss;
  let t0 = performance.now();
  const model = m.fit(data);
  const fitSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const expected = model.conditionalExpectedPurchases(data, 39);
  const alive = model.probabilityAlive(data);
  const predictSeconds = (performance.now() - t0) / 1000;
  const peer = LIFETIMES[m.id];
  const estimate = Object.entries(model.params).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(", ");
  rows.push({
    model: m.id,
    customers: n.toLocaleString("en-US"),
    step: "fit",
    seconds: fitSeconds.toFixed(2),
    "customers/s": Math.round(n / fitSeconds).toLocaleString("en-US"),
    "lifetimes s": peer ? peer.fit.toFixed(2) : "n/a",
    "speed-up": peer ? (peer.fit / fitSeconds).toFixed(1) : "n/a",
    "RSS MB": (process.memoryUsage().rss / 1e6).toFixed(0),
    note: `${model.iterations} iterations; ${estimate}`,
  });
  rows.push({
    model: m.id,
    customers: n.toLocaleString("en-US"),
    step: "E[Y(39)] + P(alive)",
    seconds: predictSeconds.toFixed(2),
    "customers/s": Math.round(n / predictSeconds).toLocaleString("en-US"),
    "lifetimes s": peer ? peer.predict.toFixed(2) : "n/a",
    "speed-up": peer ? (peer.predict / predictSeconds).toFixed(1) : "n/a",
    "RSS MB": (process.memoryUsage().rss / 1e6).toFixed(0),
    note: `checksum ${(expected.reduce((s, v) => s + v, 0) / n).toFixed(4)} / ${(alive.reduce((s, v) => s + v, 0) / n).toFixed(4)}; memory +${((process.memoryUsage().rss - rss0) / 1e6).toFixed(0)} MB`,
  });
}
console.log(`Lifetime-value models on ${n.toLocaleString("en-US")} simulated customers (peer: lifetimes 0.11 figures from issue 3, same machine kind)`);
console.table(rows);
