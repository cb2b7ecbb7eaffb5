import path from "node:path";
import type { Command } from "../command.js";
import { INPUT_FLAGS, INPUT_HELP, loadInputFlags } from "../input-flags.js";
import { sampleTransactionsPath } from "../package-root.js";
import { choiceFlag, parseFlags, stringFlag } from "../parse-flags.js";
import { step } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { customerSummary } from "../../summary/customer-summary.js";
import { lifetimeValueAnalysis } from "../../models/lifetime-value-analysis.js";
import { buildCustomerReport } from "../../reports/build-customer-report.js";
import { writeReports } from "../../reports/write-reports.js";

const HELP = `crm report: write the manager reports (Excel workbook and self-contained HTML page)

Usage: crm report [--input FILE] [--out DIR] [--title T] [--currency EUR]
                  [--calibration-end D] [--observation-end D] [--time-unit U] [mapping flags]

Writes customer-report.xlsx and customer-report.html into DIR (default reports/), each written
atomically, and prints their paths. Without --input it uses the bundled sample
(data/sample/transactions.csv). The HTML works offline: Plotly is inlined, nothing is fetched.
Sections: data quality, customer summary (all data to the observation end) and customer
lifetime value (purchase model checked on a holdout after --calibration-end, then refitted on all
data; CLV over the next 12 months discounted monthly, with a bootstrap interval).

Report:
  -o, --out DIR             output folder (default reports)
      --title T             report title (default "Customer report")
      --currency C          ISO 4217 code of the amounts (default EUR)
      --observation-end D   last day observed (default: the last transaction date)
      --calibration-end D   end of the data the model is fitted on for the holdout check
                            (default: 26 weeks before the observation end, or a quarter of the span)
      --time-unit U         day | week | month (default week)
      --model M             bg-nbd | pareto-nbd | mbg-nbd for the lifetime value (default bg-nbd)
      --discount-rate D     discount rate per month (default 0.008, about 10 % a year)
      --margin M            share of spend that is profit (default 1: CLV in revenue)
      --no-lifetime-value   leave the lifetime-value section out
      --json                print {"html": path, "xlsx": path} as one JSON object
${INPUT_HELP}
  -h, --help                this help`;

/** `crm report`: the Excel and HTML manager reports of a transactions file. */
export const reportCommand: Command = {
  name: "report",
  summary: "write the Excel and HTML manager reports (default: from the bundled sample)",
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags("report", argv, {
      ...INPUT_FLAGS,
      out: { type: "string", short: "o" },
      title: { type: "string" },
      currency: { type: "string" },
      "calibration-end": { type: "string" },
      "observation-end": { type: "string" },
      "time-unit": { type: "string" },
      model: { type: "string" },
      "discount-rate": { type: "string" },
      margin: { type: "string" },
      "no-lifetime-value": { type: "boolean" },
      json: { type: "boolean" },
    });
    const timeUnit = choiceFlag("report", flags, "time-unit", ["day", "week", "month"] as const, "week");
    const currency = stringFlag(flags, "currency", "EUR")!;
    if (!/^[A-Z]{3}$/.test(currency)) throw new UsageError(`crm report: --currency must be a 3-letter ISO code such as EUR or USD (got "${currency}")`);
    const { transactions, ledger } = await loadInputFlags("report", flags, io, sampleTransactionsPath(), stringFlag(flags, "observation-end"));
    const observationEnd = stringFlag(flags, "observation-end");
    const summary = await step(io, "customer summary", () => customerSummary(transactions, { observationEnd, timeUnit }));
    const model = choiceFlag("report", flags, "model", ["bg-nbd", "pareto-nbd", "mbg-nbd"] as const, "bg-nbd");
    const rate = (name: string, fallback: number, max: number): number => {
      const text = stringFlag(flags, name);
      const v = text === undefined ? fallback : Number(text);
      if (!(v >= 0 && v <= max) || text?.trim() === "") throw new UsageError(`crm report: --${name} must be a number from 0 to ${max} (got "${text}")`);
      return v;
    };
    const discountRatePerPeriod = rate("discount-rate", 0.008, 1);
    const margin = rate("margin", 1, 1);
    const lifetimeValue = flags["no-lifetime-value"] === true
      ? undefined
      : await step(io, `lifetime value (${model}, Gamma-Gamma, CLV with bootstrap interval)`, () =>
          lifetimeValueAnalysis(transactions, {
            model,
            observationEnd,
            calibrationEnd: stringFlag(flags, "calibration-end"),
            timeUnit,
            discountRatePerPeriod,
            margin,
          }),
        );
    const report = buildCustomerReport({
      ledger,
      summary,
      title: stringFlag(flags, "title"),
      currency,
      generatedAt: new Date().toISOString(),
      lifetimeValue,
    });
    const outDir = path.resolve(stringFlag(flags, "out", "reports")!);
    const paths = await step(io, `writing reports to ${outDir}`, () => writeReports(report, outDir));
    io.out(flags.json === true ? JSON.stringify(paths) : `${paths.html}\n${paths.xlsx}`);
    return 0;
  },
};
