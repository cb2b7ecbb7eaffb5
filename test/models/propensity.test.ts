// The propensity / churn pipeline on the bundled sample: out-of-time AUC above chance, the
// planted service effect (truth.json: complaints and late deliveries raise dropout), the CLI.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { propensityCommand } from "../../src/cli/commands/propensity.js";
import { loadServiceEventsFile } from "../../src/data/load/load-service-events.js";
import { loadTransactionsFile } from "../../src/data/load/load-transactions.js";
import type { Transactions } from "../../src/data/types.js";
import type { ServiceEvents } from "../../src/data/load/build-service-events.js";
import { propensityAnalysis } from "../../src/models/propensity/propensity.js";
import { propensityFeatures } from "../../src/models/propensity/propensity-features.js";
import type { PropensityResult } from "../../src/models/propensity/propensity-types.js";

const SAMPLE = "data/sample/transactions.csv", EVENTS = "data/sample/service_events.csv";
let tx: Transactions, events: ServiceEvents, result: PropensityResult;

beforeAll(async () => {
  tx = (await loadTransactionsFile(SAMPLE)).transactions;
  events = (await loadServiceEventsFile(EVENTS)).events;
  result = await propensityAnalysis(tx, { serviceEvents: events, windowDays: 90 });
}, 60_000);

describe("propensityFeatures", () => {
  it("counts only what happened up to the cut and labels the window after it", async () => {
    const f = await propensityFeatures(tx, { cutDate: "2024-06-30", windowDays: 90, serviceEvents: events });
    expect(f.cutDate).toBe("2024-06-30");
    expect(f.windowEnd).toBe("2024-09-28");
    const complaintsToCut = events.type.filter((t, i) => t === "complaint" && events.day[i]! <= Date.UTC(2024, 5, 30) / 864e5).length;
    const ids = new Set(f.customerIds);
    const counted = f.features.complaints!.reduce((s, v) => s + v, 0);
    expect(counted).toBeLessThanOrEqual(complaintsToCut);
    expect(counted).toBeGreaterThan(0);
    for (const d of f.features.days_since_last_purchase!) expect(d).toBeGreaterThanOrEqual(0);
    expect(f.bought!.every((b) => b === 0 || b === 1)).toBe(true);
    expect(ids.size).toBe(f.customerIds.length);
    await expect(propensityFeatures(tx, { cutDate: "2024-06-30", windowDays: 0 })).rejects.toThrow("propensityFeatures: windowDays 0 must be a whole number of days > 0");
  });
});

describe("propensityAnalysis on the sample (90-day window, churn)", () => {
  it("uses an out-of-time split ending at the last date", () => {
    expect(result.dates).toEqual({ trainCut: "2025-07-04", testCut: "2025-10-02", scoreCut: "2025-12-31" });
    expect(result.evaluation.testCustomers).toBe(5000);
  });

  it("ranks the later period better than chance and about as well as BG/NBD (measured: 0.779 vs P(alive) 0.621, P(purchase) 0.804)", () => {
    const a = result.evaluation.auc;
    expect(a.model).toBeGreaterThan(0.7);
    expect(a.probabilityAlive).toBeGreaterThan(0.5);
    expect(a.model).toBeGreaterThan(a.probabilityAlive!);
    expect(a.probabilityPurchase).toBeGreaterThan(0.75);
    expect(result.evaluation.gains.rows[0]!.lift).toBeGreaterThanOrEqual(1);
  });

  it("finds the planted service effect: complaints and late deliveries raise the odds of churn", () => {
    const term = (name: string) => result.coefficients.find((t) => t.term === name)!;
    expect(term("complaints").estimate).toBeGreaterThan(0);
    expect(term("complaints").pValue).toBeLessThan(0.01);
    expect(term("late_deliveries").estimate).toBeGreaterThan(0); // p ≈ 0.07 at 90 days (0.003 at 180)
    expect(term("call_centre_contacts").pValue).toBeGreaterThan(0.05); // no planted effect
  });

  it("scores are probabilities with bands, one per customer", () => {
    const s = result.scores;
    expect(s.score.length).toBe(s.customerId.length);
    for (const p of s.score) expect(p >= 0 && p <= 1).toBe(true);
    expect(new Set(s.band)).toEqual(new Set(["low", "medium", "high"]));
    expect(Object.isFrozen(result)).toBe(true);
  });

  it("rejects a window that leaves no training history", async () => {
    await expect(propensityAnalysis(tx, { windowDays: 600 })).rejects.toThrow("propensityAnalysis: the first training cut");
  });
});

describe("crm propensity", () => {
  it("writes the scores, prints the evaluation table and one JSON object", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "crm-prop-")), "scores.csv");
    const stdout: string[] = [], stderr: string[] = [];
    const code = await propensityCommand.run(["--input", SAMPLE, "--service-events", EVENTS, "--window-days", "90", "--out", out, "--json"], { out: (t) => stdout.push(t), err: (t) => stderr.push(t) });
    expect(code).toBe(0);
    const json = JSON.parse(stdout.join(""));
    expect(json.auc.model).toBeCloseTo(result.evaluation.auc.model, 12);
    expect(json.gains).toHaveLength(10);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("customer_id,score,band,p_alive_bgnbd,total_spend,net_contribution,days_since_last_purchase,complaints,late_deliveries");
    expect(lines).toHaveLength(5001);
    expect(stderr.join("\n")).toContain("decile  customers  predicted");
    await expect(propensityCommand.run(["--input", SAMPLE, "--target", "maybe"], { out: () => {}, err: () => {} })).rejects.toThrow(/target/);
  });
});
