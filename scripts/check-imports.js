#!/usr/bin/env node
// Fails when a file of src/ imports "up" the layers of DESIGN.md ("The flow, and the layout that
// shows it"): math -> data -> engine -> summary -> value/segments/models -> insights -> charts ->
// reports -> display/interop/cli. Only the top-level folder of each file counts, so files move
// freely within a folder; the layer list and its exceptions are in scripts/lib/import-graph.js.
// Also fails on a relative import that names no file and on a top-level folder in no layer.
// Usage: node scripts/check-imports.js   Exit: 0 clean, 1 a finding.
import path from "node:path";
import { LAYERS, buildImportGraph, describeImport, findLayerViolations } from "./lib/import-graph.js";
import { projectRoot } from "./lib/paths.js";

const graph = buildImportGraph(path.join(projectRoot, "src"));
const { upward, unknownFolders, excepted } = findLayerViolations(graph);
let failed = false;
for (const u of graph.unresolved) {
  failed = true;
  console.log(`check-imports: src/${u.from}:${u.line} imports "${u.specifier}", which names no file`);
}
for (const f of unknownFolders) {
  failed = true;
  console.log(`check-imports: src/${f} is in no layer; add it to LAYERS in scripts/lib/import-graph.js (and to DESIGN.md)`);
}
for (const u of upward) {
  failed = true;
  console.log(`check-imports: ${describeImport(u)}: ${u.reason}`);
}
const layers = LAYERS.map((l) => l.folders.join("/")).join(" -> ");
if (failed) {
  console.log(`\nLayers, lowest first: ${layers}. A folder imports only from earlier layers (value, segments and models from each other).`);
  console.log("Move a shared helper or type down to the lowest layer that needs it.");
  process.exit(1);
}
const pairs = [...new Set(excepted.map((e) => `${e.from.split("/")[0]}/ -> ${e.to.split("/")[0]}/`))];
console.log(`check-imports: no upward import among ${graph.files.length} files of src/ (layers: ${layers})` +
  (pairs.length > 0 ? `; allowed by exception for now: ${pairs.join(", ")} (${excepted.length} imports)` : ""));
