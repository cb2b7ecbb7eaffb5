import { describe, expect, it } from "vitest";
import { Script } from "node:vm";
import { buildCustomerReport, renderHtml } from "../../src/reports/index.js";
import { TABLE_SCRIPT } from "../../src/reports/html/html-script.js";
import { htmlTable } from "../../src/reports/html/html-table.js";
import { GENERATED_AT, XSS_ID, handLedger, handSummary } from "./fixtures.js";

const report = buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT, currency: "EUR" });
const html = renderHtml(report, { plotlyBundle: "/* stub */" });
const count = (s: string, sub: string) => s.split(sub).length - 1;

describe("renderHtml: cover, structure and accessibility", () => {
  it("has one h1, then h2 for the cover, contents, each section in order and the assumptions; h3 only below an h2", () => {
    expect(count(html, "<h1")).toBe(1);
    const headings = [...html.matchAll(/<h([1-6])[^>]*>([^<]*)</g)].map((m) => [Number(m[1]), m[2]!] as const);
    const h2 = headings.filter(([l]) => l === 2).map(([, t]) => t);
    expect(h2).toEqual(["At a glance", "Contents", ...report.sections.map((s) => s.title), "Assumptions and method"]);
    for (let i = 1; i < headings.length; i++) expect(headings[i]![0] - headings[i - 1]![0]).toBeLessThanOrEqual(1);
    expect(html).toMatch(/<html lang="en">/);
  });

  it("shows the cover KPI cards, each with its sentence, before the contents", () => {
    const cover = html.slice(html.indexOf(`<header class="cover">`), html.indexOf(`<nav class="toc"`));
    expect(report.highlights!.length).toBeGreaterThan(0);
    expect(count(cover, `<li class="kpi cover-kpi">`)).toBe(report.highlights!.length);
    for (const k of report.highlights!) {
      expect(cover).toContain(`<span class="kpi-label">${k.label}</span>`);
      expect(cover).toContain(`<p class="kpi-note">${k.note}</p>`);
    }
  });

  it("lists every assumption and links it from the contents", () => {
    expect(html).toContain(`<li><a href="#assumptions">Assumptions and method</a></li>`);
    const part = html.slice(html.indexOf(`<section id="assumptions"`));
    for (const a of report.assumptions!) expect(part).toContain(`<dt>${a.label}</dt><dd>${a.value.replace(/'/g, "&#39;")}</dd>`);
  });

  it("renders a hand-made report without highlights or assumptions", () => {
    const bare = renderHtml({ ...report, highlights: undefined, assumptions: undefined }, { plotlyBundle: "" });
    expect(bare).not.toContain("At a glance");
    expect(bare).not.toContain("Assumptions and method");
  });

  it("gives tables captions, sort markers and labelled search boxes; charts role=img with a label", () => {
    const tables = count(html, "<table ");
    expect(count(html, "<caption>")).toBe(tables);
    const sortable = [...html.matchAll(/<table id="([^"]+)" data-sortable>/g)].map((m) => m[1]!);
    expect(sortable.length).toBeGreaterThan(0);
    for (const id of sortable) {
      expect(html).toMatch(new RegExp(`<label for="${id}-search">Search rows<span class="visually-hidden"> of [^<]+</span></label>`));
      expect(html).toContain(`<input type="search" id="${id}-search"`);
    }
    expect(html).toContain(`<th scope="col" class="num" data-type="number"><button type="button" class="sort">Total spend (EUR)</button></th>`);
    expect(html).toContain(`<td class="num" data-value="1000">1,000.00 EUR</td>`);
    expect(count(html, `role="img" aria-label="`)).toBe(report.sections.reduce((a, s) => a + s.charts.length, 0));
  });

  it("does not mark a one-row or empty table sortable", () => {
    const one = htmlTable({ title: "One", columns: [{ key: "a", label: "A", format: "integer" }], rows: [{ a: 1 }] }, "t-x", { currency: "EUR" });
    expect(one).not.toContain("data-sortable");
    expect(one).not.toContain("<input");
    expect(htmlTable({ title: "None", columns: [{ key: "a", label: "A", format: "text" }], rows: [] }, "t-y", { currency: "EUR" })).toContain("No rows");
  });

  it("has the print rules: no search boxes, charts and tables kept whole", () => {
    const print = html.slice(html.indexOf("@media print"));
    expect(print).toMatch(/\.table-tools[^{]*\{ display: none !important; \}/);
    expect(print).toMatch(/figure, \.plot, tr[^{]*\{ break-inside: avoid; \}/);
    expect(print).toContain(".table-wrap { break-inside: avoid; }");
  });
});

describe("renderHtml: the table script and safety", () => {
  it("holds the sort/search script exactly once; it parses and has no URL or </", () => {
    expect(count(html, TABLE_SCRIPT)).toBe(1);
    expect(count(html, "table[data-sortable]")).toBe(1);
    expect(() => new Script(TABLE_SCRIPT)).not.toThrow();
    expect(TABLE_SCRIPT).not.toMatch(/:\/\/|<\/|innerHTML|eval\(|new Function/);
    expect(TABLE_SCRIPT).toContain("aria-sort");
  });

  it("keeps the XSS id escaped and the page free of http:// and https://", () => {
    expect(html).not.toContain(XSS_ID);
    expect(html).toContain(`<td>&lt;img src=x onerror=alert(1)&gt;</td>`);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toContain("://");
  });

  it("formats numbers and dates in a locale when asked, and says so on the page", () => {
    const de = renderHtml(report, { plotlyBundle: "", locale: "de-DE" });
    expect(de).toContain(`<html lang="en" data-locale="de-DE">`);
    expect(de).toContain(`<span class="kpi-value">321,10 EUR</span>`);
    expect(de).toContain(`<td class="num" data-value="1000">1.000,00 EUR</td>`);
    expect(de).toContain(`<time datetime="${GENERATED_AT}">2. April 2024, 08:30 UTC</time>`);
    expect(html).toContain(`<time datetime="${GENERATED_AT}">2 April 2024, 08:30 UTC</time>`);
  });
});
