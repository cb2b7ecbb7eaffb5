/**
 * A label with its currency in brackets, or the label alone when no currency is given (the
 * report then shows plain amounts, as in the data).
 *
 * @param label - the label, e.g. "Total spend"
 * @param currency - ISO 4217 code, or "" for none
 * @returns the label with the currency
 * @throws never
 * @example
 * withCurrency("Total spend", "USD"); // "Total spend (USD)"
 * withCurrency("Total spend", "");    // "Total spend"
 */
export function withCurrency(label: string, currency: string): string {
  return currency === "" ? label : `${label} (${currency})`;
}
