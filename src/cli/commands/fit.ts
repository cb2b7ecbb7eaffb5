import type { Command } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { INPUT_FLAGS, INPUT_HELP, databaseFlags, ledgerLine, loadInputFlags } from "../input-flags.js";
import { summaryFromDatabase } from "../db-summary.js";
import { choiceFlag, parseFlags, stringFlag, numberFlag } from "../parse-flags.js";
import { count, step } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { loadNumericTable } from "../../data/read/load-numeric-table.js";
import { writeFileAtomic } from "../../data/output/write-file-atomic.js";
import type { FittedModel, ModelParams } from "../../models/fitting/model-types.js";
import type { ModelSpec } from "../../models/model-spec.js";
import type { SummaryColumns } from "../../summary/types.js";
import { findModel, MODEL_IDS, MODELS } from "../../models/registry.js";

/** The columns of a model's table, for help texts: `frequency, recency, T [, weights]`. */
const columnsText = (m: ModelSpec): string =>
  `${m.data.required.join(", ")}${m.data.optional.map((c) => ` [, ${c}]`).join("")}${m.data.note ? ` (${m.data.note})` : ""}`;

/** One help line per model, and one per set of models that share a summary file's columns. */
const MODEL_LINES = MODELS.map((m) => `  ${m.id.padEnd(12)} ${m.description}${m.aliases.length > 0 ? ` (also ${m.aliases.join(", ")})` : ""}`).join("\n");
const byColumns = new Map<string, string[]>();
for (const m of MODELS) byColumns.set(columnsText(m), [...(byColumns.get(columnsText(m)) ?? []), m.id]);
const SUMMARY_LINES = [...byColumns].map(([columns, ids]) => `  ${ids.join(", ").padEnd(29)} ${columns}`).join("\n");

const HELP = `crm fit: fit a customer-base model by maximum likelihood

Usage: crm fit MODEL --input TRANSACTIONS [--calibration-end D] [--time-unit U] [mapping flags] [--json]
       crm fit MODEL --summary SUMMARY.csv [--json]
       crm fit MODEL --db postgresql://USER@HOST:PORT/DB --table T [--calibration-end D] [--json]

MODEL: ${MODEL_IDS.join(", ")}
${MODEL_LINES}

Summary files (CSV, TSV, JSON, XLSX; header names as lifetimes uses them):
${SUMMARY_LINES}
From transactions, the customer summary is built first (see crm summary); bg-bb counts one
opportunity per whole --time-unit after each customer's first purchase (default month for bg-bb).
With --db and --table the customer summary is computed inside PostgreSQL (see crm summary
--help) and the model is fitted here on its rows; bg-bb reads the rows through a cursor. The
output of crm sql summary, saved as CSV, is a summary file for --summary.

Fit:
      --summary FILE        fit on a summary file instead of transactions
      --calibration-end D   last day of the calibration period (default: the last transaction date)
      --time-unit U         day | week | month (default week; month for bg-bb)
      --penalizer K         L2 penalty on the parameters (default 0)
      --out FILE.json       save the fitted model as JSON (atomically)
      --json                print one JSON object: model, params, logLikelihood, customers,
                            converged, standardErrors, iterations, timeUnit
${INPUT_HELP}
  -h, --help                this help`;

/** The numeric columns of a customer summary that the models read, by their summary-file names. */
function summaryModelColumns(c: SummaryColumns): Record<string, Float64Array> {
  return { frequency: c.frequency, recency: c.recency, T: c.T, monetary_value: c.monetary_value };
}

/** The one JSON object `crm fit --json` prints. */
export function fitJson(model: FittedModel<ModelParams>): Record<string, unknown> {
  return {
    model: model.model,
    params: model.params,
    logLikelihood: model.logLikelihood,
    customers: model.nCustomers,
    converged: model.converged,
    standardErrors: model.standardErrors,
    iterations: model.iterations,
    timeUnit: model.timeUnit,
  };
}

