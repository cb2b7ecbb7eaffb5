// The bundled sample: figures checked against the generator's truth (data/sample/truth.json).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCustomersFile } from "../../src/data/load/load-customers.js";
import { loadServiceEventsFile } from "../../src/data/load/load-service-events.js";
import { loadTransactionsFile } from "../../src/data/load/load-transactions.js";
import { customerValue, valueByGroup } from "../../src/value/index.js";
import { REPO_ROOT } from "../helpers/shared-data.js";

const dir = path.join(REPO_ROOT, "data/sample");
const truth = JSON.parse(readFileSync(path.join(dir, "truth.json"), "utf8"));
const { transactions } = await loadTransactionsFile(path.join(dir, "transactions.csv"));
const { events } = await loadServiceEventsFile(path.join(dir, "service_events.csv"));
const { customers } = await loadCustomersFile(path.join(dir, "customers.csv"));
const value = customerValue(transactions, { serviceEvents: events, customers });

describe("customer value on the bundled sample", () => {
  it("margin by category matches truth.json within 0.005 (list price), and discounts cut the realised margin", () => {
    // truth: cost = quantity x unit_price x (1 - margin) x exp(N(0, 0.05)), so the margin on the list
    // price is 1 - (1 - margin) x E[exp(noise)] ~ margin - 0.001 (1 - margin): within 0.005 of truth.
    const g = valueByGroup(transactions, "category", { serviceEvents: events });
    expect([...g.columns.group].sort()).toEqual(Object.keys(truth.categories).sort());
    g.columns.group.forEach((name, k) => {
      expect(Math.abs(g.columns.list_margin_rate[k]! - truth.categories[name].margin), name).toBeLessThan(0.005);
      expect(g.columns.gross_margin_rate[k]!, name).toBeLessThan(g.columns.list_margin_rate[k]!);
    });
  });

  it("counts agree with truth.json: customers, orders, lines, returned lines, service events", () => {
    expect(value.length).toBe(truth.counts.customers);
    expect(value.totals.orders).toBe(truth.counts.orders);
    expect(value.totals.lines).toBe(truth.counts.lines);
    expect(value.totals.returned_lines).toBe(truth.counts.returnedLines);
    const sum = (a: Float64Array): number => a.reduce((s, x) => s + x, 0);
    expect(sum(value.columns.call_centre_contacts)).toBe(truth.counts.serviceEvents.call_centre_contact);
    expect(sum(value.columns.complaints)).toBe(truth.counts.serviceEvents.complaint);
    expect(sum(value.columns.late_deliveries)).toBe(truth.counts.serviceEvents.late_delivery);
    expect(sum(value.columns.return_events)).toBe(truth.counts.serviceEvents.return);
  });

  it("channels differ as planted: store has no freight and the fewest returns; web the most returns", () => {
    const ch = value.byChannel!;
    const at = (name: string): number => ch.columns.group.indexOf(name);
    expect(ch.columns.freight[at("store")]).toBe(0);
    expect(ch.columns.return_rate[at("store")]!).toBeLessThan(ch.columns.return_rate[at("call-centre")]!);
    expect(ch.columns.return_rate[at("call-centre")]!).toBeLessThan(ch.columns.return_rate[at("web")]!);
    expect(ch.columns.share_of_net_contribution.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
  });

  it("the whale curve and ABC classes hold together", () => {
    const w = value.whale;
    expect(w.points.at(-1)).toEqual({ customerShare: 1, profitShare: 1 });
    expect(w.peakProfitShare).toBeGreaterThan(1);
    expect(w.unprofitableCustomers).toBeGreaterThan(0);
    const a = value.abc.classes[0]!;
    expect(a.valueShare).toBeGreaterThanOrEqual(0.8);
    expect(a.customerShare).toBeLessThan(0.5);
  });
});
