import { randomBytes } from "node:crypto";
import { emitHtml, type DisplaySink, type SinkOption } from "./display-sink.js";
import { isPlotlyBundleSent, markPlotlyBundleSent, plotlyBundleHtml } from "./plotly-bundle.js";
import { scriptJson } from "../reports/html/escape-html.js";
import { ArgumentError } from "../math/argument-error.js";
import { toPlotlyFigure } from "../reports/html/to-plotly-figure.js";
import type { ChartSpec } from "../charts/chart-spec.js";

/** A Plotly figure written by hand (or by `toPlotlyFigure`): traces, layout and config as JSON. */
export interface FigureLike {
  readonly data: readonly object[];
  readonly layout?: object;
  readonly config?: object;
}

/** Options of {@link showChart}. */
export interface ShowChartOptions extends SinkOption {
  /** Chart title; replaces `layout.title` (the figure itself is not changed). */
  readonly title?: string;
  /** Height of the chart in CSS pixels (default 450). */
  readonly heightPx?: number;
}

/**
 * Draws a chart in a notebook, offline: a chart description from the charts module (e.g.
 * `frequencyChart(...)`), drawn by the Plotly renderer (`toPlotlyFigure`), or a Plotly figure
 * written by hand. The first call of a kernel session sends
 * the plotly.js bundle once (see {@link plotlyBundleHtml}); later calls send only a `<div>`
 * and a `Plotly.newPlot` script. The figure JSON is escaped for `<script>` (see
 * {@link scriptJson}), so no data string can end the script or run. If the page lost the
 * bundle (reloaded without a kernel restart) the chart says so; call
 * {@link resetDisplaySession} and run the cell again. With `sink: null` nothing is shown, the
 * HTML returned is self-contained (bundle included) and the session state is unchanged.
 *
 * @param figure - a chart description, or a Plotly figure `{ data, layout?, config? }` (typed
 *   arrays in it are sent as arrays)
 * @param options - title, heightPx (CSS px, default 450), sink
 * @returns nothing when shown in the kernel (so tslab echoes nothing); with a `sink`, or
 *   `sink: null`, the HTML sent (or that would be sent)
 * @throws TypeError `showChart: figure.data must be an array ...` naming what was passed (neither
 *   a chart description nor a figure), or for circular data
 * @throws ArgumentError when heightPx is not a positive number
 * @throws Error outside a tslab kernel when no sink is given
 * @example
 * showChart(frequencyChart(summary.columns.frequency));
 * showChart({ data: [{ type: "bar", x: ["a", "b"], y: [3, 5] }] }, { title: "Orders" });
 */
export function showChart(figure: ChartSpec | FigureLike, options?: ShowChartOptions & { readonly sink?: undefined }): void;
/** showChart with a sink: shows through it (nothing for `null`) and returns the HTML. */
export function showChart(figure: ChartSpec | FigureLike, options: ShowChartOptions & { readonly sink: DisplaySink | null }): string;
/** showChart with options whose sink is not known statically. */
export function showChart(figure: ChartSpec | FigureLike, options?: ShowChartOptions): string | undefined;
export function showChart(input: ChartSpec | FigureLike, options: ShowChartOptions = {}): string | undefined {
  const figure: FigureLike = input !== null && typeof input === "object" && Array.isArray((input as { marks?: unknown }).marks)
    ? toPlotlyFigure(input as ChartSpec)
    : (input as FigureLike);
  if (figure === null || typeof figure !== "object" || !Array.isArray(figure.data)) {
    const got = figure === null || typeof figure !== "object" ? String(figure) : `data = ${typeof (figure as { data?: unknown }).data}`;
    throw new TypeError(`showChart: figure.data must be an array of traces, got ${got}`);
  }
  const heightPx = options.heightPx ?? 450;
  if (!(Number.isFinite(heightPx) && heightPx > 0)) {
    throw new ArgumentError(`showChart: heightPx must be a positive number of CSS pixels, got ${heightPx}`);
  }
  const layout = options.title === undefined ? { ...figure.layout } : { ...figure.layout, title: { text: options.title } };
  const config = { responsive: true, displaylogo: false, ...figure.config };
  const json = scriptJson({ data: figure.data, layout, config }, "showChart");
  const id = `crm-chart-${randomBytes(6).toString("hex")}`;
  const chart =
    `<div id="${id}" class="crm-chart" style="width:100%;height:${heightPx}px"></div>\n` +
    `<script type="text/javascript">\n(function () {\n` +
    `  var el = document.getElementById("${id}");\n  if (!el) return;\n` +
    `  if (typeof window.Plotly === "undefined") {\n` +
    `    el.textContent = "Plotly is not loaded in this page: run resetDisplaySession() and then this cell again.";\n    return;\n  }\n` +
    `  var fig = ${json};\n  window.Plotly.newPlot(el, fig.data, fig.layout, fig.config);\n})();\n</script>`;
  const first = !isPlotlyBundleSent();
  const html = first ? `${plotlyBundleHtml()}\n${chart}` : chart;
  emitHtml(html, options.sink, "showChart");
  if (first && options.sink !== null) markPlotlyBundleSent();
  return options.sink === undefined ? undefined : html;
}
