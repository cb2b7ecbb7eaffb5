import type { Calibration } from "./classifier-calibration.js";
import type { Gains } from "./classifier-gains.js";
import type { LogisticTerm } from "./logistic-regression.js";
import type { BandThresholds, RiskBand } from "./propensity-bands.js";

/** What the model predicts: "churn" = no purchase in the window after the cut; "purchase" = at least one. */
export type PropensityTarget = "churn" | "purchase";

/** AUCs on the out-of-time test set, each score oriented towards the target (null when it could not be computed). */
export interface PropensityAucs {
  /** The logistic model fitted on the earlier period. */
  readonly model: number;
  /** The same model on its own training data (in-sample, optimistic). */
  readonly modelTraining: number;
  /** BG/NBD P(alive) at the test cut (its complement for churn). */
  readonly probabilityAlive: number | null;
  /** BG/NBD P(at least one purchase in the window) (its complement for churn). */
  readonly probabilityPurchase: number | null;
  /** Days since the last purchase alone (longer = more churn). */
  readonly recency: number;
}

/** Observed outcome by risk band on the test set. */
export interface BandOutcome {
  readonly band: RiskBand;
  readonly customers: number;
  /** Mean predicted probability (fraction). */
  readonly meanScore: number;
  /** Observed share with the target event (fraction; NaN when empty). */
  readonly observedRate: number;
}

/** The result of {@link propensityAnalysis}: plain, frozen data (typed arrays for per-customer columns). */
export interface PropensityResult {
  readonly target: PropensityTarget;
  readonly windowDays: number;
  /** Cut dates (ISO): train features to `trainCut`, label to `testCut`; test features to `testCut`, label to `scoreCut`; scores at `scoreCut`. */
  readonly dates: { readonly trainCut: string; readonly testCut: string; readonly scoreCut: string };
  readonly featureNames: readonly string[];
  readonly l2: number;
  /** Terms of the scoring model (fitted on features to testCut, labels to scoreCut). */
  readonly coefficients: readonly LogisticTerm[];
  readonly evaluation: {
    readonly trainCustomers: number;
    readonly testCustomers: number;
    /** Share of customers with the target event (fractions). */
    readonly trainRate: number;
    readonly testRate: number;
    readonly auc: PropensityAucs;
    readonly gains: Gains;
    readonly calibration: Calibration;
    readonly bands: readonly BandOutcome[];
  };
  readonly thresholds: BandThresholds;
  /** Customers scored at `scoreCut`. */
  readonly scores: {
    readonly customerId: readonly string[];
    /** P(target event in the next `windowDays` days). */
    readonly score: Float64Array;
    readonly band: readonly RiskBand[];
    /** BG/NBD P(alive) at the score cut (NaN when BG/NBD could not be fitted). */
    readonly probabilityAlive: Float64Array;
    /** Spend to the score cut (currency); NaN (unknown) for a purchase log. */
    readonly totalSpend: Float64Array;
    /** Orders to the score cut (count). */
    readonly orders: Float64Array;
    /** NaN (unknown) for a purchase log. */
    readonly netContribution: Float64Array;
    readonly daysSinceLastPurchase: Float64Array;
    readonly complaints: Float64Array;
    readonly lateDeliveries: Float64Array;
  };
  readonly notes: readonly string[];
}
