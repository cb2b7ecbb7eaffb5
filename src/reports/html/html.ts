import type { Report, ReportChart, Section } from "../report-model.js";
import { escapeHtml as esc, scriptJson } from "./escape-html.js";
import { plotlyBundle } from "./plotly-bundle.js";
import { HTML_CSS } from "./html-css.js";
import { TABLE_SCRIPT } from "./html-script.js";
import { htmlTable } from "./html-table.js";
import { htmlKpiCard } from "./html-kpi-card.js";
import { formatDateTime } from "../format-date-time.js";
import { toPlotlyFigure } from "./to-plotly-figure.js";

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  /** The Plotly bundle text to inline (default: plotly.js-dist-min from node_modules, URL-safe). */
  readonly plotlyBundle?: string;
  /** Language of the page's text (default "en"). */
  readonly lang?: string;
  /**
   * BCP 47 locale of numbers and dates in KPI cards, tables and the header, e.g. "de-DE"
   * (default: English style, ISO dates in tables, "3 December 2026, 14:05 UTC" in the header).
   */
  readonly locale?: string;
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

function meta(report: Report, locale: string | undefined): string {
  const when = (iso: string): string => `<time datetime="${esc(iso)}">${esc(formatDateTime(iso, locale))}</time>`;
  return [
    `Generated ${when(report.generatedAt)}`,
    ...(report.observationEnd ? [`figures to ${when(report.observationEnd)}`] : []),
    ...(report.currency ? [`amounts in ${esc(report.currency)}`] : []),
  ].join(" · ");
}

/**
 * Renders a report as ONE self-contained HTML page: a cover (title, the highlights as KPI cards
 * each with its sentence), a table of contents, one `<section>` with an `<h2>` per report
 * section (a left-out section: its one-line reason, marked "left out" in the contents; others:
 * KPI cards, narrative, charts drawn by their own `Plotly.newPlot` call from inline
 * JSON in a `role="img"` container labelled by the caption, tables with captions that sort on
 * a header click and filter through a labelled search box), then "Assumptions and method".
 * Inline CSS with print rules (no search boxes, charts and table rows kept whole); the Plotly
 * bundle inlined once; one small table script. Works offline; contains no `http://` or
 * `https://`. Every text from the report is HTML-escaped and JSON in scripts is made safe: no
 * data string is ever executed.
 *
 * @param report - the report model (apply `anonymiseReport` first for pseudonymised ids)
 * @param options - see {@link RenderHtmlOptions}
 * @returns the HTML document (about 5 MB with the Plotly bundle)
 * @throws Error when the Plotly bundle cannot be read or contains `</script` or `://`
 * @throws ArgumentError when `locale` is not a well-formed language tag
 * @example
 * const html = renderHtml(buildCustomerReport({ ledger, summary, generatedAt: "2024-05-01T09:00:00Z" }), { locale: "de-DE" });
 * html.startsWith("<!DOCTYPE html>"); // true
 */
export function renderHtml(report: Report, options: RenderHtmlOptions = {}): string {
  const bundle = options.plotlyBundle ?? plotlyBundle();
  if (/<\/script/i.test(bundle) || bundle.includes("://")) throw new Error("renderHtml: the Plotly bundle contains </script or :// and cannot be inlined");
  const { locale } = options;
  const fmt = { currency: report.currency, locale };
  const ids = sectionIds(report.sections);
  const plots: string[] = [];
  const sections = report.sections.map((s, i) => {
    const charts = s.charts.map((c, j) => {
      const id = `chart-${i + 1}-${j + 1}`;
      // The figure's own title is left out: the <h3> above the chart already says it.
      const figure = toPlotlyFigure(c.figure);
      const layout = { ...figure.layout, title: undefined };
      plots.push(`Plotly.newPlot(${scriptJson(id)}, ${scriptJson(figure.data)}, ${scriptJson(layout)}, config);`);
      return chart(c, id);
    });
    if (s.leftOut !== undefined) {
      return `<section id="${ids[i]}" class="left-out" aria-labelledby="${ids[i]}-title">\n<h2 id="${ids[i]}-title">${esc(s.title)}</h2>\n` +
        `<p class="left-out-reason"><strong>Left out of this report:</strong> ${esc(s.leftOut)}</p>\n</section>`;
    }
    return [
      `<section id="${ids[i]}" aria-labelledby="${ids[i]}-title">`,
      `<h2 id="${ids[i]}-title">${esc(s.title)}</h2>`,
      s.kpis.length ? `<ul class="kpis" aria-label="Key figures">${s.kpis.map((k) => htmlKpiCard(k, fmt)).join("")}</ul>` : "",
      s.narrative.map((p) => `<p>${esc(p)}</p>`).join("\n"),
      charts.length ? `<div class="charts">${charts.join("\n")}</div>` : "",
      s.tables.map((t, j) => htmlTable(t, `t-${i + 1}-${j + 1}`, fmt)).join("\n"),
      `</section>`,
    ].filter((x) => x !== "").join("\n");
  });
  const highlights = report.highlights ?? [];
  const assumptions = report.assumptions ?? [];
  const toc = report.sections.map((s, i) => `<li><a href="#${ids[i]}">${esc(s.title)}</a>${s.leftOut !== undefined ? ` <span class="toc-note">(left out)</span>` : ""}</li>`).join("") +
    (assumptions.length ? `<li><a href="#assumptions">Assumptions and method</a></li>` : "");
  const html = [
    `<!DOCTYPE html>`,
    `<html lang="${esc(options.lang ?? "en")}"${locale ? ` data-locale="${esc(locale)}"` : ""}>`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(report.title)}</title>`,
    `<style>${HTML_CSS}</style>`,
    `<script>${bundle}</script>`,
    `</head>`,
    `<body>`,
    `<a class="skip-link" href="#main">Skip to the report</a>`,
    `<header class="cover"><h1>${esc(report.title)}</h1>` + (report.subtitle ? `<p class="subtitle">${esc(report.subtitle)}</p>` : "") +
      `<p class="meta">${meta(report, locale)}</p>` +
      (highlights.length
        ? `\n<section class="highlights" aria-labelledby="highlights-title"><h2 id="highlights-title">At a glance</h2>` +
          `<ul class="kpis cover-kpis">${highlights.map((k) => htmlKpiCard(k, { ...fmt, cover: true })).join("")}</ul></section>`
        : "") + `</header>`,
    `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2><ol>${toc}</ol></nav>`,
    `<main id="main">`,
    ...sections,
    ...(assumptions.length
      ? [`<section id="assumptions" class="assumptions" aria-labelledby="assumptions-title"><h2 id="assumptions-title">Assumptions and method</h2>`,
         `<dl>${assumptions.map((a) => `<div><dt>${esc(a.label)}</dt><dd>${esc(a.value)}</dd></div>`).join("\n")}</dl>`, `</section>`]
      : []),
    `</main>`,
    `<noscript><p>Charts, sorting and search need JavaScript; the tables carry the same information.</p></noscript>`,
    `<script>`,
    TABLE_SCRIPT,
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
