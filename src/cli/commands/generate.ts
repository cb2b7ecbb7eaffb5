import type { Command } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { intFlag, parseFlags, stringFlag } from "../parse-flags.js";
import { count, step } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { generateSample } from "../../data/generate/generate-sample.js";
import { writeSample } from "../../data/generate/write-sample.js";

const HELP = `crm generate: write a synthetic retailer's data, with its true parameters

Usage: crm generate --out DIR [--customers N] [--seed S] [--start D] [--acquisition-end D] [--end D]

Customers are acquired between --start and --acquisition-end in the web, store and call-centre
channels; they buy by a BG/NBD process and spend by the Gamma-Gamma model; orders have product
categories with margins, discounts, freight and returns; service problems lower retention; one
campaign has a random control group and a true uplift. Writes transactions.csv, customers.csv,
service_events.csv, campaign_contacts.csv, truth.json (the true parameters) and README.md into
DIR, each atomically. The same seed always writes the same files. The bundled data/sample is
--customers 5000 --seed 20261125.

      --out DIR             output folder (required)
      --customers N         customers to acquire, 1-9999999 (default 5000)
      --seed S              seed of every random step (default 20261125)
      --start D             first acquisition day (default 2023-01-01)
      --acquisition-end D   last acquisition day (default 2025-06-30)
      --end D               last day observed (default 2025-12-31)
      --json                print the files written as one JSON object
  -h, --help                this help`;

/** `crm generate`: the seeded sample-data generator. */
export const generateCommand: Command = {
  name: "generate",
  summary: "write a synthetic retailer's transactions and side tables, with the true parameters",
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags("generate", argv, {
      out: { type: "string", short: "o" },
      customers: { type: "string" },
      seed: { type: "string" },
      start: { type: "string" },
      "acquisition-end": { type: "string" },
      end: { type: "string" },
      json: { type: "boolean" },
    });
    const out = stringFlag(flags, "out");
    if (out === undefined) throw new UsageError("crm generate: --out DIR is required; see crm generate --help");
    const customers = intFlag("generate", flags, "customers", 1, 9_999_999, 5000);
    const seed = intFlag("generate", flags, "seed", 0, Number.MAX_SAFE_INTEGER, 20261125);
    await checkOutFlags("generate", flags, { kind: "folder", inputs: [] });
    // The generator reports every 1 %: a bar on a terminal, a step line every ~5 s elsewhere.
    const sample = await step(io, `simulating ${count(customers)} customers`, (onProgress) =>
      generateSample({
        customers,
        seed,
        start: stringFlag(flags, "start"),
        acquisitionEnd: stringFlag(flags, "acquisition-end"),
        end: stringFlag(flags, "end"),
        onProgress,
      }),
      { unit: "customers", total: customers, rate: true },
    );
    const files = await step(io, `writing ${out}`, () => writeSample(sample, out));
    if (flags.json === true) io.out(JSON.stringify({ files }));
    else io.out(files.map((f) => `${f.path}  ${f.name.endsWith(".csv") ? `${count(f.rows)} rows  ` : ""}${count(f.bytes)} bytes`).join("\n"));
    return 0;
  },
};
