import { chebyshevCoefficients, chebyshevPoints } from "./chebyshev-coefficients.js";
import { chebyshevClenshaw } from "./chebyshev-clenshaw.js";
import { ArgumentError } from "../argument-error.js";

/**
 * A piecewise Chebyshev interpolant on [breaks[0], breaks[m]]: piece j covers
 * [breaks[j], breaks[j+1]] and holds `degrees[j] + 1` coefficients from `offsets[j]` in
 * `coefficients`, in the variable u = (v − centers[j]) · inverseHalfWidths[j] ∈ [−1, 1].
 * A degree of −1 marks a piece that did not reach the tolerance: evaluate the function there.
 */
export interface ChebyshevPiecewise {
  readonly breaks: Float64Array;
  readonly centers: Float64Array;
  readonly inverseHalfWidths: Float64Array;
  readonly offsets: Int32Array;
  readonly degrees: Int32Array;
  readonly coefficients: Float64Array;
}

/** Options of {@link chebyshevInterpolant}. */
export interface ChebyshevOptions {
  /** Target error relative to the smallest |f| on each piece (default 1e-13). */
  readonly relativeTolerance?: number;
  /** Highest degree tried on one piece before it is halved (default 64). */
  readonly maxDegree?: number;
  /** Most pieces (default 128); pieces beyond it are left to the exact function. */
  readonly maxPieces?: number;
  /** Most evaluations of f (default unlimited); pieces beyond it are left to the exact function. */
  readonly maxEvaluations?: number;
}

interface Piece { lo: number; hi: number; c: Float64Array | null }
/**
 * Approximates a smooth function f on [lo, hi] by a piecewise Chebyshev interpolant with a relative
 * accuracy check, as Chebfun does (Trefethen 2019, Approximation Theory and Approximation
 * Practice, ch. 8 and 19; Aurentz & Trefethen 2017, "Chopping a Chebyshev series", ACM TOMS 43(4)):
 * on each piece f is sampled at 17, 33, 65 Chebyshev points (up to `maxDegree` + 1); a piece is
 * accepted when its last three coefficients are below `relativeTolerance` · min|f| on the piece,
 * the series is then chopped where the dropped tail sums below that bound, and the chopped
 * interpolant is checked against f at two points between the nodes. A piece that does not pass
 * is halved (a halving also when doubling the degree is predicted not to reach the tolerance);
 * pieces that never pass (too many pieces or evaluations, f not finite, or f changing sign)
 * get degree −1, so callers evaluate f there directly. Meant for functions without zeros.
 *
 * @param f - the function, of one variable (any units), finite and nonzero on [lo, hi]
 * @param lo - left end
 * @param hi - right end (>= lo)
 * @param options - tolerance and limits
 * @returns the frozen piecewise interpolant
 * @throws ArgumentError when lo or hi is not finite or hi < lo
 * @example
 * const p = chebyshevInterpolant(Math.exp, 0, 1);
 * evaluateChebyshevPiecewise(p, 0.5); // 1.6487212707001282 (= e^0.5 to 1e-13 relative)
 */
export function chebyshevInterpolant(f: (v: number) => number, lo: number, hi: number, options: ChebyshevOptions = {}): ChebyshevPiecewise {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) throw new ArgumentError(`chebyshevInterpolant: interval [${lo}, ${hi}] must be finite with lo <= hi`);
  const tol = options.relativeTolerance ?? 1e-13, maxDegree = options.maxDegree ?? 64, maxPieces = options.maxPieces ?? 128;
  let budget = options.maxEvaluations ?? Infinity;
  const pieces: Piece[] = [];
  const fit = (a: number, b: number, open: number): void => {
    let hopeless = false;
    for (let n = 16; n <= maxDegree && n + 3 <= budget; n *= 2) {
      budget -= n + 3;
      const values = chebyshevPoints(n, a, b).map(f);
      let fmin = Infinity;
      for (const v of values) fmin = Math.min(fmin, Number.isFinite(v) ? Math.abs(v) : 0);
      hopeless = !(fmin > 0) || (values.some((v) => v > 0) && values.some((v) => v < 0));
      if (hopeless) break;
      const c = chebyshevCoefficients(values);
      const tail = Math.max(Math.abs(c[n]!), Math.abs(c[n - 1]!), Math.abs(c[n - 2]!)) / fmin;
      if (tail <= tol) {
        const chopped = chop(c, tol * fmin);
        if (checks(chopped, f, a, b, n, tol)) {
          pieces.push({ lo: a, hi: b, c: chopped });
          return;
        }
      } else if (tail * tail > 100 * tol) break; // doubling the degree would not get there: halve
    }
    const mid = 0.5 * (a + b);
    if (!hopeless && pieces.length + open + 2 <= maxPieces && mid > a && mid < b && budget >= 38) {
      fit(a, mid, open + 1);
      fit(mid, b, open);
    } else {
      pieces.push({ lo: a, hi: b, c: null });
    }
  };
  fit(lo, hi, 0);
  return pack(pieces);
}

