import type { CellValue, ReportTable, ValueFormat } from "../report-model.js";
import { escapeHtml as esc } from "./escape-html.js";
import { formatValue } from "../format-value.js";

const NUMERIC: ReadonlySet<ValueFormat> = new Set(["integer", "decimal", "percent", "money"]);

/** Options of {@link htmlTable}. */
export interface HtmlTableOptions {
  /** ISO 4217 code of `money` cells. */
  readonly currency: string;
  /** BCP 47 locale of numbers and dates (default: the report's English style). */
  readonly locale?: string;
}

/** The sort key of a cell for the table script: the raw number, or an ISO day; none for text. */
function sortValue(v: CellValue, format: ValueFormat): string {
  if (typeof v === "number" && Number.isFinite(v) && NUMERIC.has(format)) return ` data-value="${v}"`;
  if (format === "date" && v !== null) return ` data-value="${esc(String(v))}"`;
  return "";
}

/**
 * Renders a report table as HTML: a caption, column headers (`scope="col"`), formatted cells
 * with numbers right-aligned. A table with two or more rows is marked `data-sortable`, each
 * header holds a sort button (`data-type="number"` on numeric columns, whose cells carry their
 * raw value in `data-value`), and a labelled search box (`#<id>-search`, hidden until the table
 * script shows it) with a live row count (`#<id>-count`) comes before the table. Every text is
 * escaped.
 *
 * @param t - the table
 * @param id - a unique element id for the table (letters, digits, hyphens)
 * @param options - `currency` and `locale`
 * @returns the HTML fragment
 * @throws never
 * @example
 * htmlTable({ title: "Top", columns: [{ key: "n", label: "N", format: "integer" }], rows: [{ n: 1 }, { n: 2 }] }, "t-1", { currency: "EUR" })
 *   .includes('<table id="t-1" data-sortable>'); // true
 */
export function htmlTable(t: ReportTable, id: string, options: HtmlTableOptions): string {
  const { currency, locale } = options;
  const sortable = t.rows.length >= 2;
  const head = t.columns.map((c) => {
    const num = NUMERIC.has(c.format);
    const attrs = (num ? ` class="num" data-type="number"` : "");
    const label = esc(c.label);
    return `<th scope="col"${attrs}>${sortable ? `<button type="button" class="sort">${label}</button>` : label}</th>`;
  }).join("");
  const body = t.rows.length === 0
    ? `<tr><td colspan="${t.columns.length}" class="empty">No rows</td></tr>`
    : t.rows.map((r) => `<tr>${t.columns.map((c) => {
        const v = r[c.key] ?? null;
        const text = formatValue(v, c.format, currency, locale);
        // Long text (an action, a definition) gets room instead of a column of one word a line;
        // a short word (an id such as C-1f3a9b2c) is not broken at its hyphen.
        const klass = NUMERIC.has(c.format) ? ` class="num"` : text.length > 40 ? ` class="long"` : text.length <= 14 && !text.includes(" ") ? ` class="short"` : "";
        return `<td${klass}${sortable ? sortValue(v, c.format) : ""}>${esc(text)}</td>`;
      }).join("")}</tr>`).join("\n");
  const tools = sortable
    ? `<div class="table-tools" hidden><label for="${id}-search">Search rows<span class="visually-hidden"> of ${esc(t.title)}</span></label> ` +
      `<input type="search" id="${id}-search" autocomplete="off" spellcheck="false"> <span id="${id}-count" class="table-count" aria-live="polite"></span></div>\n`
    : "";
  return `<div class="table-block">${tools}<div class="table-wrap"><table id="${id}"${sortable ? " data-sortable" : ""}><caption>${esc(t.title)}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div></div>`;
}
