// The progress renderer (StepProgress, LiveLine) with a fake terminal and an injected clock: no
// real time is waited for or measured here. On a terminal one line is redrawn in place, at most
// every redrawMs; elsewhere whole step lines, never a carriage return.
import { describe, expect, it } from "vitest";
import { LiveLine } from "../../src/cli/live-line.js";
import { step } from "../../src/cli/progress.js";
import { StepProgress } from "../../src/cli/step-progress.js";

/** A fake terminal: what was written to it, as it was written. */
function fakeTerminal(columns = 80) {
  const writes: string[] = [];
  return { writes, stream: { columns, write: (t: string) => void writes.push(t) } };
}

/** A clock that moves only when told to. */
function fakeClock(start = 1000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** What a terminal would show after these writes: each `\r` returns to column 0 and overwrites. */
function screen(writes: readonly string[]): string[] {
  const lines: string[] = [""];
  let col = 0;
  for (const ch of writes.join("")) {
    if (ch === "\n") {
      lines.push("");
      col = 0;
    } else if (ch === "\r") col = 0;
    else {
      const cur = lines[lines.length - 1]!;
      lines[lines.length - 1] = cur.slice(0, col) + ch + cur.slice(col + 1);
      col++;
    }
  }
  return lines.map((l) => l.trimEnd());
}

describe("StepProgress on a terminal", () => {
  it("draws a bar when the total is known, redraws at most every 100 ms, and ends with the done line", () => {
    const term = fakeTerminal();
    const clock = fakeClock();
    const live = new LiveLine(term.stream);
    const lines: string[] = [];
    // The done line goes through `write` (stderr's err), which clears the live line first, as runCli's does.
    const write = (l: string) => {
      live.clear();
      term.stream.write(`${l}\n`);
      lines.push(l);
    };
    const p = new StepProgress({ label: "CLV bootstrap", unit: "draws", total: 200, write, live, now: clock.now, redrawMs: 100 });
    p.start();
    expect(term.writes).toHaveLength(1);
    expect(term.writes[0]).toBe("\rcrm: CLV bootstrap | 0.0 s");

    clock.advance(40);
    p.update(10, 200); // 40 ms after the last draw: not redrawn
    expect(term.writes).toHaveLength(1);
    clock.advance(60);
    p.update(50, 200); // 100 ms: redrawn, with the bar
    expect(term.writes).toHaveLength(2);
    expect(term.writes[1]).toBe("\rcrm: CLV bootstrap [#####---------------] 25 % 50 of 200 draws, 0.1 s");
    for (let i = 0; i < 50; i++) p.update(50 + i, 200); // many calls, no time passes: none drawn
    expect(term.writes).toHaveLength(2);
    clock.advance(2_400);
    p.update(150, 200);
    expect(term.writes[2]).toBe("\rcrm: CLV bootstrap [###############-----] 75 % 150 of 200 draws, 2.5 s");

    clock.advance(500);
    p.update(200, 200);
    expect(p.finish()).toBeCloseTo(3, 10);
    expect(lines).toEqual(["crm: CLV bootstrap done: 200 draws in 3.0 s"]);
    // What the terminal shows in the end: only the done line, the live line blanked.
    expect(screen(term.writes).filter((l) => l !== "")).toEqual(["crm: CLV bootstrap done: 200 draws in 3.0 s"]);
    expect(live.drawn).toBe(false);
    // Nothing is drawn after the end.
    const n = term.writes.length;
    clock.advance(1000);
    p.tick();
    p.update(201, 200);
    expect(term.writes).toHaveLength(n);
  });

  it("shows a spinner with the elapsed time and the count when there is no total; ticks redraw it", () => {
    const term = fakeTerminal();
    const clock = fakeClock();
    const live = new LiveLine(term.stream);
    const p = new StepProgress({ label: "reading tx.csv", unit: "lines", write: () => {}, live, now: clock.now });
    p.start();
    clock.advance(99);
    p.tick();
    expect(term.writes).toHaveLength(1);
    clock.advance(1);
    p.tick();
    clock.advance(150);
    p.update(1_234_567);
    expect(term.writes.slice(1)).toEqual(["\rcrm: reading tx.csv / 0.1 s", "\rcrm: reading tx.csv - 0.3 s, 1,234,567 lines"]);
  });

  it("never wraps: a line longer than the terminal is cut to its width less one, a shorter one pads over the old", () => {
    const term = fakeTerminal(30);
    const live = new LiveLine(term.stream);
    live.draw("x".repeat(50));
    expect(term.writes[0]).toBe(`\r${"x".repeat(26)}...`);
    live.draw("abc");
    expect(term.writes[1]).toBe(`\rabc${" ".repeat(26)}`);
    live.draw("abc", "d".repeat(40)); // a tail wider than the terminal: cut like any text
    expect(term.writes[2]).toBe(`\rabc${"d".repeat(26)}`);
    live.clear();
    expect(term.writes[3]).toBe(`\r${" ".repeat(29)}\r`);
    live.clear(); // nothing drawn: nothing written
    expect(term.writes).toHaveLength(4);
  });

  it("on a narrow terminal cuts the label, not the bar, the count or the time", () => {
    const term = fakeTerminal(80);
    const clock = fakeClock();
    const p = new StepProgress({ label: "simulating 100,000 customers", unit: "customers", total: 100_000, write: () => {}, live: new LiveLine(term.stream), now: clock.now });
    p.start();
    clock.advance(3_100);
    p.update(58_000, 100_000);
    expect(term.writes[1]).toBe("\rcrm: simulati... [############--------] 58 % 58,000 of 100,000 customers, 3.1 s");
    expect(term.writes[1]!.length).toBe(1 + 79);
  });

  it("takes 80 columns for a terminal that says 0 (a pseudo-terminal without a size)", () => {
    const term = fakeTerminal(0);
    new LiveLine(term.stream).draw("y".repeat(100));
    expect(term.writes[0]).toBe(`\r${"y".repeat(76)}...`);
  });

  it("abort blanks the line and writes no done line", () => {
    const term = fakeTerminal();
    const live = new LiveLine(term.stream);
    const lines: string[] = [];
    const p = new StepProgress({ label: "clusters", write: (l) => lines.push(l), live, now: fakeClock().now });
    p.start();
    p.abort();
    p.finish(10);
    expect(lines).toEqual([]);
    expect(screen(term.writes)).toEqual([""]);
  });
});

describe("StepProgress without a terminal (CI, a pipe)", () => {
  it("writes whole lines: the start, an interim line every 5 s with the count so far, the done line with count and throughput; never \\r", () => {
    const clock = fakeClock();
    const lines: string[] = [];
    const p = new StepProgress({ label: "reading tx.csv", unit: "lines", rate: true, write: (l) => lines.push(l), now: clock.now });
    p.start();
    clock.advance(4_999);
    p.update(1_000_000);
    p.tick();
    expect(lines).toEqual(["crm: reading tx.csv ..."]);
    clock.advance(1);
    p.update(1_200_000);
    clock.advance(3_000);
    p.tick(); // 3 s after the interim line: not yet the next
    clock.advance(2_000);
    p.tick();
    clock.advance(100);
    p.finish(10_012_345);
    expect(lines).toEqual([
      "crm: reading tx.csv ...",
      "crm: reading tx.csv ... 5.0 s (1,200,000 lines so far)",
      "crm: reading tx.csv ... 10.0 s (1,200,000 lines so far)",
      "crm: reading tx.csv done: 10,012,345 lines in 10.1 s (991.3K lines/s)",
    ]);
    expect(lines.join("\n")).not.toContain("\r");
  });

  it("with a total, interim lines give the fraction; with no count, the done line gives the time only", () => {
    const clock = fakeClock();
    const lines: string[] = [];
    const sim = new StepProgress({ label: "simulating", unit: "customers", total: 1_000_000, write: (l) => lines.push(l), now: clock.now });
    sim.start();
    clock.advance(6_000);
    sim.update(300_000, 1_000_000);
    clock.advance(6_000);
    sim.update(1_000_000, 1_000_000);
    sim.finish(); // the count: the last one reported
    const w = new StepProgress({ label: "writing reports", write: (l) => lines.push(l), now: clock.now });
    w.start();
    clock.advance(420);
    w.finish();
    const one = new StepProgress({ label: "one", unit: "customers", write: (l) => lines.push(l), now: clock.now });
    clock.advance(2_345);
    one.finish(1);
    // null: the time alone, although the step reported stages on the way
    const staged = new StepProgress({ label: "cross-sell", unit: "stages", write: (l) => lines.push(l), now: clock.now });
    staged.update(2, 4);
    clock.advance(1_500);
    staged.finish(null);
    expect(lines).toEqual([
      "crm: simulating ...",
      "crm: simulating ... 6.0 s (300,000 of 1,000,000 customers, 30 %)",
      "crm: simulating ... 12.0 s (1,000,000 of 1,000,000 customers, 100 %)",
      "crm: simulating done: 1,000,000 customers in 12.0 s",
      "crm: writing reports ...",
      "crm: writing reports done in 0.42 s",
      "crm: one done: 1 customer in 2.3 s",
      "crm: cross-sell done in 1.5 s",
    ]);
  });
});

describe("step()", () => {
  const io = () => {
    const lines: string[] = [];
    return { lines, io: { out: () => {}, err: (t: string) => void lines.push(t) } };
  };

  it("counts a result's ledger as lines with the throughput, else the last count reported, else the time only", async () => {
    const a = io();
    await step(a.io, "reading x.csv", () => ({ ledger: { read: 1234 } }));
    await step(a.io, "simulating", (onProgress) => {
      for (let i = 1; i <= 4; i++) onProgress(250 * i, 1000);
      return 7;
    }, { unit: "customers" });
    await step(a.io, "writing", async () => "done");
    expect(a.lines.filter((l) => !l.endsWith(" ..."))).toEqual([
      expect.stringMatching(/^crm: reading x\.csv done: 1,234 lines in \d+\.\d+ s \([\d.]+[KM]? lines\/s\)$/),
      expect.stringMatching(/^crm: simulating done: 1,000 customers in \d+\.\d+ s$/),
      expect.stringMatching(/^crm: writing done in \d+\.\d+ s$/),
    ]);
  });

  it("progressUnit: interim lines count the stages, the done line the result's count in its unit, or the time alone", async () => {
    let t = 0;
    const a = io();
    const clocked = { ...a.io, now: () => (t += 6000) };
    const stages = (onProgress: (done: number, total?: number) => void) => {
      for (let i = 1; i <= 3; i++) onProgress(i, 3);
      return { customers: 6919 };
    };
    await step(clocked, "customer value", stages, { unit: "customers", count: (r) => r.customers, progressUnit: "stages" });
    await step(clocked, "service impact", stages, { progressUnit: "stages" });
    expect(a.lines.filter((l) => / stages, /.test(l))).toEqual([
      "crm: customer value ... 6.0 s (1 of 3 stages, 33 %)",
      "crm: customer value ... 12.0 s (2 of 3 stages, 66 %)",
      "crm: customer value ... 18.0 s (3 of 3 stages, 100 %)",
      "crm: service impact ... 6.0 s (1 of 3 stages, 33 %)",
      "crm: service impact ... 12.0 s (2 of 3 stages, 66 %)",
      "crm: service impact ... 18.0 s (3 of 3 stages, 100 %)",
    ]);
    expect(a.lines.filter((l) => l.includes(" done"))).toEqual([
      "crm: customer value done: 6,919 customers in 24.0 s",
      "crm: service impact done in 24.0 s",
    ]);
  });

  it("a step that throws writes no done line and the error goes on; --quiet writes nothing", async () => {
    const a = io();
    await expect(step(a.io, "fitting", () => {
      throw new Error("boom");
    })).rejects.toThrow("boom");
    expect(a.lines).toEqual(["crm: fitting ..."]);
    const q = io();
    const r = await step({ ...q.io, quiet: true }, "customer summary", (onProgress) => {
      onProgress(5, 10);
      return 42;
    }, { unit: "customers", count: () => 42 });
    expect(r).toBe(42);
    expect(q.lines).toEqual([]);
  });
});
