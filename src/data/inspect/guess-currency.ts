import type { ColumnGuess } from "./guess-roles.js";

/** Currency symbols and the ISO 4217 code each is taken for (`$` is taken for US dollars). */
const SYMBOLS: Readonly<Record<string, string>> = { "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR" };
const CODES = new Set(["EUR", "USD", "GBP", "CHF", "JPY", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RON", "BGN", "INR", "CNY", "HKD", "SGD", "BRL", "MXN", "ZAR", "TRY", "KRW", "ILS", "AED"]);

/** The currency {@link guessCurrency} found, and where. */
export interface CurrencyGuess {
  /** ISO 4217 code, e.g. `GBP`. */
  readonly code: string;
  /** Where it was found, e.g. `column Currency` or `the symbol £ in column Total`. */
  readonly from: string;
}

/**
 * Finds the currency of the amounts in sample columns: the most common code in a column whose
 * role is `currency`, else a symbol (`$` `€` `£` `¥` `₹`) or a 3-letter code written in the values
 * of a column that has a numeric role or a number-like kind.
 *
 * @param columns - the column guesses (their samples are searched)
 * @param cells - the sampled cells of each column, in the same order
 * @returns the currency, or undefined when none is found
 * @example
 * guessCurrency([{ position: 1, name: "Total", samples: ["£3.50"], blanks: 0, kind: "number" }], [["£3.50"]]);
 * // { code: "GBP", from: "the symbol £ in column Total" }
 */
export function guessCurrency(columns: readonly ColumnGuess[], cells: readonly (readonly string[])[]): CurrencyGuess | undefined {
  const named = columns.findIndex((c) => c.role === "currency");
  if (named >= 0) {
    const counts = new Map<string, number>();
    for (const v of cells[named] ?? []) {
      const t = v.trim().toUpperCase();
      if (/^[A-Z]{3}$/.test(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (top !== undefined) return Object.freeze({ code: top[0], from: `column ${columns[named]!.name}${counts.size > 1 ? ` (most common of ${[...counts.keys()].join(", ")})` : ""}` });
  }
  for (let i = 0; i < columns.length; i++) {
    if (columns[i]!.kind !== "number") continue;
    for (const v of cells[i] ?? []) {
      const symbol = /[$€£¥₹]/.exec(v);
      if (symbol !== null) return Object.freeze({ code: SYMBOLS[symbol[0]]!, from: `the symbol ${symbol[0]} in column ${columns[i]!.name}` });
      const code = /[A-Z]{3}/.exec(v);
      if (code !== null && CODES.has(code[0])) return Object.freeze({ code: code[0], from: `the code ${code[0]} in column ${columns[i]!.name}` });
    }
  }
  return undefined;
}
