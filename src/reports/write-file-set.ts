import { randomBytes } from "node:crypto";
import { lstatSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeFolder } from "../data/output/make-folder.js";
import { DataError } from "../data/data-error.js";

/**
 * Writes the file at `temp` (e.g. a PDF printed by a child process from an earlier file of the
 * set). `temps` are the temporary paths of the entries before it, in order; `signal` is aborted
 * when the process is interrupted (kill the child with it).
 */
export type FileSetWriter = (temp: string, temps: readonly string[], signal: AbortSignal) => Promise<void>;

/** One file of a set: its target path and its content (text as UTF-8, bytes, or a writer). */
export interface FileSetEntry {
  readonly path: string;
  readonly content: string | Uint8Array | FileSetWriter;
}

const SIGNALS = ["SIGINT", "SIGTERM"] as const;
/** `.<target name>.<pid>-<12 hex>.tmp`, and the older `.<target name>.<12 hex>.tmp` of writeFileAtomic. */
const tempName = (target: string): string => `.${path.basename(target)}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temp files of these targets left by a killed process (its pid no longer runs). */
function removeStale(targets: readonly string[]): void {
  for (const dir of new Set(targets.map((t) => path.dirname(t)))) {
    const names = targets.filter((t) => path.dirname(t) === dir).map((t) => escapeRe(path.basename(t)));
    const re = new RegExp(`^\\.(?:${names.join("|")})\\.(?:(\\d+)-)?[0-9a-f]{12}\\.tmp$`);
    for (const name of readdirSync(dir)) {
      const m = re.exec(name);
      if (m && (m[1] === undefined || !alive(Number(m[1])))) rmSync(path.join(dir, name), { force: true });
    }
  }
}

/**
 * Writes several files so that they appear together or not at all: every file goes first to a
 * temporary file beside its target (`.<name>.<pid>-<hex>.tmp`), then all are renamed over their
 * targets one right after the other, synchronously, so no signal handler runs in between. On
 * any error every temporary file is removed and the old files stay as they were. While the set
 * is written a SIGINT/SIGTERM handler is installed (and removed afterwards): it aborts the
 * writers' `signal`, removes the temporary files and re-raises the signal. A process killed
 * with SIGKILL can leave temporary files: the next call for the same targets removes those
 * whose process no longer runs (and those of the older `.<name>.<hex>.tmp` pattern). The one
 * window POSIX cannot close is a SIGKILL during the few microseconds of the renames.
 *
 * @param entries - the files, in writing order (a writer sees the temp paths of those before it)
 * @returns the absolute target paths, in order
 * @throws DataError when a target is a folder (before anything is renamed) or the file system
 *   refuses a write (disk full, permissions), after removing every temporary file; a writer's
 *   own error as it is
 * @example
 * await writeFileSet([{ path: "out/a.html", content: html }, { path: "out/a.xlsx", content: bytes }]);
 * // ["/abs/out/a.html", "/abs/out/a.xlsx"]
 */
export async function writeFileSet(entries: readonly FileSetEntry[]): Promise<string[]> {
  const targets = entries.map((e) => path.resolve(e.path));
  for (const dir of new Set(targets.map((t) => path.dirname(t)))) await makeFolder(dir, `writeFileSet: "${dir}"`);
  removeStale(targets);
  const temps: string[] = [];
  const abort = new AbortController();
  const cleanUp = (): void => { for (const t of temps) rmSync(t, { force: true }); };
  const onSignal = (signal: NodeJS.Signals): void => {
    abort.abort();
    cleanUp();
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    for (const [i, e] of entries.entries()) {
      const temp = path.join(path.dirname(targets[i]!), tempName(targets[i]!));
      const before = [...temps];
      temps.push(temp);
      if (typeof e.content === "function") await e.content(temp, before, abort.signal);
      else writeFileSync(temp, e.content);
    }
    for (const t of targets) {
      let folder = false;
      try { folder = lstatSync(t).isDirectory(); } catch { /* no such file: fine */ }
      if (folder) throw new DataError(`writeFileSet: "${t}" is a folder, not a file; nothing was replaced (move it away or choose another --out)`);
    }
    targets.forEach((t, i) => renameSync(temps[i]!, t));
    temps.length = 0;
    return targets;
  } catch (error) {
    // A file-system refusal (disk full, permissions) is one line naming the file, exit 2.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && !(error instanceof DataError)) throw new DataError(`writeFileSet: cannot write the report files in "${path.dirname(targets[0]!)}" (${code})`);
    throw error;
  } finally {
    cleanUp();
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  }
}
