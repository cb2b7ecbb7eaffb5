import type { Rng } from "../../math/index.js";
import { SAMPLE_DEFAULTS } from "./defaults.js";
import { emitOrder } from "./emit-order.js";
import type { World } from "./resolve-world.js";
import { EVENT, type SampleBuilder } from "./sample-builder.js";

/** What one simulated customer leaves behind besides its orders and events. */
export interface SimulatedCustomer {
  readonly acquisitionDay: number;
  readonly channel: number;
  readonly region: number;
  readonly lambdaPerWeek: number;
  readonly dropoutProbability: number;
  readonly nu: number;
  readonly repeatPurchases: number;
  readonly aliveAtEnd: boolean;
  /** Day of the last order before the campaign day (-Infinity when none). */
  readonly lastDayBeforeCampaign: number;
}

const S = SAMPLE_DEFAULTS.service;
const ACQ = SAMPLE_DEFAULTS.acquisition;

/**
 * Simulates one customer (private kernel of `generateSample`): acquisition day (growing over
 * the window, busier in November-December), channel and region; then the BG/NBD process of
 * Fader, Hardie & Lee (2005): lambda ~ Gamma(r, rate alpha) purchases a week, p ~ Beta(a, b);
 * the first purchase is on the acquisition day, waiting times are Exponential(lambda), and
 * after each repeat purchase the customer drops out with probability p. Service problems on an
 * order (late delivery, complaint) multiply the chance of staying active after that order and
 * every later one by (1 - effect), the first order included. Each order's value is
 * Gamma(p_gg, rate nu), nu ~ Gamma(q, rate gamma) (Gamma-Gamma).
 *
 * @example
 * simulateCustomer(builder, rng, world, 0).repeatPurchases; // e.g. 3
 */
export function simulateCustomer(b: SampleBuilder, rng: Rng, w: World, customer: number): SimulatedCustomer {
  const acquisitionDay = drawAcquisitionDay(rng, w);
  const channel = w.drawAcquisitionChannel(rng);
  const region = w.drawRegion(rng);
  const { r, alpha, a, b: bb } = w.bgNbd;
  const gg = w.gammaGamma;
  const lambdaPerWeek = rng.gamma(r, 1 / alpha);
  const dropoutProbability = rng.beta(a, bb);
  const nu = rng.gamma(gg.q, 1 / gg.gamma);
  const lateMultiplier = w.lateRegionMultiplier[region]!;
  const stayLate = 1 - w.serviceEffect.lateDeliveryDropoutIncrease;
  const stayComplaint = 1 - w.serviceEffect.complaintDropoutIncrease;

  let weeks = 0;
  let day = acquisitionDay;
  let order = 0;
  let serviceStay = 1;
  let lastDayBeforeCampaign = -Infinity;
  let aliveAtEnd = true;
  for (;;) {
    const ch = order === 0 || rng.uniform() < SAMPLE_DEFAULTS.sameChannelProbability ? channel : w.drawAcquisitionChannel(rng);
    const valueCents = Math.max(1, Math.round(rng.gamma(gg.p, 1 / nu) * 100));
    emitOrder(b, rng, w, customer, day, ch, valueCents, false);
    if (day < w.campaignDay) lastDayBeforeCampaign = day;
    const c = w.channels[ch]!;
    const late = rng.uniform() < c.lateDeliveryProbability * lateMultiplier;
    const complaint = rng.uniform() < (late ? S.complaintProbabilityGivenLate : S.complaintProbability);
    const contact = rng.uniform() < (complaint ? S.contactProbabilityGivenComplaint : c.contactProbability);
    if (late) {
      serviceStay *= stayLate;
      event(b, rng, w, customer, day, S.eventDelayDays.lateDelivery, EVENT.lateDelivery);
    }
    if (complaint) {
      serviceStay *= stayComplaint;
      event(b, rng, w, customer, day, S.eventDelayDays.complaint, EVENT.complaint);
    }
    if (contact) event(b, rng, w, customer, day, S.eventDelayDays.contact, EVENT.contact);
    const stay = (order === 0 ? 1 : 1 - dropoutProbability) * serviceStay;
    if (stay < 1 && rng.uniform() >= stay) {
      aliveAtEnd = false;
      break;
    }
    weeks += rng.exponential(lambdaPerWeek);
    day = acquisitionDay + Math.floor(weeks * 7);
    if (day > w.endDay) break;
    order++;
  }
  return { acquisitionDay, channel, region, lambdaPerWeek, dropoutProbability, nu, repeatPurchases: order, aliveAtEnd, lastDayBeforeCampaign };
}

function drawAcquisitionDay(rng: Rng, w: World): number {
  const span = w.acquisitionEndDay - w.startDay + 1;
  const maxWeight = (1 + ACQ.growth) * (1 + ACQ.q4Boost);
  for (;;) {
    const k = rng.uniformInt(span);
    const day = w.startDay + k;
    const month = new Date(day * 86_400_000).getUTCMonth();
    const weight = (1 + (ACQ.growth * k) / span) * (month >= 10 ? 1 + ACQ.q4Boost : 1);
    if (rng.uniform() * maxWeight < weight) return day;
  }
}

function event(b: SampleBuilder, rng: Rng, w: World, customer: number, day: number, delay: readonly number[], type: number): void {
  const d = day + delay[0]! + rng.uniformInt(delay[1]! - delay[0]! + 1);
  if (d <= w.endDay) b.addEvent(customer, d, type);
}
