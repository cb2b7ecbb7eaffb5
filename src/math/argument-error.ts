/**
 * The error our own argument checks throw: a value handed to a public function is outside what
 * it accepts (a rate above 1, arrays of different lengths, an empty table). It extends
 * `RangeError` so that `instanceof RangeError` still holds, but it is a class of its own so that
 * the command line can tell it apart from a `RangeError` that JavaScript itself throws (a stack
 * overflow, an invalid array length): those are bugs (exit 1), this one describes the input
 * (exit 2, one line).
 *
 * @example
 * try { randomGamma(rng, -1, 1); } catch (e) { e instanceof ArgumentError; } // true
 */
export class ArgumentError extends RangeError {
  override readonly name = "ArgumentError";

  /**
   * @param message - one line: `function: what is wrong (the value); what to do`
   */
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
