import { createRng } from "../../math/index.js";
import { SAMPLE_DEFAULTS } from "./defaults.js";
import { assembleServiceEvents, assembleTransactions } from "./assemble-tables.js";
import { resolveWorld } from "./resolve-world.js";
import { runCampaign } from "./run-campaign.js";
import { SampleBuilder } from "./sample-builder.js";
import { sampleTruth } from "./sample-truth.js";
import { simulateCustomer, type SimulatedCustomer } from "./simulate-customer.js";
import type { GeneratedSample, GenerateSampleOptions, SampleCampaignContacts, SampleCustomers } from "./types.js";

/**
 * Generates a realistic, seeded retailer data set with known true parameters: customers
 * acquired over a window in three channels (web, store, call-centre) and five regions; their
 * purchases from a BG/NBD process (Fader, Hardie & Lee 2005; rates per week) with Gamma-Gamma
 * order values; order lines with products, categories of different margins, discounts,
 * freight, cost of goods and returns; service events (contacts, complaints, late deliveries,
 * returns) with a planted effect on retention; and one campaign with a planted uplift.
 * Everything true is in `truth` (also written as truth.json by {@link writeSample}).
 *
 * The same options give the same sample, byte for byte once written. 100,000 customers take about
 * 1 s to generate (and about 2 s to write, 58 MB) on one core. Does not touch the file system.
 *
 * @param options customers and seed are required; dates default to 2023-01-01 (start),
 *   2025-06-30 (last acquisition), 2025-12-31 (end of observation), 2025-09-15 (campaign).
 * @example
 * const s = generateSample({ customers: 5000, seed: 20261125 });
 * s.truth.bgNbd;            // { r: 0.6, alpha: 8, a: 0.8, b: 3, ... }
 * s.transactions.length;    // 30665 order lines (19177 orders)
 * s.customers.customerId[41]; // "C00042"
 * @throws ArgumentError naming `generateSample` and the bad option (customers, seed, dates, parameters).
 */
export function generateSample(options: GenerateSampleOptions): GeneratedSample {
  const w = resolveWorld(options);
  const root = createRng(w.seed);
  const behaviour = root.fork();
  const campaignRng = root.fork();
  const b = new SampleBuilder();
  const n = w.customers;
  const width = Math.max(5, String(n).length);
  const ids = Array.from({ length: n }, (_, i) => `C${String(i + 1).padStart(width, "0")}`);
  const sim = new Array<SimulatedCustomer>(n);
  const step = Math.max(1, Math.floor(n / 100));
  for (let i = 0; i < n; i++) {
    sim[i] = simulateCustomer(b, behaviour, w, i);
    if (w.onProgress && (i + 1) % step === 0 && i + 1 < n) w.onProgress(i + 1, n);
  }
  const processOrders = b.orderDay.length;
  const camp = runCampaign(b, campaignRng, w, sim);
  const transactions = assembleTransactions(b, w, ids);
  const serviceEvents = assembleServiceEvents(b, ids);

  const customers: SampleCustomers = Object.freeze({
    length: n,
    customerId: Object.freeze(ids),
    acquisitionDay: Int32Array.from(sim, (c) => c.acquisitionDay),
    acquisitionChannel: Object.freeze(sim.map((c) => w.channelNames[c.channel]!)),
    region: Object.freeze(sim.map((c) => w.regionNames[c.region]!)),
  });
  const m = camp.customer.length;
  const campaignContacts: SampleCampaignContacts = Object.freeze({
    length: m,
    customerId: Object.freeze(Array.from(camp.customer, (i) => ids[i]!)),
    campaignId: Object.freeze(new Array<string>(m).fill(SAMPLE_DEFAULTS.campaign.id)),
    day: new Int32Array(m).fill(w.campaignDay),
    group: Object.freeze(Array.from(camp.treatment, (t) => (t ? "treatment" : "control") as "treatment" | "control")),
    responded: camp.responded,
    responseAmount: Float64Array.from(camp.responseCents, (c) => c / 100),
  });
  const latent = Object.freeze({
    lambdaPerWeek: Float64Array.from(sim, (c) => c.lambdaPerWeek),
    dropoutProbability: Float64Array.from(sim, (c) => c.dropoutProbability),
    nu: Float64Array.from(sim, (c) => c.nu),
    aliveAtEnd: Uint8Array.from(sim, (c) => (c.aliveAtEnd ? 1 : 0)),
    repeatPurchases: Int32Array.from(sim, (c) => c.repeatPurchases),
  });

  const eventCounts: Record<string, number> = { call_centre_contact: 0, complaint: 0, late_delivery: 0, return: 0 };
  for (const t of serviceEvents.type) eventCounts[t]!++;
  let treatment = 0;
  let respondedTreatment = 0;
  let respondedControl = 0;
  for (let k = 0; k < m; k++) {
    treatment += camp.treatment[k]!;
    if (camp.responded[k]) camp.treatment[k] ? respondedTreatment++ : respondedControl++;
  }
  let returnedLines = 0;
  for (let l = 0; l < transactions.length; l++) if (transactions.returnedQuantity[l]! > 0) returnedLines++;
  const counts = {
    customers: n,
    orders: b.orderDay.length,
    lines: transactions.length,
    processOrders,
    campaignResponseOrders: b.orderDay.length - processOrders,
    customersWithoutRepeat: sim.filter((c) => c.repeatPurchases === 0).length,
    repeatPurchases: sim.reduce((s, c) => s + c.repeatPurchases, 0),
    aliveAtEnd: latent.aliveAtEnd.reduce((s, x) => s + x, 0),
    returnedLines,
    serviceEvents: eventCounts,
    campaign: { contacted: m, treatment, control: m - treatment, respondedTreatment, respondedControl },
  };
  w.onProgress?.(n, n);
  return Object.freeze({ customers, transactions, serviceEvents, campaignContacts, latent, truth: sampleTruth(w, counts) });
}
