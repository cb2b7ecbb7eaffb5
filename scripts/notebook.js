// Opens the course notebooks for editing: starts `jupyter notebook` (or `jupyter lab` if that
// is what is installed) in notebooks/ with JUPYTER_PATH pointing at the project-local prefix,
// so the "TypeScript (crm-analytics)" tslab kernel is offered. Extra arguments pass through.
// Run it as `npm run notebook` (builds dist/ and installs the kernelspec first).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { installKernelSpec } from "./lib/kernelspec.js";
import { jupyterEnv, kernelDir, notebooksDir } from "./lib/paths.js";

const env = jupyterEnv();
const works = (app) => {
  const r = spawnSync("jupyter", [app, "--version"], { stdio: "ignore", env, timeout: 60_000 });
  return !r.error && r.status === 0;
};
const app = ["notebook", "lab"].find(works);
if (!app) {
  console.error(
    "notebook: neither `jupyter notebook` nor `jupyter lab` is installed.\n" +
    "  On Debian/Ubuntu: sudo apt-get install jupyter-notebook   (the classic notebook; also\n" +
    "  pulls in jupyter-client and python3-ipykernel), or install JupyterLab with pip/pipx.\n" +
    "  To only execute notebooks without an editor: npm test (uses jupyter-nbconvert if present).",
  );
  process.exit(1);
}
if (!fs.existsSync(path.join(kernelDir, "kernel.json"))) installKernelSpec();
fs.mkdirSync(notebooksDir, { recursive: true });

console.error(`notebook: jupyter ${app} in ${notebooksDir} (JUPYTER_PATH=${env.JUPYTER_PATH})`);
const child = spawn("jupyter", [app, ...process.argv.slice(2)], { cwd: notebooksDir, env, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("error", (err) => { console.error(`notebook: cannot start jupyter ${app}: ${err.message}`); process.exit(1); });
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
