/**
 * Escapes text for HTML element content and quoted attribute values: `& < > " '` become
 * entities, and the `:` of any `://` becomes `&#58;` so that no URL scheme appears in the
 * output (it reads the same in the browser).
 *
 * @param text - any text, typically from data
 * @returns the escaped text
 * @throws never
 * @example
 * escapeHtml('<img src=x onerror=alert(1)>'); // "&lt;img src=x onerror=alert(1)&gt;"
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
    .replace(/:\/\//g, "&#58;//");
}

/**
 * Serialises a value as JSON that is safe inside an HTML `<script>` element: `<`, `>`, `&`,
 * U+2028 and U+2029 become `\u003c`-style escapes and `://` becomes `:\/\/` (same value once
 * parsed), so data can never close the script or smuggle a URL scheme into the page. Typed
 * arrays become plain arrays, BigInt a number.
 *
 * @param value - a JSON-serialisable value
 * @param caller - the public function named in the error
 * @returns JSON text, valid as a JavaScript expression (`null` for undefined)
 * @throws TypeError when the value cannot be serialised (cycles)
 * @example
 * scriptJson({ id: "</script>" }); // '{"id":"\\u003c/script\\u003e"}'
 */
export function scriptJson(value: unknown, caller = "scriptJson"): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value, jsonValue);
  } catch (e) {
    throw new TypeError(`${caller}: the value cannot be turned into JSON (${(e as Error).message})`);
  }
  if (json === undefined) return "null";
  return json
    .replace(/[<>&\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"))
    .replace(/:\/\//g, ":\\/\\/");
}

function jsonValue(_key: string, v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  return v;
}
