// The graph of relative imports between the TypeScript files of src/, and the two rules that
// DESIGN.md ("The flow, and the layout that shows it") sets on it: no cycle (type-only imports
// included) and no import "up" the list of layers. Used by scripts/check-cycles.js,
// scripts/check-imports.js and test/architecture/import-graph.test.ts. Plain Node, no dependency.
//
// Only the top-level folder of a file matters (src/<layer>/...): files move freely inside it.
import fs from "node:fs";
import path from "node:path";

/**
 * The layers, lowest first. A file may import from its own top-level folder, from any folder of
 * an earlier layer, and from the other folders of its own layer when the layer says `mutual`.
 * The edge folders (display, interop, cli) may import anything below them but not each other.
 */
export const LAYERS = Object.freeze([
  { folders: ["math"] },
  { folders: ["data"] },
  { folders: ["engine"] },
  { folders: ["summary"] },
  { folders: ["value", "segments", "models"], mutual: true },
  { folders: ["insights"] },
  { folders: ["charts"] },
  { folders: ["reports"] },
  { folders: ["display", "interop", "cli"], mutual: false },
]);

/** Files directly in src/ that may import from any folder (the public API and crm-analytics/internal). */
export const ROOT_FILES_IMPORT_ANYTHING = Object.freeze(["index.ts", "internal.ts"]);

/**
 * Imports between two folders that the layers forbid but that are allowed for now, each with the
 * reason and what would remove it. Every check run prints the ones in use; drop an entry once the
 * code no longer needs it.
 */
export const LAYER_EXCEPTIONS = Object.freeze([
  {
    from: "display",
    to: "interop",
    why: "display's tables read any table form (records, arquero, danfo) through interop's _columns " +
      "and TableInput; to remove: move that table reader below both (e.g. data/), or rank interop below display",
  },
]);

/**
 * Replaces comments with spaces and the contents of string and template literals with spaces
 * (quotes kept), so that the result has the same length and line breaks as the source and the
 * regular expressions below see only code. Template substitutions `${...}` stay code.
 * Regular-expression literals are told from division by the token before the slash.
 */
export function maskSource(src) {
  const out = src.split("");
  const blank = (i) => { if (out[i] !== "\n") out[i] = " "; };
  const stack = []; // open template literals: the brace depth at which each substitution began
  let depth = 0;
  let i = 0;
  let prev = ""; // last significant code character, or a keyword ending with "k"
  const regexBefore = new Set("([{,;:=!&|?+-*%<>~^".split(""));
  const keywordBefore = /(?:^|[^\w$])(?:return|typeof|instanceof|in|of|new|delete|void|throw|case|do|else|yield|await)$/;
  const n = src.length;
  const skipString = (q) => { // i at the opening quote; leaves i after the closing one
    i++;
    while (i < n && src[i] !== q && src[i] !== "\n") { if (src[i] === "\\") { blank(i); i++; } blank(i); i++; }
    i++;
  };
  const skipTemplate = () => { // i just after ` or after the } that closes a substitution
    while (i < n) {
      if (src[i] === "\\") { blank(i); blank(i + 1); i += 2; continue; }
      if (src[i] === "`") { i++; return; }
      if (src[i] === "$" && src[i + 1] === "{") { stack.push(depth); depth++; i += 2; return; }
      blank(i); i++;
    }
  };
  while (i < n) {
    const c = src[i];
    if (c === "/" && src[i + 1] === "/") { while (i < n && src[i] !== "\n") { blank(i); i++; } continue; }
    if (c === "/" && src[i + 1] === "*") {
      blank(i); blank(i + 1); i += 2;
      while (i < n && !(src[i] === "*" && src[i + 1] === "/")) { blank(i); i++; }
      blank(i); blank(i + 1); i += 2;
      continue;
    }
    if (c === "'" || c === '"') { skipString(c); prev = "s"; continue; }
    if (c === "`") { i++; skipTemplate(); prev = "s"; continue; }
    if (c === "/") {
      const before = src.slice(Math.max(0, i - 12), i).trimEnd();
      if (prev === "" || regexBefore.has(prev) || keywordBefore.test(before)) {
        i++;
        let inClass = false;
        while (i < n && src[i] !== "\n") {
          if (src[i] === "\\") { blank(i); blank(i + 1); i += 2; continue; }
          if (src[i] === "[") inClass = true;
          else if (src[i] === "]") inClass = false;
          else if (src[i] === "/" && !inClass) break;
          blank(i); i++;
        }
        i++;
        prev = "r";
        continue;
      }
    }
    if (c === "{") depth++;
    if (c === "}") {
      if (stack.length > 0 && stack[stack.length - 1] === depth - 1) { stack.pop(); depth--; i++; skipTemplate(); prev = "s"; continue; }
      depth--;
    }
    if (!/\s/.test(c)) prev = c;
    i++;
  }
  return out.join("");
}

