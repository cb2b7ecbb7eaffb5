// The chart descriptions themselves: data and marks, axes with number formats, colour roles;
// nothing of a renderer (no Plotly keys, no hex colours, no Plotly template syntax).
import { describe, expect, it } from "vitest";
import { frequencyChart, mapChartText, PALETTE, roleColour, spendHistogram, type ChartMark, type ChartSpec, type ColourRole } from "../../src/charts/index.js";
import { CHART_CASES, describeCase } from "./fixture-cases.js";

const ROLES = new Set(["primary", "secondary", "positive", "highlight", "muted", "guide", "ink"]);
const isRole = (r: unknown): boolean => (typeof r === "string" ? ROLES.has(r) : typeof r === "object" && r !== null && Number.isInteger((r as { series?: unknown }).series));
const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Every string and every key in a value, depth first. */
function walk(v: unknown, visit: (key: string | null, value: unknown) => void, key: string | null = null): void {
  visit(key, v);
  if (Array.isArray(v)) v.forEach((x) => walk(x, visit));
  else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, visit, k);
}

describe("chart descriptions", () => {
  it.each(CHART_CASES.map((c) => [c.name, c] as const))("%s: plain frozen data, colour roles, nothing of a renderer", (_, c) => {
    const spec = describeCase(c);
    expect(spec.id).toBe(kebab(c.chart));
    walk(spec, (key, value) => {
      if (value !== null && typeof value === "object") {
        expect(Object.isFrozen(value), `${key} is frozen`).toBe(true);
        expect(ArrayBuffer.isView(value)).toBe(false);
      }
      expect(typeof value).not.toBe("function");
      expect(["data", "layout", "marker", "hovertemplate", "type", "mode", "colorscale", "xaxis", "yaxis"]).not.toContain(key);
      if (typeof value === "string") {
        expect(value).not.toMatch(/^#[0-9a-f]{6}$/i);
        expect(value).not.toContain("%{");
        expect(value).not.toContain("<extra>");
      }
    });
    for (const m of spec.marks) {
      expect(["bar", "line", "scatter", "heatmap"]).toContain(m.kind);
      if (m.kind === "heatmap") {
        expect(m.colourScale).toBe("sequential");
        expect(m.z.length).toBe(m.y.length);
      } else {
        expect(m.y.length).toBe(m.x.length);
        const colours: readonly unknown[] = Array.isArray(m.colour) ? m.colour : [m.colour];
        expect(colours.every(isRole), JSON.stringify(m.colour)).toBe(true);
        if (Array.isArray(m.colour)) expect(m.colour.length).toBe(m.x.length);
        if (m.kind === "bar" && m.labels) expect(m.labels.length).toBe(m.x.length);
      }
    }
    for (const a of [spec.x, spec.y]) {
      if (a.format !== undefined) expect(["integer", "decimal", "percent", "money"]).toContain(a.format);
      if (a.scale !== undefined) expect(["category", "linear", "log"]).toContain(a.scale);
    }
    expect((spec.palette ?? []).every(isRole)).toBe(true);
  });

  it("pins each chart's marks, colour roles and number formats", () => {
    const summary = (s: ChartSpec) => ({
      marks: s.marks.map((m: ChartMark) => `${m.kind}${m.kind === "line" && m.reference ? " (reference)" : ""}: ${JSON.stringify(m.kind === "heatmap" ? m.colourScale : m.colour)}`),
      x: [s.x.scale ?? "auto", s.x.format ?? "plain", s.x.suffix ?? ""].join(" "),
      y: [s.y.scale ?? "auto", s.y.format ?? "plain", s.y.suffix ?? ""].join(" "),
      legend: s.legend,
    });
    const first = new Map<string, ReturnType<typeof summary>>();
    for (const c of CHART_CASES) if (!first.has(c.chart)) first.set(c.chart, summary(describeCase(c)));
    expect(first.get("frequencyChart")).toEqual({ marks: ['bar: "primary"'], x: "category plain ", y: "auto integer ", legend: false });
    expect(first.get("modelTrackingChart")).toEqual({ marks: ['line: "primary"', 'line: "secondary"', 'line (reference): "guide"'], x: "linear plain ", y: "auto decimal ", legend: true });
    expect(first.get("clusterSizeChart")).toEqual({ marks: ['bar: "primary"', 'bar: "secondary"'], x: "auto plain ", y: "auto percent ", legend: true });
    expect(first.get("clusterKChoiceChart")?.marks).toEqual(['line: "primary"', 'line: "secondary"', 'scatter: "highlight"']);
    expect(first.get("valueWhaleCurveChart")).toEqual({ marks: ['line: "primary"', 'line (reference): "secondary"', 'scatter: "highlight"'], x: "auto decimal  %", y: "auto decimal  %", legend: true });
    expect(first.get("valueByGroupChart")).toEqual({ marks: ['bar: "muted"', 'bar: "primary"', 'bar: "highlight"', 'bar: "positive"'], x: "auto plain ", y: "auto money ", legend: true });
    expect(first.get("basketRulesChart")?.marks).toEqual(['bar: ["primary","muted"]']);
    expect(first.get("basketLiftSupportChart")).toEqual({ marks: ['scatter: "primary"', 'line (reference): "highlight"'], x: "log percent ", y: "auto decimal ", legend: false });
    expect(first.get("campaignResponseChart")).toEqual({ marks: ['bar: ["primary","secondary"]', 'scatter: "ink"', 'scatter: "ink"'], x: "auto plain ", y: "auto percent ", legend: true });
    expect(first.get("cohortRetentionHeatmap")).toEqual({ marks: ['heatmap: "sequential"'], x: "category plain ", y: "category plain ", legend: false });
    expect(first.get("retentionSurvivalChart")?.marks.slice(0, 3)).toEqual(['line: "ink"', 'line: {"series":1}', 'line: {"series":2}']);
  });

  it("says what each bar shows and how the tooltip reads, in neutral terms", () => {
    const bars = frequencyChart([0, 0, 1, 5]).marks[0]!;
    expect(bars).toMatchObject({ kind: "bar", name: "Customers", labels: ["50 %", "25 %", "0 %", "0 %", "0 %", "25 %", "0 %", "0 %", "0 %", "0 %", "0 %"], labelPosition: "outside", hover: "{x} repeat purchases: {y} customers ({label})" });
    const many = Array.from({ length: 200 }, (_, i) => i);
    many.push(1e6);
    const spend = spendHistogram(many).marks[0]!;
    expect(spend.kind === "bar" && spend.colour).toEqual([...new Array(spend.x.length - 1).fill("primary"), "secondary"]);
  });
});

describe("roleColour", () => {
  it("maps roles to the Okabe-Ito theme and cycles the series colours", () => {
    const roles: ColourRole[] = ["primary", "secondary", "positive", "highlight", "muted", "guide", "ink"];
    expect(roles.map(roleColour)).toEqual(["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#9AA5B1", "#1F2933"]);
    expect([0, 1, 6, 7, -1].map((series) => roleColour({ series }))).toEqual([PALETTE.colorway[0], PALETTE.colorway[1], PALETTE.colorway[6], PALETTE.colorway[0], PALETTE.colorway[6]]);
  });
});

describe("mapChartText", () => {
  it("changes the texts a reader sees and nothing else, without touching its input", () => {
    const spec = describeCase(CHART_CASES.find((c) => c.name === "campaign")!);
    const upper = mapChartText(spec, (t) => t.toUpperCase());
    expect(upper.title).toBe("RESPONSE RATE BY GROUP");
    expect(upper.marks[0]).toMatchObject({ kind: "bar", name: "RESPONSE RATE", x: ["TREATMENT", "CONTROL GROUP"], colour: ["primary", "secondary"], labels: ["8.0 %", "5.0 %"], hover: "{x}: {label}" });
    expect(mapChartText(spec, () => "?").marks[1]).toMatchObject({ hover: "{x}?{y:.1%}" });
    expect(upper.marks[1]).toMatchObject({ kind: "scatter", colour: "ink", y: spec.marks[1]!.y });
    expect(upper.y).toEqual({ title: "RESPONSE RATE (SHARE OF CUSTOMERS)", format: "percent", decimals: 0 });
    expect(upper.id).toBe(spec.id);
    expect(spec.title).toBe("Response rate by group");
    const heat = mapChartText(describeCase(CHART_CASES.find((c) => c.name === "migration")!), (t) => t.replace("Best", "Top"));
    expect(heat.marks[0]).toMatchObject({ kind: "heatmap", x: ["Top", "Mid", "gone"], y: ["new", "Mid", "Top"] });
  });
});
