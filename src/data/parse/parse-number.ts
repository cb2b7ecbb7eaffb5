/** The decimal mark of numbers in the input: `"."` (default) or `","`. */
export type DecimalMark = "." | ",";

const PLAIN_DOT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const PLAIN_COMMA = /^[+-]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a plain decimal number, or returns null. Accepted: optional sign, digits, one decimal
 * mark, optional exponent (`-12.50`, `.5`, `1e3`), with surrounding blanks ignored. Rejected, by
 * policy, rather than guessed: thousands separators (`1,234.50`), currency symbols (`$12`,
 * `12 €`), percent signs, `NaN`, `Infinity`, and the other decimal mark (`12,5` when the mark is
 * `"."`). Blank text gives null too; callers that allow blanks check for them first.
 *
 * @param text - the number as written
 * @param decimal - the decimal mark, `"."` (default) or `","`
 * @returns the number, or null when the text is not a plain number
 * @example
 * parseNumber(" 29.33 ");     // 29.33
 * parseNumber("12,5", ",");   // 12.5
 * parseNumber("1,234.50");    // null
 * parseNumber("$12");         // null
 */
export function parseNumber(text: string, decimal: DecimalMark = "."): number | null {
  const t = text.trim();
  if (decimal === ".") return PLAIN_DOT.test(t) ? Number(t) : null;
  if (!PLAIN_COMMA.test(t)) return null;
  return Number(t.replace(",", "."));
}

/**
 * Says, in words, why a text is not a plain number (for the ledger's reasons).
 *
 * @param field - the column's name for the message, e.g. `amount`
 * @param text - the offending text
 * @param decimal - the decimal mark in force
 * @returns e.g. `amount "1,234.50" is not a plain number (thousands separators are not accepted)`
 * @example
 * whyNotNumber("amount", "$12", "."); // 'amount "$12" is not a plain number (currency symbols are not accepted)'
 */
export function whyNotNumber(field: string, text: string, decimal: DecimalMark): string {
  const t = text.trim();
  const head = `${field} "${t}" is not a plain number`;
  if (t === "") return `${field} is blank`;
  if (/^[+-]?(?:nan|inf|infinity)$/i.test(t)) return `${head} (not a finite number)`;
  if (/[$€£¥₹¤]/.test(t) || /^[A-Z]{3}\s*[\d.,+-]|[\d.,]\s*[A-Z]{3}$/.test(t)) return `${head} (currency symbols are not accepted)`;
  const other = decimal === "." ? "," : ".";
  if (t.includes(other) && /\d/.test(t)) {
    return t.includes(decimal)
      ? `${head} (thousands separators are not accepted)`
      : `${head} (the decimal mark is "${decimal}" and thousands separators are not accepted; use --decimal "${other}" if "${other}" is the decimal mark)`;
  }
  return `${head} (expected digits with an optional sign and decimal "${decimal}")`;
}

/**
 * The largest magnitude accepted for any number of an input row (amounts, quantities, prices,
 * costs, discounts, freight, refunds): 1e12, a million million currency units or units. Larger
 * numbers, and numbers that overflow to infinity (`1e309`), are rejected per line with the code
 * `<field>-out-of-range` (e.g. `amount-out-of-range`): they are typing or export errors, and
 * within this bound every sum the summary makes stays exact and finite.
 */
export const MAX_ABS_NUMBER = 1e12;

/**
 * Says why a parsed number is not accepted, or null when it is finite and within
 * ±{@link MAX_ABS_NUMBER}.
 *
 * @param field - the column's name for the message, e.g. `amount`
 * @param text - the number as written (or a description such as `quantity x unit_price = 1e+30`)
 * @param x - the parsed value
 * @returns e.g. `amount "1e28" is outside the accepted range -1e12 to 1e12`, or null
 * @example
 * numberRangeProblem("amount", "1e28", 1e28); // 'amount "1e28" is outside the accepted range -1e12 to 1e12'
 * numberRangeProblem("amount", "12.5", 12.5); // null
 */
export function numberRangeProblem(field: string, text: string, x: number): string | null {
  if (Number.isNaN(x) || (Number.isFinite(x) && Math.abs(x) <= MAX_ABS_NUMBER)) return null;
  return `${field} "${text.trim()}" is outside the accepted range -1e12 to 1e12`;
}
