import { plotlyBundle } from "../reports/html/plotly-bundle.js";

let bundleSent = false;
let bundleHtml: string | undefined;

/**
 * Forgets that the Plotly bundle was sent, so the next {@link showChart} sends it again.
 * Call it after reloading the notebook page without restarting the kernel, and in tests.
 *
 * @returns nothing
 * @throws never
 * @example
 * resetDisplaySession();
 * showChart(fig); // includes the plotly.js bundle again
 */
export function resetDisplaySession(): void {
  bundleSent = false;
}

/**
 * Internal: whether this kernel session already sent the bundle.
 *
 * @returns true after the first successful {@link showChart}
 * @throws never
 * @example
 * isPlotlyBundleSent(); // false in a new session
 */
export function isPlotlyBundleSent(): boolean {
  return bundleSent;
}

/**
 * Internal: records that the bundle reached the page (called only after the sink accepted it).
 *
 * @returns nothing
 * @throws never
 * @example
 * markPlotlyBundleSent();
 */
export function markPlotlyBundleSent(): void {
  bundleSent = true;
}

/**
 * The offline plotly.js bundle (plotly.js-dist-min, about 4.8 MB) as one inline `<script>`
 * that defines `window.Plotly`, guarded so that a second copy in the same page does
 * nothing. Any `</script` in the bundle text is written `<\/script` (same JavaScript).
 * Read from disk once per process.
 *
 * @returns the `<script data-crm-plotly-bundle>...</script>` HTML
 * @throws Error `showChart: plotly.js-dist-min could not be read (...)` when it is not installed
 * @example
 * plotlyBundleHtml().startsWith("<script data-crm-plotly-bundle"); // true
 */
export function plotlyBundleHtml(): string {
  if (bundleHtml !== undefined) return bundleHtml;
  const js = plotlyBundle();
  bundleHtml =
    `<script type="text/javascript" data-crm-plotly-bundle="1">\n` +
    `if (typeof window.Plotly === "undefined") {\n${js}\n}\n</script>`;
  return bundleHtml;
}
