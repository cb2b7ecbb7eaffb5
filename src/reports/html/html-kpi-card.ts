import type { Kpi } from "../report-model.js";
import { escapeHtml as esc } from "./escape-html.js";
import { formatValue } from "../format-value.js";

/**
 * Renders a key figure as an HTML card (`<li>`, to go in a `<ul class="kpis">`): its label,
 * its formatted value, its unit (left out for money, whose currency follows the number) and
 * its note. On the cover (`cover: true`) the card gets the class `kpi cover-kpi` and the note,
 * a whole sentence saying what the figure means, is a paragraph. Every text is escaped.
 *
 * @param k - the key figure
 * @param options - `currency` of money values, `locale` of numbers (default: English style), `cover`
 * @returns the `<li>` element
 * @throws never
 * @example
 * htmlKpiCard({ label: "Customers", value: 1200, format: "integer", unit: "", note: "" }, { currency: "EUR" });
 * // '<li class="kpi"><span class="kpi-label">Customers</span><span class="kpi-value">1,200</span></li>'
 */
export function htmlKpiCard(k: Kpi, options: { readonly currency: string; readonly locale?: string; readonly cover?: boolean }): string {
  const unit = k.unit && k.format !== "money" ? ` <span class="kpi-unit">${esc(k.unit)}</span>` : "";
  const value = esc(formatValue(k.value, k.format, options.currency, options.locale));
  const note = !k.note ? "" : options.cover ? `<p class="kpi-note">${esc(k.note)}</p>` : `<span class="kpi-note">${esc(k.note)}</span>`;
  return `<li class="${options.cover ? "kpi cover-kpi" : "kpi"}"><span class="kpi-label">${esc(k.label)}</span><span class="kpi-value">${value}</span>${unit}${note}</li>`;
}
