// Flags: a repeated flag is an error, never the last one silently; long-running flags have bounds (issue 9, item 4).
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { parseFlags } from "../../src/cli/parse-flags.js";
import { UsageError } from "../../src/cli/usage-error.js";

async function crm(...argv: string[]): Promise<{ code: number; err: string }> {
  let err = "";
  const code = await runCli(argv, { out: () => undefined, err: (t) => (err += `${t}\n`) });
  return { code, err: err.trim() };
}

describe("parseFlags", () => {
  const spec = { input: { type: "string" as const, short: "i" }, json: { type: "boolean" as const } };

  it.each([
    [["--input", "a.csv", "--input", "b.csv"], "input"],
    [["-i", "a.csv", "--input", "b.csv"], "input"],
    [["--input=a.csv", "-i", "b.csv"], "input"],
    [["--json", "--json"], "json"],
  ])("refuses %j: --%s given twice", (argv, name) => {
    expect(() => parseFlags("summary", argv, spec)).toThrow(new UsageError(`crm summary: --${name} given twice; give it once`));
  });

  it("still takes each flag once", () => {
    expect(parseFlags("summary", ["-i", "a.csv", "--json"], spec)).toEqual({ input: "a.csv", json: true });
  });

  it("is what the commands use: exit 2 with one line", async () => {
    const r = await crm("validate", "--input", "a.csv", "--input", "b.csv");
    expect(r).toEqual({ code: 2, err: "crm validate: --input given twice; give it once" });
  });
});

describe("bounds of long-running flags", () => {
  it.each([
    [["--horizon", "1e12"], "crm predict: --horizon 1000000000000 is more than 100 years; give at most 5218 with --time-unit week"],
    [["--horizon", "36526", "--time-unit", "day"], "crm predict: --horizon 36526 is more than 100 years; give at most 36525 with --time-unit day"],
    [["--horizon", "1201", "--time-unit", "month"], "crm predict: --horizon 1201 is more than 100 years; give at most 1200 with --time-unit month"],
    [["--horizon", "5000", "--time-unit", "day"], "crm predict: --horizon 5000 is 5000 periods of --period-length 1, more than 1200; give a longer --period-length"],
    [["--horizon", "52", "--draws", "10001"], 'crm predict: --draws must be a whole number from 0 to 10000 (got "10001")'],
  ])("crm predict %j is refused at once", async (argv, message) => {
    expect(await crm("predict", ...argv)).toEqual({ code: 2, err: message });
  });

  it("states the bounds in --help", async () => {
    let out = "";
    await runCli(["predict", "--help"], { out: (t) => (out += t), err: () => undefined });
    expect(out).toContain("100 years (36525 days, 5218 weeks, 1200 months) and 1200 periods");
    expect(out).toContain("at most 10000");
  });
});
