import { _columns } from "../interop/to-columns.js";
import type { TableInput } from "../interop/types.js";
import { escapeHtml } from "../reports/html/escape-html.js";
import { formatColumn, type TableFormat } from "./format-column.js";
import { ArgumentError } from "../math/argument-error.js";

/** Options of {@link tableHtml} and {@link showTable}. */
export interface TableHtmlOptions {
  /** Shown above the table, before the row range. */
  readonly title?: string;
  /** Rows a page (default 20; `Infinity` for all). */
  readonly pageSize?: number;
  /** 1-based page to show (default 1). */
  readonly page?: number;
  /** Number and cell formatting. */
  readonly format?: TableFormat;
}

const CELL = "padding:2px 8px;border-bottom:1px solid #e5e5e5;";

/**
 * Renders one page of any table as an HTML `<table>`: numbers formatted (see
 * {@link formatColumn}) and right-aligned, text left-aligned and escaped, a caption with the
 * title and the row range (`rows 1-20 of 2,357` when there is more than one page).
 *
 * @param input - records, an arquero table, a danfo DataFrame or a columns object
 * @param options - title, pageSize (rows, default 20), page (1-based, default 1), format
 * @returns the HTML
 * @throws TypeError `showTable: expected a table ...` naming what was passed
 * @throws ArgumentError when pageSize is not a positive whole number or Infinity, or page is not in 1..pages
 * @example
 * tableHtml([{ id: "00042", spend: 1234.5 }]);
 * // '<table ...><caption ...>1 row</caption>...<td style="...text-align:right">1,234.50</td>...'
 */
export function tableHtml<C extends object>(input: TableInput<C>, options: TableHtmlOptions = {}): string {
  const { names, columns, length } = _columns(input, "showTable");
  const pageSize = options.pageSize ?? 20;
  const page = options.page ?? 1;
  if (!(pageSize === Infinity || (Number.isInteger(pageSize) && pageSize >= 1))) {
    throw new ArgumentError(`showTable: pageSize must be a whole number of rows >= 1 (or Infinity), got ${pageSize}`);
  }
  const pages = Math.max(1, Math.ceil(length / pageSize));
  if (!Number.isInteger(page) || page < 1 || page > pages) {
    throw new ArgumentError(`showTable: page must be a whole number from 1 to ${pages} (${length} rows, ${pageSize} a page), got ${page}`);
  }
  const start = page === 1 ? 0 : (page - 1) * pageSize;
  const end = Math.min(length, start + pageSize);
  const n = new Intl.NumberFormat("en-US");
  const range = length > pageSize ? `rows ${n.format(start + 1)}-${n.format(end)} of ${n.format(length)}` : `${n.format(length)} row${length === 1 ? "" : "s"}`;
  const caption = options.title ? `${escapeHtml(options.title)} · ${range}` : range;

  const formats = names.map((name, j) => formatColumn(name, columns[j] as ArrayLike<unknown>, options.format ?? {}));
  const align = (j: number) => `text-align:${formats[j]?.numeric ? "right" : "left"}`;
  const head = names.map((name, j) => `<th style="${CELL}${align(j)}">${escapeHtml(name)}</th>`).join("");
  const body: string[] = [];
  for (let i = start; i < end; i++) {
    const cells = names.map((_, j) => {
      const text = (formats[j] as (typeof formats)[number]).format((columns[j] as ArrayLike<unknown>)[i]);
      return `<td style="${CELL}${align(j)};white-space:pre">${escapeHtml(text)}</td>`;
    });
    body.push(`<tr>${cells.join("")}</tr>`);
  }
  return (
    `<table class="crm-table" style="border-collapse:collapse;font-variant-numeric:tabular-nums;margin:4px 0">` +
    `<caption style="caption-side:top;text-align:left;font-weight:600;padding:2px 8px">${caption}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${body.join("")}</tbody></table>`
  );
}
