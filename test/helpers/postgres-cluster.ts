// A throwaway PostgreSQL cluster for tests: initdb in a temp dir, a free port on 127.0.0.1, the
// unix socket in the temp dir, torn down (server stopped, dir removed) by stop(). Debian's
// binaries (/usr/lib/postgresql/<version>/bin); initdb refuses to run as root, so as root every
// server command runs as the `postgres` user (runuser) and the temp dir is made theirs.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** A running cluster: its URL (with the password), its parts, and how to stop it. */
export interface PostgresCluster {
  /** postgresql://postgres:PASSWORD@127.0.0.1:PORT/postgres */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The folder of the unix socket (and of the data). */
  readonly dir: string;
  /** Stops the server (immediate) and removes the folder; safe to call twice. */
  stop(): void;
}

/** The bin folder of the newest installed PostgreSQL with initdb and pg_ctl, or undefined. */
export function postgresBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(root, v, "bin");
    if (existsSync(path.join(bin, "initdb")) && existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  return undefined;
}

/** Why the PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresUnavailable(): string | undefined {
  if (postgresBinDir() === undefined) return "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb); install Debian's postgresql (.ci/run does)";
  if (process.getuid?.() === 0 && spawnSync("id", ["-u", "postgres"]).status !== 0) return "running as root and there is no postgres user to run initdb as";
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a throwaway cluster with password authentication over TCP (scram-sha-256) and trust on
 * its own unix socket. Call `stop()` at the end (in afterAll), also when a test fails.
 *
 * @throws Error when initdb or the server fails to start (with the server log)
 * @example
 * const pg = await startPostgresCluster();
 * try { ... pg.url ... } finally { pg.stop(); }
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (bin === undefined) throw new Error("startPostgresCluster: no PostgreSQL binaries");
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), "crm-pg-"));
  const data = path.join(dir, "data");
  const password = "s3cret-Pw-42";
  const pwfile = path.join(dir, "pw");
  writeFileSync(pwfile, `${password}\n`);
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  const run = (program: string, args: string[]): void => {
    const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, program), ...args]] : [path.join(bin, program), args];
    const r = spawnSync(cmd, argv, { encoding: "utf8", cwd: dir, timeout: 120_000 });
    if (r.status !== 0) {
      const log = existsSync(path.join(dir, "log")) ? readFileSync(path.join(dir, "log"), "utf8") : "";
      throw new Error(`${program} failed (${r.status}): ${r.stderr || r.stdout}\n${log}`);
    }
  };
  let started = false;
  const stop = (): void => {
    if (started) {
      started = false;
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // the server is already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run("initdb", ["-D", data, "-U", "postgres", "--pwfile", pwfile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    const port = await freePort();
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=32MB`;
    started = true;
    run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-o", opts, "-w", "-t", "60", "start"]);
    const user = "postgres";
    return Object.freeze({ url: `postgresql://${user}:${password}@127.0.0.1:${port}/postgres`, host: "127.0.0.1", port, user, password, dir, stop });
  } catch (error) {
    stop();
    throw error;
  }
}
