import type { TimeUnit } from "../../summary/types.js";

/**
 * The columns of a customer summary that the fit diagnostics read, in the model's time unit.
 * A {@link import("../../summary/types.js").CustomerSummary} fits this shape as it is; a
 * hand-made table of plain arrays does too.
 *
 * @example
 * const s: DiagnosticSummary = { timeUnit: "week", columns: { frequency: [0, 2], recency: [0, 5], T: [10, 12] } };
 * @throws never (types only)
 */
export interface DiagnosticSummary {
  /** Time unit of recency, T and durationHoldout; checked against the model's when both are known. */
  readonly timeUnit?: TimeUnit;
  readonly columns: {
    /** Repeat purchases x in the calibration period (count, whole numbers >= 0). */
    readonly frequency: ArrayLike<number>;
    /** t_x: first to last purchase in the calibration period (time units). */
    readonly recency: ArrayLike<number>;
    /** T: first purchase to the calibration end (time units). */
    readonly T: ArrayLike<number>;
  };
}

/**
 * A summary with a holdout period: {@link DiagnosticSummary} plus the holdout purchases and the
 * holdout length. A `CustomerSummary` made with an `observationEnd` after its `calibrationEnd` fits.
 *
 * @example
 * const s: HoldoutSummary = { durationHoldout: 39, columns: { frequency: [0], recency: [0], T: [30], frequency_holdout: [1] } };
 * @throws never (types only)
 */
export interface HoldoutSummary extends DiagnosticSummary {
  /** Length of the holdout period (time units, > 0). */
  readonly durationHoldout: number;
  readonly columns: DiagnosticSummary["columns"] & {
    /** Purchase days in the holdout period (count). */
    readonly frequency_holdout: ArrayLike<number>;
  };
}
