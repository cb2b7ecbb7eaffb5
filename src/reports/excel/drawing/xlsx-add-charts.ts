import JSZip from "jszip";
import { chartXml, type DrawingChart } from "./xlsx-chart-xml.js";
import { drawingXml, type AnchorPoint } from "./xlsx-drawing-xml.js";
import { xmlEscape } from "./xlsx-xml-escape.js";
import { pinPackage } from "../xlsx-pin-package.js";

/** A chart to place on a sheet: its frame (cell anchors, name, alt text) and its spec. */
export interface PlacedChart {
  readonly from: AnchorPoint;
  readonly to: AnchorPoint;
  readonly name: string;
  readonly description: string;
  readonly spec: DrawingChart;
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
/** CT_Worksheet elements that come after `drawing` (ECMA-376 part 1, 18.3.1.99). */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

const unescape = (s: string): string => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!);
const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name.replace(":", "\\:")}="([^"]*)"`).exec(tag);
  return m ? unescape(m[1]!) : undefined;
};
const relsXml = (rels: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${rels}</Relationships>`;

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`addCharts: the package has no part ${path}`);
  return f.async("string");
}

/** Maps each sheet name to its worksheet part path, from xl/workbook.xml and its .rels. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const rels = new Map<string, string>();
  for (const m of (await text(zip, "xl/_rels/workbook.xml.rels")).matchAll(/<Relationship\b[^>]*>/g)) {
    const target = attr(m[0], "Target")!;
    rels.set(attr(m[0], "Id")!, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of (await text(zip, "xl/workbook.xml")).matchAll(/<sheet\b[^>]*>/g)) out.set(attr(m[0], "name")!, rels.get(attr(m[0], "r:id")!)!);
  return out;
}

/** Where `<drawing>` goes: before the first child of `<worksheet>` that CT_Worksheet puts after it. */
function drawingPosition(ws: string): number {
  let depth = 0;
  for (const m of ws.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g)) {
    if (m[1] === "/") { depth -= 1; continue; }
    if (depth === 1 && AFTER_DRAWING.includes(m[2]!)) return m.index;
    if (m[3] !== "/") depth += 1;
  }
  return ws.lastIndexOf("</worksheet>");
}

/**
 * Adds native charts to an .xlsx package written by exceljs (which writes no charts): for each
 * sheet, a drawing part with a graphic frame per chart, the chart parts, the drawing's .rels,
 * the worksheet's relationship and `<drawing r:id>` element (placed where CT_Worksheet wants
 * it: before legacyDrawing, tableParts, extLst), and the content-type overrides.
 *
 * With `options.date`, the package is also made reproducible (see `pinPackage`): every zip
 * entry carries that date and no GUID is random.
 *
 * @param xlsx - the package bytes
 * @param charts - the charts of each sheet, by sheet name
 * @param options - `date` of every zip entry (default: as exceljs and JSZip set them)
 * @returns the new package bytes
 * @throws Error when a sheet is missing, already has a drawing, or the package lacks a part
 * @example
 * const withCharts = await addCharts(await wb.xlsx.writeBuffer(), new Map([["Sales", [placed]]]));
 */
export async function addCharts(xlsx: Uint8Array, charts: ReadonlyMap<string, readonly PlacedChart[]>, options: { readonly date?: Date } = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  const used = (re: RegExp): number => Math.max(0, ...Object.keys(zip.files).map((f) => Number(re.exec(f)?.[1] ?? 0)));
  let chartNo = used(/^xl\/charts\/chart(\d+)\.xml$/);
  let drawingNo = used(/^xl\/drawings\/drawing(\d+)\.xml$/);
  const overrides: string[] = [];
  for (const [sheet, placed] of charts) {
    if (placed.length === 0) continue;
    const part = parts.get(sheet);
    if (!part) throw new Error(`addCharts: no sheet named ${JSON.stringify(sheet)}`);
    drawingNo += 1;
    const drawingRels: string[] = [];
    const frames = placed.map((p, i) => {
      chartNo += 1;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(p.spec));
      overrides.push(`<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CT}"/>`);
      drawingRels.push(`<Relationship Id="rId${i + 1}" Type="${REL_NS}/chart" Target="../charts/chart${chartNo}.xml"/>`);
      return { from: p.from, to: p.to, name: p.name, description: p.description, relId: `rId${i + 1}` };
    });
    zip.file(`xl/drawings/drawing${drawingNo}.xml`, drawingXml(frames));
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relsXml(drawingRels.join("")));
    overrides.push(`<Override PartName="/xl/drawings/drawing${drawingNo}.xml" ContentType="${CT_DRAWING}"/>`);

    const slash = part.lastIndexOf("/");
    const relsPath = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
    const oldRels = zip.file(relsPath) ? await text(zip, relsPath) : relsXml("");
    const ids = [...oldRels.matchAll(/\sId="rId(\d+)"/g)].map((m) => Number(m[1]));
    const relId = `rId${Math.max(0, ...ids) + 1}`;
    const rel = `<Relationship Id="${relId}" Type="${REL_NS}/drawing" Target="../drawings/drawing${drawingNo}.xml"/>`;
    zip.file(relsPath, oldRels.includes("</Relationships>") ? oldRels.replace("</Relationships>", `${rel}</Relationships>`) : oldRels.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`));

    let ws = await text(zip, part);
    if (/<drawing\b/.test(ws)) throw new Error(`addCharts: sheet ${JSON.stringify(sheet)} already has a drawing`);
    if (!/<worksheet\b[^>]*\sxmlns:r="/.test(ws)) ws = ws.replace(/<worksheet\b/, `<worksheet xmlns:r="${REL_NS}"`);
    const drawing = `<drawing r:id="${xmlEscape(relId)}"/>`;
    const at = drawingPosition(ws);
    zip.file(part, ws.slice(0, at) + drawing + ws.slice(at));
  }
  if (overrides.length > 0) {
    const types = await text(zip, "[Content_Types].xml");
    zip.file("[Content_Types].xml", types.replace("</Types>", `${overrides.join("")}</Types>`));
  }
  if (options.date) await pinPackage(zip, options.date);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
