// Pass 1 of run-notebooks: executes a notebook's code cells in order in one tslab kernel
// (through kernel-client.js), records outputs in nbformat 4 shape, and reports problems:
// `error` messages, execute_reply status "error", stderr streams, and kernel crashes.
import fs from "node:fs";
import path from "node:path";
import { KernelClient } from "./kernel-client.js";

const text = (src) => (Array.isArray(src) ? src.join("") : src ?? "");
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");

/** Turns one iopub message into an nbformat output (or null), updating `outputs` in place. */
function recordOutput(outputs, msg, displays, pending) {
  const { msg_type: type } = msg.header;
  const c = msg.content;
  if (pending.clear && ["stream", "display_data", "execute_result", "error"].includes(type)) {
    outputs.length = 0;
    pending.clear = false;
  }
  switch (type) {
    case "stream": {
      const last = outputs[outputs.length - 1];
      if (last?.output_type === "stream" && last.name === c.name) last.text += c.text;
      else outputs.push({ output_type: "stream", name: c.name, text: c.text });
      break;
    }
    case "display_data": {
      const out = { output_type: "display_data", data: c.data ?? {}, metadata: c.metadata ?? {} };
      outputs.push(out);
      const id = c.transient?.display_id;
      if (id) displays.set(id, [...(displays.get(id) ?? []), out]);
      break;
    }
    case "update_display_data":
      for (const out of displays.get(c.transient?.display_id) ?? []) {
        out.data = c.data ?? {};
        out.metadata = c.metadata ?? {};
      }
      break;
    case "execute_result":
      outputs.push({
        output_type: "execute_result", execution_count: c.execution_count ?? null,
        data: c.data ?? {}, metadata: c.metadata ?? {},
      });
      break;
    case "error":
      outputs.push({ output_type: "error", ename: c.ename, evalue: c.evalue, traceback: c.traceback ?? [] });
      break;
    case "clear_output":
      if (c.wait) pending.clear = true;
      else outputs.length = 0;
      break;
    default:
  }
}

function describeError(e) {
  const tb = (e.traceback ?? []).map(stripAnsi).join("\n").trim();
  const head = `${e.ename}: ${e.evalue}`;
  return tb && tb.includes(String(e.evalue)) ? tb : [head, tb].filter(Boolean).join("\n");
}

/**
 * Runs `file`; returns { ok, problems: string[], notebook } where notebook has the outputs.
 * Stops at the first cell that raises (as Jupyter does); stderr output fails but continues.
 */
export async function runNotebookInKernel(file, { cellTimeoutMs, startTimeoutMs = 60_000, log }) {
  const name = path.basename(file);
  let nb;
  try {
    nb = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    return { ok: false, problems: [`${name}: cannot read notebook: ${err.message}`], notebook: null };
  }
  const cells = (nb.cells ?? []).filter((c) => c.cell_type === "code");
  const problems = [];
  const crashes = [];
  const client = new KernelClient({
    cwd: path.dirname(file),
    label: name,
    onStderr: (chunk) => {
      log(chunk.replace(/^(?=.)/gm, `  [${name} kernel stderr] `).replace(/\n?$/, "\n"));
      for (const m of chunk.matchAll(/^(UncaughtException|UnhandledPromiseRejection):.*$/gm)) crashes.push(m[0]);
    },
  });
  try {
    const t0 = Date.now();
    const info = await client.start(startTimeoutMs);
    log(`${name}: kernel ${info.implementation ?? "tslab"} ${info.implementation_version ?? ""} ready in ` +
      `${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    for (const cell of cells) cell.outputs = [], cell.execution_count = null;
    for (const [i, cell] of cells.entries()) {
      const where = `${name} cell ${i + 1}/${cells.length}`;
      const code = text(cell.source);
      const outputs = [];
      const displays = new Map();
      const pending = { clear: false };
      const started = Date.now();
      log(`${where} ...\n`);
      let result;
      try {
        result = await client.execute(code, {
          timeoutMs: cellTimeoutMs,
          what: `${where}: execute_request (NOTEBOOK_CELL_TIMEOUT_S=${cellTimeoutMs / 1000})`,
          onIopub: (msg) => {
            recordOutput(outputs, msg, displays, pending);
            if (msg.header.msg_type === "execute_input") cell.execution_count = msg.content.execution_count ?? null;
          },
        });
      } catch (err) {
        cell.outputs = outputs;
        const msg = err.message.startsWith(where) ? err.message.slice(where.length + 2) : err.message;
        problems.push(`${where}: ${msg.startsWith(`${name}: `) ? msg.slice(name.length + 2) : msg}`);
        log(`${where} FAILED (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
        break;
      }
      cell.outputs = outputs;
      const reply = result.reply.content;
      cell.execution_count = reply.execution_count ?? cell.execution_count;
      for (const out of outputs) {
        if (out.output_type === "stream" && out.name === "stderr") {
          problems.push(`${where}: wrote to stderr:\n${out.text.trimEnd()}`);
        }
      }
      const errors = result.iopub.filter((m) => m.header.msg_type === "error").map((m) => m.content);
      for (const e of errors) problems.push(`${where}: ${describeError(e)}`);
      if (reply.status === "error" && errors.length === 0) {
        const detail = reply.ename ? `: ${describeError(reply)}` : " (details in the stderr output above)";
        problems.push(`${where}: execute_reply status ${reply.status}${detail}`);
      }
      for (const c of crashes.splice(0)) problems.push(`${where}: kernel reported ${c}`);
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      const failed = errors.length > 0 || reply.status !== "ok";
      log(`${where} ${failed ? "ERROR" : "done"} (${secs} s)\n`);
      if (failed) break;
    }
  } catch (err) {
    problems.push(`${name}: ${err.message}`);
  } finally {
    await client.shutdown();
  }
  for (const c of crashes.splice(0)) problems.push(`${name}: kernel reported ${c}`);
  return { ok: problems.length === 0, problems, notebook: nb };
}
