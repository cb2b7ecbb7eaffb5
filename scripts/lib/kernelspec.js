// Writes the tslab kernelspec (kernel.json) into the project-local Jupyter prefix, without
// Python or `tslab install`. Idempotent: the file is rewritten only when its content changes.
import fs from "node:fs";
import path from "node:path";
import { kernelDir, tslabBin } from "./paths.js";

export function kernelSpec() {
  return {
    argv: [process.execPath, tslabBin, "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript (crm-analytics)",
    language: "typescript",
    interrupt_mode: "signal",
    metadata: { source: "scripts/install-kernel.js" },
  };
}

/** Installs the kernelspec; returns { file, changed }. Throws if tslab is not installed. */
export function installKernelSpec() {
  if (!fs.existsSync(tslabBin)) {
    throw new Error(`install-kernel: tslab not found at ${tslabBin}; run npm ci first`);
  }
  const file = path.join(kernelDir, "kernel.json");
  const text = JSON.stringify(kernelSpec(), null, 2) + "\n";
  const old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
  if (old === text) return { file, changed: false };
  fs.mkdirSync(kernelDir, { recursive: true });
  fs.writeFileSync(file, text);
  return { file, changed: true };
}
