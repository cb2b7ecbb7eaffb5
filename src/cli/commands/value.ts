import type { Command } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { INPUT_FLAGS, INPUT_HELP, loadInputFlags } from "../input-flags.js";
import { choiceFlag, parseFlags, stringFlag, numberFlag } from "../parse-flags.js";
import { count, step } from "../progress.js";
import { loadCustomersFile } from "../../data/load/load-customers.js";
import { loadServiceEventsFile } from "../../data/load/load-service-events.js";
import { writeFileAtomic } from "../../data/output/write-file-atomic.js";
import { customerValue } from "../../value/customer-value.js";
import { loadServiceCostTableFile } from "../../value/lines/load-service-cost-table.js";
import { valueByGroup } from "../../value/value-by-group.js";
import { customerValueToCsv, groupValueToCsv } from "../../value/value-to-csv.js";

const HELP = `crm value: customer and channel value (lifetime sales, gross margin, cost to serve, profit)

Usage: crm value --input FILE [--by channel|category|region|acquisition_channel|ATTRIBUTE]
                 [--costs costs.json] [--service-events FILE] [--customers FILE]
                 [--margin-rate R] [--abc-measure M] [--out FILE.csv] [--json] [mapping flags]

Per customer (or per group with --by): lifetime sales (amount - returned_amount), discounts,
returns (value and rate), gross margin contribution (sales - cost of goods; an unknown cost is
estimated from the margin of its category's known-cost lines), freight and handling, average
selling price (sales / units), cost to serve, net contribution (margin - freight - cost to
serve), rank and ABC class. Prints the profitability (whale) curve facts on stderr.

Value:
      --by G                group by a line column (channel, category, product) or a customer
                            column (region, acquisition_channel, any other; needs --customers)
      --costs FILE.json     prices of the cost to serve, currency units, e.g.
                            {"call_centre_contact": 4.5, "complaint": 12, "late_delivery": 6,
                             "return": 7.5, "perOrder": 1.2}   (these are the defaults)
      --service-events F    service events (customer_id,date,type) priced into the cost to serve
      --customers F         customers (customer_id,acquisition_channel,region,...) for --by
      --margin-rate R       margin rate (0.4 = 40 %) assumed when no line has a known cost
      --abc-measure M       net_contribution (default) | net_sales | gross_margin
${INPUT_HELP}
Output:
      --out FILE.csv        write the table there (atomically); default: CSV on stdout
      --json                print one JSON object (totals, whale curve, ABC, ledger, output path)
  -h, --help                this help`;

/** `crm value`: the customer value table (or value by a group) as CSV, with the whale-curve facts. */
export const valueCommand: Command = {
  name: "value",
  section: "customer-value",
  summary: "customer and channel value: sales, margin, cost to serve, profit, whale curve, ABC",
  help: HELP,
  async run(argv, io) {
    const spec = {
      ...INPUT_FLAGS,
      by: { type: "string" as const },
      costs: { type: "string" as const },
      "service-events": { type: "string" as const },
      customers: { type: "string" as const },
      "margin-rate": { type: "string" as const },
      "abc-measure": { type: "string" as const },
      out: { type: "string" as const, short: "o" },
      json: { type: "boolean" as const },
    };
    const flags = parseFlags("value", argv, spec);
    // No --abc-measure: net contribution, or lifetime sales when costs are unknown (customerValue decides).
    const abcMeasure = flags["abc-measure"] === undefined ? undefined : choiceFlag("value", flags, "abc-measure", ["net_contribution", "net_sales", "gross_margin"] as const, "net_contribution");
    const assumedMarginRate = numberFlag("value", flags, "margin-rate", (x) => x >= 0 && x < 1, "a number from 0 to below 1, e.g. 0.4 for 40 %");
    const costsFile = stringFlag(flags, "costs");
    const costs = costsFile === undefined ? undefined : await loadServiceCostTableFile(costsFile);
    const eventsFile = stringFlag(flags, "service-events");
    const customersFile = stringFlag(flags, "customers");
    await checkOutFlags("value", flags);
    const { transactions, ledger } = await loadInputFlags("value", flags, io);
    const serviceEvents = eventsFile === undefined ? undefined : (await step(io, `reading ${eventsFile}`, () => loadServiceEventsFile(eventsFile))).events;
    const customers = customersFile === undefined ? undefined : (await step(io, `reading ${customersFile}`, () => loadCustomersFile(customersFile))).customers;
    const options = { serviceEvents, customers, costs, assumedMarginRate, ...(abcMeasure === undefined ? {} : { abcMeasure }) };
    const value = await step(io, "customer value", (onProgress) => customerValue(transactions, { ...options, onProgress }), { unit: "customers", count: (v) => v.length, progressUnit: "stages" });
    const by = stringFlag(flags, "by");
    const group = by === undefined ? undefined : await step(io, `value by ${by}`, () => valueByGroup(transactions, by, options));
    const w = value.whale;
    const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
    const money = (x: number): string => (Number.isFinite(x) ? x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : "unknown (no costs)");
    io.err(`crm: ${count(value.length)} customers, lifetime sales ${money(value.totals.net_sales)}, gross margin ${money(value.totals.gross_margin)}, net contribution ${money(value.totals.net_contribution)}`);
    const a = value.abc.classes.find((c) => c.abcClass === "A");
    if (w.measure === "net_sales" && a) io.err(`crm: revenue concentration (no costs known): class A, ${pct(a.customerShare)} of customers, makes ${pct(a.valueShare)} of lifetime sales`);
    else io.err(`crm: whale curve: peak ${pct(w.peakProfitShare)} of ${w.base === "total" ? "total profit" : "the profitable customers' profit"} at the best ${pct(w.peakCustomerShare)} of customers; ${count(w.unprofitableCustomers)} unprofitable customers (${pct(w.unprofitableShare)}) cost ${money(w.unprofitableCost)}`);
    for (const note of value.notes) io.err(`crm: note: ${note}`);
    const csv = group ? groupValueToCsv(group) : customerValueToCsv(value);
    const out = stringFlag(flags, "out");
    const written = out === undefined ? undefined : await writeFileAtomic(out, csv);
    if (written) io.err(`crm: wrote ${written}`);
    if (flags.json === true) {
      const { rejected: _rejected, ...ledgerCounts } = ledger;
      const { points: _points, ...whale } = w;
      io.out(JSON.stringify({
        customers: value.length,
        by: by ?? null,
        groups: group ? group.length : null,
        totals: value.totals,
        whale,
        abc: value.abc,
        costs: value.costs,
        returnsFrom: value.returnsFrom,
        notes: value.notes,
        ledger: ledgerCounts,
        out: written ?? null,
      }));
    } else if (!written) {
      io.out(csv);
    }
    return 0;
  },
};
