#!/usr/bin/env node
// Fails when the relative imports among src/**/*.ts form a cycle, type-only imports included
// (DESIGN.md: "nothing imports in a circle ... a type lives with the code that owns it").
// Counts `import ... from`, `import type`, `export ... from`, side-effect imports and `import("...")`.
// Prints each cycle (a strongly connected component of the import graph) with its files and
// the imports inside it. Usage: node scripts/check-cycles.js   Exit: 0 no cycle, 1 a cycle.
import path from "node:path";
import { buildImportGraph, describeImport, findCycles } from "./lib/import-graph.js";
import { projectRoot } from "./lib/paths.js";

const graph = buildImportGraph(path.join(projectRoot, "src"));
const cycles = findCycles(graph);
const imports = [...graph.edges.values()].reduce((n, list) => n + list.length, 0);
if (cycles.length === 0) {
  console.log(`check-cycles: no import cycle among ${graph.files.length} files of src/ (${imports} relative imports)`);
  process.exit(0);
}
console.log(`check-cycles: ${cycles.length} import cycle(s) in src/ (type-only imports count too):`);
cycles.forEach((c, k) => {
  const typeOnly = c.imports.every((e) => e.typeOnly) ? ", type-only" : c.imports.some((e) => e.typeOnly) ? ", partly type-only" : "";
  console.log(`\n${k + 1}. ${c.files.length} file(s)${typeOnly}: ${c.files.map((f) => `src/${f}`).join(", ")}`);
  for (const e of c.imports) console.log(`   ${describeImport(e)}`);
});
console.log("\nBreak each cycle: move the shared type or helper to the file that owns it, or to a lower layer.");
process.exit(1);
