import { ArgumentError } from "../../math/argument-error.js";
/**
 * A cohort's survival table, as the sBG model takes it: either the number of customers still
 * active at the start of periods 0, 1, ..., n (`survivors`, the first is the cohort size), or the
 * same as shares of the cohort (`survivalShares`, the first is 1) with the `cohortSize` they are
 * shares of. Fader & Hardie (2007) Table 1 gives both forms (1000, 631, 468, ... and 100 %, 63.1 %, ...).
 */
export type SbgSurvivalTable =
  | { readonly survivors: ArrayLike<number> }
  | { readonly survivalShares: ArrayLike<number>; readonly cohortSize: number };

/**
 * Checks a survival table at the edge of a public step and returns the survivor counts n_0..n_k:
 * at least two values, finite, n_0 > 0, never negative and never increasing (customers lost are
 * not won back in this model). Shares are multiplied by the cohort size (counts need not be whole
 * numbers: the likelihood weights each period's losses by them).
 *
 * @param fn - the public function, named in errors (e.g. `fitSbg`)
 * @param table - survivors, or survival shares with a cohort size
 * @returns the survivor counts, a new array
 * @throws ArgumentError naming the first offending period
 * @example
 * sbgSurvivors("fitSbg", { survivalShares: [1, 0.631, 0.468], cohortSize: 1000 }); // Float64Array [1000, 631, 468]
 * sbgSurvivors("fitSbg", { survivors: [1000, 631, 700] }); // RangeError: fitSbg: survivors 700 at period 2 exceed 631 at period 1 (survivors never increase)
 */
export function sbgSurvivors(fn: string, table: SbgSurvivalTable): Float64Array {
  let counts: Float64Array;
  if ("survivors" in table) {
    counts = Float64Array.from(table.survivors);
  } else {
    const { survivalShares: shares, cohortSize } = table;
    if (!(cohortSize > 0 && Number.isFinite(cohortSize))) throw new ArgumentError(`${fn}: cohortSize ${cohortSize} must be a positive number`);
    if (shares.length > 0 && shares[0] !== 1) throw new ArgumentError(`${fn}: survivalShares must start at 1 (the whole cohort), got ${shares[0]}`);
    for (let t = 0; t < shares.length; t++) {
      if (!(shares[t]! >= 0 && shares[t]! <= 1)) throw new ArgumentError(`${fn}: survival share ${shares[t]} at period ${t} must be between 0 and 1`);
    }
    counts = Float64Array.from(shares, (s) => s * cohortSize);
  }
  if (counts.length < 2) throw new ArgumentError(`${fn}: need survivors for at least periods 0 and 1, got ${counts.length} value(s)`);
  if (!(counts[0]! > 0 && Number.isFinite(counts[0]!))) throw new ArgumentError(`${fn}: the cohort size (survivors at period 0) ${counts[0]} must be a positive number`);
  for (let t = 1; t < counts.length; t++) {
    const c = counts[t]!;
    if (!(c >= 0 && Number.isFinite(c))) throw new ArgumentError(`${fn}: survivors ${c} at period ${t} must be a finite number >= 0`);
    if (c > counts[t - 1]!) {
      throw new ArgumentError(`${fn}: survivors ${c} at period ${t} exceed ${counts[t - 1]} at period ${t - 1} (survivors never increase)`);
    }
  }
  return counts;
}
