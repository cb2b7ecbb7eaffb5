import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

let cached: string | undefined;

/**
 * The plotly.js-dist-min bundle, ready to inline in a `<script>` element: every `://` is
 * written `:\/\/` (the same value inside JavaScript string, template and regex literals, so the
 * code behaves the same) so that the page holds no URL scheme. Read once and cached.
 *
 * @returns the bundle text (about 4.8 MB)
 * @throws Error when the package cannot be found, or the bundle contains `</script` (it could not be inlined safely)
 * @example
 * plotlyBundle().includes("://"); // false
 */
export function plotlyBundle(): string {
  if (cached !== undefined) return cached;
  const path = createRequire(import.meta.url).resolve("plotly.js-dist-min");
  const text = readFileSync(path, "utf8").replace(/:\/\//g, ":\\/\\/");
  if (/<\/script/i.test(text)) throw new Error(`plotlyBundle: ${path} contains "</script" and cannot be inlined`);
  cached = text;
  return text;
}
