/** Seeded randomness and samplers: see DESIGN.md (math/). Re-exports only. */
export type { Rng, UniformSource } from "./rng-types.js";
export { createRng } from "./rng.js";
export { randomGamma } from "./random-gamma.js";
export { randomBeta } from "./random-beta.js";
export { randomPoisson } from "./random-poisson.js";
export { randomExponential } from "./random-exponential.js";
export { randomGeometric } from "./random-geometric.js";
export { randomBinomial } from "./random-binomial.js";
export { randomCategorical, categoricalSampler } from "./random-categorical.js";
export { logFactorial } from "./log-factorial.js";
export { lnGamma, lnBeta, digamma, logAddExp, logSubExp } from "./special-functions.js";
export { minimizeBfgs, numericalGradient, type Objective, type MinimizeOptions, type MinimizeResult } from "./minimize-bfgs.js";
export { numericalHessian } from "./numerical-hessian.js";
export { cholesky, invertPositiveDefinite } from "./cholesky.js";
export { hyp2f1 } from "./hyp2f1.js";
export { hyp2f1LnShifted } from "./hyp2f1-ln-shifted.js";
