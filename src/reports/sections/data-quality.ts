import type { RowLedger } from "../../data/ledger/row-ledger.js";
import type { Section } from "../report-model.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { formatValue } from "../format-value.js";
import { defineReportSection } from "./section-spec.js";

/**
 * The "Data quality" section: how many rows were read, used and rejected, the rejects by
 * reason, the first rejected rows with their line and reason, and a plain sentence on what to fix.
 *
 * @param ledger - the row ledger of the load (used + rejected = read)
 * @param options - `maxRejectedRows`: how many rejected rows to list (default 20)
 * @returns a frozen section with id "data-quality"
 * @throws Error when the ledger does not add up (used + rejected != read)
 * @example
 * dataQualitySection(ledgerOf("tx.csv", 10, [])).kpis[0]; // { label: "Rows read", value: 10, format: "integer", ... }
 */
export function dataQualitySection(ledger: RowLedger, options: { readonly maxRejectedRows?: number } = {}): Section {
  const { read, used, rejected } = ledger;
  if (used + rejected.length !== read) {
    throw new Error(`dataQualitySection: ledger of ${ledger.source} does not add up: ${used} used + ${rejected.length} rejected != ${read} read`);
  }
  const maxRows = options.maxRejectedRows ?? 20;
  const share = (k: number): number | null => (read > 0 ? k / read : null);
  const reasons = Object.entries(ledger.byReason).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const example = (code: string) => rejected.find((r) => r.code === code);

  const narrative: string[] = [
    `${formatValue(read, "integer")} rows were read from ${ledger.source}: ${formatValue(used, "integer")} were used` +
      (read > 0 ? ` (${formatValue(share(used), "percent")})` : "") +
      ` and ${formatValue(rejected.length, "integer")} were left out.`,
  ];
  const guests = ledger.guests;
  if (guests && guests.lines > 0) {
    narrative.push(
      `${formatValue(guests.lines, "integer")} lines have no customer id (guest orders)${guests.shareOfAmount !== null ? `, worth ${formatValue(guests.amount, "decimal")} in the data's amounts (${formatValue(guests.shareOfAmount, "percent")} of all revenue)` : ""}: no customer figure below includes them, so customer value and lifetime value cover the rest of the business only.`,
    );
  }
  if (read === 0) {
    narrative.push("No rows were read: check that the file is the right one and that it is not empty.");
  } else if (rejected.length === 0) {
    narrative.push("Every row was used: there is nothing to fix in the source data.");
  } else {
    const parts = reasons.map(([code, n]) => `${code} (${formatValue(n, "integer")} ${n === 1 ? "row" : "rows"})`);
    narrative.push(`Rows were left out for these reasons: ${parts.join(", ")}.`);
    const [topCode] = reasons[0]!;
    const first = example(topCode)!;
    narrative.push(
      `What to fix: correct the rows listed below in the source file and run the report again; ` +
        `start with ${topCode}, for example line ${first.line}: ${first.reason}.`,
    );
    if ((share(rejected.length) ?? 0) > 0.05) {
      narrative.push("More than 5 % of the rows were left out, so the customer figures below may understate the business: fix the source before acting on them.");
    }
  }

  return deepFreeze({
    id: "data-quality",
    title: "Data quality",
    narrative,
    kpis: [
      { label: "Rows read", value: read, format: "integer" as const, unit: "rows", note: `from ${ledger.source}` },
      { label: "Rows used", value: used, format: "integer" as const, unit: "rows", note: read > 0 ? `${formatValue(share(used), "percent")} of rows read` : "" },
      { label: "Rows rejected", value: rejected.length, format: "integer" as const, unit: "rows", note: read > 0 ? `${formatValue(share(rejected.length), "percent")} of rows read` : "" },
      {
        label: "Share used", value: share(used), format: "percent" as const, unit: "",
        // Guest orders go on the cover with this headline figure: they are in no customer figure.
        note: guests && guests.lines > 0
          ? `rows used / rows read; ${formatValue(guests.lines, "integer")} guest-order lines${guests.shareOfAmount !== null ? ` (${formatValue(guests.shareOfAmount, "percent")} of revenue)` : ""} have no customer`
          : "rows used / rows read",
      },
    ],
    tables: [
      {
        title: "Rejected rows by reason",
        columns: [
          { key: "code", label: "Reason", format: "text" as const },
          { key: "rows", label: "Rows", format: "integer" as const },
          { key: "share", label: "Share of rejected rows", format: "percent" as const },
          { key: "example", label: "Example", format: "text" as const },
        ],
        rows: reasons.map(([code, n]) => {
          const ex = example(code);
          return { code, rows: n, share: n / rejected.length, example: ex ? `line ${ex.line}: ${ex.reason}` : "" };
        }),
      },
      {
        title: rejected.length > maxRows ? `First ${maxRows} of ${formatValue(rejected.length, "integer")} rejected rows` : "Rejected rows",
        columns: [
          { key: "line", label: "Line", format: "integer" as const },
          { key: "code", label: "Reason code", format: "text" as const },
          { key: "reason", label: "What is wrong", format: "text" as const },
        ],
        rows: rejected.slice(0, maxRows).map((r) => ({ line: r.line, code: r.code, reason: r.reason })),
      },
    ],
    charts: [],
  });
}

/**
 * The "Data quality" entry of the section registry: every report has it, from the row ledger.
 *
 * @example
 * dataQualitySpec.build(undefined, { ledger, summary, currency: "", topN: 20, maxRejectedRows: 20 }).id; // "data-quality"
 */
export const dataQualitySpec = defineReportSection<undefined>({
  id: "data-quality",
  title: "Data quality",
  help: "rows read, used and rejected and why, and what to fix",
  core: true,
  headline: [{ kpi: "Share used", cover: "Share of rows used" }],
  build: (_, ctx) => dataQualitySection(ctx.ledger, { maxRejectedRows: ctx.maxRejectedRows }),
});
