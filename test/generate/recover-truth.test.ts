import { describe, expect, it } from "vitest";
import { generateSample } from "../../src/data/generate/index.js";
import { parseDay } from "../../src/data/index.js";
const isoToDay = (text: string): number => parseDay(text, "iso")!;

// Simple moments of the committed sample's settings (5,000 customers, seed 20261125) against
// the planted truth. Seeded, so these cannot flake; the tolerances are stated as about 3-4
// standard errors at this size. No model fit here (BG/NBD fitting is another issue).
const sample = generateSample({ customers: 5000, seed: 20261125 });
const { transactions: t, customers: c, campaignContacts: cc, latent, truth } = sample;
const END = isoToDay(truth.dates.end);

/** (alpha / (alpha + T))^r averaged over customers: BG/NBD P(no repeat purchase by T), T in weeks. */
function expectedNoRepeatShare(acquisitionDay: Int32Array, r: number, alpha: number): number {
  let s = 0;
  for (const d of acquisitionDay) s += (alpha / (alpha + (END - d + 1) / 7)) ** r;
  return s / acquisitionDay.length;
}

describe("planted truth is recovered by simple moments", () => {
  it("latent draws match their distributions: mean lambda r/alpha (±8 %), mean p a/(a+b) (±0.02)", () => {
    const { r, alpha, a, b } = truth.bgNbd;
    const mean = (x: Float64Array): number => x.reduce((s, v) => s + v, 0) / x.length;
    expect(Math.abs(mean(latent.lambdaPerWeek) / (r / alpha) - 1)).toBeLessThan(0.08);
    expect(Math.abs(mean(latent.dropoutProbability) - a / (a + b))).toBeLessThan(0.02);
  });

  it("share of customers with no repeat purchase is near (alpha/(alpha+T))^r (±0.025 absolute)", () => {
    const orders = new Map<string, Set<string>>();
    for (let l = 0; l < t.length; l++) (orders.get(t.customerId[l]!) ?? orders.set(t.customerId[l]!, new Set()).get(t.customerId[l]!)!).add(t.orderId[l]!);
    let single = 0;
    for (const s of orders.values()) if (s.size === 1) single++;
    const expected = expectedNoRepeatShare(c.acquisitionDay, truth.bgNbd.r, truth.bgNbd.alpha);
    expect(Math.abs(single / c.length - expected)).toBeLessThan(0.025);
  });

  it("without the service effect, the process alone gives the BG/NBD no-repeat share (±0.02)", () => {
    const s = generateSample({ customers: 5000, seed: 7, serviceEffect: { lateDeliveryDropoutIncrease: 0, complaintDropoutIncrease: 0 } });
    const zero = s.latent.repeatPurchases.filter((x) => x === 0).length / 5000;
    expect(Math.abs(zero - expectedNoRepeatShare(s.customers.acquisitionDay, 0.6, 8))).toBeLessThan(0.02);
  });

  it("mean order value is near p*gamma/(q-1) = 80 (±6 %)", () => {
    const value = new Map<string, number>();
    for (let l = 0; l < t.length; l++) value.set(t.orderId[l]!, (value.get(t.orderId[l]!) ?? 0) + t.amount[l]!);
    let sum = 0;
    for (const v of value.values()) sum += v;
    expect(truth.gammaGamma.meanOrderValue).toBe(80);
    expect(Math.abs(sum / value.size / 80 - 1)).toBeLessThan(0.06);
  });

  it("margin by category on the undiscounted price is recovered (±0.01)", () => {
    const gross = new Map<string, number>();
    const cost = new Map<string, number>();
    for (let l = 0; l < t.length; l++) {
      const k = t.category[l]!;
      gross.set(k, (gross.get(k) ?? 0) + t.quantity[l]! * t.unitPrice[l]!);
      cost.set(k, (cost.get(k) ?? 0) + t.cost[l]!);
    }
    for (const [k, { margin }] of Object.entries(truth.categories)) {
      expect(Math.abs(1 - cost.get(k)! / gross.get(k)! - margin)).toBeLessThan(0.01);
    }
  });

  it("the campaign's planted uplift shows: treatment rate > control rate, each within 0.02 of its truth", () => {
    const rate = (g: string): number => {
      let n = 0;
      let yes = 0;
      for (let k = 0; k < cc.length; k++) if (cc.group[k] === g) (n++, (yes += cc.responded[k]!));
      return yes / n;
    };
    const treatment = rate("treatment");
    const control = rate("control");
    expect(treatment).toBeGreaterThan(control);
    expect(Math.abs(treatment - truth.campaign.treatmentResponseRate)).toBeLessThan(0.02);
    expect(Math.abs(control - truth.campaign.controlResponseRate)).toBeLessThan(0.02);
    const groups = cc.group.filter((g) => g === "treatment").length;
    expect(Math.abs(2 * groups - cc.length)).toBeLessThanOrEqual(1); // a random half
    for (let k = 0; k < cc.length; k++) expect(cc.responseAmount[k]! > 0).toBe(cc.responded[k] === 1);
  });

  it("service problems lower retention: customers with a complaint or late delivery are less often alive at the end", () => {
    const index = new Map(c.customerId.map((id, i) => [id, i]));
    const hit = new Uint8Array(c.length);
    sample.serviceEvents.type.forEach((type, k) => {
      if (type === "complaint" || type === "late_delivery") hit[index.get(sample.serviceEvents.customerId[k]!)!] = 1;
    });
    let aliveHit = 0;
    let nHit = 0;
    let aliveAll = 0;
    for (let i = 0; i < c.length; i++) {
      aliveAll += latent.aliveAtEnd[i]!;
      if (hit[i]) (nHit++, (aliveHit += latent.aliveAtEnd[i]!));
    }
    expect(nHit).toBeGreaterThan(200);
    expect(aliveHit / nHit).toBeLessThan(aliveAll / c.length);
  });
});
