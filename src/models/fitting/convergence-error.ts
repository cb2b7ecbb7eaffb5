import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";

/**
 * Thrown when a model's maximum-likelihood fit does not converge: the fit never returns NaN or
 * unconverged parameters silently. It is an {@link AnalysisNotPossibleError}: the data do not
 * identify the model (the report leaves the section out, a command exits with code 2). The message names the model, what happened and what to try.
 *
 * @example
 * try { fitBgNbd(summary); } catch (e) { if (e instanceof ConvergenceError) console.log(e.advice); }
 */
export class ConvergenceError extends AnalysisNotPossibleError {
  override readonly name: string = "ConvergenceError";
  /** The model that did not converge, e.g. `bg-nbd`. */
  readonly model: string;
  /** What to try, in plain words. */
  readonly advice: string;

  /**
   * @param model - the model id
   * @param what - what went wrong
   * @param advice - what to try
   */
  constructor(model: string, what: string, advice: string) {
    super(`${model}: the fit did not converge (${what}); ${advice}`);
    this.model = model;
    this.advice = advice;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
