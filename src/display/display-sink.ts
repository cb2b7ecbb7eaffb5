import { createRequire } from "node:module";

/** Where display functions send HTML: tslab's `display` in a kernel, or any capture object. */
export interface DisplaySink {
  html(s: string): void;
}

/** Options shared by the display functions. */
export interface SinkOption {
  /**
   * Where to send the HTML. Omitted: tslab's `display` (needs a running tslab kernel).
   * `null`: send nothing, only return the HTML string (for scripts, files, tests).
   */
  readonly sink?: DisplaySink | null;
}

let tslabDisplay: DisplaySink | undefined;

/**
 * Sends HTML to the sink; with no sink given, to tslab's `display.html`, loading tslab on
 * first use only, so that code outside a kernel never loads it.
 *
 * @param html - the HTML to show
 * @param sink - the sink, `undefined` for tslab, `null` for none
 * @param caller - public function name for the error message
 * @returns nothing
 * @throws Error `<caller>: not running in a tslab kernel ...` when tslab cannot display, saying to pass `{ sink }`
 * @example
 * const shown: string[] = [];
 * emitHtml("<b>x</b>", { html: (s) => shown.push(s) }, "showTable"); // shown = ["<b>x</b>"]
 */
export function emitHtml(html: string, sink: DisplaySink | null | undefined, caller: string): void {
  if (sink === null) return;
  if (sink !== undefined) {
    sink.html(html);
    return;
  }
  try {
    tslabDisplay ??= (createRequire(import.meta.url)("tslab") as { display: DisplaySink }).display;
    tslabDisplay.html(html);
  } catch (e) {
    throw new Error(
      `${caller}: not running in a tslab kernel (tslab: ${(e as Error).message}); ` +
        "pass { sink: { html(s) { ... } } } to capture the HTML, or { sink: null } to only get it returned",
    );
  }
}
