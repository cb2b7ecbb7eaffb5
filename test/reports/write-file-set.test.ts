// writeFileSet: several files replaced together; temp files removed on error, on SIGTERM/SIGINT
// (checked in a child process that is stopped at a known point, so no timing is involved) and,
// after a SIGKILL, by the next call.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileSet } from "../../src/reports/write-file-set.js";
import { REPO_ROOT } from "../helpers/shared-data.js";

const root = mkdtempSync(path.join(tmpdir(), "crm-file-set-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const TEMP = /^\.(a\.html|a\.xlsx|a\.pdf)\.\d+-[0-9a-f]{12}\.tmp$/;
const built = path.join(REPO_ROOT, "dist", "reports", "write-file-set.js");

function oldSet(name: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "a.html"), "old html");
  writeFileSync(path.join(dir, "a.xlsx"), "old xlsx");
  return dir;
}

/** Runs a child that writes a.html, a.xlsx and then a.pdf by a writer that never ends; `signal` is sent once the writer has started. */
function interrupted(dir: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  const script = `
    import { writeFileSet } from ${JSON.stringify(built)};
    await writeFileSet([
      { path: ${JSON.stringify(path.join(dir, "a.html"))}, content: "new html" },
      { path: ${JSON.stringify(path.join(dir, "a.xlsx"))}, content: new Uint8Array([1, 2, 3]) },
      { path: ${JSON.stringify(path.join(dir, "a.pdf"))}, content: (temp, temps, abort) => new Promise(() => {
          process.stdout.write("started " + temps.length + "\\n");
          abort.addEventListener("abort", () => process.stdout.write("aborted\\n"));
          setInterval(() => {}, 1000);
        }) },
    ]);`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (b: Buffer) => {
    out += b.toString();
    if (out.includes("started 2")) child.kill(signal);
  });
  return new Promise((resolve) => child.on("close", (code, sig) => resolve({ code, signal: sig, out })));
}

describe("writeFileSet", () => {
  it("replaces every file of the set and leaves no temp file", async () => {
    const dir = oldSet("ok");
    const written = await writeFileSet([{ path: path.join(dir, "a.html"), content: "new html" }, { path: path.join(dir, "a.xlsx"), content: new Uint8Array([1, 2]) }]);
    expect(written).toEqual([path.join(dir, "a.html"), path.join(dir, "a.xlsx")]);
    expect(readdirSync(dir).sort()).toEqual(["a.html", "a.xlsx"]);
    expect(readFileSync(path.join(dir, "a.html"), "utf8")).toBe("new html");
    expect([...readFileSync(path.join(dir, "a.xlsx"))]).toEqual([1, 2]);
  });

  it("replaces nothing and removes its temp files when a writer fails", async () => {
    const dir = oldSet("writer-fails");
    await expect(writeFileSet([
      { path: path.join(dir, "a.html"), content: "new html" },
      { path: path.join(dir, "a.pdf"), content: async (temp) => { writeFileSync(temp, "half"); throw new Error("printer broke"); } },
    ])).rejects.toThrow("printer broke");
    expect(readdirSync(dir).sort()).toEqual(["a.html", "a.xlsx"]);
    expect(readFileSync(path.join(dir, "a.html"), "utf8")).toBe("old html");
  });

  it("replaces nothing when a later target is a folder", async () => {
    const dir = oldSet("folder");
    mkdirSync(path.join(dir, "a.pdf"));
    await expect(writeFileSet([
      { path: path.join(dir, "a.html"), content: "new html" },
      { path: path.join(dir, "a.pdf"), content: "pdf" },
    ])).rejects.toThrow(/a\.pdf" is a folder, not a file; nothing was replaced/);
    expect(readdirSync(dir).sort()).toEqual(["a.html", "a.pdf", "a.xlsx"]);
    expect(readFileSync(path.join(dir, "a.html"), "utf8")).toBe("old html");
  });

  it("removes the signal handlers it installed", async () => {
    const before = [process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")];
    const dir = oldSet("listeners");
    await writeFileSet([{ path: path.join(dir, "a.html"), content: "x" }]);
    await expect(writeFileSet([{ path: path.join(dir, "a.html"), content: async () => { throw new Error("no"); } }])).rejects.toThrow("no");
    expect([process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")]).toEqual(before);
  });

  it("is built for the child-process tests (npm test builds dist/ first; run `npm run build` when calling vitest directly)", () => {
    expect(existsSync(built)).toBe(true);
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it.runIf(existsSync(built))(`on ${signal} during the write, aborts the writer, removes every temp file, keeps the old files and dies of the signal`, async () => {
      const dir = oldSet(`signal-${signal}`);
      const r = await interrupted(dir, signal);
      expect([r.code, r.signal]).toEqual([null, signal]);
      expect(r.out).toBe("started 2\naborted\n"); // pipes are written synchronously on Linux
      expect(readdirSync(dir).sort()).toEqual(["a.html", "a.xlsx"]);
      expect(readFileSync(path.join(dir, "a.html"), "utf8")).toBe("old html");
      expect(readFileSync(path.join(dir, "a.xlsx"), "utf8")).toBe("old xlsx");
    }, 30_000);
  }

  it.runIf(existsSync(built))("after a SIGKILL leaves temp files named .<name>.<pid>-<hex>.tmp, which the next write removes", async () => {
    const dir = oldSet("sigkill");
    const r = await interrupted(dir, "SIGKILL");
    expect(r.signal).toBe("SIGKILL");
    const left = readdirSync(dir).filter((f) => !["a.html", "a.xlsx"].includes(f));
    expect(left.length).toBeGreaterThanOrEqual(2); // the html and xlsx temps were written before the writer started
    for (const f of left) expect(f).toMatch(TEMP);
    expect(readFileSync(path.join(dir, "a.html"), "utf8")).toBe("old html");
    // A temp file of a process that still runs (this one) is not touched.
    const mine = `.a.html.${process.pid}-0123456789ab.tmp`;
    writeFileSync(path.join(dir, mine), "in use");
    await writeFileSet([{ path: path.join(dir, "a.html"), content: "new html" }, { path: path.join(dir, "a.xlsx"), content: "new xlsx" }]);
    expect(readdirSync(dir).sort()).toEqual([mine, "a.html", "a.xlsx"]);
  }, 30_000);
});
