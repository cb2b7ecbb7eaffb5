import type ExcelJS from "exceljs";

/**
 * Print set-up of a report sheet: landscape, fitted to one page wide (as many pages tall as
 * needed), the given header row repeated on every printed page, a footer with the sheet name
 * and page numbers; and the column widths (10 to 60 characters, from the running widths).
 *
 * @param sheet - the worksheet
 * @param widths - characters needed by 1-based column
 * @param headerRow - 1-based row repeated on each printed page (none when undefined)
 * @returns nothing
 * @throws never
 * @example
 * setupExcelSheet(ws, [, 12, 30], 6); // landscape, fit to width, row 6 repeated
 */
export function setupExcelSheet(sheet: ExcelJS.Worksheet, widths: readonly number[], headerRow: number | undefined): void {
  widths.forEach((w, j) => { if (j > 0) sheet.getColumn(j).width = Math.max(10, Math.min(60, w + 2)); });
  Object.assign(sheet.pageSetup, { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: false });
  if (headerRow !== undefined) sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  sheet.headerFooter.oddFooter = "&L&A&RPage &P of &N";
}

/** Pixels of a column of `width` characters (Calibri 11: 7 pixels a character plus 5 of padding). */
function columnPixels(width: number | undefined): number {
  return Math.trunc((width ?? 8.43) * 7 + 5);
}

/**
 * The cell corner (0-based column, EMU offset) where a frame `widthPx` wide ends, when it starts
 * at the left edge of 0-based column `fromCol`, given the sheet's column widths in characters.
 *
 * @param widthOf - width in characters of a 1-based column (undefined: Excel's default 8.43)
 * @param fromCol - 0-based first column
 * @param widthPx - frame width in pixels
 * @returns the end column (0-based) and offset in EMU (9,525 a pixel)
 * @throws never
 * @example
 * frameEndColumn(() => undefined, 3, 640); // { col: 13, colOffEmu: 0 } (10 default columns of 64 px)
 */
export function frameEndColumn(widthOf: (col: number) => number | undefined, fromCol: number, widthPx: number): { col: number; colOffEmu: number } {
  let left = widthPx;
  let col = fromCol;
  for (;;) {
    const px = columnPixels(widthOf(col + 1));
    if (left < px) return { col, colOffEmu: left * 9525 };
    left -= px;
    col += 1;
  }
}
