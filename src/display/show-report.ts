import { emitHtml, type DisplaySink, type SinkOption } from "./display-sink.js";
import { escapeHtml } from "../reports/html/escape-html.js";
import { ArgumentError } from "../math/argument-error.js";

/** Options of {@link showReport}. */
export interface ShowReportOptions extends SinkOption {
  /** Height of the preview frame in CSS pixels (default 600). */
  readonly heightPx?: number;
  /** Accessible title of the frame (default "Report preview"). */
  readonly title?: string;
}

/**
 * Previews a rendered HTML report (e.g. the output of the reports module's `renderHtml`)
 * inline in a notebook, in a sandboxed `<iframe srcdoc>`: the report's own scripts (its
 * charts) run, but it gets a unique origin, so it cannot reach the notebook page, its
 * cookies or the kernel. The report HTML is attribute-escaped whole, so the preview shows
 * exactly the report.
 *
 * @param html - the complete report document
 * @param options - heightPx (CSS px, default 600), title, sink
 * @returns nothing when shown in the kernel (so tslab echoes nothing); with a `sink`, or
 *   `sink: null`, the HTML sent (or that would be sent)
 * @throws TypeError `showReport: html must be a string ...` naming what was passed
 * @throws ArgumentError when heightPx is not a positive number
 * @throws Error outside a tslab kernel when no sink is given
 * @example
 * showReport(renderHtml(report), { heightPx: 800 });
 * // '<iframe title="Report preview" sandbox="allow-scripts" srcdoc="&lt;!doctype html&gt;..." ...>'
 */
export function showReport(html: string, options?: ShowReportOptions & { readonly sink?: undefined }): void;
/** showReport with a sink: shows through it (nothing for `null`) and returns the HTML. */
export function showReport(html: string, options: ShowReportOptions & { readonly sink: DisplaySink | null }): string;
/** showReport with options whose sink is not known statically. */
export function showReport(html: string, options?: ShowReportOptions): string | undefined;
export function showReport(html: string, options: ShowReportOptions = {}): string | undefined {
  if (typeof html !== "string") {
    throw new TypeError(`showReport: html must be a string (the rendered report), got ${html === null ? "null" : typeof html}`);
  }
  const heightPx = options.heightPx ?? 600;
  if (!(Number.isFinite(heightPx) && heightPx > 0)) {
    throw new ArgumentError(`showReport: heightPx must be a positive number of CSS pixels, got ${heightPx}`);
  }
  const title = escapeHtml(options.title ?? "Report preview");
  const frame =
    `<iframe title="${title}" sandbox="allow-scripts" referrerpolicy="no-referrer" ` +
    `style="width:100%;height:${heightPx}px;border:1px solid #d0d0d0;background:#fff" ` +
    `srcdoc="${escapeHtml(html)}"></iframe>`;
  emitHtml(frame, options.sink, "showReport");
  return options.sink === undefined ? undefined : frame;
}
