import type { Rng } from "../../math/index.js";
import { SAMPLE_DEFAULTS } from "./defaults.js";
import type { World } from "./resolve-world.js";
import { EVENT, type SampleBuilder } from "./sample-builder.js";

const DISCOUNT_RATES = SAMPLE_DEFAULTS.lines.discountRates;
const COST_NOISE_SD = SAMPLE_DEFAULTS.costNoiseSd;
const RETURN_DELAY = SAMPLE_DEFAULTS.service.eventDelayDays.return;

/**
 * Writes one order of about `valueCents` (the Gamma-Gamma order value, net of discounts)
 * into the builder: 1-3 lines of distinct products from the channel's category mix, the value
 * split at random across lines, quantity 1 + Poisson (more units for cheap categories), unit
 * price derived so that the line sums to its share, discounts on some lines, cost of goods
 * from the category margin on the undiscounted price with lognormal noise, freight on the
 * first line, and returns (with a `return` service event) on a few lines. Private kernel.
 *
 * @returns the order's value in cents as written (sum of line amounts).
 * @example
 * emitOrder(builder, rng, world, 0, 19724, 0, 8000, false); // ≈ 8000
 */
export function emitOrder(
  b: SampleBuilder,
  rng: Rng,
  w: World,
  customer: number,
  day: number,
  channel: number,
  valueCents: number,
  fromCampaign: boolean,
): number {
  const ch = w.channels[channel]!;
  b.beginOrder(customer, day, channel, fromCampaign);
  const firstLine = b.lineAmountCents.length;
  let lines = w.drawLineCount(rng) + 1;
  while (lines > 1 && valueCents < lines * 200) lines--; // no line below about 2.00
  const shares = [0, 0, 0];
  let shareTotal = 0;
  for (let k = 0; k < lines; k++) shareTotal += shares[k] = 0.5 + rng.uniform();
  const used: number[] = [];
  let total = 0;
  let returned = false;
  for (let k = 0; k < lines; k++) {
    const targetCents = Math.max(1, Math.round((valueCents * shares[k]!) / shareTotal));
    let category = 0;
    let product = 0;
    do {
      category = ch.drawCategory(rng);
      product = w.productOffset[category]! + w.drawProduct[category]!(rng);
    } while (used.includes(product));
    used.push(product);
    const extra = w.extraQuantityMean[category]!;
    let quantity = 1 + rng.poisson(extra);
    while (quantity > 1 && targetCents < quantity * 100) quantity--; // no unit below about 1.00
    const rate = rng.uniform() < ch.discountLineProbability ? DISCOUNT_RATES[rng.uniformInt(DISCOUNT_RATES.length)]! : 0;
    const unitCents = Math.max(1, Math.round(targetCents / (1 - rate) / quantity));
    const grossCents = quantity * unitCents;
    const discountCents = Math.round(grossCents * rate);
    const amountCents = grossCents - discountCents;
    const costCents = Math.round(grossCents * (1 - w.margin[category]!) * Math.exp(rng.normal(0, COST_NOISE_SD)));
    let returnedQuantity = 0;
    let returnedCents = 0;
    const returnDay = day + RETURN_DELAY[0] + rng.uniformInt(RETURN_DELAY[1] - RETURN_DELAY[0] + 1);
    if (rng.uniform() < ch.returnLineProbability * w.returnMultiplier[category]! && returnDay <= w.endDay) {
      returnedQuantity = 1 + rng.uniformInt(quantity);
      returnedCents = Math.round((amountCents * returnedQuantity) / quantity);
      if (!returned) b.addEvent(customer, returnDay, EVENT.return);
      returned = true;
    }
    b.addLine(product, category, quantity, unitCents, discountCents, costCents, returnedQuantity, returnedCents);
    total += amountCents;
  }
  b.lineFreightCents[firstLine] = Math.round((ch.freightPerOrder + (ch.freightPerValue * total) / 100) * 100);
  return total;
}
