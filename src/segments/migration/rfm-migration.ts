import { isoDayOption } from "../../data/parse/iso-day-option.js";
import type { Transactions } from "../../data/types.js";
import { withEngine, type Engine } from "../../engine/open-engine.js";
import { loadTransactionsTable } from "../../engine/load-transactions-table.js";
import { engineTableOf } from "../../engine/shared-engine.js";
import { customerSummary } from "../../summary/customer-summary.js";
import type { CustomerSummary } from "../../summary/types.js";
import { migrationMatrix, migrationMatrixInOrder, type MigrationMatrix } from "./migration-matrix.js";
import { migrationReading } from "./migration-reading.js";
import { rfmScores } from "../rfm/rfm-scores.js";
import { rfmSegments } from "../rfm/rfm-segments.js";
import type { RfmBreakpoints } from "../rfm/rfm-types.js";
import { segmentTable, type SegmentRow } from "../rfm/segment-table.js";
import { DEFAULT_SEGMENT_RULES, type SegmentRule } from "../rfm/segment-rules.js";
import { ArgumentError } from "../../math/argument-error.js";
import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";
import { progressStages, type ProgressCallback } from "../../math/progress.js";

/** Segment migration between two dates (frozen, plain data). */
export interface RfmMigration {
  /** First date, ISO (summary and scale at the end of this day). */
  readonly from: string;
  /** Second date, ISO. */
  readonly to: string;
  /** The first date's cut points, used at both dates. */
  readonly breakpoints: RfmBreakpoints;
  readonly customersFrom: number;
  readonly customersTo: number;
  /** Customers whose first purchase is after `from`, up to `to`. */
  readonly newCustomers: number;
  readonly matrix: MigrationMatrix;
  /** Segment tables at both dates (same scale), to track segment performance. */
  readonly tableFrom: readonly SegmentRow[];
  readonly tableTo: readonly SegmentRow[];
  /** Plain-language reading. */
  readonly reading: readonly string[];
  /** Notes from the scoring (ties, scale). */
  readonly notes: readonly string[];
}

/**
 * Scores the same customers at two dates and cross-tabulates their segments: customer summaries
 * at `from` and at `to` from the same transactions, RFM scores at `from` by its own quantiles and
 * at `to` with `from`'s breakpoints (one scale, so a move is a real change, not a rescaling),
 * customers new by `to` in a "new" row; revenue is spend in the period after `from` up to `to`.
 *
 * @param transactions - the validated transactions
 * @param options - `from`, `to` (ISO dates, from < to), `rules` (default map), `bins` (default 5), `engine` to reuse,
 *   `onProgress` told the stages done of 3 (the summary at `from`, the summary at `to`, the scoring and
 *   the matrix; the last call `(3, 3)` at the end; the result is the same without it)
 * @returns the frozen migration with matrix, segment tables and reading
 * @throws ArgumentError for a malformed date, `from` not before `to`, or no customer by `from`
 * @example
 * const mig = await rfmMigration(tx, { from: "2025-09-14", to: "2025-10-31" });
 * mig.matrix.rows.at(-1); // "new"
 */
export async function rfmMigration(
  transactions: Transactions,
  options: {
    readonly from: string; readonly to: string; readonly rules?: readonly SegmentRule[]; readonly bins?: number; readonly engine?: Engine;
    readonly onProgress?: ProgressCallback;
  },
): Promise<RfmMigration> {
  const fn = "rfmMigration";
  const d1 = isoDayOption(options.from, fn, "from");
  const d2 = isoDayOption(options.to, fn, "to");
  if (!(d1 < d2)) throw new ArgumentError(`${fn}: from ${options.from} is not before to ${options.to}; give the earlier date as from`);
  const rules = options.rules ?? DEFAULT_SEGMENT_RULES;
  const stages = progressStages(options.onProgress, 3);
  const counted = async (summary: Promise<CustomerSummary>): Promise<CustomerSummary> => {
    const s = await summary;
    stages.next();
    return s;
  };
  // Both snapshots from one copy of the transactions in the engine: loaded once, summarised twice in SQL.
  const snapshots = async (engine: Engine) => {
    const loaded = await loadTransactionsTable(engine, transactions, "migration_tx");
    const at = (calibrationEnd: string) => counted(customerSummary(transactions, { calibrationEnd, observationEnd: options.to, timeUnit: "day", engine, loaded }));
    try {
      return [await at(options.from), await at(options.to)] as const;
    } finally {
      await engine.connection.run(`DROP TABLE IF EXISTS ${loaded.table}`);
    }
  };
  const at = (calibrationEnd: string) => counted(customerSummary(transactions, { calibrationEnd, observationEnd: options.to, timeUnit: "day" }));
  // Transactions a loader read through DuckDB are already there: both snapshots run on them in place.
  const [s1, s2] = engineTableOf(transactions) !== undefined
    ? [await at(options.from), await at(options.to)]
    : options.engine ? await snapshots(options.engine) : await withEngine(snapshots);
  if (s1.length === 0) throw new AnalysisNotPossibleError(`${fn}: no customer bought on or before from ${options.from}; choose a later from date`);
  const sc1 = rfmScores(s1, options.bins === undefined ? {} : { bins: options.bins });
  const sc2 = rfmScores(s2, { breakpoints: sc1.breakpoints });
  const g1 = rfmSegments(sc1, rules);
  const g2 = rfmSegments(sc2, rules);
  const spend = spendBetween(s1, s2);
  // A purchase log has no spend: the matrix then counts customers only (revenue stays 0 and is not shown).
  // Both summaries list customers by the engine's codes: paired by one walk when they do (else by id).
  const matrixOptions = { order: g1.names, ...(s2.hasSpend === false ? {} : { spend }) };
  const matrix = migrationMatrixInOrder(g1, g2, matrixOptions) ?? migrationMatrix(g1, g2, matrixOptions);
  const result: RfmMigration = Object.freeze({
    from: s1.calibrationEnd,
    to: s2.calibrationEnd,
    breakpoints: sc1.breakpoints,
    customersFrom: s1.length,
    customersTo: s2.length,
    newCustomers: matrix.rowTotals.at(-1) ?? 0,
    matrix,
    tableFrom: segmentTable(sc1, g1),
    tableTo: segmentTable(sc2, g2),
    reading: migrationReading(matrix, { from: s1.calibrationEnd, to: s2.calibrationEnd }),
    notes: Object.freeze([...sc1.notes]),
  });
  stages.end();
  return result;
}

/**
 * Each second-date customer's spend between the dates: the first snapshot's holdout spend for a
 * customer there, else (a new customer) the total spend at the second date. Both snapshots list
 * customers in one order (the engine's customer codes) and the first's are a subset of the
 * second's, so one walk pairs them; a Map by id serves otherwise.
 */
function spendBetween(s1: CustomerSummary, s2: CustomerSummary): Float64Array {
  const ids1 = s1.columns.customer_id, ids2 = s2.columns.customer_id;
  const spend = Float64Array.from(s2.columns.total_spend);
  let j = 0;
  for (let i = 0; i < ids2.length && j < ids1.length; i++) if (ids2[i] === ids1[j]) spend[i] = s1.columns.monetary_holdout[j++]!;
  if (j === ids1.length) return spend;
  const holdout = new Map(ids1.map((id, k) => [id, s1.columns.monetary_holdout[k]!]));
  return Float64Array.from(ids2, (id, i) => holdout.get(id) ?? s2.columns.total_spend[i]!);
}
