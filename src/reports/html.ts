import type { Kpi, Report, ReportChart, ReportTable, Section } from "./report-model.js";
import { escapeHtml as esc, scriptJson } from "./escape-html.js";
import { formatValue } from "./format-value.js";
import { plotlyBundle } from "./plotly-bundle.js";
import { HTML_CSS } from "./html-css.js";

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  /** The Plotly bundle text to inline (default: plotly.js-dist-min from node_modules, URL-safe). */
  readonly plotlyBundle?: string;
  /** Language of the page (default "en"). */
  readonly lang?: string;
}

const NUMERIC = new Set(["integer", "decimal", "percent", "money"]);

function kpiCard(k: Kpi, currency: string): string {
  const unit = k.unit && k.format !== "money" ? ` <span class="kpi-unit">${esc(k.unit)}</span>` : "";
  return `<li class="kpi"><span class="kpi-label">${esc(k.label)}</span><span class="kpi-value">${esc(formatValue(k.value, k.format, currency))}</span>${unit}` +
    (k.note ? `<span class="kpi-note">${esc(k.note)}</span>` : "") + `</li>`;
}

function table(t: ReportTable, currency: string): string {
  const cls = (f: string) => (NUMERIC.has(f) ? ` class="num"` : "");
  const head = t.columns.map((c) => `<th scope="col"${cls(c.format)}>${esc(c.label)}</th>`).join("");
  const body = t.rows.length === 0
    ? `<tr><td colspan="${t.columns.length}" class="empty">No rows</td></tr>`
    : t.rows.map((r) => `<tr>${t.columns.map((c) => {
        const text = formatValue(r[c.key] ?? null, c.format, currency);
        // Long text (an action, a definition) gets room instead of a column of one word a line.
        const klass = NUMERIC.has(c.format) ? ` class="num"` : text.length > 40 ? ` class="long"` : "";
        return `<td${klass}>${esc(text)}</td>`;
      }).join("")}</tr>`).join("\n");
  return `<div class="table-wrap"><table><caption>${esc(t.title)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function chart(c: ReportChart, id: string): string {
  return `<figure class="chart"><h3>${esc(c.title)}</h3><div id="${id}" class="plot" role="img" aria-label="${esc(c.caption || c.title)}"></div>` +
    `<figcaption>${esc(c.caption)}</figcaption></figure>`;
}

function sectionIds(sections: readonly Section[]): string[] {
  const seen = new Set<string>();
  return sections.map((s, i) => {
    const base = `s-${s.id.toLowerCase().replace(/[^a-z0-9-]+/g, "-") || String(i + 1)}`;
    let id = base;
    for (let k = 2; seen.has(id); k++) id = `${base}-${k}`;
    seen.add(id);
    return id;
  });
}

/**
 * Renders a report as ONE self-contained HTML page: inline CSS (with print styles), the Plotly
 * bundle inlined once, each chart drawn by its own `Plotly.newPlot` call from inline JSON, a table
 * of contents, KPI cards, semantic headings. Works offline; contains no `http://` or `https://`.
 * Every text from the report is HTML-escaped and JSON in scripts is made safe.
 *
 * @param report - the report model
 * @param options - see {@link RenderHtmlOptions}
 * @returns the HTML document (about 5 MB with the Plotly bundle)
 * @throws Error when the Plotly bundle cannot be read or contains `</script` or `://`
 * @example
 * const html = renderHtml(buildCustomerReport({ ledger, summary, generatedAt: "2024-05-01T09:00:00Z" }));
 * html.startsWith("<!DOCTYPE html>"); // true
 */
export function renderHtml(report: Report, options: RenderHtmlOptions = {}): string {
  const bundle = options.plotlyBundle ?? plotlyBundle();
  if (/<\/script/i.test(bundle) || bundle.includes("://")) throw new Error("renderHtml: the Plotly bundle contains </script or :// and cannot be inlined");
  const ids = sectionIds(report.sections);
  const plots: string[] = [];
  const sections = report.sections.map((s, i) => {
    const charts = s.charts.map((c, j) => {
      const id = `chart-${i + 1}-${j + 1}`;
      // The figure's own title is left out: the <h3> above the chart already says it.
      const layout = { ...c.figure.layout, title: undefined };
      plots.push(`Plotly.newPlot(${scriptJson(id)}, ${scriptJson(c.figure.data)}, ${scriptJson(layout)}, config);`);
      return chart(c, id);
    });
    return [
      `<section id="${ids[i]}" aria-labelledby="${ids[i]}-title">`,
      `<h2 id="${ids[i]}-title">${esc(s.title)}</h2>`,
      s.kpis.length ? `<ul class="kpis" aria-label="Key figures">${s.kpis.map((k) => kpiCard(k, report.currency)).join("")}</ul>` : "",
      s.narrative.map((p) => `<p>${esc(p)}</p>`).join("\n"),
      charts.length ? `<div class="charts">${charts.join("\n")}</div>` : "",
      s.tables.map((t) => table(t, report.currency)).join("\n"),
      `</section>`,
    ].filter((x) => x !== "").join("\n");
  });
  const toc = report.sections.map((s, i) => `<li><a href="#${ids[i]}">${esc(s.title)}</a></li>`).join("");
  const html = [
    `<!DOCTYPE html>`,
    `<html lang="${esc(options.lang ?? "en")}">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(report.title)}</title>`,
    `<style>${HTML_CSS}</style>`,
    `<script>${bundle}</script>`,
    `</head>`,
    `<body>`,
    `<header><h1>${esc(report.title)}</h1>` + (report.subtitle ? `<p class="subtitle">${esc(report.subtitle)}</p>` : "") +
      `<p class="meta">Generated <time datetime="${esc(report.generatedAt)}">${esc(report.generatedAt)}</time> · amounts in ${esc(report.currency)}</p></header>`,
    `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2><ol>${toc}</ol></nav>`,
    `<main>`,
    ...sections,
    `</main>`,
    `<noscript><p>Charts need JavaScript; the tables carry the same information.</p></noscript>`,
    `<script>`,
    `(function () {`,
    `if (typeof Plotly === "undefined") return;`,
    `var config = { responsive: true, displaylogo: false };`,
    ...plots,
    `})();`,
    `</script>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
  if (html.includes("://")) throw new Error("renderHtml: output would contain a URL scheme (://)");
  return html;
}
