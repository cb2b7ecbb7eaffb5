import type { Rng } from "../../math/index.js";
import { SAMPLE_DEFAULTS } from "./defaults.js";
import { emitOrder } from "./emit-order.js";
import type { World } from "./resolve-world.js";
import type { SampleBuilder } from "./sample-builder.js";
import type { SimulatedCustomer } from "./simulate-customer.js";

/** The campaign's contacts by customer index, before ids and sorting. */
export interface CampaignDraw {
  /** Customer indices contacted, ascending. */
  readonly customer: Int32Array;
  /** 1 treatment, 0 control. */
  readonly treatment: Uint8Array;
  readonly responded: Uint8Array;
  readonly responseCents: Float64Array;
}

/**
 * Runs the planted campaign (private kernel of `generateSample`): the eligible customers are
 * those acquired before the campaign day with an order in the `activeWithinDays` before it;
 * a random permutation puts half (rounded down) in treatment and the rest in control. Each
 * contacted customer responds with the group's rate, independently of everything else; a
 * response is an extra order (on top of the BG/NBD process) within the response window, in the
 * customer's usual channel, with a Gamma-Gamma value from the customer's own nu.
 *
 * @example
 * runCampaign(builder, rng, world, simulated).customer.length; // about 4 in 10 customers
 */
export function runCampaign(b: SampleBuilder, rng: Rng, w: World, sim: readonly SimulatedCustomer[]): CampaignDraw {
  const { activeWithinDays, responseWindowDays } = SAMPLE_DEFAULTS.campaign;
  const eligible: number[] = [];
  sim.forEach((c, i) => {
    if (c.acquisitionDay < w.campaignDay && c.lastDayBeforeCampaign >= w.campaignDay - activeWithinDays) eligible.push(i);
  });
  const order = rng.shuffle(eligible);
  const isTreatment = new Uint8Array(sim.length);
  for (let k = 0; k < Math.floor(order.length / 2); k++) isTreatment[order[k]!] = 1;
  const n = eligible.length;
  const out: CampaignDraw = {
    customer: Int32Array.from(eligible),
    treatment: new Uint8Array(n),
    responded: new Uint8Array(n),
    responseCents: new Float64Array(n),
  };
  const lastResponseDay = Math.min(w.endDay, w.campaignDay + responseWindowDays - 1);
  for (let k = 0; k < n; k++) {
    const i = eligible[k]!;
    const t = isTreatment[i]!;
    out.treatment[k] = t;
    const rate = t ? w.campaign.treatmentResponseRate : w.campaign.controlResponseRate;
    if (rng.uniform() < rate) {
      const c = sim[i]!;
      const day = w.campaignDay + rng.uniformInt(lastResponseDay - w.campaignDay + 1);
      const valueCents = Math.max(1, Math.round(rng.gamma(w.gammaGamma.p, 1 / c.nu) * 100));
      out.responded[k] = 1;
      out.responseCents[k] = emitOrder(b, rng, w, i, day, c.channel, valueCents, true);
    }
  }
  return out;
}
