import { deepFreeze } from "../../math/deep-freeze.js";
import { SAMPLE_DEFAULTS } from "./defaults.js";
import { formatDay } from "../parse/format-day.js";
import type { World } from "./resolve-world.js";
import type { SampleTruth } from "./types.js";

/**
 * Builds truth.json: every planted parameter of the sample (resolved options plus the fixed
 * retailer world of SAMPLE_DEFAULTS) and the realised counts. Private to `generateSample`.
 *
 * @example
 * sampleTruth(world, { customers: 5000 }).bgNbd.alpha; // 8
 */
export function sampleTruth(w: World, counts: Readonly<Record<string, unknown>>): SampleTruth {
  const d = SAMPLE_DEFAULTS;
  const { p, q, gamma } = w.gammaGamma;
  return deepFreeze({
    generator: "crm-analytics generateSample (src/data/generate)",
    schemaVersion: 1,
    seed: w.seed,
    dates: {
      start: formatDay(w.startDay),
      acquisitionEnd: formatDay(w.acquisitionEndDay),
      end: formatDay(w.endDay),
      campaign: formatDay(w.campaignDay),
    },
    timeUnit: "weeks",
    bgNbd: {
      ...w.bgNbd,
      source: "Fader, Hardie & Lee (2005), 'Counting your customers the easy way', Marketing Science 24(2): lambda ~ Gamma(r, rate alpha) per week, p ~ Beta(a, b)",
      note: "First purchase on the acquisition day; dropout possible after each repeat purchase. Service problems add dropout (see service.effect), and campaign responses add orders outside the process (counts.campaignResponseOrders), so the data are BG/NBD with small planted departures.",
    },
    gammaGamma: {
      ...w.gammaGamma,
      meanOrderValue: (p * gamma) / (q - 1),
      source: "Fader, Hardie & Lee (2005), 'RFM and CLV: using iso-value curves', JMR 42(4): nu ~ Gamma(q, rate gamma), order value ~ Gamma(p, rate nu)",
      note: "Order value = sum of the order's line amounts (after discount, before returns and freight), rounded to cents.",
    },
    acquisition: { ...d.acquisition, rule: "day weight = (1 + growth * elapsed share of the window) * (1 + q4Boost in November-December)" },
    channels: { sameChannelProbability: d.sameChannelProbability, ...d.channels },
    categories: Object.fromEntries(
      Object.entries(d.categories).map(([k, c]) => [k, { margin: c.margin, returnMultiplier: c.returnMultiplier, products: c.products, priceLevel: c.priceLevel }]),
    ),
    lines: {
      ...d.lines,
      costNoiseSd: d.costNoiseSd,
      rules: [
        "1-3 distinct products an order; the order value is split across lines in shares 0.5 + U(0,1)",
        "quantity = 1 + Poisson(extraQuantityMean / priceLevel of the category)",
        "discount on a line with the channel's discountLineProbability, at a rate drawn from discountRates",
        "amount = quantity * unit_price - discount (exact in cents)",
        "cost = quantity * unit_price * (1 - margin) * exp(Normal(0, costNoiseSd)): margin on the undiscounted price, so discounts lower the realised margin",
        "freight = perOrder + perValue * order value, on the order's first line (0 on the others); store orders have none",
        "a line is returned with probability returnLineProbability(channel) * returnMultiplier(category) when the return day is within the window; returned_amount = amount * returned_quantity / quantity",
      ],
    },
    service: {
      ...d.service,
      effect: {
        ...w.serviceEffect,
        rule: "After order j the customer stays active with probability (1 - p_j) * (1 - lateDeliveryDropoutIncrease)^L_j * (1 - complaintDropoutIncrease)^C_j, where p_j = p for repeat purchases and 0 for the first, and L_j, C_j count late deliveries and complaints on orders 1..j. Contacts and returns have no planted effect.",
      },
      channelRules: "late_delivery with the channel's lateDeliveryProbability times the region multiplier (store orders are never late); complaint with complaintProbability, or complaintProbabilityGivenLate after a late delivery; call_centre_contact with the channel's contactProbability, or contactProbabilityGivenComplaint after a complaint; events dated order day + eventDelayDays and kept when on or before end",
    },
    campaign: {
      id: d.campaign.id,
      date: formatDay(w.campaignDay),
      ...w.campaign,
      upliftPercentagePoints: Math.round((w.campaign.treatmentResponseRate - w.campaign.controlResponseRate) * 1e6) / 1e4,
      activeWithinDays: d.campaign.activeWithinDays,
      responseWindowDays: d.campaign.responseWindowDays,
      rule: "Eligible: acquired before the campaign day with an order in the activeWithinDays before it. Half (rounded down) at random in treatment, the rest control. A response is independent of everything else and is an extra order within responseWindowDays from the campaign day; response_amount is its value.",
    },
    counts,
  } satisfies SampleTruth);
}
