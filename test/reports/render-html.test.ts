import { describe, expect, it } from "vitest";
import { toPlotlyFigure } from "../../src/reports/html/to-plotly-figure.js";
import { readFileSync } from "node:fs";
import { Script, createContext, runInContext } from "node:vm";
import { createRequire } from "node:module";
import { buildCustomerReport, plotlyBundle, renderHtml } from "../../src/reports/index.js";
import { GENERATED_AT, XSS_ID, handLedger, handSummary } from "./fixtures.js";

const report = buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT, currency: "EUR", title: "Q1 <customers> & 'friends'" });
const html = renderHtml(report);
const count = (s: string, sub: string) => s.split(sub).length - 1;

describe("renderHtml", () => {
  it("is one self-contained document with no URL scheme anywhere", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toContain("://");
    expect(html).not.toMatch(/<(script|link|img)[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
  });

  it("inlines the Plotly bundle exactly once", () => {
    expect(count(html, "plotly.js v4.1.2")).toBe(1);
    expect(count(html, "window.Plotly = Plotly")).toBe(1);
    expect(html).toContain(plotlyBundle());
    expect(count(html, "<script>")).toBe(2);
  });

  it("keeps the bundle's behaviour: only :// became :\\/\\/", () => {
    const raw = readFileSync(createRequire(import.meta.url).resolve("plotly.js-dist-min"), "utf8");
    expect(plotlyBundle().length).toBe(raw.length + 2 * count(raw, "://"));
    expect(plotlyBundle().replaceAll(":\\/\\/", "://")).toBe(raw);
  });

  it("bundle and chart script still parse as JavaScript; the chart script calls Plotly with the figures", () => {
    expect(() => new Script(plotlyBundle())).not.toThrow();
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(2);
    const calls: { id: string; data: unknown[]; layout: unknown }[] = [];
    const ctx = createContext({ Plotly: { newPlot: (id: string, data: unknown[], layout: unknown) => calls.push({ id, data, layout }) } });
    runInContext(scripts[1]!, ctx);
    expect(calls.map((c) => c.id)).toEqual(["chart-2-1", "chart-2-2", "chart-2-3"]);
    expect(JSON.stringify(calls[0]!.data)).toBe(JSON.stringify(toPlotlyFigure(report.sections[1]!.charts[0]!.figure).data));
  });

  it("draws each chart with its own Plotly.newPlot and a matching element", () => {
    const charts = report.sections.reduce((a, s) => a + s.charts.length, 0);
    expect(charts).toBe(3);
    expect(count(html, "Plotly.newPlot(")).toBe(charts);
    for (const id of ["chart-2-1", "chart-2-2", "chart-2-3"]) expect(html).toContain(`<div id="${id}" class="plot" role="img"`);
  });

  it("escapes data: the XSS customer id shows only escaped", () => {
    expect(html).not.toContain(XSS_ID);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("<title>Q1 &lt;customers&gt; &amp; &#39;friends&#39;</title>");
    expect(html).toContain("amount &quot;&lt;b&gt;12&lt;/b&gt;&quot; is not a number");
    expect(html).toContain("=HYPERLINK(&quot;http&#58;//x&quot;,&quot;y&quot;)");
  });

  it("has a table of contents, headings, KPI cards, tables and print CSS", () => {
    expect(html).toContain(`<nav class="toc"`);
    expect(html).toContain(`<a href="#s-data-quality">Data quality</a>`);
    expect(html).toContain(`<h2 id="s-customer-summary-title">Customer summary</h2>`);
    expect(count(html, `<li class="kpi">`)).toBe(9);
    expect(html).toContain(`<span class="kpi-value">321.10 EUR</span>`);
    expect(html).toContain("<caption>Top 5 customers by total spend</caption>");
    expect(html).toContain("@media print");
    expect(html).toContain(`<time datetime="${GENERATED_AT}">`);
  });

  it("makes JSON in scripts safe", () => {
    const evil = { ...report, sections: [{ ...report.sections[1]!, charts: [{ ...report.sections[1]!.charts[0]!, figure: { title: "</script>", x: { title: "x" }, y: { title: "y" }, legend: false, marks: [{ kind: "bar" as const, x: ["</script><script>alert(1)</script>"], y: [1], colour: "primary" as const, hover: "</script><!--" }] } }] }] };
    const out = renderHtml(evil, { plotlyBundle: "/* stub */" });
    expect(out).not.toContain("</script><script>alert(1)");
    expect(out).toContain("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)");
    expect(out).not.toContain("<!--");
  });

  it("refuses a bundle that would break out of its script or hold a URL", () => {
    expect(() => renderHtml(report, { plotlyBundle: "x='</script>'" })).toThrow(/renderHtml/);
    expect(() => renderHtml(report, { plotlyBundle: "x='https://a'" })).toThrow(/renderHtml/);
  });
});
