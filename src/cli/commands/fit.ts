import type { Command } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { INPUT_FLAGS, INPUT_HELP, ledgerLine, loadInputFlags } from "../input-flags.js";
import { MODEL_FITTERS } from "../model-fitters.js";
import { choiceFlag, parseFlags, stringFlag, numberFlag } from "../parse-flags.js";
import { count, step } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { loadNumericTable } from "../../data/read/load-numeric-table.js";
import { writeFileAtomic } from "../../data/output/write-file-atomic.js";
import type { FittedModel, ModelId, ModelParams } from "../../models/fitting/model-types.js";

const MODELS = Object.keys(MODEL_FITTERS) as ModelId[];

const HELP = `crm fit: fit a customer-base model by maximum likelihood

Usage: crm fit MODEL --input TRANSACTIONS [--calibration-end D] [--time-unit U] [mapping flags] [--json]
       crm fit MODEL --summary SUMMARY.csv [--json]

MODEL: ${MODELS.join(", ")}
  bg-nbd       BG/NBD (Fader, Hardie & Lee 2005): r, alpha, a, b
  pareto-nbd   Pareto/NBD (Schmittlein, Morrison & Colombo 1987): r, alpha, s, beta
  mbg-nbd      MBG/NBD (Batislam, Denizel & Filiztekin 2007): r, alpha, a, b
  gamma-gamma  Gamma-Gamma spend (Fader & Hardie 2013): p, q, gamma; customers with frequency > 0
  bg-bb        BG/BB discrete opportunities (Fader, Hardie & Shang 2010): alpha, beta, gamma, delta
  sbg          shifted-beta-geometric retention (Fader & Hardie 2007): alpha, beta

Summary files (CSV, TSV, JSON, XLSX; header names as lifetimes uses them):
  bg-nbd, pareto-nbd, mbg-nbd   frequency, recency, T [, weights]
  gamma-gamma                   frequency, monetary_value [, weights]
  bg-bb                         frequency, recency, periods [, weights]
  sbg                           survivors (customers active at the start of periods 0, 1, ..., n)
From transactions, the customer summary is built first (see crm summary); bg-bb counts one
opportunity per whole --time-unit after each customer's first purchase (default month for bg-bb).

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
  summary: "fit a lifetime-value model (bg-nbd, pareto-nbd, mbg-nbd, gamma-gamma, bg-bb, sbg)",
  help: HELP,
  async run(argv, io) {
    const [id, ...rest] = argv;
    if (id === undefined || id.startsWith("-")) throw new UsageError(`crm fit: name the model first: crm fit MODEL ...; MODEL is one of ${MODELS.join(", ")}`);
    if (!(id in MODEL_FITTERS)) throw new UsageError(`crm fit: unknown model "${id}"; MODEL is one of ${MODELS.join(", ")}`);
    const fitter = MODEL_FITTERS[id as ModelId];
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
    const timeUnit = choiceFlag("fit", flags, "time-unit", ["day", "week", "month"] as const, fitter.id === "bg-bb" ? "month" : "week");
    const summaryFile = stringFlag(flags, "summary");
    if (summaryFile !== undefined && stringFlag(flags, "input") !== undefined) throw new UsageError("crm fit: give either --input or --summary, not both");
    await checkOutFlags("fit", flags);
    let model: FittedModel<ModelParams>;
    if (summaryFile !== undefined) {
      const table = await step(io, `reading ${summaryFile}`, () => loadNumericTable(summaryFile, fitter.required, fitter.optional, {}, "crm fit"));
      io.err(ledgerLine(table.ledger));
      model = await step(io, `fitting ${fitter.id} on ${count(table.columns[fitter.required[0]!]!.length)} rows`, () =>
        fitter.fromColumns(table.columns, { penalizer, timeUnit: flags["time-unit"] === undefined ? undefined : timeUnit }),
      );
    } else {
      const fromTransactions = fitter.fromTransactions;
      if (!fromTransactions) throw new UsageError(fitter.summaryOnly ?? `crm fit ${fitter.id}: give --summary FILE`);
      const { transactions } = await loadInputFlags("fit", flags, io);
      model = await step(io, `fitting ${fitter.id}`, () =>
        fromTransactions(transactions, { calibrationEnd: stringFlag(flags, "calibration-end"), timeUnit }, { penalizer }),
      );
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
