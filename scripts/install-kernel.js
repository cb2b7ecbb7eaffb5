// Installs the tslab Jupyter kernelspec into the project-local prefix
// .jupyter/share/jupyter/kernels/tslab/kernel.json (never the global or user one).
// Use it with JUPYTER_PATH=<project>/.jupyter/share/jupyter. Safe to run again.
import { installKernelSpec } from "./lib/kernelspec.js";

try {
  const { file, changed } = installKernelSpec();
  console.log(`${changed ? "installed" : "up to date"}: ${file}`);
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
