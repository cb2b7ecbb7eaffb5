import { cholesky } from "../../math/optimise/cholesky.js";
import { createRng } from "../../math/random/rng.js";
import type { FittedModel, ModelParams } from "./model-types.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * Draws parameter vectors for a parametric bootstrap of any fitted model: ln θ ~ N(ln θ̂, Σ),
 * where Σ is the model's `covarianceLog` (the inverse Hessian of the negative log-likelihood on
 * log-parameters, in `parameterNames` order). With the Cholesky factor L of Σ and z of independent
 * standard normals from the seeded stream, each draw is θ = exp(ln θ̂ + L z): always positive,
 * and asymmetric like the model's 95 % intervals. Recomputing a prediction with
 * `model.withParams(draw)` for every draw carries the parameter uncertainty into it (the
 * "parametric bootstrap" / simulation approach of Krinsky & Robb 1986, "On Approximating the
 * Statistical Properties of Elasticities", REStat 68(4)).
 *
 * @param model - a fitted model with a covariance (not one built from known parameters)
 * @param draws - the number of parameter vectors (a whole number >= 1)
 * @param seed - seed of the random stream: the same seed gives the same draws
 * @returns frozen parameter records, named as in `model.params`
 * @throws ArgumentError when `draws` is not a whole number >= 1; Error when the model has no
 *   covariance (built from params or JSON without one) or the covariance is not positive definite
 * @example
 * const draws = drawParameters(fitBgNbd(cdnow), 200, 1);
 * draws.length; // 200
 * draws[0]; // { r: 0.25, alpha: 4.6, a: 0.71, b: 2.2 } (near the estimates)
 */
export function drawParameters<P extends ModelParams>(model: FittedModel<P>, draws: number, seed: number): readonly P[] {
  if (!(Number.isInteger(draws) && draws >= 1)) throw new ArgumentError(`drawParameters: draws ${draws} must be a whole number >= 1`);
  const names = model.parameterNames;
  const k = names.length;
  const cov = model.covarianceLog;
  if (cov === null) {
    throw new Error(
      `drawParameters: the ${model.model} model has no parameter covariance (it was built from known parameters); fit it to data to get intervals`,
    );
  }
  if (cov.length !== k * k) throw new Error(`drawParameters: the ${model.model} covariance has ${cov.length} entries, expected ${k * k}`);
  // Parameters at the edge of the parameter space have zero variance: they stay at their value.
  const free = names.map((_, i) => i).filter((i) => cov[i * k + i]! > 0);
  const m = free.length;
  const Lf = cholesky(free.flatMap((i) => free.map((j) => cov[i * k + j]!)), m);
  if (Lf === null) throw new Error(`drawParameters: the ${model.model} parameter covariance is not positive definite`);
  const L = new Float64Array(k * k);
  free.forEach((i, a) => free.forEach((j, b) => (L[i * k + j] = Lf[a * m + b]!)));
  const rng = createRng(seed);
  const center = names.map((name) => Math.log(model.params[name]!));
  const z = new Float64Array(k);
  const out: P[] = [];
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < k; i++) z[i] = rng.normal();
    const draw: Record<string, number> = {};
    for (let i = 0; i < k; i++) {
      let v = center[i]!;
      for (let j = 0; j <= i; j++) v += L[i * k + j]! * z[j]!;
      draw[names[i]!] = Math.exp(v);
    }
    out.push(Object.freeze(draw) as P);
  }
  return Object.freeze(out);
}
