import type { CampaignContacts } from "../load/build-campaign-contacts.js";
import type { ServiceEvents, ServiceEventType } from "../load/build-service-events.js";

/**
 * Types of the seeded sample-data generator: its options, the tables it returns (by column,
 * dates as whole days since 1970-01-01 UTC like the rest of `data/`) and the true parameters.
 * Typed-array columns belong to the caller but are shared with nothing: do not mutate them.
 */

/** The three sales and acquisition channels. */
export type SalesChannel = "web" | "store" | "call-centre";
/** Service event types written to service_events.csv. */
export type { ServiceEventType };

/**
 * The true model parameters the generator plants, as plain shapes. The names `BgNbdParams` and
 * `GammaGammaParams` belong to the models (src/models), which data/ does not import; a model's
 * parameters fit these shapes as they are.
 */
export interface PlantedModelParams {
  /**
   * BG/NBD (Fader, Hardie & Lee 2005): lambda ~ Gamma(r, rate alpha) purchases a week; p ~ Beta(a, b).
   * `alpha` is the rate of the Gamma for lambda, in weeks (mean lambda = r / alpha purchases a week).
   */
  readonly bgNbd: { readonly r: number; readonly alpha: number; readonly a: number; readonly b: number };
  /**
   * Gamma-Gamma spend (Fader, Hardie & Lee 2005, "RFM and CLV"): nu ~ Gamma(q, rate gamma); order
   * value ~ Gamma(p, rate nu). `gamma` is the rate of the Gamma for nu, in currency units (mean
   * order value = p * gamma / (q - 1)).
   */
  readonly gammaGamma: { readonly p: number; readonly q: number; readonly gamma: number };
}

/** The planted service effect: extra dropout after an order with a service problem. */
export interface ServiceEffect {
  /** Each late delivery multiplies the chance of staying active after that order and every later one by (1 - this). */
  readonly lateDeliveryDropoutIncrease: number;
  /** Each complaint multiplies the chance of staying active after that order and every later one by (1 - this). */
  readonly complaintDropoutIncrease: number;
}

/** The planted campaign: response probabilities by group. */
export interface CampaignRates {
  /** Probability that a control-group customer responds (buys within the response window). */
  readonly controlResponseRate: number;
  /** Probability that a treatment-group customer responds. */
  readonly treatmentResponseRate: number;
}

/**
 * Options of {@link generateSample}. Dates are ISO `YYYY-MM-DD` (UTC days).
 *
 * @example
 * const opts: GenerateSampleOptions = { customers: 5000, seed: 20261125 };
 */
