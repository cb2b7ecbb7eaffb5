#!/usr/bin/env node
// The `crm` command: runs the built CLI (dist/cli/main.js; `npm run build` makes it).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write("crm: the module is not built yet; run `npm run build` (npm install does it)\n");
  process.exit(2);
}
const { runCli } = await import(main.href);
process.exitCode = await runCli(process.argv.slice(2));
