import type { TableInput } from "../interop/types.js";
import { emitHtml, type DisplaySink, type SinkOption } from "./display-sink.js";
import { tableHtml, type TableHtmlOptions } from "./table-html.js";

/** Options of {@link showTable}. */
export interface ShowTableOptions extends TableHtmlOptions, SinkOption {}

/**
 * Shows one page of a table in a notebook (tslab) as HTML and returns that HTML: numbers
 * with thousands separators and right-aligned (fixed decimals, default 2, for columns with
 * fractions; whole-number columns plain), text escaped so it shows as typed and never runs,
 * a caption `rows 1-20 of 2,357` when the table has more than one page.
 *
 * @param input - records, an arquero table, a danfo DataFrame or a columns object (`summary.columns`)
 * @param options - title, pageSize (rows, default 20), page (1-based, default 1), format, sink
 * @returns nothing when shown in the kernel (so tslab echoes nothing); with a `sink`, or
 *   `sink: null`, the HTML sent (or that would be sent)
 * @throws TypeError `showTable: expected a table ...` naming what was passed
 * @throws ArgumentError for a bad pageSize or page
 * @throws Error outside a tslab kernel when no sink is given
 * @example
 * showTable(summaryToTable(summary), { title: "Customers", page: 2 });
 * // shows rows 21-40, caption "Customers · rows 21-40 of 2,357"
 */
export function showTable<C extends object>(input: TableInput<C>, options?: ShowTableOptions & { readonly sink?: undefined }): void;
/** showTable with a sink: shows through it (nothing for `null`) and returns the HTML. */
export function showTable<C extends object>(input: TableInput<C>, options: ShowTableOptions & { readonly sink: DisplaySink | null }): string;
/** showTable with options whose sink is not known statically. */
export function showTable<C extends object>(input: TableInput<C>, options?: ShowTableOptions): string | undefined;
export function showTable<C extends object>(input: TableInput<C>, options: ShowTableOptions = {}): string | undefined {
  const html = tableHtml(input, options);
  emitHtml(html, options.sink, "showTable");
  return options.sink === undefined ? undefined : html;
}
