import type { ChartSpec } from "../charts/chart-spec.js";

/**
 * How a value is shown: `integer` (1,234), `decimal` (1.23), `percent` (a fraction: 0.62 shows
 * as "62 %"), `money` (in the report's currency), `date` (ISO YYYY-MM-DD), `text`.
 */
export type ValueFormat = "integer" | "decimal" | "percent" | "money" | "date" | "text";

/** A table cell: a number, a text, or null for "no value". */
export type CellValue = string | number | null;

/** A key figure shown as a card (HTML) or a row of the key-figures block (Excel). */
export interface Kpi {
  readonly label: string;
  /** The value; a fraction for `percent`, currency units for `money`. */
  readonly value: CellValue;
  readonly format: ValueFormat;
  /** Unit shown after the value, e.g. "EUR", "repeat purchases per customer"; empty when the format says it all. */
  readonly unit: string;
  /** One short line of context, e.g. "of 1,200 rows read". */
  readonly note: string;
}

/** A table column: the row key, the header label and the format of its cells. */
export interface TableColumn {
  readonly key: string;
  readonly label: string;
  readonly format: ValueFormat;
}

/** A table: columns and rows keyed by column key. */
export interface ReportTable {
  readonly title: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly Readonly<Record<string, CellValue>>[];
}

/**
 * A chart: its title, its description (data and marks, from the charts module, drawn by each
 * renderer: Plotly in HTML, a native chart in Excel), and a plain-language caption (also the
 * chart's text alternative).
 */
export interface ReportChart {
  readonly title: string;
  readonly figure: ChartSpec;
  readonly caption: string;
}

/** A section of a report: narrative paragraphs, key figures, tables, charts. */
export interface Section {
  /** Stable id (lowercase letters, digits, hyphens): the HTML anchor and the basis of the sheet name. */
  readonly id: string;
  readonly title: string;
  readonly narrative: readonly string[];
  readonly kpis: readonly Kpi[];
  readonly tables: readonly ReportTable[];
  readonly charts: readonly ReportChart[];
  /**
   * Set when the analysis could not be done on these data: the one-line reason. Such a section
   * has no figures; it is listed in the contents (marked as left out) and shown with its reason.
   */
  readonly leftOut?: string;
}

/**
 * A report: a pure, frozen, JSON-serialisable model that the renderers (`renderHtml`,
 * `renderExcel`) only convert.
 *
 * @example
 * const r: Report = { title: "Customers", subtitle: "", generatedAt: "2024-05-01T09:00:00Z", currency: "EUR", sections: [] };
 * @throws never (types only)
 */
export interface Report {
  readonly title: string;
  readonly subtitle: string;
  /** When the report was generated, ISO 8601 date-time (passed in, never read from the clock). */
  readonly generatedAt: string;
  /** ISO 4217 currency code of `money` values, e.g. "EUR"; "" when none was given (plain amounts). */
  readonly currency: string;
  /** Last day the figures describe (ISO YYYY-MM-DD), shown beside the generated time. */
  readonly observationEnd?: string;
  /**
   * The cover's key figures, each with one plain sentence (in `note`) on what it means; taken
   * from the sections' first KPIs. Optional: hand-made reports may leave it out.
   */
  readonly highlights?: readonly Kpi[];
  /** "Assumptions and method": data period, calibration end, time unit, models and their fit, discount rate, cost table. */
  readonly assumptions?: readonly Assumption[];
  readonly sections: readonly Section[];
}

/** One line of the "Assumptions and method" part of a report. */
export interface Assumption {
  /** What is assumed or how it was computed, e.g. "Discount rate". */
  readonly label: string;
  /** Its value in words, e.g. "0.8 % a month (about 10 % a year)". */
  readonly value: string;
}