/** Drops trailing coefficients whose absolute sum stays below `bound`. */
function chop(c: Float64Array, bound: number): Float64Array {
  let keep = c.length, dropped = 0;
  while (keep > 1 && dropped + Math.abs(c[keep - 1]!) <= bound) dropped += Math.abs(c[--keep]!);
  return c.slice(0, keep);
}

/** The chopped interpolant against f at two points between the nodes. */
function checks(c: Float64Array, f: (v: number) => number, a: number, b: number, n: number, tol: number): boolean {
  for (const j of [Math.floor(n / 3), Math.floor((2 * n) / 3)]) {
    const u = Math.cos(((j + 0.5) * Math.PI) / n);
    const want = f(0.5 * (a + b) + 0.5 * (b - a) * u);
    if (!(Math.abs(chebyshevClenshaw(c, 0, c.length - 1, u) - want) <= 4 * tol * Math.abs(want))) return false;
  }
  return true;
}

function pack(pieces: Piece[]): ChebyshevPiecewise {
  const m = pieces.length;
  const breaks = new Float64Array(m + 1), centers = new Float64Array(m), inverseHalfWidths = new Float64Array(m);
  const offsets = new Int32Array(m), degrees = new Int32Array(m);
  let total = 0;
  for (const p of pieces) total += p.c ? p.c.length : 0;
  const coefficients = new Float64Array(total);
  let at = 0;
  pieces.forEach((p, j) => {
    breaks[j] = p.lo;
    breaks[j + 1] = p.hi;
    centers[j] = 0.5 * (p.lo + p.hi);
    inverseHalfWidths[j] = p.hi > p.lo ? 2 / (p.hi - p.lo) : 0;
    offsets[j] = at;
    degrees[j] = p.c ? p.c.length - 1 : -1;
    if (p.c) coefficients.set(p.c, at);
    at += p.c ? p.c.length : 0;
  });
  return Object.freeze({ breaks, centers, inverseHalfWidths, offsets, degrees, coefficients });
}

/**
 * The value of a {@link ChebyshevPiecewise} at v (Clenshaw's recurrence on the piece holding v,
 * found by bisection of the breaks), or NaN when v is outside the interval or its piece has degree −1.
 *
 * @param p - the interpolant
 * @param v - the point (units of the interpolant's variable)
 * @returns the approximation of f(v), or NaN (then evaluate f)
 * @throws never
 * @example
 * evaluateChebyshevPiecewise(chebyshevInterpolant(Math.exp, 0, 1), 2); // NaN (outside)
 */
export function evaluateChebyshevPiecewise(p: ChebyshevPiecewise, v: number): number {
  const { breaks } = p;
  const m = breaks.length - 1;
  if (!(v >= breaks[0]! && v <= breaks[m]!)) return NaN;
  let j = 0, k = m - 1;
  while (j < k) {
    const h = (j + k + 1) >> 1;
    [j, k] = v >= breaks[h]! ? [h, k] : [j, h - 1];
  }
  const d = p.degrees[j]!;
  return d < 0 ? NaN : chebyshevClenshaw(p.coefficients, p.offsets[j]!, d, (v - p.centers[j]!) * p.inverseHalfWidths[j]!);
}
