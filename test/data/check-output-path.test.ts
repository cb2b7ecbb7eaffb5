// Output paths are checked before any work (issue 9, item 4).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkOutputPath } from "../../src/data/output/check-output-path.js";
import { DataError } from "../../src/data/data-error.js";
import { makeFolder } from "../../src/data/output/make-folder.js";
import { writeFileAtomic } from "../../src/data/output/write-file-atomic.js";
import { REPO_ROOT } from "../helpers/shared-data.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-out-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const input = path.join(dir, "tx.csv");
writeFileSync(input, "customer_id,date,amount\nA,2024-01-02,1\n");
const HAS_PROC = existsSync("/proc/self");

describe("makeFolder", () => {
  it("makes the missing levels and returns the absolute path; an existing folder is fine", async () => {
    const deep = path.join(dir, "a", "b", "c");
    expect(await makeFolder(deep, "t")).toBe(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(await makeFolder(deep, "t")).toBe(deep);
  });

  it("refuses a level that is a file", async () => {
    await expect(makeFolder(path.join(input, "x"), "t")).rejects.toThrow(new DataError(`t: "${input}" is a file, not a folder`));
  });

  it.skipIf(!HAS_PROC)("fails at once under /proc, where Node's recursive mkdir never returns", { timeout: 10_000 }, async () => {
    await expect(makeFolder("/proc/x/y/z", "t")).rejects.toThrow(
      new DataError('t: cannot create folder "/proc/x" (ENOENT); choose a place where folders can be made'),
    );
    await expect(writeFileAtomic("/proc/x/y/z.csv", "a\n")).rejects.toBeInstanceOf(DataError);
  });
});

describe("checkOutputPath", () => {
  const who = { who: "crm summary", inputs: [input] };

  it("accepts a new file in a folder it makes, and leaves no probe file behind", async () => {
    const out = path.join(dir, "new", "summary.csv");
    expect(await checkOutputPath(out, who)).toBe(out);
    expect(readdirSync(path.join(dir, "new"))).toEqual([]);
  });

  it("refuses the input file, by name or through another path to it", async () => {
    await expect(checkOutputPath(input, who)).rejects.toThrow(new DataError(`crm summary: --out "${input}" is the input file; write the output to another file`));
    const link = path.join(dir, "link.csv");
    symlinkSync(input, link);
    await expect(checkOutputPath(link, who)).rejects.toThrow(new DataError(`crm summary: --out "${link}" is the input file; write the output to another file`));
  });

  it("refuses a folder where a file is meant, a file where a folder is meant, a device, a blank path", async () => {
    await expect(checkOutputPath(dir, who)).rejects.toThrow(new DataError(`crm summary: --out "${dir}" is a folder; name a file`));
    const file = path.join(dir, "report-here");
    writeFileSync(file, "x");
    await expect(checkOutputPath(file, { who: "crm report", kind: "folder" })).rejects.toThrow(new DataError(`crm report: --out "${file}" is a file; name a folder`));
    await expect(checkOutputPath("/dev/null", who)).rejects.toThrow(new DataError('crm summary: --out "/dev/null" is not a regular file; name a file'));
    await expect(checkOutputPath(" ", who)).rejects.toThrow(new DataError('crm summary: --out " " is blank; name a file'));
  });

  it("makes the folder of a report", async () => {
    const out = path.join(dir, "reports", "2024");
    expect(await checkOutputPath(out, { who: "crm report", kind: "folder" })).toBe(out);
    expect(statSync(out).isDirectory()).toBe(true);
  });

  it.skipIf(!HAS_PROC)("refuses a folder that cannot take files", async () => {
    await expect(checkOutputPath("/proc/a.csv", who)).rejects.toThrow(
      new DataError('crm summary: --out "/proc/a.csv": cannot write in folder "/proc" (ENOENT); choose a writable folder'),
    );
  });
});

describe.skipIf(!HAS_PROC)("crm with --out under /proc, as a process", () => {
  const bin = path.join(REPO_ROOT, "bin", "crm.js");
  it.each([
    [["summary", "--input", input, "--out", "/proc/x/y/z.csv"], 'crm summary: --out "/proc/x/y/z.csv": cannot create folder "/proc/x" (ENOENT); choose a place where folders can be made'],
    [["rfm", "--input", input, "--out", "/proc/x/y/z.csv"], 'crm rfm: --out "/proc/x/y/z.csv": cannot create folder "/proc/x" (ENOENT); choose a place where folders can be made'],
    [["report", "--input", input, "--out", "/proc/x/y"], 'crm report: --out "/proc/x/y": cannot create folder "/proc/x" (ENOENT); choose a place where folders can be made'],
    [["generate", "--out", "/proc/x/y", "--customers", "5"], 'crm generate: --out "/proc/x/y": cannot create folder "/proc/x" (ENOENT); choose a place where folders can be made'],
  ])("crm %j ends with exit 2 and one line, not a hang (killed after 60 s if it hangs)", (argv, message) => {
    const r = spawnSync(process.execPath, [bin, ...argv], { encoding: "utf8", timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n").at(-1)).toBe(message);
  });
});

describe("writeFileAtomic", () => {
  it("replaces a file whole and leaves no temporary file", async () => {
    const out = path.join(dir, "atomic", "a.csv");
    await writeFileAtomic(out, "one\n");
    expect(await writeFileAtomic(out, "two\n")).toBe(out);
    expect(readdirSync(path.dirname(out))).toEqual(["a.csv"]);
  });

  it("turns a file-system refusal into one line naming the file, and cleans up", async () => {
    const folder = path.join(dir, "atomic-folder");
    mkdirSync(path.join(folder, "taken"), { recursive: true });
    await expect(writeFileAtomic(path.join(folder, "taken"), "x")).rejects.toThrow(
      new DataError(`writeFileAtomic: cannot write "${path.join(folder, "taken")}" (EISDIR)`),
    );
    expect(readdirSync(folder)).toEqual(["taken"]);
  });
});
