// A small Jupyter wire-protocol client (messaging spec 5.3) over the `zeromq` v6 package:
// writes a connection file, spawns the tslab kernel, signs messages with HMAC-SHA256, and
// routes shell/control replies and iopub messages to whoever waits for their parent msg_id.
import { spawn } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import * as zmq from "zeromq";
import { trackDir, trackProcess, untrackDir } from "./cleanup.js";
import { tslabBin } from "./paths.js";

const DELIM = "<IDS|MSG>";

/** Picks `n` distinct free TCP ports on 127.0.0.1 by binding servers to port 0. */
async function freePorts(n) {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise((resolve, reject) => {
      const s = net.createServer();
      s.once("error", reject);
      s.listen(0, "127.0.0.1", () => resolve(s));
    })),
  );
  const ports = servers.map((s) => s.address().port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

function withTimeout(promise, ms, message) {
  let timer;
  const t = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

export class KernelClient {
  /** @param {{ cwd: string, label?: string, onStderr?: (text: string) => void }} opts */
  constructor({ cwd, label = "kernel", onStderr = () => {} }) {
    this.cwd = cwd;
    this.label = label;
    this.onStderr = onStderr;
    this.session = randomUUID();
    this.key = randomBytes(32).toString("hex");
    this.waiters = new Map(); // parent msg_id -> { onIopub, onReply }
    this.sendChain = new Map(); // socket -> promise (zeromq allows one send at a time)
    this.exited = null; // set to an Error once the kernel process is gone
    this.stderrTail = "";
  }

  /** Spawns the kernel and waits until it answers kernel_info and iopub is flowing. */
  async start(timeoutMs = 60_000) {
    const [shell, iopub, stdin, control, hb] = await freePorts(5);
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), "run-notebooks-"));
    trackDir(this.tmp);
    this.connFile = path.join(this.tmp, "connection.json");
    fs.writeFileSync(this.connFile, JSON.stringify({
      shell_port: shell, iopub_port: iopub, stdin_port: stdin, control_port: control, hb_port: hb,
      ip: "127.0.0.1", transport: "tcp", key: this.key, signature_scheme: "hmac-sha256",
      kernel_name: "tslab",
    }, null, 2));

    this.proc = spawn(process.execPath, [tslabBin, "kernel", "--config-path", this.connFile], {
      cwd: this.cwd, stdio: ["ignore", "pipe", "pipe"], env: process.env,
    });
    trackProcess(this.proc);
    this.exitPromise = new Promise((resolve) => {
      this.proc.once("exit", (code, signal) => {
        this.exited = new Error(
          `${this.label}: kernel exited (code ${code}, signal ${signal})` +
          (this.stderrTail ? `; its stderr:\n${this.stderrTail}` : ""),
        );
        for (const w of this.waiters.values()) w.onExit?.(this.exited);
        resolve();
      });
      this.proc.once("error", (err) => {
        this.exited = new Error(`${this.label}: cannot start kernel: ${err.message}`);
        for (const w of this.waiters.values()) w.onExit?.(this.exited);
        resolve();
      });
    });
    const keepTail = (chunk) => { this.stderrTail = (this.stderrTail + chunk).slice(-4000); };
    this.proc.stdout.setEncoding("utf8").on("data", keepTail);
    this.proc.stderr.setEncoding("utf8").on("data", (chunk) => { keepTail(chunk); this.onStderr(chunk); });

    const addr = (port) => `tcp://127.0.0.1:${port}`;
    this.shell = new zmq.Dealer({ linger: 0 });
    this.control = new zmq.Dealer({ linger: 0 });
    this.iopub = new zmq.Subscriber({ linger: 0 });
    this.shell.connect(addr(shell));
    this.control.connect(addr(control));
    this.iopub.connect(addr(iopub));
    this.iopub.subscribe();
    this.readers = [this.shell, this.control, this.iopub].map((s) => this.#readLoop(s));

    // The reply proves the shell works; an iopub status for the same request proves our
    // subscription is live (the "slow joiner" problem), so repeat until both are seen.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${this.label}: kernel ready but iopub never delivered a message`);
      const { reply, iopub: seen } = await this.request(this.shell, "kernel_info_request", {}, {
        timeoutMs: left, idleTimeoutMs: 1000,
      }).catch(() => {
        throw this.exited ?? new Error(`${this.label}: kernel did not answer kernel_info_request within ` +
          `${Math.round(timeoutMs / 1000)} s` + (this.stderrTail ? `; its stderr:\n${this.stderrTail}` : ""));
      });
      if (reply && seen.some((m) => m.header.msg_type === "status")) return reply.content;
    }
  }

  #sign(parts) {
    const h = createHmac("sha256", this.key);
    for (const p of parts) h.update(p);
    return h.digest("hex");
  }

  async #readLoop(sock) {
    try {
      for await (const frames of sock) {
        const msg = this.#decode(frames);
        if (!msg) continue;
        const w = this.waiters.get(msg.parent_header?.msg_id);
        if (!w) continue;
        if (sock === this.iopub) w.onIopub(msg);
        else w.onReply(msg);
      }
    } catch (err) {
      if (!this.closed) this.onStderr(`${this.label}: socket read failed: ${err.message}\n`);
    }
  }

  #decode(frames) {
    const i = frames.findIndex((f) => f.toString() === DELIM);
    if (i < 0 || frames.length < i + 6) return null;
    const parts = frames.slice(i + 2, i + 6);
    if (frames[i + 1].toString() !== this.#sign(parts)) {
      this.onStderr(`${this.label}: dropped a message with a bad signature\n`);
      return null;
    }
    const [header, parent_header, metadata, content] = parts.map((p) => JSON.parse(p.toString()));
    return { header, parent_header, metadata, content };
  }

  #send(sock, msgType, content) {
    const header = {
      msg_id: randomUUID(), session: this.session, username: "run-notebooks",
      date: new Date().toISOString(), msg_type: msgType, version: "5.3",
    };
    const parts = [header, {}, {}, content].map((o) => JSON.stringify(o));
    const frames = [DELIM, this.#sign(parts), ...parts];
    const prev = this.sendChain.get(sock) ?? Promise.resolve();
    const next = prev.then(() => sock.send(frames));
    this.sendChain.set(sock, next.catch(() => {}));
    return { header, sent: next };
  }

  /**
   * Sends one request and resolves with { reply, iopub } once the reply has arrived and iopub
   * reported status idle for it (or `idleTimeoutMs` after the reply, if given). `onIopub` sees
   * each iopub message as it arrives. Rejects on timeout or when the kernel dies.
   */
  request(sock, msgType, content, { timeoutMs, idleTimeoutMs, onIopub = () => {}, what = `${this.label}: ${msgType}` } = {}) {
    if (this.exited) return Promise.reject(this.exited);
    const { header, sent } = this.#send(sock, msgType, content);
    const id = header.msg_id;
    const done = new Promise((resolve, reject) => {
      const state = { reply: null, idle: false, iopub: [] };
      let graceTimer;
      const settle = () => { clearTimeout(graceTimer); resolve({ reply: state.reply, iopub: state.iopub }); };
      this.waiters.set(id, {
        onIopub: (msg) => {
          state.iopub.push(msg);
          onIopub(msg);
          if (msg.header.msg_type === "status" && msg.content.execution_state === "idle") state.idle = true;
          if (state.reply && state.idle) settle();
        },
        onReply: (msg) => {
          state.reply = msg;
          if (state.idle) settle();
          else if (idleTimeoutMs !== undefined) graceTimer = setTimeout(settle, idleTimeoutMs);
        },
        onExit: (err) => { clearTimeout(graceTimer); reject(err); },
      });
      sent.catch(reject);
    });
    const secs = Math.round(timeoutMs / 100) / 10;
    return withTimeout(done, timeoutMs, `${what} timed out after ${secs} s`)
      .finally(() => this.waiters.delete(id));
  }

  /** Runs code; resolves with { reply, iopub } (iopub = every message for this request). */
  execute(code, { timeoutMs, onIopub, what } = {}) {
    return this.request(this.shell, "execute_request", {
      code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false,
      stop_on_error: true,
    }, { timeoutMs, onIopub, what });
  }

  /** shutdown_request on control, then wait briefly, then kill; cleans up sockets and files. */
  async shutdown() {
    if (this.proc && !this.exited) {
      try {
        await this.request(this.control, "shutdown_request", { restart: false },
          { timeoutMs: 5000, idleTimeoutMs: 500 });
      } catch { /* kernel busy or already gone: we kill it below */ }
      await withTimeout(this.exitPromise, 3000, "exit").catch(() => {});
      if (!this.exited) {
        this.proc.kill("SIGKILL");
        await withTimeout(this.exitPromise, 3000, "kill").catch(() => {});
      }
    }
    this.closed = true;
    for (const s of [this.shell, this.control, this.iopub]) s?.close();
    await Promise.allSettled(this.readers ?? []);
    if (this.tmp) {
      fs.rmSync(this.tmp, { recursive: true, force: true });
      untrackDir(this.tmp);
    }
  }
}
