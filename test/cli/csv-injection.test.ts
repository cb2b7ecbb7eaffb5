// CSV outputs of the commands neutralise formula-leading ids (OWASP) and keep numbers as numbers (issue 9, item 4).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { readDelimited } from "../../src/data/read/read-delimited.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const IDS = ['=HYPERLINK("http://evil.example","x")', "@SUM(1+1)", "+1+1", "-1+1", "\tTAB", "C1"];
const input = path.join(dir, "tx.csv");
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
writeFileSync(
  input,
  ["customer_id,date,amount", ...IDS.flatMap((id, i) => [`${quote(id)},2024-01-0${1 + i},10`, `${quote(id)},2024-02-0${1 + i},${i === 5 ? "-12.5" : "20"}`])].join("\n") + "\n",
);

async function crm(...argv: string[]): Promise<number> {
  return runCli(argv, { out: () => undefined, err: () => undefined });
}

describe("formula-like customer ids in CSV outputs", () => {
  it.each([
    ["summary", []],
    ["rfm", []],
    ["value", ["--margin-rate", "0.3"]],
  ])("crm %s --out writes them as text, with a leading quote", async (command, extra) => {
    const out = path.join(dir, `${command}.csv`);
    expect(await crm(command, "--input", input, "--out", out, ...extra)).toBe(0);
    const table = readDelimited(readFileSync(out, "utf8"), { delimiter: "," });
    const idColumn = table.header.indexOf("customer_id");
    const ids = table.rows.map((r) => r.values[idColumn]!);
    expect(new Set(ids)).toEqual(new Set(["'" + IDS[0], "'@SUM(1+1)", "'+1+1", "'-1+1", "TAB", "C1"])); // ids are trimmed when read: the tab goes
    for (const row of table.rows) for (const cell of row.values) if (/^[=+\-@\t\r]/.test(cell)) expect(Number.isFinite(Number(cell))).toBe(true);
  });

  it("keeps a negative amount a number", async () => {
    const out = path.join(dir, "summary-negative.csv");
    expect(await crm("summary", "--input", input, "--out", out)).toBe(0);
    const lines = readFileSync(out, "utf8").split("\n");
    const c1 = lines.find((l) => l.startsWith("C1,"))!;
    expect(c1.split(",")).toContain("-2.5"); // total spend 10 - 12.5
  });
});
