// Pass 2 of run-notebooks: executes a notebook with Debian's `jupyter nbconvert --execute`
// and the project-local tslab kernelspec, then scans the executed copy for error outputs
// and stderr streams. Also detects whether `jupyter nbconvert` is usable at all.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { trackDir, trackProcess, untrackDir } from "./cleanup.js";
import { jupyterEnv, kernelName } from "./paths.js";

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");
const text = (src) => (Array.isArray(src) ? src.join("") : src ?? "");

/** { ok: true, version } when `jupyter nbconvert --version` exits 0, else { ok: false, reason }. */
export function detectNbconvert() {
  const r = spawnSync("jupyter", ["nbconvert", "--version"], {
    encoding: "utf8", timeout: 60_000, env: jupyterEnv(),
  });
  if (r.error) return { ok: false, reason: `jupyter not found (${r.error.code ?? r.error.message})` };
  if (r.status !== 0) {
    const why = stripAnsi(r.stderr || r.stdout || "").trim().split("\n").slice(-1)[0];
    return { ok: false, reason: `\`jupyter nbconvert --version\` exited ${r.status}${why ? `: ${why}` : ""}` };
  }
  return { ok: true, version: r.stdout.trim() };
}

/** Problems found in an executed notebook: error outputs and stderr streams, per cell. */
export function scanOutputs(nb, name) {
  const problems = [];
  const cells = (nb.cells ?? []).filter((c) => c.cell_type === "code");
  cells.forEach((cell, i) => {
    for (const out of cell.outputs ?? []) {
      const where = `${name} cell ${i + 1}/${cells.length}`;
      if (out.output_type === "error") {
        const tb = stripAnsi((out.traceback ?? []).join("\n")).trim();
        problems.push(`${where}: ${out.ename}: ${out.evalue}${tb ? `\n${tb}` : ""}`);
      } else if (out.output_type === "stream" && out.name === "stderr") {
        problems.push(`${where}: wrote to stderr:\n${text(out.text).trimEnd()}`);
      }
    }
  });
  return problems;
}

/** Runs nbconvert on `file`; resolves { ok, problems }. */
export async function runNotebookWithNbconvert(file, { log }) {
  const name = path.basename(file);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "nbconvert-"));
  trackDir(outDir);
  const args = [
    "nbconvert", "--to", "notebook", "--execute",
    `--ExecutePreprocessor.kernel_name=${kernelName}`, "--ExecutePreprocessor.timeout=600",
    "--output-dir", outDir, file,
  ];
  const started = Date.now();
  log(`${name}: jupyter nbconvert --execute ...\n`);
  try {
    const { code, output } = await new Promise((resolve) => {
      const child = spawn("jupyter", args, { env: jupyterEnv(), stdio: ["ignore", "pipe", "pipe"] });
      trackProcess(child);
      let output = "";
      const keep = (d) => { output = (output + d).slice(-20_000); };
      child.stdout.setEncoding("utf8").on("data", keep);
      child.stderr.setEncoding("utf8").on("data", keep);
      child.once("error", (err) => resolve({ code: -1, output: `${output}\n${err.message}` }));
      child.once("close", (c, sig) => resolve({ code: c ?? `signal ${sig}`, output }));
    });
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const written = fs.readdirSync(outDir).filter((f) => f.endsWith(".ipynb"));
    const problems = [];
    if (code !== 0) {
      // Keep nbclient's CellExecutionError (cell source + error), not the Python stack above it.
      const clean = stripAnsi(output).trim();
      const starts = [...clean.matchAll(/^[A-Za-z_][\w.]*(Error|Exception|Interrupt)\b.*$/gm)];
      const at = starts.length ? starts[starts.length - 1].index : 0;
      const tail = clean.slice(at).split("\n").slice(-40).join("\n");
      problems.push(`${name}: jupyter nbconvert exited ${code} after ${secs} s:\n${tail}`);
    }
    if (written.length > 0) {
      const nb = JSON.parse(fs.readFileSync(path.join(outDir, written[0]), "utf8"));
      problems.push(...scanOutputs(nb, `${name} (nbconvert)`));
    } else if (code === 0) {
      problems.push(`${name}: jupyter nbconvert wrote no notebook to ${outDir}`);
    }
    log(`${name}: nbconvert ${problems.length ? "FAILED" : "done"} (${secs} s)\n`);
    return { ok: problems.length === 0, problems };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
    untrackDir(outDir);
  }
}
