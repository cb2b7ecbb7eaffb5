import { categoricalSampler, type UniformSource } from "../../math/index.js";
import { SAMPLE_DEFAULTS } from "./defaults.js";
import { isoDayOption } from "../parse/iso-day-option.js";
import type { CampaignRates, GenerateSampleOptions, PlantedModelParams, SalesChannel, ServiceEffect } from "./types.js";
import { ArgumentError } from "../../math/argument-error.js";

type Draw = (rng: UniformSource) => number;

/** Per-channel numbers, by channel index (order of {@link World.channelNames}). */
export interface ChannelWorld {
  readonly drawCategory: Draw;
  readonly discountLineProbability: number;
  readonly freightPerOrder: number;
  readonly freightPerValue: number;
  readonly returnLineProbability: number;
  readonly lateDeliveryProbability: number;
  readonly contactProbability: number;
}

/** The checked options merged with the defaults, in the shape the kernels use (indices, samplers). */
export interface World {
  readonly customers: number;
  readonly seed: number;
  readonly startDay: number;
  readonly acquisitionEndDay: number;
  readonly endDay: number;
  readonly campaignDay: number;
  readonly bgNbd: PlantedModelParams["bgNbd"];
  readonly gammaGamma: PlantedModelParams["gammaGamma"];
  readonly serviceEffect: ServiceEffect;
  readonly campaign: CampaignRates;
  readonly channelNames: readonly SalesChannel[];
  readonly drawAcquisitionChannel: Draw;
  readonly regionNames: readonly string[];
  readonly drawRegion: Draw;
  readonly lateRegionMultiplier: Float64Array;
  readonly channels: readonly ChannelWorld[];
  readonly categoryNames: readonly string[];
  readonly margin: Float64Array;
  readonly returnMultiplier: Float64Array;
  readonly extraQuantityMean: Float64Array;
  readonly productOffset: Int32Array;
  readonly drawProduct: readonly Draw[];
  readonly drawLineCount: Draw;
  readonly onProgress: ((done: number, total: number) => void) | undefined;
}

/**
 * Checks the options of `generateSample` and resolves them against {@link SAMPLE_DEFAULTS}.
 *
 * @example
 * resolveWorld({ customers: 10, seed: 1 }).endDay; // 20453 (2025-12-31)
 * @throws ArgumentError naming `generateSample` and the offending option.
 */
export function resolveWorld(o: GenerateSampleOptions): World {
  const fn = "generateSample";
  if (!(Number.isSafeInteger(o.customers) && o.customers >= 1 && o.customers <= 9_999_999)) {
    throw new ArgumentError(`${fn}: customers must be an integer from 1 to 9999999, got ${String(o.customers)}`);
  }
  if (!Number.isSafeInteger(o.seed)) throw new ArgumentError(`${fn}: seed must be a safe integer, got ${String(o.seed)}`);
  const d = SAMPLE_DEFAULTS;
  const startDay = isoDayOption(o.start ?? d.dates.start, fn, "start");
  const acquisitionEndDay = isoDayOption(o.acquisitionEnd ?? d.dates.acquisitionEnd, fn, "acquisitionEnd");
  const endDay = isoDayOption(o.end ?? d.dates.end, fn, "end");
  const campaignDay = isoDayOption(o.campaignDate ?? d.dates.campaign, fn, "campaignDate");
  if (!(startDay <= acquisitionEndDay && acquisitionEndDay <= endDay)) {
    throw new ArgumentError(`${fn}: need start <= acquisitionEnd <= end`);
  }
  if (!(startDay < campaignDay && campaignDay <= endDay)) {
    throw new ArgumentError(`${fn}: campaignDate must be after start and on or before end`);
  }
  const bgNbd = positive(fn, "bgNbd", { ...d.bgNbd, ...o.bgNbd });
  const gammaGamma = positive(fn, "gammaGamma", { ...d.gammaGamma, ...o.gammaGamma });
  if (!(gammaGamma.q > 1)) throw new ArgumentError(`${fn}: gammaGamma.q must be > 1, got ${gammaGamma.q}`);
  const serviceEffect = probabilities(fn, "serviceEffect", { ...d.serviceEffect, ...o.serviceEffect });
  const campaign = probabilities(fn, "campaign", {
    controlResponseRate: o.campaign?.controlResponseRate ?? d.campaign.controlResponseRate,
    treatmentResponseRate: o.campaign?.treatmentResponseRate ?? d.campaign.treatmentResponseRate,
  });

  const channelNames = Object.keys(d.channels) as SalesChannel[];
  const categoryNames = Object.keys(d.categories);
  const cats = categoryNames.map((c) => d.categories[c as keyof typeof d.categories]);
  const regionNames = Object.keys(d.acquisition.regionShares);
  const productOffset = new Int32Array(cats.length);
  for (let c = 1; c < cats.length; c++) productOffset[c] = productOffset[c - 1]! + cats[c - 1]!.products;
  return Object.freeze({
    customers: o.customers,
    seed: o.seed,
    startDay,
    acquisitionEndDay,
    endDay,
    campaignDay,
    bgNbd,
    gammaGamma,
    serviceEffect,
    campaign,
    channelNames,
    drawAcquisitionChannel: categoricalSampler(channelNames.map((c) => d.acquisition.channelShares[c])),
    regionNames,
    drawRegion: categoricalSampler(Object.values(d.acquisition.regionShares)),
    lateRegionMultiplier: Float64Array.from(regionNames, (r) => d.service.lateDeliveryRegionMultiplier[r as keyof typeof d.service.lateDeliveryRegionMultiplier]),
    channels: channelNames.map((name) => {
      const c = d.channels[name];
      return Object.freeze({
        drawCategory: categoricalSampler(categoryNames.map((k) => c.categoryMix[k as keyof typeof c.categoryMix])),
        discountLineProbability: c.discountLineProbability,
        freightPerOrder: c.freight.perOrder,
        freightPerValue: c.freight.perValue,
        returnLineProbability: c.returnLineProbability,
        lateDeliveryProbability: c.lateDeliveryProbability,
        contactProbability: c.contactProbability,
      });
    }),
    categoryNames,
    margin: Float64Array.from(cats, (c) => c.margin),
    returnMultiplier: Float64Array.from(cats, (c) => c.returnMultiplier),
    extraQuantityMean: Float64Array.from(cats, (c) => d.lines.extraQuantityMean / c.priceLevel),
    productOffset,
    // Zipf-like popularity within a category: weight 1 / rank^0.8
    drawProduct: cats.map((c) => categoricalSampler(Array.from({ length: c.products }, (_, k) => 1 / (k + 1) ** 0.8))),
    drawLineCount: categoricalSampler(d.lines.linesPerOrderProbabilities),
    onProgress: o.onProgress,
  });
}

function positive<T extends object>(fn: string, group: string, values: T): T {
  for (const [k, v] of Object.entries(values)) {
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0)) {
      throw new ArgumentError(`${fn}: ${group}.${k} must be a finite number > 0, got ${String(v)}`);
    }
  }
  return Object.freeze(values);
}

function probabilities<T extends object>(fn: string, group: string, values: T): T {
  for (const [k, v] of Object.entries(values)) {
    if (!(typeof v === "number" && v >= 0 && v <= 1)) {
      throw new ArgumentError(`${fn}: ${group}.${k} must be a probability in [0, 1], got ${String(v)}`);
    }
  }
  return Object.freeze(values);
}
