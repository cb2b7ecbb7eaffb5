import { createHmac } from "node:crypto";
import { deepFreeze } from "../math/deep-freeze.js";
import { mapChartText } from "../charts/map-chart-text.js";
import type { CellValue, Kpi, Report, ReportTable, Section } from "./report-model.js";

/**
 * The key used when none is given. It is public (it is written here), so pseudonyms made with
 * it can be reversed by anyone who hashes candidate customer ids with it: pass a secret key
 * for real pseudonymisation.
 */
export const DEFAULT_ANONYMISE_KEY = "crm-analytics-default-pseudonym-key-v1";

/** Column keys whose cells are customer ids. */
const ID_KEYS = new Set(["customer_id", "customerId", "customer"]);

/** Options of {@link anonymiseReport}. */
export interface AnonymiseOptions {
  /** HMAC key (default {@link DEFAULT_ANONYMISE_KEY}, which is public: see there). */
  readonly key?: string;
}

function pseudonyms(ids: ReadonlySet<string>, key: string): Map<string, string> {
  const hashes = [...ids].map((id) => [id, createHmac("sha256", key).update(id, "utf8").digest("hex")] as const);
  // 8 hex digits; longer for every id when two ids of this report would share a pseudonym.
  for (let length = 8; ; length += 4) {
    const out = new Map(hashes.map(([id, h]) => [id, `C-${h.slice(0, length)}`]));
    if (new Set(out.values()).size === out.size || length >= 64) return out;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Pseudonymises the customer ids of a report: every cell of a table column keyed
 * `customer_id`, `customerId` or `customer` becomes "C-" and the first 8 hex digits of
 * HMAC-SHA256(key, id) (more digits for all ids when two ids of the report would collide), so
 * the same id always gets the same pseudonym within and across reports made with the same key.
 * The ids found there are also replaced wherever they appear as a whole word elsewhere
 * (narrative, KPI notes, other cells, chart labels). Apply it to the model before rendering so
 * that every renderer (HTML, Excel, PDF) gets the pseudonyms. Pure: returns a new frozen report.
 *
 * With the public default key, or any key an attacker knows, the pseudonyms can be reversed
 * by hashing candidate ids; only a secret key protects them.
 *
 * @param report - the report model
 * @param options - the HMAC `key`
 * @returns the report with pseudonyms
 * @throws TypeError when the key is empty
 * @example
 * anonymiseReport(report, { key: "s3cret" }).sections[1].tables[0].rows[0].customer_id; // "C-1f3a9b2c" (for example)
 */
export function anonymiseReport(report: Report, options: AnonymiseOptions = {}): Report {
  const key = options.key ?? DEFAULT_ANONYMISE_KEY;
  if (typeof key !== "string" || key === "") throw new TypeError("anonymiseReport: the key must be a non-empty string");
  const ids = new Set<string>();
  for (const s of report.sections) for (const t of s.tables) for (const c of t.columns) {
    if (ID_KEYS.has(c.key)) for (const r of t.rows) { const v = r[c.key]; if (v !== null && v !== undefined && String(v) !== "") ids.add(String(v)); }
  }
  if (ids.size === 0) return report;
  const map = pseudonyms(ids, key);
  // Whole-word matches only ("C-1" must not touch "C-10"); longest ids first.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${[...ids].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}_-])`, "gu");
  const text = (t: string): string => map.get(t) ?? t.replace(pattern, (m) => map.get(m) ?? m);
  const cell = (v: CellValue, isId: boolean): CellValue =>
    v === null || v === undefined ? null : isId && String(v) !== "" ? map.get(String(v))! : typeof v === "string" ? text(v) : v;
  const kpi = (k: Kpi): Kpi => ({ ...k, value: typeof k.value === "string" ? text(k.value) : k.value, note: text(k.note) });
  const table = (t: ReportTable): ReportTable => ({
    ...t,
    title: text(t.title),
    rows: t.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cell(v, ID_KEYS.has(k))]))),
  });
  const section = (s: Section): Section => ({
    ...s,
    narrative: s.narrative.map(text),
    kpis: s.kpis.map(kpi),
    tables: s.tables.map(table),
    charts: s.charts.map((c) => ({ ...c, caption: text(c.caption), figure: mapChartText(c.figure, text) })),
    ...(s.leftOut !== undefined ? { leftOut: text(s.leftOut) } : {}),
  });
  return deepFreeze({
    ...report,
    ...(report.highlights ? { highlights: report.highlights.map(kpi) } : {}),
    ...(report.assumptions ? { assumptions: report.assumptions.map((a) => ({ ...a, value: text(a.value) })) } : {}),
    sections: report.sections.map(section),
  });
}
