/**
 * Escapes text for an XML element or a double-quoted attribute, and drops the characters XML
 * 1.0 does not allow (control characters other than tab, newline and carriage return, lone
 * surrogates), so data can never break the markup of a package part.
 *
 * @param text - any text
 * @returns the escaped text
 * @throws never
 * @example
 * xmlEscape('a < b & "c"'); // "a &lt; b &amp; &quot;c&quot;"
 */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
