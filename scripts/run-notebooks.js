// Executes notebooks top to bottom and fails if any cell errors or writes to stderr.
// Usage: node scripts/run-notebooks.js [notebook.ipynb ...]   (default: notebooks/*.ipynb)
// Pass 1 (always): our own Jupyter client talks to the tslab kernel over ZeroMQ; the executed
// notebook is saved to reports/notebooks/<name>.ipynb. Pass 2 (where `jupyter nbconvert`
// works; required when CI=true): `jupyter nbconvert --execute` with the project-local kernel.
// Env: NOTEBOOK_CELL_TIMEOUT_S (default 300). Last stdout line: `notebooks: N passed, M failed`.
import fs from "node:fs";
import path from "node:path";
import { installKernelSpec } from "./lib/kernelspec.js";
import { cleanupAll } from "./lib/cleanup.js";
import { runNotebookInKernel } from "./lib/kernel-pass.js";
import { detectNbconvert, runNotebookWithNbconvert } from "./lib/nbconvert-pass.js";
import { notebooksDir, projectRoot, reportsNotebooksDir } from "./lib/paths.js";

const log = (s) => process.stderr.write(s);

function listNotebooks(args) {
  if (args.length > 0) {
    return args.map((a) => {
      const file = path.resolve(a);
      if (!fs.existsSync(file)) throw new Error(`run-notebooks: no such notebook: ${a}`);
      return file;
    });
  }
  if (!fs.existsSync(notebooksDir)) return [];
  return fs.readdirSync(notebooksDir).filter((f) => f.endsWith(".ipynb")).sort()
    .map((f) => path.join(notebooksDir, f));
}

function summary(passed, failed) {
  console.log(`notebooks: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

async function main() {
  const files = listNotebooks(process.argv.slice(2));
  if (files.length === 0) {
    console.log(`run-notebooks: no notebooks found in ${path.relative(process.cwd(), notebooksDir) || "."}`);
    return summary(0, 0);
  }
  const timeoutS = Number(process.env.NOTEBOOK_CELL_TIMEOUT_S ?? 300);
  if (!(timeoutS > 0)) throw new Error(`run-notebooks: NOTEBOOK_CELL_TIMEOUT_S must be a positive number, got "${process.env.NOTEBOOK_CELL_TIMEOUT_S}"`);

  const isCI = /^(true|1)$/i.test(process.env.CI ?? "");
  const nbconvert = detectNbconvert();
  if (nbconvert.ok) {
    installKernelSpec();
    log(`run-notebooks: nbconvert ${nbconvert.version} found; each notebook runs twice (tslab client, nbconvert)\n`);
  } else if (isCI) {
    console.error(`run-notebooks: CI=true but the nbconvert pass cannot run: ${nbconvert.reason}.\n` +
      "  CI must run notebooks through Jupyter too: install jupyter-nbconvert, python3-ipykernel and " +
      "jupyter-client (see .ci/run).");
    return summary(0, files.length);
  } else {
    console.log(`run-notebooks: nbconvert pass skipped: ${nbconvert.reason}`);
  }

  fs.mkdirSync(reportsNotebooksDir, { recursive: true });
  let passed = 0;
  const failures = [];
  for (const file of files) {
    const name = path.basename(file);
    const started = Date.now();
    const problems = [];
    const run = await runNotebookInKernel(file, { cellTimeoutMs: timeoutS * 1000, log });
    problems.push(...run.problems);
    if (run.notebook) {
      const saved = path.join(reportsNotebooksDir, name);
      fs.writeFileSync(saved, JSON.stringify(run.notebook, null, 1) + "\n");
      log(`${name}: executed copy saved to ${path.relative(projectRoot, saved)}\n`);
    }
    if (nbconvert.ok) problems.push(...(await runNotebookWithNbconvert(file, { log })).problems);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (problems.length === 0) {
      passed += 1;
      console.log(`PASS ${name} (${secs} s)`);
    } else {
      failures.push(name);
      console.log(`FAIL ${name} (${secs} s)`);
      for (const p of problems) console.log(p.replace(/^/gm, "  "));
    }
  }
  summary(passed, failures.length);
}

// Never leave a kernel or nbconvert behind: on Ctrl-C / termination kill ours, then exit.
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    cleanupAll();
    console.error(`run-notebooks: ${sig}, stopped`);
    process.exit(128 + { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[sig]);
  });
}
process.on("exit", cleanupAll);

main().catch((err) => {
  // Our own messages (bad arguments, bad env) are enough; anything else gets its stack.
  console.error(/^run-notebooks: /.test(err.message) ? err.message : err.stack ?? String(err));
  process.exitCode = 1;
});
