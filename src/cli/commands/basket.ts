import type { Command } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { INPUT_FLAGS, INPUT_HELP, loadInputFlags } from "../input-flags.js";
import { choiceFlag, intFlag, parseFlags, stringFlag, type FlagValues } from "../parse-flags.js";
import { count, step } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { basketAnalysis } from "../../insights/baskets/basket-analysis.js";
import { columnsToCsv } from "../../data/output/columns-to-csv.js";
import { writeFileAtomic } from "../../data/output/write-file-atomic.js";

const HELP = `crm basket: cross-sell rules (market-basket analysis) and next-best items per customer

Usage: crm basket --input FILE [--level product|category] [--min-support S] [--min-confidence C]
                  [--max-size K] [--sort lift|confidence|support|leverage|conviction] [--top N]
                  [--rules-out FILE.csv] [--out FILE.csv] [--json] [mapping flags]

Purchase lines (amount >= 0) are grouped into baskets by order_id (or by customer and day when
there is none); items are product_id or category values. Frequent item sets come from
FP-growth; a rule X -> Y reports support (share of baskets holding X and Y), confidence (share
of X-baskets holding Y), lift (confidence / share of baskets holding Y; above 1 = sold together),
leverage and conviction. Each customer gets the top N items not yet bought, scored by the
highest confidence of a rule (lift > 1) whose X the customer has bought; popular items fill
the remaining places.

Analysis:
      --level L             product (default) | category
      --min-support S       minimum share of baskets for an item set, in (0, 1]
                            (default 0.001 for products, 0.01 for categories)
      --min-confidence C    minimum confidence of a rule, in [0, 1] (default 0.05)
      --max-size K          largest item set, 1-10 items (default 4)
      --sort M              order of the rules (default lift)
      --top N               next-best items per customer, 1-100 (default 3)
${INPUT_HELP}
Output:
      --out FILE.csv        next-best items (customer_id,rank,item,score,lift,source,basis);
                            default: the rules as CSV on stdout
      --rules-out FILE.csv  write the rules there
      --json                print one JSON object (counts, options, top 20 rules, coverage, paths)
  -h, --help                this help`;

const RULE_COLUMNS = ["antecedent", "consequent", "baskets", "support", "antecedent_support", "consequent_support", "confidence", "lift", "leverage", "conviction"];

function shareFlag(values: FlagValues, name: string, lowOpen: boolean): number | undefined {
  const v = stringFlag(values, name);
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === "" || !Number.isFinite(x) || x > 1 || (lowOpen ? x <= 0 : x < 0)) {
    throw new UsageError(`crm basket: --${name} must be a share ${lowOpen ? "above 0" : "from 0"} and at most 1, e.g. 0.01 (got "${v}")`);
  }
  return x;
}

/** `crm basket`: association rules and next-best items of a transactions file. */
export const basketCommand: Command = {
  name: "basket",
  section: "cross-sell",
  summary: "cross-sell: association rules (support, confidence, lift) and next-best items per customer",
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags("basket", argv, {
      ...INPUT_FLAGS,
      level: { type: "string" },
      "min-support": { type: "string" },
      "min-confidence": { type: "string" },
      "max-size": { type: "string" },
      sort: { type: "string" },
      top: { type: "string" },
      out: { type: "string", short: "o" },
      "rules-out": { type: "string" },
      json: { type: "boolean" },
    });
    const level = choiceFlag("basket", flags, "level", ["product", "category"] as const, "product");
    const minSupport = shareFlag(flags, "min-support", true);
    const minConfidence = shareFlag(flags, "min-confidence", false);
    const maxItemsetSize = intFlag("basket", flags, "max-size", 1, 10, 4);
    const sortBy = choiceFlag("basket", flags, "sort", ["lift", "confidence", "support", "leverage", "conviction"] as const, "lift");
    const topN = intFlag("basket", flags, "top", 1, 100, 3);
    await checkOutFlags("basket", flags, { outs: ["out", "rules-out"] });
    const { transactions } = await loadInputFlags("basket", flags, io);
    const a = await step(io, "baskets, FP-growth and rules", (onProgress) => basketAnalysis(transactions, { level, minSupport, minConfidence, maxItemsetSize, sortBy, topN, onProgress }), { progressUnit: "stages" });
    const nb = a.nextBest;
    io.err(`crm: ${count(a.baskets)} baskets of ${count(a.items)} ${level === "product" ? "products" : "categories"}, itemsets by size ${a.itemsetsBySize.join("/")}, ${count(a.rules.length)} rules; ${count(nb.customersByRules)} of ${count(nb.customers)} customers have a rule-based suggestion`);
    const r = a.rules;
    const rulesCsv = columnsToCsv(RULE_COLUMNS, [
      r.map((x) => x.antecedent.join(" + ")), r.map((x) => x.consequent.join(" + ")), r.map((x) => x.count), r.map((x) => x.support),
      r.map((x) => x.antecedentSupport), r.map((x) => x.consequentSupport), r.map((x) => x.confidence), r.map((x) => x.lift), r.map((x) => x.leverage), r.map((x) => x.conviction),
    ], r.length);
    const nextCsv = columnsToCsv(["customer_id", "rank", "item", "score", "lift", "source", "basis"], [nb.customerId, nb.rank, nb.item, nb.score, nb.lift, nb.source, nb.basis], nb.length);
    const out = stringFlag(flags, "out");
    const rulesOut = stringFlag(flags, "rules-out");
    const written = out === undefined ? undefined : await writeFileAtomic(out, nextCsv);
    const rulesWritten = rulesOut === undefined ? undefined : await writeFileAtomic(rulesOut, rulesCsv);
    for (const w of [written, rulesWritten]) if (w) io.err(`crm: wrote ${w}`);
    if (flags.json === true) {
      const { rules, nextBest, ...counts } = a;
      io.out(JSON.stringify({
        ...counts,
        sortBy,
        rules: rules.length,
        topRules: rules.slice(0, 20).map((x) => ({
          antecedent: x.antecedent, consequent: x.consequent, baskets: x.count, support: x.support, confidence: x.confidence,
          lift: x.lift, leverage: x.leverage, conviction: Number.isFinite(x.conviction) ? x.conviction : null,
        })),
        nextBest: { topN: nextBest.topN, rows: nextBest.length, customers: nextBest.customers, customersByRules: nextBest.customersByRules, ruleCoverage: nextBest.ruleCoverage },
        out: written ?? null,
        rulesOut: rulesWritten ?? null,
      }));
    } else if (!written && !rulesWritten) {
      io.out(rulesCsv);
    }
    return 0;
  },
};
