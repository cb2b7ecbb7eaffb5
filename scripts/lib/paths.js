// Project paths shared by the notebook scripts: the repo root, the tslab entry point and the
// project-local Jupyter prefix (.jupyter/share/jupyter) that holds our tslab kernelspec.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const tslabBin = path.join(projectRoot, "node_modules", "tslab", "bin", "tslab");
export const jupyterDataDir = path.join(projectRoot, ".jupyter", "share", "jupyter");
export const kernelName = "tslab";
export const kernelDir = path.join(jupyterDataDir, "kernels", kernelName);
export const notebooksDir = path.join(projectRoot, "notebooks");
export const reportsNotebooksDir = path.join(projectRoot, "reports", "notebooks");

/** Environment for Jupyter commands: our prefix first on JUPYTER_PATH, the rest untouched. */
export function jupyterEnv(base = process.env) {
  const rest = base.JUPYTER_PATH ? [base.JUPYTER_PATH] : [];
  return {
    ...base,
    JUPYTER_PATH: [jupyterDataDir, ...rest].join(path.delimiter),
    // Silence debugpy's "frozen modules" warning that Debian's Python prints on every start.
    PYDEVD_DISABLE_FILE_VALIDATION: base.PYDEVD_DISABLE_FILE_VALIDATION ?? "1",
  };
}
