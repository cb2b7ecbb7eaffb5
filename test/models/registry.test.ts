import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ArgumentError } from "../../src/math/argument-error.js";
import { modelFromJson } from "../../src/models/model-from-json.js";
import type { ModelColumns } from "../../src/models/model-spec.js";
import { bgBbFromParams } from "../../src/models/retention/bg-bb.js";
import { bgNbdFromParams, fitBgNbd } from "../../src/models/purchase/bg-nbd.js";
import { gammaGammaFromParams } from "../../src/models/spend/gamma-gamma.js";
import { findModel, isPurchaseModelId, MODEL_IDS, MODELS, PURCHASE_MODEL_IDS, PURCHASE_MODELS, type ModelId } from "../../src/models/registry.js";
import { loadTransactionsText } from "../../src/data/index.js";

// Data each model is fitted on in the round trip, simulated from published parameters with a seed:
// BG/NBD on CDNOW (FHL 2005), Gamma-Gamma on CDNOW (Fader & Hardie 2013), BG/BB on the donations
// (FHS 2010), and the sBG "regular" cohort of Fader & Hardie (2007) Table 1. A new model needs its
// line here (the test below fails until it has one).
const histories = bgNbdFromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }).simulate(3000, 39, 11);
const spend = gammaGammaFromParams({ p: 6.25, q: 3.74, gamma: 15.44 }).simulate(histories.frequency, 12);
const donors = bgBbFromParams({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }).simulate(3000, 6, 13);
const EXAMPLES: Record<ModelId, ModelColumns> = {
  "bg-nbd": { ...histories },
  "pareto-nbd": { ...histories },
  "mbg-nbd": { ...histories },
  "gamma-gamma": { frequency: spend.frequency, monetary_value: spend.monetaryValue },
  "bg-bb": { frequency: donors.frequency, recency: donors.recency, periods: Float64Array.from(donors.frequency, () => 6) },
  sbg: { survivors: [1000, 631, 468, 382, 326, 289, 262, 241] },
};

describe("the model registry", () => {
  it("lists each model once, under one id or alias, in the order of the help texts", () => {
    expect(MODEL_IDS).toEqual(["bg-nbd", "pareto-nbd", "mbg-nbd", "gamma-gamma", "bg-bb", "sbg"]);
    const names = MODELS.flatMap((m) => [m.id, ...m.aliases]);
    expect(new Set(names).size).toBe(names.length);
    for (const m of MODELS) {
      for (const name of [m.id, ...m.aliases]) expect(findModel(name)).toBe(m);
      expect(["purchase", "spend", "retention"]).toContain(m.kind);
      expect(m.description.length).toBeGreaterThan(0);
      expect(m.data.required.length).toBeGreaterThan(0);
      expect(m.predicts.length).toBeGreaterThan(0);
      expect(Object.isFrozen(m)).toBe(true);
    }
    expect(findModel("toString")).toBeUndefined();
    expect(findModel("pareto")).toBeUndefined();
  });

  it("names the purchase models, the choices of --model", () => {
    expect(PURCHASE_MODEL_IDS).toEqual(["bg-nbd", "pareto-nbd", "mbg-nbd"]);
    expect(Object.keys(PURCHASE_MODELS)).toEqual(PURCHASE_MODEL_IDS);
    expect(MODELS.filter((m) => m.kind === "purchase").map((m) => m.id)).toEqual(PURCHASE_MODEL_IDS);
    expect(isPurchaseModelId("mbg-nbd")).toBe(true);
    expect(isPurchaseModelId("gamma-gamma")).toBe(false);
    expect(isPurchaseModelId("constructor")).toBe(false);
  });

  it("round-trips every model: fit -> toJSON -> fromJson (and modelFromJson, fromParams) with equal parameters", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...MODEL_IDS].sort());
    for (const spec of MODELS) {
      const model = spec.fitColumns(EXAMPLES[spec.id], { timeUnit: "week" });
      expect(model.model).toBe(spec.id);
      expect(model.converged).toBe(true);
      const json: unknown = JSON.parse(JSON.stringify(model));
      for (const back of [spec.fromJson(json), modelFromJson(json)]) {
        expect(back.model).toBe(spec.id);
        expect(back.params).toEqual(model.params);
        expect(back.logLikelihood).toBe(model.logLikelihood);
        expect(back.standardErrors).toEqual(model.standardErrors);
        expect(back.timeUnit).toBe("week");
      }
      const given = spec.fromParams(model.params, "week");
      expect(given.params).toEqual(model.params);
      expect(given.timeUnit).toBe("week");
      expect(() => spec.fromParams({})).toThrow(ArgumentError);
    }
  });

  it("fits from a summary file's columns as the model's own fit does, after checking the data", () => {
    const direct = PURCHASE_MODELS["bg-nbd"].fit(histories);
    expect(MODELS[0].fitColumns({ ...histories, extra: [1] }).params).toEqual(direct.params);
    expect(direct.params).toEqual(fitBgNbd(histories).params);
    expect(() => MODELS[0].fitColumns({ frequency: histories.frequency, T: histories.T })).toThrow("bg-nbd: no recency column; the model needs frequency, recency, T");
    // thin data end with what is missing, before any fit
    expect(() => PURCHASE_MODELS["pareto-nbd"].fitColumns({ frequency: [0, 1, 0], recency: [0, 2, 0], T: [5, 5, 5] }))
      .toThrow("pareto-nbd: only 1 of 3 customers bought more than once; at least 20 repeat customers are needed");
  });

  it("says which models need a table that transactions cannot give", async () => {
    const { transactions } = loadTransactionsText("customer_id,date,amount\nC1,2024-01-02,5\nC1,2024-02-02,7\n");
    expect(MODELS.filter((m) => !m.data.fromTransactions).map((m) => m.id)).toEqual(["sbg"]);
    await expect(findModel("sbg")!.fitTransactions(transactions, { timeUnit: "month" })).rejects.toThrow("sbg: the sBG model needs a survival table, not transactions");
    await expect(findModel("bg-nbd")!.fitTransactions(transactions, { timeUnit: "week" })).rejects.toThrow("bg-nbd: only 1 of 1 customers bought more than once");
  });

  it("is imported by the models' users, never by the model files (no cycle)", () => {
    const root = fileURLToPath(new URL("../../src/models", import.meta.url));
    for (const folder of ["fitting", "purchase", "spend", "retention"]) {
      for (const file of readdirSync(path.join(root, folder))) {
        const text = readFileSync(path.join(root, folder, file), "utf8");
        expect(text, `${folder}/${file}`).not.toMatch(/from "\.\.\/(registry|model-spec)\.js"/);
      }
    }
  });
});
