/**
 * A JSON number kept as the text it was written as (`12345678901234567890`, `17850.0`), so that
 * ids beyond 2^53 and ids written as floats are never rounded or reformatted.
 */
export class JsonNumber {
  /**
   * @param text - the number exactly as written in the source
   */
  constructor(readonly text: string) {
    Object.freeze(this);
  }
}

/** A parsed JSON value: numbers as {@link JsonNumber}, objects as maps in source key order (a repeated key keeps its last value). */
export type JsonValue = null | boolean | string | JsonNumber | readonly JsonValue[] | ReadonlyMap<string, JsonValue>;

/** Thrown by {@link parseJsonExact} for text that is not JSON; `atEnd` when the text stops too early. */
export class JsonSyntaxError extends Error {
  /**
   * @param message - what is wrong and where (line and column)
   * @param atEnd - whether the text ended before the value did
   */
  constructor(message: string, readonly atEnd: boolean) {
    super(message);
  }
}

/** How deep arrays and objects may nest before the text is refused (guards the call stack). */
export const MAX_JSON_DEPTH = 256;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/**
 * Parses JSON text (RFC 8259) keeping every number's source text, unlike `JSON.parse`, which
 * rounds `12345678901234567890` to `12345678901234567000` and writes `17850.0` as `17850`.
 *
 * With `prefix` true, text cut short inside a top-level array (the head of a big file) gives
 * the array of the elements that were complete.
 *
 * @param text - the JSON text (no byte-order mark)
 * @param prefix - accept a top-level array cut short (default false)
 * @returns the value
 * @throws JsonSyntaxError naming the line and column of the first problem, or nesting beyond {@link MAX_JSON_DEPTH}
 * @example
 * (parseJsonExact('[{"id": 12345678901234567890}]') as ReadonlyMap<string, JsonValue>[])[0].get("id"); // JsonNumber { text: "12345678901234567890" }
 */
export function parseJsonExact(text: string, prefix = false): JsonValue {
  const p = new Parser(text, prefix);
  p.space();
  const v = p.value(0);
  p.space();
  if (p.i < text.length) p.fail(`unexpected ${p.what()} after the JSON value`);
  return v;
}

class Parser {
  i = 0;
  constructor(readonly s: string, readonly prefix: boolean) {}

  value(depth: number): JsonValue {
    const c = this.s[this.i];
    if (c === "{" || c === "[") {
      if (depth >= MAX_JSON_DEPTH) this.fail(`arrays and objects nested deeper than ${MAX_JSON_DEPTH} levels`);
      return c === "{" ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (c === '"') return this.string();
    if (c === "t" || c === "f" || c === "n") {
      for (const [word, v] of [["true", true], ["false", false], ["null", null]] as const) {
        if (this.s.startsWith(word, this.i)) {
          this.i += word.length;
          return v;
        }
      }
    }
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (m === null) this.fail(`unexpected ${this.what()}`);
    this.i += m[0].length;
    return new JsonNumber(m[0]);
  }

  array(depth: number): JsonValue[] {
    const out: JsonValue[] = [];
    this.i++;
    this.space();
    if (this.s[this.i] === "]") return this.i++, out;
    for (;;) {
      const n = out.length;
      try {
        this.space();
        out.push(this.value(depth));
        this.space();
        const c = this.s[this.i];
        if (c === "]") return this.i++, out;
        if (c !== ",") this.fail(`expected "," or "]" but found ${this.what()}`);
        this.i++;
      } catch (e) {
        if (this.prefix && depth === 1 && e instanceof JsonSyntaxError && e.atEnd) {
          // keep the elements that were complete: an object or array closed before the cut
          if (out.length > n && !(out[n] instanceof Map || Array.isArray(out[n]))) out.length = n;
          this.i = this.s.length;
          return out;
        }
        throw e;
      }
    }
  }

  object(depth: number): Map<string, JsonValue> {
    const out = new Map<string, JsonValue>();
    this.i++;
    this.space();
    if (this.s[this.i] === "}") return this.i++, out;
    for (;;) {
      this.space();
      if (this.s[this.i] !== '"') this.fail(`expected a quoted key but found ${this.what()}`);
      const key = this.string();
      this.space();
      if (this.s[this.i] !== ":") this.fail(`expected ":" but found ${this.what()}`);
      this.i++;
      this.space();
      out.set(key, this.value(depth));
      this.space();
      const c = this.s[this.i];
      if (c === "}") return this.i++, out;
      if (c !== ",") this.fail(`expected "," or "}" but found ${this.what()}`);
      this.i++;
    }
  }

  string(): string {
    const s = this.s;
    let out = "";
    let j = ++this.i;
    for (;;) {
      if (j >= s.length) this.i = j, this.fail("a string is never closed");
      const c = s.charCodeAt(j);
      if (c === 34) {
        out += s.slice(this.i, j);
        this.i = j + 1;
        return out;
      }
      if (c < 0x20) this.i = j, this.fail("a control character inside a string (write it as an escape)");
      if (c !== 92) { j++; continue; }
      out += s.slice(this.i, j);
      const e = s[j + 1];
      if (e === undefined) this.i = j + 1, this.fail("a string is never closed");
      if (e === "u") {
        const hex = s.slice(j + 2, j + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.i = j, this.fail(j + 6 > s.length ? "a string is never closed" : "a bad \\u escape");
        out += String.fromCharCode(parseInt(hex, 16));
        j += 6;
      } else if (ESCAPES[e] !== undefined) {
        out += ESCAPES[e];
        j += 2;
      } else {
        this.i = j;
        this.fail(`a bad escape \\${e}`);
      }
      this.i = j;
    }
  }

  space(): void {
    const s = this.s;
    let c = s.charCodeAt(this.i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = s.charCodeAt(++this.i);
  }

  what(): string {
    return this.i >= this.s.length ? "end of text" : JSON.stringify(this.s[this.i]);
  }

  fail(message: string): never {
    const atEnd = this.i >= this.s.length;
    const before = this.s.slice(0, this.i);
    const line = before.split(/\r\n|\n|\r/).length;
    const column = this.i - Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r"));
    const where = atEnd ? (message.includes("end of text") ? "" : " at the end of the text") : ` at line ${line} column ${column}`;
    throw new JsonSyntaxError(message + where, atEnd || message === "a string is never closed");
  }
}
