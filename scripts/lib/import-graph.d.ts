// Types of import-graph.js, for test/architecture/import-graph.test.ts (the project has no allowJs).

export interface Layer {
  readonly folders: readonly string[];
  /** Whether the folders of this layer may import each other. */
  readonly mutual?: boolean;
}
export interface LayerException {
  readonly from: string;
  readonly to: string;
  readonly why: string;
}
export interface FoundImport {
  readonly specifier: string;
  readonly line: number;
  readonly kind: "import" | "export" | "import()";
  readonly typeOnly: boolean;
}
export interface Edge {
  readonly to: string;
  readonly specifier: string;
  readonly line: number;
  readonly typeOnly: boolean;
}
export interface ImportGraph {
  readonly srcDir: string;
  /** Files relative to srcDir, "/"-separated. */
  readonly files: readonly string[];
  readonly edges: ReadonlyMap<string, readonly Edge[]>;
  readonly unresolved: ReadonlyArray<{ readonly from: string; readonly specifier: string; readonly line: number }>;
}
export interface GraphImport {
  readonly from: string;
  readonly to: string;
  readonly line: number;
  readonly typeOnly: boolean;
}
export interface Cycle {
  readonly files: readonly string[];
  readonly imports: readonly GraphImport[];
}
export interface LayerViolation extends GraphImport {
  readonly reason: string;
}

export const LAYERS: readonly Layer[];
export const ROOT_FILES_IMPORT_ANYTHING: readonly string[];
export const LAYER_EXCEPTIONS: readonly LayerException[];
export function maskSource(src: string): string;
export function importsOf(src: string): FoundImport[];
export function listTsFiles(dir: string): string[];
export function buildImportGraph(srcDir: string): ImportGraph;
export function findCycles(graph: ImportGraph): Cycle[];
export function topFolder(file: string): string;
export function findLayerViolations(
  graph: ImportGraph,
  layers?: readonly Layer[],
  exceptions?: readonly LayerException[],
): { upward: LayerViolation[]; unknownFolders: string[]; excepted: LayerViolation[] };
export function describeImport(e: GraphImport): string;
