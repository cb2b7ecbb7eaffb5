import { describe, expect, it } from "vitest";
import { generateSample } from "../../src/data/generate/index.js";
import { formatDay as dayToIso, parseDay } from "../../src/data/index.js";
const isoToDay = (text: string): number => parseDay(text, "iso")!;

const SEED = 20261125;
const N = 5000;
const sample = generateSample({ customers: N, seed: SEED });
const { transactions: t, customers: c, serviceEvents: ev, campaignContacts: cc, truth } = sample;
const START = isoToDay("2023-01-01");
const ACQ_END = isoToDay("2025-06-30");
const END = isoToDay("2025-12-31");

describe("generateSample: shape and windows", () => {
  it("has the asked customers, zero-padded ids, and the default dates in truth", () => {
    expect(c.length).toBe(N);
    expect(c.customerId[41]).toBe("C00042");
    expect(new Set(c.customerId).size).toBe(N);
    expect(truth.dates).toEqual({ start: "2023-01-01", acquisitionEnd: "2025-06-30", end: "2025-12-31", campaign: "2025-09-15" });
    expect(truth.seed).toBe(SEED);
    expect(truth.counts).toMatchObject({ customers: N, lines: t.length });
  });

  it("keeps every date inside the stated window", () => {
    for (const d of c.acquisitionDay) expect(d >= START && d <= ACQ_END).toBe(true);
    let minT = Infinity;
    let maxT = -Infinity;
    for (const d of t.day) {
      minT = Math.min(minT, d);
      maxT = Math.max(maxT, d);
    }
    expect(minT).toBeGreaterThanOrEqual(START);
    expect(maxT).toBeLessThanOrEqual(END);
    for (const d of ev.day) expect(d >= START && d <= END).toBe(true);
    for (const d of cc.day) expect(dayToIso(d)).toBe("2025-09-15");
  });

  it("puts each customer's first order on the acquisition day, in the acquisition channel", () => {
    const first = new Map<string, { day: number; channel: string }>();
    for (let l = 0; l < t.length; l++) if (!first.has(t.customerId[l]!)) first.set(t.customerId[l]!, { day: t.day[l]!, channel: t.channel[l]! });
    expect(first.size).toBe(N);
    for (let i = 0; i < N; i++) expect(first.get(c.customerId[i]!)).toEqual({ day: c.acquisitionDay[i], channel: c.acquisitionChannel[i] });
  });

  it("keeps each order consistent: 1-3 distinct products, one customer/date/channel, amount = qty*price - discount", () => {
    const orders = new Map<string, number[]>();
    let bad = 0;
    for (let l = 0; l < t.length; l++) {
      const lines = orders.get(t.orderId[l]!) ?? [];
      lines.push(l);
      orders.set(t.orderId[l]!, lines);
      const ok =
        Math.abs(t.amount[l]! - (t.quantity[l]! * t.unitPrice[l]! - t.discount[l]!)) < 0.005 &&
        t.quantity[l]! >= 1 && t.amount[l]! > 0 && t.discount[l]! >= 0 && t.cost[l]! > 0 &&
        t.returnedQuantity[l]! <= t.quantity[l]! && t.returnedAmount[l]! <= t.amount[l]! + 0.005 &&
        (t.returnedQuantity[l]! > 0) === (t.returnedAmount[l]! > 0);
      if (!ok) bad++;
    }
    expect(bad).toBe(0);
    let previousDay = -Infinity;
    const problems: string[] = [];
    for (const [id, lines] of orders) {
      const first = lines[0]!;
      const same = (col: readonly unknown[] | Int32Array): boolean => lines.every((l) => col[l] === col[first]);
      if (lines.length < 1 || lines.length > 3) problems.push(`${id}: ${lines.length} lines`);
      if (new Set(lines.map((l) => t.productId[l])).size !== lines.length) problems.push(`${id}: repeated product`);
      if (!same(t.customerId) || !same(t.channel) || !same(t.day)) problems.push(`${id}: mixed customer/channel/date`);
      if (lines.slice(1).some((l) => t.freight[l] !== 0)) problems.push(`${id}: freight after the first line`);
      if ((t.channel[first] === "store") !== (t.freight[first] === 0)) problems.push(`${id}: freight ${t.freight[first]}`);
      if (t.day[first]! < previousDay) problems.push(`${id}: order ids do not increase with date`);
      previousDay = t.day[first]!;
    }
    expect(problems).toEqual([]);
    expect(orders.size).toBe(truth.counts.orders);
  });

  it("checks its options and names the bad one", () => {
    expect(() => generateSample({ customers: 0, seed: 1 })).toThrow("generateSample: customers must be an integer from 1 to 9999999, got 0");
    expect(() => generateSample({ customers: 10, seed: 1.5 })).toThrow("generateSample: seed must be a safe integer, got 1.5");
    expect(() => generateSample({ customers: 10, seed: 1, end: "2025-02-30" })).toThrow('generateSample: end "2025-02-30" is not a date in the form YYYY-MM-DD');
    expect(() => generateSample({ customers: 10, seed: 1, bgNbd: { r: -1 } })).toThrow("generateSample: bgNbd.r must be a finite number > 0, got -1");
    expect(() => generateSample({ customers: 10, seed: 1, campaign: { treatmentResponseRate: 2 } })).toThrow(
      "generateSample: campaign.treatmentResponseRate must be a probability in [0, 1], got 2",
    );
  });

  it("reports progress up to (total, total), in order", () => {
    const seen: number[] = [];
    generateSample({ customers: 250, seed: 3, onProgress: (done, total) => (expect(total).toBe(250), seen.push(done)) });
    expect(seen.at(-1)).toBe(250);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(seen.length).toBeGreaterThan(10);
  });

  it("returns frozen tables and truth", () => {
    expect(Object.isFrozen(sample)).toBe(true);
    expect(Object.isFrozen(t.customerId)).toBe(true);
    expect(Object.isFrozen(truth.bgNbd)).toBe(true);
  });
});
