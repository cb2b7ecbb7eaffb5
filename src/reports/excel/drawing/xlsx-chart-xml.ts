import { xmlEscape } from "./xlsx-xml-escape.js";
import { ArgumentError } from "../../../math/argument-error.js";

/** A series of a native chart, with its cell formulas and cached values. */
export interface DrawingSeries {
  readonly name: string;
  /** Formula of the header cell naming the series, e.g. `'Sheet'!$B$4`. */
  readonly nameRef: string;
  readonly kind: "bar" | "line" | "scatter";
  readonly mode: "lines" | "markers" | "lines+markers";
  /** RRGGBB. */
  readonly colour: string;
  readonly xRef: string;
  readonly yRef: string;
  readonly x: readonly (string | number | null)[];
  readonly y: readonly (number | null)[];
}

/** A native chart: title, axis titles, series (all `scatter`, or `bar` and/or `line` on categories). */
export interface DrawingChart {
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly xLog: boolean;
  /** Excel number format of the value axis and the y values, e.g. "0%". */
  readonly yFormat: string;
  readonly xFormat: string;
  readonly series: readonly DrawingSeries[];
}

const NS = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const TEXT_GREY = '<a:solidFill><a:srgbClr val="52606D"/></a:solidFill>';

function rich(text: string, size: number, bold: boolean): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

const title = (text: string, size: number): string => (text === "" ? "" : `<c:title>${rich(text, size, size > 1100)}<c:overlay val="0"/></c:title>`);

function numCache(values: readonly (string | number | null)[], format: string): string {
  const pts = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numCache><c:formatCode>${xmlEscape(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function strCache(values: readonly (string | number | null)[]): string {
  const pts = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${xmlEscape(String(v))}</c:v></c:pt>`)).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function series(s: DrawingSeries, i: number, spec: DrawingChart): string {
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${xmlEscape(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>`;
  const fill = `<a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill>`;
  const y = `<c:numRef><c:f>${xmlEscape(s.yRef)}</c:f>${numCache(s.y, spec.yFormat)}</c:numRef>`;
  if (s.kind === "bar") {
    return `<c:ser>${head}<c:spPr>${fill}</c:spPr><c:invertIfNegative val="0"/><c:cat><c:strRef><c:f>${xmlEscape(s.xRef)}</c:f>${strCache(s.x)}</c:strRef></c:cat><c:val>${y}</c:val></c:ser>`;
  }
  const line = s.mode === "markers" ? "<a:ln><a:noFill/></a:ln>" : `<a:ln w="22225" cap="rnd">${fill}<a:round/></a:ln>`;
  const marker = s.mode === "lines" ? '<c:marker><c:symbol val="none"/></c:marker>' : `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${fill}<a:ln><a:noFill/></a:ln></c:spPr></c:marker>`;
  if (s.kind === "line") {
    return `<c:ser>${head}<c:spPr>${line}</c:spPr>${marker}<c:cat><c:strRef><c:f>${xmlEscape(s.xRef)}</c:f>${strCache(s.x)}</c:strRef></c:cat><c:val>${y}</c:val><c:smooth val="0"/></c:ser>`;
  }
  const x = `<c:numRef><c:f>${xmlEscape(s.xRef)}</c:f>${numCache(s.x, spec.xFormat)}</c:numRef>`;
  return `<c:ser>${head}<c:spPr>${line}</c:spPr>${marker}<c:xVal>${x}</c:xVal><c:yVal>${y}</c:yVal><c:smooth val="0"/></c:ser>`;
}

function axis(tag: "c:catAx" | "c:valAx", id: number, cross: number, pos: "b" | "l", name: string, format: string, log: boolean, grid: boolean): string {
  const scaling = `<c:scaling>${log ? '<c:logBase val="10"/>' : ""}<c:orientation val="minMax"/></c:scaling>`;
  const gridXml = grid ? '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="E4E7EB"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' : "";
  const txPr = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900">${TEXT_GREY}</a:defRPr></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;
  const common = `<c:axId val="${id}"/>${scaling}<c:delete val="0"/><c:axPos val="${pos}"/>${gridXml}${title(name, 1000)}<c:numFmt formatCode="${xmlEscape(format)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${txPr}<c:crossAx val="${cross}"/><c:crosses val="autoZero"/>`;
  return tag === "c:catAx"
    ? `<c:catAx>${common}<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
    : `<c:valAx>${common}<c:crossBetween val="${pos === "l" ? "between" : "midCat"}"/></c:valAx>`;
}

/**
 * The DrawingML part of a native Excel chart (`xl/charts/chartN.xml`): a `c:chartSpace` with a
 * `c:scatterChart` when every series is `scatter`, otherwise a clustered `c:barChart` and/or a
 * `c:lineChart` sharing one category axis (a combo chart). Series read their name, categories
 * or x values and y values from cell formulas, with cached values for viewers that do not
 * recalculate. Elements follow the order of the CT_ChartSpace schema (ECMA-376 part 1, 21.2).
 *
 * @param spec - the chart
 * @returns the XML text
 * @throws ArgumentError when the spec has no series, or mixes scatter with bar/line series
 * @example
 * chartXml(spec).startsWith('<?xml version="1.0"'); // true
 */
export function chartXml(spec: DrawingChart): string {
  if (spec.series.length === 0) throw new ArgumentError(`chartXml: chart "${spec.title}" has no series`);
  const scatter = spec.series.every((s) => s.kind === "scatter");
  if (!scatter && spec.series.some((s) => s.kind === "scatter")) throw new ArgumentError(`chartXml: chart "${spec.title}" mixes scatter with bar or line series`);
  const ids = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  const ser = (kind: DrawingSeries["kind"]) => spec.series.map((s, i) => (s.kind === kind ? series(s, i, spec) : "")).join("");
  let plot: string;
  if (scatter) {
    plot = `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${ser("scatter")}${ids}</c:scatterChart>`
      + axis("c:valAx", 500000001, 500000002, "b", spec.xTitle, spec.xFormat, spec.xLog, false);
  } else {
    const bars = spec.series.some((s) => s.kind === "bar") ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${ser("bar")}<c:gapWidth val="80"/>${ids}</c:barChart>` : "";
    const lines = spec.series.some((s) => s.kind === "line") ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser("line")}<c:marker val="1"/>${ids}</c:lineChart>` : "";
    plot = bars + lines + axis("c:catAx", 500000001, 500000002, "b", spec.xTitle, "General", false, false);
  }
  plot += axis("c:valAx", 500000002, 500000001, "l", spec.yTitle, spec.yFormat, false, true);
  const legend = spec.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace ${NS}><c:roundedCorners val="0"/><c:chart>${title(spec.title, 1300)}<c:autoTitleDeleted val="${spec.title === "" ? 1 : 0}"/><c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:chartSpace>`;
}
