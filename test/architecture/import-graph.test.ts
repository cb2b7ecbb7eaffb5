// The import graph of src/ keeps the flow of DESIGN.md: no cycle (type-only imports included) and
// no import "up" the layers (issue 10, item 7). The same checks as `npm run lint`
// (scripts/check-cycles.js, scripts/check-imports.js), so `npm test` fails on them too.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildImportGraph,
  describeImport,
  findCycles,
  findLayerViolations,
  importsOf,
} from "../../scripts/lib/import-graph.js";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "src");

describe("the import graph of src/", () => {
  const graph = buildImportGraph(SRC);

  it("has every relative import naming a file", () => {
    expect(graph.files.length).toBeGreaterThan(100);
    expect(graph.unresolved).toEqual([]);
  });

  it("has no import cycle, type-only imports included", () => {
    const cycles = findCycles(graph).map((c) => `${c.files.join(" <-> ")}: ${c.imports.map(describeImport).join("; ")}`);
    expect(cycles).toEqual([]);
  });

  it("imports only down the layers (math -> data -> engine -> summary -> value/segments/models -> insights -> charts -> reports -> edge)", () => {
    const { upward, unknownFolders } = findLayerViolations(graph);
    expect(unknownFolders).toEqual([]);
    expect(upward.map((u) => `${describeImport(u)}: ${u.reason}`)).toEqual([]);
  });
});

describe("importsOf", () => {
  it("finds static, type-only, re-export, side-effect and dynamic imports", () => {
    const src = [
      'import { a } from "./a.js";',
      'import type { B } from "./b.js";',
      'import { type C, type D } from "./c.js";',
      'import { type E, f } from "./e.js";',
      "import {",
      "  g,",
      "  h,",
      '} from "./g.js";',
      'export { i } from "./i.js";',
      'export type { J } from "./j.js";',
      'export * from "./k.js";',
      'import "./l.js";',
      'const m = await import("./m.js");',
      'type N = import("./n.js").N;',
    ].join("\n");
    expect(importsOf(src).map((i) => [i.specifier, i.line, i.typeOnly])).toEqual([
      ["./a.js", 1, false],
      ["./b.js", 2, true],
      ["./c.js", 3, true],
      ["./e.js", 4, false],
      ["./g.js", 8, false],
      ["./i.js", 9, false],
      ["./j.js", 10, true],
      ["./k.js", 11, false],
      ["./l.js", 12, false],
      ["./m.js", 13, false],
      ["./n.js", 14, true],
    ]);
  });

  it("ignores imports written in comments, strings, template literals and regular expressions", () => {
    const src = [
      '/** {@link import("./doc.js").X}',
      ' * import { y } from "./example.js";',
      " */",
      '// import { z } from "./line.js";',
      "const s = 'import(\"./string.js\")';",
      'const t = `node -e \'import("./template.js")\' ${String(1)} import("./template2.js")`;',
      'const r = /["\'`]/g; const q = "/*";',
      'import { real } from "./real.js";',
    ].join("\n");
    expect(importsOf(src).map((i) => i.specifier)).toEqual(["./real.js"]);
  });
});

describe("findCycles and findLayerViolations", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "import-graph-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  write("math/a.ts", 'import type { B } from "../math/deep/b.js";\nexport const a = 1;\n');
  write("math/deep/b.ts", 'import { a } from "../a.js";\nexport type B = typeof a;\n');
  write("math/c.ts", 'import { d } from "../data/d.js";\nexport const c = d;\n');
  write("data/d.ts", "export const d = 1;\n");
  write("value/v.ts", 'import { s } from "../segments/s.js";\nexport const v = s;\n');
  write("segments/s.ts", "export const s = 1;\n");
  write("display/x.ts", 'import { y } from "../cli/y.js";\nexport const x = y;\n');
  write("cli/y.ts", "export const y = 1;\n");
  write("odd/z.ts", "export const z = 1;\n");
  write("index.ts", 'export { y } from "./cli/y.js";\n');
  const graph = buildImportGraph(dir);

  it("reports a type-only cycle across sub-folders with the imports inside it", () => {
    expect(findCycles(graph)).toEqual([
      {
        files: ["math/a.ts", "math/deep/b.ts"],
        imports: [
          { from: "math/a.ts", to: "math/deep/b.ts", line: 1, typeOnly: true },
          { from: "math/deep/b.ts", to: "math/a.ts", line: 1, typeOnly: false },
        ],
      },
    ]);
  });

  it("reports an upward import, an import between edge folders and a folder in no layer; allows index.ts and a mutual layer", () => {
    const { upward, unknownFolders } = findLayerViolations(graph);
    expect(upward.map((u) => [u.from, u.to])).toEqual([
      ["display/x.ts", "cli/y.ts"],
      ["math/c.ts", "data/d.ts"],
    ]);
    expect(unknownFolders).toEqual(["odd/"]);
  });
});
