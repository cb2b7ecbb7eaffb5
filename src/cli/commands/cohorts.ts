import type { Command } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { INPUT_FLAGS, INPUT_HELP, loadInputFlags } from "../input-flags.js";
import { choiceFlag, intFlag, parseFlags, stringFlag, numberFlag } from "../parse-flags.js";
import { count, step } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { loadCustomersFile } from "../../data/load/load-customers.js";
import { writeFileAtomic } from "../../data/output/write-file-atomic.js";
import { cohortAnalysis } from "../../insights/cohorts/cohort-analysis.js";
import { cohortMatrixToCsv, retentionTriangleCsv, retentionWhatIfCsv } from "../../insights/cohorts/cohort-to-csv.js";

const HELP = `crm cohorts: cohort retention triangle, "still buying" survival, sBG projection, retention what-if

Usage: crm cohorts --input FILE [--period month|quarter] [--by channel|acquisition_channel|ATTR]
                   [--customers FILE] [--observation-end D] [--lookahead N] [--horizon N]
                   [--discount-rate R] [--margin-rate R] [--acquisition-cost C]
                   [--out FILE.csv] [--json] [mapping flags]

Customers are grouped by the period of their first purchase (their cohort) and followed over
the periods since: active = bought in the period; retention = active / cohort size; revenue =
purchase lines (returns not deducted). Only fully observed periods are shown (the triangle).
"Still buying" at age k = a purchase at age k or later (a lower bound of "still a customer");
the sBG model is fitted to the pooled curve and projected. The what-if values 1..10 % more
retention (yearly share kept +x points; each period's rate +x points; churn cut by x %) as
discounted margin per acquired customer over the horizon.

Cohorts:
      --period P            month (default) | quarter
      --by G                channel (of the first purchase line), or a column of --customers
                            (acquisition_channel, region, ...): survival curves per group
      --customers FILE      customers table (customer_id, acquisition_channel, ...) for --by
      --observation-end D   last day observed, YYYY-MM-DD (default: the last transaction date)
      --lookahead N         periods (1-1000) a cohort must be seen beyond an age to count in the survival
                            curve (default 6 months / 2 quarters)
What-if:
      --horizon N           periods projected and valued, 1-10000 (default 60 months / 20 quarters)
      --discount-rate R     yearly discount rate (default 0.10)
      --margin-rate R       margin / revenue (default: gross margin rate from the cost column, else 1)
      --acquisition-cost C  cost of acquiring a customer, subtracted from the profit (default 0)
${INPUT_HELP}
Output:
      --out FILE.csv        write the long cohort table (group, cohort, age, active, retention,
                            still_buying, revenue, revenue_per_customer) there; stdout: the what-if
      --json                print one JSON object (matrix, curves, sBG, margins, what-if)
  -h, --help                this help`;


