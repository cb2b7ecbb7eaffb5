import type { HoverTemplate } from "./chart-spec.js";

/**
 * A placeholder of a tooltip template: the value it shows and its number format (Python/d3
 * format specification, "" for none).
 *
 * @example
 * const f: HoverField = { field: "y", format: ",d" }; // "{y:,d}"
 * @throws never (types only)
 */
export interface HoverField {
  readonly field: "x" | "y" | "z" | "label";
  readonly format: string;
}

/**
 * A tooltip template (see `HoverTemplate`) split into its literal texts and its placeholders, in
 * order, so that a renderer can write each placeholder in its own syntax and a text
 * transformation (e.g. pseudonymising ids) can leave the placeholders alone.
 *
 * @param template - the template, e.g. `"{x}: {y:,d} customers"`
 * @returns texts and fields in order; texts are never empty
 * @throws never
 * @example
 * hoverParts("{x}: {y:,d} customers"); // [{ field: "x", format: "" }, ": ", { field: "y", format: ",d" }, " customers"]
 */
export function hoverParts(template: HoverTemplate): (string | HoverField)[] {
  const parts: (string | HoverField)[] = [];
  let at = 0;
  for (const m of template.matchAll(/\{(x|y|z|label)(?::([^{}]*))?\}/g)) {
    if (m.index > at) parts.push(template.slice(at, m.index));
    parts.push({ field: m[1] as HoverField["field"], format: m[2] ?? "" });
    at = m.index + m[0].length;
  }
  if (at < template.length) parts.push(template.slice(at));
  return parts;
}
