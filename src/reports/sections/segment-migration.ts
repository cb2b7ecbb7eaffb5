import { deepFreeze } from "../../math/deep-freeze.js";
import { migrationHeatmap } from "../../charts/segments/migration-heatmap.js";
import { rfmMigration, type RfmMigration } from "../../segments/migration/rfm-migration.js";
import { formatValue } from "../format-value.js";
import type { CellValue, Section, TableColumn } from "../report-model.js";
import { withCurrency } from "../../charts/index.js";
import { formatDay } from "../../data/parse/format-day.js";
import { isoDayOption } from "../../data/parse/iso-day-option.js";
import { defineReportSection, type SectionAnalysisContext } from "./section-spec.js";

/**
 * The "Segment migration" section: how customers moved between RFM segments from one date to
 * another (e.g. before and after a campaign), on one score scale. The reading for a manager,
 * key figures (moved up, moved down, new), the matrix as a heatmap of row shares and of revenue,
 * the matrix of counts, the movement per segment and the segment sizes at both dates.
 *
 * @param result - the plain result of `rfmMigration` (money in `currency` units)
 * @param options - `currency` (ISO 4217, default "EUR")
 * @returns a frozen section with id "segment-migration"
 * @throws never for a result of `rfmMigration`
 * @example
 * segmentMigrationSection(await rfmMigration(tx, { from: "2025-09-14", to: "2025-10-31" })).id; // "segment-migration"
 */
export function segmentMigrationSection(result: RfmMigration, options: { readonly currency?: string } = {}): Section {
  const currency = options.currency ?? "";
  const m = result.matrix;
  const pct = (x: number | null): string => formatValue(x, "percent");
  const matrixColumns: TableColumn[] = [
    { key: "from", label: `Segment on ${result.from}`, format: "text" },
    ...m.columns.map((c, j) => ({ key: `c${j}`, label: c, format: "integer" as const })),
    { key: "total", label: "Total", format: "integer" },
  ];
  const matrixRows = m.rows.map((row, i) => {
    const r: Record<string, CellValue> = { from: row };
    m.columns.forEach((_, j) => (r[`c${j}`] = m.counts[i]![j]!));
    r.total = m.rowTotals[i]!;
    return r;
  });
  const totalRow: Record<string, CellValue> = { from: "Total" };
  m.columns.forEach((_, j) => (totalRow[`c${j}`] = m.columnTotals[j]!));
  totalRow.total = m.columnTotals.reduce((a, b) => a + b, 0);
  const to = new Map(result.tableTo.map((r) => [r.segment, r]));
  return deepFreeze({
    id: "segment-migration",
    title: "Segment migration",
    narrative: [
      `Customers were scored on ${result.from} and again on ${result.to}, both times on the ${result.from} scale, so a move between segments is a real change in behaviour.`,
      ...result.reading,
    ],
    kpis: [
      { label: "Customers on both dates", value: m.overall.customers, format: "integer" as const, unit: "customers", note: `scored on ${result.from} and ${result.to}` },
      { label: "Moved up", value: m.overall.up, format: "percent" as const, unit: "", note: "to a better segment" },
      { label: "Moved down", value: m.overall.down, format: "percent" as const, unit: "", note: `to a worse segment; ${pct(m.overall.same)} stayed` },
      { label: "New customers", value: result.newCustomers, format: "integer" as const, unit: "customers", note: `first purchase after ${result.from}` },
    ],
    tables: [
      { title: `Customers by segment on ${result.from} (rows) and on ${result.to} (columns)`, columns: matrixColumns, rows: [...matrixRows, totalRow] },
      {
        title: "Movement per segment",
        columns: [
          { key: "segment", label: `Segment on ${result.from}`, format: "text" as const },
          { key: "customers", label: "Customers", format: "integer" as const },
          { key: "up", label: "Moved up", format: "percent" as const },
          { key: "same", label: "Stayed", format: "percent" as const },
          { key: "down", label: "Moved down", format: "percent" as const },
        ],
        rows: m.movement.map((x) => ({ segment: x.segment, customers: x.customers, up: x.up, same: x.same, down: x.down })),
      },
      {
        title: "Segment performance on both dates",
        columns: [
          { key: "segment", label: "Segment", format: "text" as const },
          { key: "customersFrom", label: `Customers ${result.from}`, format: "integer" as const },
          { key: "customersTo", label: `Customers ${result.to}`, format: "integer" as const },
          { key: "revenueShareFrom", label: `Share of revenue to ${result.from}`, format: "percent" as const },
          { key: "revenueShareTo", label: `Share of revenue to ${result.to}`, format: "percent" as const },
        ],
        rows: result.tableFrom.map((r) => ({
          segment: r.segment,
          customersFrom: r.customers,
          customersTo: to.get(r.segment)?.customers ?? 0,
          revenueShareFrom: r.revenueShare,
          revenueShareTo: to.get(r.segment)?.revenueShare ?? null,
        })),
      },
    ],
    charts: [
      { title: "Where each segment went", figure: migrationHeatmap(m, { from: result.from, to: result.to }), caption: `Each row is a segment on ${result.from}; the cells show what share of its customers were in each segment on ${result.to}. Left of the diagonal moved up, right of it moved down.` },
      // A purchase log has no spend: no revenue chart (its cells would all read 0).
      ...(result.tableFrom.some((r) => r.revenueShare !== null)
        ? [{ title: "Revenue by movement", figure: migrationHeatmap(m, { measure: "revenue", currency, from: result.from, to: result.to, title: "Revenue between the dates by movement" }), caption: `Spend between ${result.from} and ${result.to}${withCurrency("", currency)} by segment on each date.` }]
        : []),
    ],
  });
}

/** The two dates of the report's migration: `migrationTo` (default the observation end) and `migrationFrom` (default 91 days before). */
function migrationDates(ctx: SectionAnalysisContext): { readonly from: string; readonly to: string } {
  const to = ctx.options.migrationTo ?? ctx.summary.observationEnd;
  return { from: ctx.options.migrationFrom ?? formatDay(isoDayOption(to, "segment-migration", "migrationTo") - 91), to };
}

/**
 * The "Segment migration" entry of the section registry: `rfmMigration` between `migrationFrom`
 * and `migrationTo` (default: the last 91 days), built by {@link segmentMigrationSection}.
 *
 * @example
 * segmentMigrationSpec.id; // "segment-migration"
 */
export const segmentMigrationSpec = defineReportSection<RfmMigration>({
  id: "segment-migration",
  title: "Segment migration",
  help: "RFM segments at --migration-from vs --migration-to (default: the last 91 days)",
  columns: ["customer_id", "date", "amount", "order_id"],
  headline: [{ kpi: "Moved up", cover: "Customers who moved up a segment" }],
  label: (ctx) => { const d = migrationDates(ctx); return `segment migration ${d.from} to ${d.to}`; },
  analysis: (ctx) => rfmMigration(ctx.transactions, { ...migrationDates(ctx), onProgress: ctx.onProgress }),
  build: (result, ctx) => segmentMigrationSection(result, { currency: ctx.currency }),
});
