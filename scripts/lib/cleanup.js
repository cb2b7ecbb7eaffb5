// Registry of child processes and temporary folders the notebook runner owns, so a signal
// handler can kill exactly those, by pid, together with their descendants (nbconvert starts
// its kernel in a new session, out of reach of process-group signals), and remove the folders.
import fs from "node:fs";

const procs = new Set();
const dirs = new Set();

export const trackProcess = (proc) => { procs.add(proc); proc.once("exit", () => procs.delete(proc)); };
export const trackDir = (dir) => dirs.add(dir);
export const untrackDir = (dir) => dirs.delete(dir);

/** Pids of all descendants of `pid` (Linux /proc; empty elsewhere). */
function descendants(pid) {
  let parents;
  try {
    parents = new Map();
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        parents.set(Number(entry), ppid);
      } catch { /* process ended meanwhile */ }
    }
  } catch {
    return [];
  }
  const found = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift();
    for (const [child, parent] of parents) if (parent === p) { found.push(child); queue.push(child); }
  }
  return found;
}

/** Synchronously kills tracked processes (and their descendants) and removes tracked folders. */
export function cleanupAll() {
  for (const proc of procs) {
    for (const pid of [...descendants(proc.pid), proc.pid]) {
      try { process.kill(pid, "SIGKILL"); } catch { /* already gone */ }
    }
  }
  procs.clear();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}
