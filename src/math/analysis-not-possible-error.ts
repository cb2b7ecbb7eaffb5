/**
 * The error an analysis throws when it cannot be done on the data it was given: too few
 * customers with repeat purchases to fit a purchase model, no amounts for a spend model, one
 * period only for cohorts. It is not a bug and not a malformed file: the report leaves the
 * section out with this one-line reason, and a single command prints it and exits with code 2.
 * The message says what is missing and, where there is one, which file or flag would enable it.
 *
 * @example
 * throw new AnalysisNotPossibleError("fitBgNbd: only 3 customers bought more than once (at least 20 are needed); use a longer history");
 */
export class AnalysisNotPossibleError extends Error {
  override readonly name: string = "AnalysisNotPossibleError";

  /**
   * @param message - one line: `function: what is missing (the count or column); what would enable it`
   */
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