const STATIC = /^[ \t]*(import|export)\b([\w$\s{},*]*?)\bfrom\s*(["'])/gm;
const SIDE_EFFECT = /^[ \t]*import\s*(["'])/gm;
const DYNAMIC = /\bimport\s*\(\s*(["'])/g;

/**
 * The module specifiers of one source text, each with its line and whether it is type-only
 * (`import type`, `export type`, every name marked `type`, or a type-position `import("...")`).
 */
export function importsOf(src) {
  const masked = maskSource(src);
  const found = [];
  const specifierAt = (quoteIndex) => {
    const q = src[quoteIndex];
    const end = src.indexOf(q, quoteIndex + 1);
    return src.slice(quoteIndex + 1, end);
  };
  const lineAt = (index) => src.slice(0, index).split("\n").length;
  for (const m of masked.matchAll(STATIC)) {
    const clause = m[2].trim();
    const names = /\{([^}]*)\}/.exec(clause);
    const typeOnly = /^type\b/.test(clause) ||
      (names !== null && clause.replace(names[0], "").trim() === "" &&
        names[1].split(",").map((s) => s.trim()).filter(Boolean).every((s) => /^type\b/.test(s)));
    const quote = m.index + m[0].length - 1;
    found.push({ specifier: specifierAt(quote), line: lineAt(quote), kind: m[1], typeOnly });
  }
  for (const m of masked.matchAll(SIDE_EFFECT)) {
    const quote = m.index + m[0].length - 1;
    found.push({ specifier: specifierAt(quote), line: lineAt(quote), kind: "import", typeOnly: false });
  }
  for (const m of masked.matchAll(DYNAMIC)) {
    const quote = m.index + m[0].length - 1;
    const close = masked.indexOf(")", quote);
    // `import("./x.js").Name` in a type position is a type-only dependency.
    const typeOnly = masked[close + 1] === "." && !/^\.\s*then\b/.test(masked.slice(close + 1));
    found.push({ specifier: specifierAt(quote), line: lineAt(quote), kind: "import()", typeOnly });
  }
  return found.sort((a, b) => a.line - b.line);
}

/** Every .ts file below dir (no .d.ts), as absolute paths, sorted. */
export function listTsFiles(dir) {
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) files.push(p);
    }
  };
  walk(dir);
  return files.sort();
}

/** The .ts file a relative specifier names (NodeNext: "./x.js" is ./x.ts), or null. */
function resolveRelative(fromFile, specifier) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = /\.[cm]?js$/.test(base)
    ? [base.replace(/\.([cm]?)js$/, ".$1ts"), base]
    : [base, `${base}.ts`, path.join(base, "index.ts")];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? null;
}

/**
 * Builds the graph of relative imports among the .ts files of srcDir.
 * @returns {{ srcDir: string, files: string[], edges: Map<string, Array<{ to: string, specifier: string, line: number, typeOnly: boolean }>>, unresolved: Array<{ from: string, specifier: string, line: number }> }}
 *   file names relative to srcDir with "/" separators
 */
export function buildImportGraph(srcDir) {
  const abs = listTsFiles(srcDir);
  const rel = (p) => path.relative(srcDir, p).split(path.sep).join("/");
  const edges = new Map();
  const unresolved = [];
  for (const file of abs) {
    const list = [];
    for (const imp of importsOf(fs.readFileSync(file, "utf8"))) {
      if (!imp.specifier.startsWith(".")) continue;
      const target = resolveRelative(file, imp.specifier);
      if (target === null || !target.endsWith(".ts")) {
        if (target === null) unresolved.push({ from: rel(file), specifier: imp.specifier, line: imp.line });
        continue;
      }
      const to = rel(target);
      if (to.startsWith("../")) continue; // outside srcDir: not part of this graph
      list.push({ to, specifier: imp.specifier, line: imp.line, typeOnly: imp.typeOnly });
    }
    edges.set(rel(file), list);
  }
  return { srcDir, files: abs.map(rel), edges, unresolved };
}

/**
 * The cycles of the graph: its strongly connected components with more than one file, or one file
 * importing itself (Tarjan's algorithm, iterative). Each comes with the imports inside it.
 * @returns {Array<{ files: string[], imports: Array<{ from: string, to: string, line: number, typeOnly: boolean }> }>}
 */
export function findCycles(graph) {
  const index = new Map(), low = new Map(), onStack = new Set(), stack = [], components = [];
  let counter = 0;
  const targets = (f) => (graph.edges.get(f) ?? []).map((e) => e.to).filter((t) => graph.edges.has(t));
  for (const root of graph.files) {
    if (index.has(root)) continue;
    const work = [{ file: root, next: 0 }];
    index.set(root, counter); low.set(root, counter); counter++;
    stack.push(root); onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const outs = targets(frame.file);
      if (frame.next < outs.length) {
        const t = outs[frame.next++];
        if (!index.has(t)) {
          index.set(t, counter); low.set(t, counter); counter++;
          stack.push(t); onStack.add(t);
          work.push({ file: t, next: 0 });
        } else if (onStack.has(t)) {
          low.set(frame.file, Math.min(low.get(frame.file), index.get(t)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].file;
        low.set(parent, Math.min(low.get(parent), low.get(frame.file)));
      }
      if (low.get(frame.file) === index.get(frame.file)) {
        const members = [];
        let m;
        do { m = stack.pop(); onStack.delete(m); members.push(m); } while (m !== frame.file);
        components.push(members);
      }
    }
  }
  const cycles = [];
  for (const members of components) {
    const inside = new Set(members);
    const imports = [];
    for (const from of members) {
      for (const e of graph.edges.get(from) ?? []) {
        if (inside.has(e.to)) imports.push({ from, to: e.to, line: e.line, typeOnly: e.typeOnly });
      }
    }
    imports.sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : x.line - y.line));
    if (members.length > 1 || imports.length > 0) cycles.push({ files: members.sort(), imports });
  }
  return cycles.sort((a, b) => (a.files[0] < b.files[0] ? -1 : 1));
}

/** The top-level folder of a file relative to src ("" for a file directly in src). */
export const topFolder = (file) => (file.includes("/") ? file.slice(0, file.indexOf("/")) : "");

/**
 * The imports that break the layer rule, the files that no layer holds, and the imports that
 * {@link LAYER_EXCEPTIONS} lets through.
 * @returns {{ upward: Array<{ from: string, to: string, line: number, typeOnly: boolean, reason: string }>, unknownFolders: string[], excepted: Array<{ from: string, to: string, line: number, typeOnly: boolean, reason: string }> }}
 */
export function findLayerViolations(graph, layers = LAYERS, exceptions = LAYER_EXCEPTIONS) {
  const levelOf = new Map();
  layers.forEach((layer, k) => { for (const f of layer.folders) levelOf.set(f, k); });
  const upward = [];
  const excepted = [];
  const unknown = new Set();
  for (const [from, list] of graph.edges) {
    const a = topFolder(from);
    if (a === "" && ROOT_FILES_IMPORT_ANYTHING.includes(from)) continue;
    if (!levelOf.has(a)) { unknown.add(a === "" ? from : `${a}/`); continue; }
    for (const e of list) {
      const b = topFolder(e.to);
      if (a === b) continue;
      const la = levelOf.get(a), lb = levelOf.get(b);
      let reason = null;
      if (lb === undefined) reason = `src/${e.to} is in no layer`;
      else if (lb > la) reason = `${a}/ may not import from ${b}/, a later layer`;
      else if (lb === la && !layers[la].mutual) reason = `${a}/ and ${b}/ are edge folders and may not import each other`;
      if (reason === null) continue;
      const exception = exceptions.find((x) => x.from === a && x.to === b);
      const found = { from, to: e.to, line: e.line, typeOnly: e.typeOnly, reason: exception ? exception.why : reason };
      (exception ? excepted : upward).push(found);
    }
  }
  return { upward, unknownFolders: [...unknown].sort(), excepted };
}

/** One line for an import: `from:line -> to (type-only)`. */
export const describeImport = (e) => `src/${e.from}:${e.line} -> src/${e.to}${e.typeOnly ? " (type-only)" : ""}`;
