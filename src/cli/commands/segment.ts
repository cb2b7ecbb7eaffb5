import type { Command, CommandIo } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { INPUT_FLAGS, INPUT_HELP, loadInputFlags } from "../input-flags.js";
import { intFlag, parseFlags, stringFlag } from "../parse-flags.js";
import { count, step } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { customerSummary } from "../../summary/customer-summary.js";
import { columnsToCsv } from "../../data/output/columns-to-csv.js";
import { writeFileAtomic } from "../../data/output/write-file-atomic.js";
import { clusterCustomers, type ClusterResult } from "../../segments/clusters/cluster-customers.js";
import { CLUSTER_FEATURE_NAMES, DEFAULT_CLUSTER_FEATURES, type ClusterFeature } from "../../segments/clusters/standardize-features.js";

const HELP = `crm segment: k-means customer clusters on RFM-like features, with a profile of each cluster

Usage: crm segment --input FILE [--k auto|N] [--seed S] [--features a,b,c] [--restarts N]
                   [--calibration-end D] [--out FILE.csv] [--json] [mapping flags]

Features are log-scaled (orders, frequency, total_spend, monetary_value: signed log1p) and turned
into z-scores; k-means++ seeds, several seeded restarts, the least within-cluster sum of squares.

Clusters:
      --k auto|N            number of clusters 2..20, or auto (default): best silhouette for k in 2..8
      --seed S              seed of every random step (default 1): same seed, same clusters
      --features a,b,c      from ${CLUSTER_FEATURE_NAMES.join(", ")}
                            (default ${DEFAULT_CLUSTER_FEATURES.join(",")})
      --restarts N          k-means++ starts per k, 1..100 (default 4)
      --calibration-end D   last day of the period to summarise, YYYY-MM-DD (default: last date)
${INPUT_HELP}
Output:
      --out FILE.csv        write customer_id,cluster,cluster_name there (atomically); default: stdout
      --json                print one JSON object (k, silhouette, profiles, k-choice table, out)
                            instead; without --out it also holds the per-customer clusters
  -h, --help                this help
The profile table (and the k-choice table with --k auto) goes to stderr for people.`;

function kFlag(value: string | undefined): number | "auto" {
  if (value === undefined || value === "auto") return "auto";
  const k = Number(value);
  if (!/^\d+$/.test(value.trim()) || k < 2 || k > 20) throw new UsageError(`crm segment: --k must be auto or a whole number from 2 to 20 (got "${value}")`);
  return k;
}

function featuresFlag(value: string | undefined): readonly ClusterFeature[] {
  if (value === undefined) return DEFAULT_CLUSTER_FEATURES;
  const names = value.split(",").map((s) => s.trim()).filter(Boolean);
  for (const f of names) {
    if (!(CLUSTER_FEATURE_NAMES as readonly string[]).includes(f)) throw new UsageError(`crm segment: --features: "${f}" is not one of ${CLUSTER_FEATURE_NAMES.join(", ")}`);
  }
  if (names.length === 0 || new Set(names).size !== names.length) throw new UsageError(`crm segment: --features needs distinct names separated by commas (got "${value}")`);
  return names as ClusterFeature[];
}

function printTables(io: CommandIo, r: ClusterResult): void {
  const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1));
  io.err(`crm: ${r.k} clusters, silhouette ${r.silhouette.score.toFixed(3)}${r.silhouette.exact ? "" : ` (on a seeded sample of ${count(r.silhouette.pointsScored)})`}`);
  io.err(["cluster", "name", "customers", "share", "value_share", ...r.features.map((f) => `mean_${f}`)].join("\t"));
  for (const p of r.profiles) {
    io.err([p.cluster, p.name, p.size, `${(100 * p.share).toFixed(1)}%`, p.valueShare === null ? "-" : `${(100 * p.valueShare).toFixed(1)}%`, ...r.features.map((f) => fmt(p.means[f]!))].join("\t"));
  }
  if (r.kChoice) {
    io.err(`crm: choosing k: best silhouette at k = ${r.kChoice.bestK}, elbow at k = ${r.kChoice.elbowK}${r.sampleSize === null ? "" : ` (k-means fitted on a seeded sample of ${count(r.sampleSize)} customers, all then assigned to the nearest centre)`}`);
    io.err("k\twithin_ss\twithin_share\tsilhouette");
    for (const row of r.kChoice.rows) io.err(`${row.k}\t${row.withinSS.toFixed(1)}\t${row.withinShare.toFixed(3)}\t${row.silhouette === null ? "-" : row.silhouette.toFixed(3)}`);
  }
}

/** `crm segment`: k-means clusters of the customers of a transactions file, with profiles. */
export const segmentCommand: Command = {
  name: "segment",
  section: "customer-clusters",
  summary: "k-means customer clusters (RFM-like features, k by silhouette) with named profiles",
  help: HELP,
  async run(argv, io) {
    const spec = {
      ...INPUT_FLAGS,
      k: { type: "string" as const },
      seed: { type: "string" as const },
      features: { type: "string" as const },
      restarts: { type: "string" as const },
      "calibration-end": { type: "string" as const },
      out: { type: "string" as const, short: "o" },
      json: { type: "boolean" as const },
    };
    const flags = parseFlags("segment", argv, spec);
    const k = kFlag(stringFlag(flags, "k"));
    const seed = intFlag("segment", flags, "seed", 0, Number.MAX_SAFE_INTEGER, 1);
    const restarts = intFlag("segment", flags, "restarts", 1, 100, 4);
    const features = featuresFlag(stringFlag(flags, "features"));
    await checkOutFlags("segment", flags);
    const { transactions } = await loadInputFlags("segment", flags, io);
    const summary = await step(io, "customer summary", () => customerSummary(transactions, { calibrationEnd: stringFlag(flags, "calibration-end") }), { unit: "customers", count: (s) => s.length });
    if (k !== "auto" && k > summary.length) throw new UsageError(`crm segment: --k ${k} is more than the ${count(summary.length)} customers`);
    const result = await step(io, `k-means on ${count(summary.length)} customers (${k === "auto" ? "k = 2..8" : `k = ${k}`})`, (onProgress) => clusterCustomers(summary, { k, seed, restarts, features, onProgress }), { unit: "customers", count: () => summary.length, progressUnit: "stages" });
    const names = result.profiles.map((p) => p.name);
    const clusterName = Array.from(result.clusters, (c) => names[c - 1]!);
    const out = stringFlag(flags, "out");
    const csv = columnsToCsv(["customer_id", "cluster", "cluster_name"], [result.customerIds, result.clusters, clusterName], result.customerIds.length);
    const written = out === undefined ? undefined : await writeFileAtomic(out, csv);
    if (written) io.err(`crm: wrote ${written}`);
    if (flags.json === true) {
      io.out(JSON.stringify({
        customers: summary.length,
        k: result.k,
        kChosenAutomatically: result.kChosenAutomatically,
        seed, restarts, features: result.features,
        withinSS: result.withinSS,
        totalSS: result.totalSS,
        silhouette: result.silhouette,
        profiles: result.profiles,
        kChoice: result.kChoice,
        ...(result.sampleSize === null ? {} : { sampleSize: result.sampleSize }),
        out: written ?? null,
        ...(written ? {} : { assignments: result.customerIds.map((id, i) => ({ customer_id: id, cluster: result.clusters[i]! })) }),
      }));
      return 0;
    }
    printTables(io, result);
    if (!written) io.out(csv);
    return 0;
  },
};