/** `crm cohorts`: the retention triangle and the retention what-if of a transactions file. */
export const cohortsCommand: Command = {
  name: "cohorts",
  section: "cohorts-retention",
  summary: "cohort retention triangle, survival by channel, sBG projection, retention what-if",
  help: HELP,
  async run(argv, io) {
    const spec = {
      ...INPUT_FLAGS,
      period: { type: "string" as const },
      by: { type: "string" as const },
      customers: { type: "string" as const },
      "observation-end": { type: "string" as const },
      lookahead: { type: "string" as const },
      horizon: { type: "string" as const },
      "discount-rate": { type: "string" as const },
      "margin-rate": { type: "string" as const },
      "acquisition-cost": { type: "string" as const },
      out: { type: "string" as const, short: "o" },
      json: { type: "boolean" as const },
    };
    const flags = parseFlags("cohorts", argv, spec);
    const period = choiceFlag("cohorts", flags, "period", ["month", "quarter"] as const, "month");
    const lookaheadPeriods = stringFlag(flags, "lookahead") === undefined ? undefined : intFlag("cohorts", flags, "lookahead", 1, 1000, 1);
    const horizonPeriods = stringFlag(flags, "horizon") === undefined ? undefined : intFlag("cohorts", flags, "horizon", 1, 10000, 1);
    const discountRatePerYear = numberFlag("cohorts", flags, "discount-rate", (x) => x >= 0 && x < 10, "a yearly rate >= 0, e.g. 0.1 for 10 %");
    const marginRate = numberFlag("cohorts", flags, "margin-rate", (x) => x > 0 && x <= 1, "a fraction in (0, 1], e.g. 0.35");
    const acquisitionCostPerCustomer = numberFlag("cohorts", flags, "acquisition-cost", (x) => x >= 0, "an amount >= 0");
    const byText = stringFlag(flags, "by");
    const customersFile = stringFlag(flags, "customers");
    if (byText !== undefined && byText !== "channel" && customersFile === undefined) {
      throw new UsageError(`crm cohorts: --by ${byText} needs --customers FILE (only --by channel comes from the transactions)`);
    }
    const observationEnd = stringFlag(flags, "observation-end");
    await checkOutFlags("cohorts", flags);
    const { transactions, ledger } = await loadInputFlags("cohorts", flags, io, undefined, observationEnd);
    let by: "channel" | { name: string; groupOf: Map<string, string> } | undefined;
    if (byText === "channel" && customersFile === undefined) by = "channel";
    else if (byText !== undefined) {
      const { customers } = await step(io, `reading ${customersFile}`, () => loadCustomersFile(customersFile!));
      const column = byText === "acquisition_channel" || byText === "channel" ? customers.acquisitionChannel : byText === "region" ? customers.region : customers.attributes[byText];
      if (!column) throw new UsageError(`crm cohorts: --by ${byText}: no such column in ${customersFile} (columns: acquisition_channel, region, ${Object.keys(customers.attributes).join(", ")})`);
      by = { name: byText === "channel" ? "acquisition_channel" : byText, groupOf: new Map(customers.customerId.map((id, i) => [id, column[i]!])) };
    }
    const a = await step(io, "cohorts and retention", (onProgress) =>
      cohortAnalysis(transactions, { period, by, observationEnd, lookaheadPeriods, horizonPeriods, discountRatePerYear, marginRate, acquisitionCostPerCustomer, onProgress }),
      { unit: "customers", count: (r) => r.matrix.customers, progressUnit: "stages" },
    );
    const m = a.matrix;
    const p = a.projection.params;
    const five = a.whatIf?.rows.find((r) => r.x === 5);
    if (a.whatIfOmitted !== null) io.err(`crm: no retention what-if: ${a.whatIfOmitted}`);
    io.err(`crm: ${count(m.customers)} customers in ${m.cohorts.length} ${period}ly cohorts, observed to ${m.observationEnd}; ${a.projection.boundary === undefined ? `sBG alpha ${p.alpha.toFixed(3)}, beta ${p.beta.toFixed(3)}` : `sBG: ${a.projection.boundary}`}`);
    if (five) io.err(`crm: 5 points more kept a year: +${(100 * (five.plusYearlyPoints.gainShare ?? NaN)).toFixed(1)} % profit per acquired customer (the course: "up to 25 %")`);
    const out = stringFlag(flags, "out");
    const written = out === undefined ? undefined : await writeFileAtomic(out, cohortMatrixToCsv(m));
    if (written) io.err(`crm: wrote ${written}`);
    if (flags.json === true) {
      const { rejected: _rejected, ...ledgerCounts } = ledger;
      io.out(JSON.stringify({ ...a, ledger: ledgerCounts, out: written ?? null }));
    } else if (written) {
      if (a.whatIf) io.out(retentionWhatIfCsv(a.whatIf));
    } else {
      io.out(a.whatIf ? `${retentionTriangleCsv(m)}\n${retentionWhatIfCsv(a.whatIf)}` : retentionTriangleCsv(m));
    }
    return 0;
  },
};
