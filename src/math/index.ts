/** Seeded randomness and samplers: see DESIGN.md (math/). Re-exports only. */
export type { Rng, UniformSource } from "./random/rng-types.js";
export { createRng } from "./random/rng.js";
export { randomGamma } from "./random/random-gamma.js";
export { randomBeta } from "./random/random-beta.js";
export { randomPoisson } from "./random/random-poisson.js";
export { randomExponential } from "./random/random-exponential.js";
export { randomGeometric } from "./random/random-geometric.js";
export { randomBinomial } from "./random/random-binomial.js";
export { randomCategorical, categoricalSampler } from "./random/random-categorical.js";
export { logFactorial } from "./special/log-factorial.js";
export { lnGamma, lnBeta, digamma, logAddExp, logSubExp } from "./special/special-functions.js";
export { minimizeBfgs, numericalGradient, type Objective, type MinimizeOptions, type MinimizeResult } from "./optimise/minimize-bfgs.js";
export { numericalHessian } from "./optimise/numerical-hessian.js";
export { cholesky, invertPositiveDefinite } from "./optimise/cholesky.js";
export { hyp2f1 } from "./special/hyp2f1.js";
export { hyp2f1LnShifted } from "./special/hyp2f1-ln-shifted.js";
export { chebyshevCoefficients, chebyshevPoints } from "./special/chebyshev-coefficients.js";
export { chebyshevClenshaw } from "./special/chebyshev-clenshaw.js";
export { chebyshevInterpolant, evaluateChebyshevPiecewise, type ChebyshevPiecewise, type ChebyshevOptions } from "./special/chebyshev-interpolant.js";
export { chebyshevGroupTables, groupCellInterpolant, groupCells, type ChebyshevGroupTables, type ChebyshevGroupOptions } from "./special/chebyshev-group-tables.js";
export {
  chebyshevByGroup, chebyshevGroupEvaluator, chebyshevGroupRanges, chebyshevLazyValue, chebyshevRangeEvaluator,
  type ChebyshevByGroupOptions, type ChebyshevGroupEvaluator, type ChebyshevGroupRanges,
} from "./special/chebyshev-by-group.js";
export { normalUpperTail, normalQuantile } from "./special/normal-distribution.js";
export { deepFreeze } from "./deep-freeze.js";
export { progressStages, type ProgressCallback, type ProgressStages } from "./progress.js";
export { ArgumentError } from "./argument-error.js";
export { AnalysisNotPossibleError } from "./analysis-not-possible-error.js";
export { kthSmallest } from "./kth-smallest.js";
