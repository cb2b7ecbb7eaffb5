import { xmlEscape } from "./xlsx-xml-escape.js";
import { ArgumentError } from "../../../math/argument-error.js";

/** A cell corner: 0-based column and row, with offsets into the cell in EMU (914,400 a inch). */
export interface AnchorPoint {
  readonly col: number;
  readonly row: number;
  readonly colOffEmu: number;
  readonly rowOffEmu: number;
}

/** A chart frame on a drawing: where it sits, its name and text alternative, the r:id of its chart. */
export interface ChartFrame {
  readonly from: AnchorPoint;
  readonly to: AnchorPoint;
  readonly name: string;
  /** Text alternative (alt text) read by screen readers: the chart's caption. */
  readonly description: string;
  /** Relationship id of the chart part in the drawing's .rels, e.g. "rId1". */
  readonly relId: string;
}

const point = (tag: string, p: AnchorPoint): string =>
  `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>${Math.round(p.colOffEmu)}</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>${Math.round(p.rowOffEmu)}</xdr:rowOff></xdr:${tag}>`;

/**
 * The drawing part of a worksheet (`xl/drawings/drawingN.xml`): an `xdr:wsDr` with one
 * `xdr:twoCellAnchor` (moves with cells, keeps its size) holding an `xdr:graphicFrame` per chart,
 * each pointing at its chart part by relationship id (ECMA-376 part 1, 20.5).
 *
 * @param frames - the charts on the sheet
 * @returns the XML text
 * @throws ArgumentError when there is no frame
 * @example
 * drawingXml([{ from: { col: 5, row: 3, colOffEmu: 0, rowOffEmu: 0 }, to: { col: 12, row: 22, colOffEmu: 0, rowOffEmu: 0 }, name: "Chart 1", description: "Customers by orders", relId: "rId1" }]);
 */
export function drawingXml(frames: readonly ChartFrame[]): string {
  if (frames.length === 0) throw new ArgumentError("drawingXml: a drawing needs at least one chart frame");
  const anchors = frames.map((f, i) =>
    `<xdr:twoCellAnchor editAs="oneCell">${point("from", f.from)}${point("to", f.to)}`
    + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlEscape(f.name)}" descr="${xmlEscape(f.description)}"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>`
    + '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
    + `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${xmlEscape(f.relId)}"/></a:graphicData></a:graphic>`
    + "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>").join("");
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    + `${anchors}</xdr:wsDr>`;
}
