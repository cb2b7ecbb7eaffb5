/**
 * A mistake on the command line (an unknown flag, a missing value). The `crm` command prints
 * its one-line message and exits with code 2.
 *
 * @example
 * throw new UsageError("crm summary: --time-unit must be day, week or month (got \"year\")");
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
