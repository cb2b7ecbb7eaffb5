import { deepFreeze } from "../../math/deep-freeze.js";
import type { CampaignRates, PlantedModelParams, SalesChannel, ServiceEffect } from "./types.js";

/**
 * The default world of the sample retailer: the true parameters that {@link generateSample}
 * plants, unless overridden. All probabilities are per line, order or customer as named;
 * money in currency units; time in weeks for the BG/NBD rates. Written out in truth.json.
 *
 * @example
 * SAMPLE_DEFAULTS.bgNbd.alpha; // 8 (weeks)
 */
export const SAMPLE_DEFAULTS = deepFreeze({
  dates: { start: "2023-01-01", acquisitionEnd: "2025-06-30", end: "2025-12-31", campaign: "2025-09-15" },
  bgNbd: { r: 0.6, alpha: 8, a: 0.8, b: 3 } satisfies PlantedModelParams["bgNbd"],
  gammaGamma: { p: 6, q: 4, gamma: 40 } satisfies PlantedModelParams["gammaGamma"],
  serviceEffect: { lateDeliveryDropoutIncrease: 0.1, complaintDropoutIncrease: 0.2 } satisfies ServiceEffect,
  campaign: {
    id: "CMP-2025-AUTUMN",
    controlResponseRate: 0.05,
    treatmentResponseRate: 0.08,
    activeWithinDays: 365,
    responseWindowDays: 14,
  } satisfies CampaignRates & Record<string, unknown>,
  acquisition: {
    channelShares: { web: 0.55, store: 0.3, "call-centre": 0.15 } satisfies Record<SalesChannel, number>,
    regionShares: { north: 0.18, south: 0.24, east: 0.2, west: 0.26, central: 0.12 },
    /** Weight of an acquisition day = (1 + growth * share of the window elapsed) * (1 + q4Boost in Nov-Dec). */
    growth: 0.6,
    q4Boost: 0.5,
  },
  /** Probability that a later order uses the customer's acquisition channel; else the acquisition mix. */
  sameChannelProbability: 0.75,
  channels: {
    web: {
      categoryMix: { electronics: 0.26, home: 0.16, apparel: 0.22, beauty: 0.12, books: 0.16, garden: 0.08 },
      discountLineProbability: 0.25,
      freight: { perOrder: 5.5, perValue: 0.03 },
      returnLineProbability: 0.06,
      lateDeliveryProbability: 0.06,
      contactProbability: 0.05,
    },
    store: {
      categoryMix: { electronics: 0.12, home: 0.24, apparel: 0.28, beauty: 0.2, books: 0.06, garden: 0.1 },
      discountLineProbability: 0.15,
      freight: { perOrder: 0, perValue: 0 },
      returnLineProbability: 0.025,
      lateDeliveryProbability: 0,
      contactProbability: 0.02,
    },
    "call-centre": {
      categoryMix: { electronics: 0.14, home: 0.3, apparel: 0.1, beauty: 0.08, books: 0.1, garden: 0.28 },
      discountLineProbability: 0.1,
      freight: { perOrder: 7, perValue: 0.03 },
      returnLineProbability: 0.04,
      lateDeliveryProbability: 0.05,
      contactProbability: 0.15,
    },
  } satisfies Record<SalesChannel, unknown>,
  /** Gross margin on the undiscounted price (cost = quantity * unit_price * (1 - margin) * noise). */
  categories: {
    electronics: { margin: 0.15, returnMultiplier: 1.2, products: 20, priceLevel: 1.6 },
    home: { margin: 0.38, returnMultiplier: 0.8, products: 20, priceLevel: 1.0 },
    apparel: { margin: 0.52, returnMultiplier: 2.0, products: 20, priceLevel: 0.8 },
    beauty: { margin: 0.6, returnMultiplier: 0.5, products: 20, priceLevel: 0.5 },
    books: { margin: 0.3, returnMultiplier: 0.4, products: 20, priceLevel: 0.35 },
    garden: { margin: 0.42, returnMultiplier: 0.7, products: 20, priceLevel: 1.2 },
  },
  costNoiseSd: 0.05,
  lines: {
    linesPerOrderProbabilities: [0.55, 0.3, 0.15],
    /** quantity = 1 + Poisson(extraQuantityMean) */
    extraQuantityMean: 0.4,
    discountRates: [0.1, 0.15, 0.2, 0.25],
  },
  service: {
    /** Late delivery probability by region multiplies the channel's probability. */
    lateDeliveryRegionMultiplier: { north: 1.6, south: 0.9, east: 1.0, west: 0.8, central: 1.0 },
    complaintProbability: 0.015,
    complaintProbabilityGivenLate: 0.3,
    contactProbabilityGivenComplaint: 0.7,
    eventDelayDays: { lateDelivery: [3, 10], complaint: [4, 20], contact: [1, 14], return: [5, 30] } satisfies Record<string, readonly [number, number]>,
  },
});