/** `crm fit`: maximum-likelihood fit of one model, as a table or JSON. */
export const fitCommand: Command = {
  name: "fit",
  summary: `fit a lifetime-value model (${MODEL_IDS.join(", ")})`,
  help: HELP,
  async run(argv, io) {
    const [id, ...rest] = argv;
    if (id === undefined || id.startsWith("-")) throw new UsageError(`crm fit: name the model first: crm fit MODEL ...; MODEL is one of ${MODEL_IDS.join(", ")}`);
    const spec = findModel(id);
    if (spec === undefined) throw new UsageError(`crm fit: unknown model "${id}"; MODEL is one of ${MODEL_IDS.join(", ")}`);
    const flags = parseFlags("fit", rest, {
      ...INPUT_FLAGS,
      summary: { type: "string" },
      "calibration-end": { type: "string" },
      "time-unit": { type: "string" },
      penalizer: { type: "string" },
      out: { type: "string", short: "o" },
      json: { type: "boolean" },
    });
    const penalizer = numberFlag("fit", flags, "penalizer", (x) => x >= 0, "a number >= 0") ?? 0;
    const timeUnit = choiceFlag("fit", flags, "time-unit", ["day", "week", "month"] as const, spec.data.timeUnit);
    const summaryFile = stringFlag(flags, "summary");
    if (summaryFile !== undefined && stringFlag(flags, "input") !== undefined) throw new UsageError("crm fit: give either --input or --summary, not both");
    if (summaryFile !== undefined && databaseFlags("fit", flags) !== undefined) throw new UsageError("crm fit: give either --db/--table or --summary, not both");
    await checkOutFlags("fit", flags);
    let model: FittedModel<ModelParams>;
    if (summaryFile !== undefined) {
      const table = await step(io, `reading ${summaryFile}`, () => loadNumericTable(summaryFile, spec.data.required, spec.data.optional, {}, "crm fit"));
      io.err(ledgerLine(table.ledger));
      model = await step(io, `fitting ${spec.id} on ${count(table.columns[spec.data.required[0]!]!.length)} rows`, () =>
        spec.fitColumns(table.columns, { penalizer, timeUnit: flags["time-unit"] === undefined ? undefined : timeUnit }),
        { unit: "customers", count: (m) => m.nCustomers },
      );
    } else {
      if (!spec.data.fromTransactions) {
        const columns = spec.data.required.length === 1 ? `a ${spec.data.required[0]} column` : `columns ${spec.data.required.join(", ")}`;
        throw new UsageError(
          `crm fit ${spec.id}: the ${spec.name} ${spec.kind} model needs a ${spec.data.table}, not transactions; give --summary FILE with ${columns}${spec.data.note ? ` (${spec.data.note})` : ""}`,
        );
      }
      const pushed = spec.data.table === "customer summary"
        ? await summaryFromDatabase("fit", flags, io, { calibrationEnd: stringFlag(flags, "calibration-end"), timeUnit })
        : undefined;
      if (pushed !== undefined) {
        model = await step(io, `fitting ${spec.id} on ${count(pushed.summary.length)} customers`, () =>
          spec.fitColumns(summaryModelColumns(pushed.summary.columns), { penalizer, timeUnit }),
          { unit: "customers", count: (m) => m.nCustomers },
        );
      } else {
        const { transactions } = await loadInputFlags("fit", flags, io);
        model = await step(io, `fitting ${spec.id}`, () =>
          spec.fitTransactions(transactions, { calibrationEnd: stringFlag(flags, "calibration-end"), timeUnit }, { penalizer }),
          { unit: "customers", count: (m) => m.nCustomers },
        );
      }
    }
    const out = stringFlag(flags, "out");
    if (out !== undefined) io.err(`crm: wrote ${await writeFileAtomic(out, JSON.stringify(model.toJSON(), null, 2) + "\n")}`);
    if (flags.json === true) {
      io.out(JSON.stringify(fitJson(model)));
      return 0;
    }
    const lines = [`${model.model}: ${count(model.nCustomers)} customers, log-likelihood ${model.logLikelihood.toFixed(4)}, ${model.iterations} iterations${model.timeUnit ? `, time unit ${model.timeUnit}` : ""}`];
    lines.push(`${"parameter".padEnd(10)} ${"estimate".padStart(12)} ${"std. error".padStart(12)} ${"95 % interval".padStart(26)}`);
    for (const row of model.summary()) {
      const edge = Number.isNaN(row.standardError) && model.covarianceLog !== null;
      lines.push(`${row.parameter.padEnd(10)} ${row.estimate.toPrecision(5).padStart(12)} ${(edge ? "-" : row.standardError.toFixed(4)).padStart(12)} ${(edge ? "at the edge (not identified)" : `${row.lower95.toFixed(4)} .. ${row.upper95.toFixed(4)}`).padStart(26)}`);
    }
    if (model.summary().some((r) => Number.isNaN(r.standardError)) && model.covarianceLog !== null) {
      lines.push("note: the likelihood is highest at the edge of the parameter space: the model reduces to its limit (e.g. no dropout detectable: NBD); that is a result, not a failed fit");
    }
    io.out(lines.join("\n"));
    return 0;
  },
};