export interface GenerateSampleOptions {
  /** Number of customers to acquire (a positive integer, at most 9,999,999). */
  readonly customers: number;
  /** Seed of every random step (a safe integer). */
  readonly seed: number;
  /** First acquisition day; default "2023-01-01". */
  readonly start?: string;
  /** Last acquisition day; default "2025-06-30". */
  readonly acquisitionEnd?: string;
  /** End of observation (last day with data); default "2025-12-31". */
  readonly end?: string;
  /** Day of the campaign; default "2025-09-15" (must lie after start and on or before end). */
  readonly campaignDate?: string;
  /** Override BG/NBD parameters (default r 0.6, alpha 8 weeks, a 0.8, b 3). */
  readonly bgNbd?: Partial<PlantedModelParams["bgNbd"]>;
  /** Override Gamma-Gamma parameters (default p 6, q 4, gamma 40). */
  readonly gammaGamma?: Partial<PlantedModelParams["gammaGamma"]>;
  /** Override the planted service effect (default 0.10 late delivery, 0.20 complaint). */
  readonly serviceEffect?: Partial<ServiceEffect>;
  /** Override the planted campaign rates (default control 0.05, treatment 0.08). */
  readonly campaign?: Partial<CampaignRates>;
  /** Called with (customers done, customers total) about every 1 % and once at the end. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** customers.csv, by column. */
export interface SampleCustomers {
  readonly length: number;
  readonly customerId: readonly string[];
  /** Acquisition (first purchase) day, days since 1970-01-01 UTC. */
  readonly acquisitionDay: Int32Array;
  readonly acquisitionChannel: readonly SalesChannel[];
  readonly region: readonly string[];
}

/** transactions.csv, by column: one entry per order line, sorted by day then order id. */
export interface SampleTransactions {
  readonly length: number;
  readonly customerId: readonly string[];
  readonly orderId: readonly string[];
  /** Days since 1970-01-01 UTC. */
  readonly day: Int32Array;
  readonly channel: readonly SalesChannel[];
  readonly productId: readonly string[];
  readonly category: readonly string[];
  readonly quantity: Int32Array;
  /** Price per unit before discount, currency units (cents exact). */
  readonly unitPrice: Float64Array;
  /** Discount on the line, currency units. */
  readonly discount: Float64Array;
  /** quantity * unitPrice - discount, currency units. */
  readonly amount: Float64Array;
  /** Freight and handling cost of the order, on its first line (0 on the others), currency units. */
  readonly freight: Float64Array;
  /** Cost of goods of the line, currency units. */
  readonly cost: Float64Array;
  readonly returnedQuantity: Int32Array;
  readonly returnedAmount: Float64Array;
}

/** service_events.csv, by column, sorted by day then customer: the loaders' table without source lines. */
export type SampleServiceEvents = Omit<ServiceEvents, "sourceLine">;

/**
 * campaign_contacts.csv, by column, sorted by customer id: the loaders' table without source lines.
 * `responded` is 1 when the customer ordered within the response window (because of or despite
 * the campaign); `responseAmount` is the value of that order (0 when no response).
 */
export type SampleCampaignContacts = Omit<CampaignContacts, "sourceLine">;

/** The latent, unobservable values of each customer (not written to CSV): for teaching and tests. */
export interface SampleLatent {
  /** Purchase rate lambda, purchases a week. */
  readonly lambdaPerWeek: Float64Array;
  /** BG/NBD dropout probability p after each repeat purchase (before service effects). */
  readonly dropoutProbability: Float64Array;
  /** Gamma-Gamma nu (rate); the customer's mean order value is p / nu. */
  readonly nu: Float64Array;
  /** 1 when the customer is still active at the end of observation. */
  readonly aliveAtEnd: Uint8Array;
  /** Repeat purchases from the BG/NBD process (campaign response orders not counted). */
  readonly repeatPurchases: Int32Array;
}

/** Everything {@link generateSample} returns. Frozen. */
export interface GeneratedSample {
  readonly customers: SampleCustomers;
  readonly transactions: SampleTransactions;
  readonly serviceEvents: SampleServiceEvents;
  readonly campaignContacts: SampleCampaignContacts;
  readonly latent: SampleLatent;
  /** The true parameters and counts, as written to truth.json. */
  readonly truth: SampleTruth;
}

/** truth.json: plain JSON data. */
export interface SampleTruth {
  readonly generator: string;
  readonly schemaVersion: 1;
  readonly seed: number;
  readonly dates: {
    readonly start: string;
    readonly acquisitionEnd: string;
    readonly end: string;
    readonly campaign: string;
  };
  readonly timeUnit: "weeks";
  readonly bgNbd: PlantedModelParams["bgNbd"] & { readonly source: string; readonly note: string };
  readonly gammaGamma: PlantedModelParams["gammaGamma"] & {
    readonly meanOrderValue: number;
    readonly source: string;
    readonly note: string;
  };
  readonly acquisition: Readonly<Record<string, unknown>>;
  readonly channels: Readonly<Record<string, unknown>>;
  readonly categories: Readonly<Record<string, { readonly margin: number; readonly returnMultiplier: number; readonly products: number }>>;
  readonly lines: Readonly<Record<string, unknown>>;
  readonly service: Readonly<Record<string, unknown>> & { readonly effect: ServiceEffect & { readonly rule: string } };
  readonly campaign: CampaignRates & Readonly<Record<string, unknown>>;
  readonly counts: Readonly<Record<string, unknown>>;
}
