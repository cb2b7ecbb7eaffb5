import type { SampleTruth } from "./types.js";

/**
 * The README.md written next to a generated sample: how it was made, how to regenerate it,
 * the columns of each file and the planted truth in plain language. Private to `writeSample`.
 *
 * @example
 * sampleReadme(sample.truth).startsWith("# Sample data"); // true
 */
export function sampleReadme(t: SampleTruth): string {
  const c = t.counts as Record<string, unknown> & { campaign: Record<string, number>; serviceEvents: Record<string, number> };
  const bg = t.bgNbd;
  const gg = t.gammaGamma;
  const e = t.service.effect;
  const margins = Object.entries(t.categories).map(([k, v]) => `${k} ${Math.round(v.margin * 100)} %`).join(", ");
  return `# Sample data: a simulated retailer

Made by crm-analytics' own seeded generator (\`generateSample\` + \`writeSample\` in
\`src/data/generate/\`) with **${String(c.customers)} customers and seed ${t.seed}**. Nothing here is real:
every customer, order and event was drawn from known distributions, and the true parameters are
in \`truth.json\`, so models fitted on these files can be checked against the truth.

## Regenerate

\`\`\`sh
crm generate --customers ${String(c.customers)} --seed ${t.seed} --out data/sample
# or, from the built package:
node -e 'import("./dist/data/generate/index.js").then(async (g) => { await g.writeSample(g.generateSample({ customers: ${String(c.customers)}, seed: ${t.seed} }), "data/sample"); })'
\`\`\`

The same customers and seed give byte-identical files on every machine.

## Files

| file | one row per | columns |
|---|---|---|
| transactions.csv | order line (${String(c.lines)} lines, ${String(c.orders)} orders) | customer_id, order_id, date, channel, product_id, category, quantity, unit_price, discount, amount, freight, cost, returned_quantity, returned_amount |
| customers.csv | customer (${String(c.customers)}) | customer_id, acquisition_date, acquisition_channel, region |
| service_events.csv | service event | customer_id, date, type (call_centre_contact, complaint, late_delivery, return) |
| campaign_contacts.csv | customer contacted by the campaign (${String(c.campaign.contacted)}) | customer_id, campaign_id, date, group (treatment/control), responded (0/1), response_amount |
| truth.json | - | every true parameter and count |

Conventions: dates are ISO \`YYYY-MM-DD\`; money has two decimals in one currency;
customer ids are zero-padded text (\`C00042\`: keep them as text). On each line
\`amount = quantity * unit_price - discount\` exactly. \`freight\` is the order's freight and
handling cost, written on the order's first line (0 on its other lines). \`cost\` is the cost of
goods. \`returned_amount\` is refunded value (already inside \`amount\`: subtract it for net sales).
transactions.csv and service_events.csv are sorted by date (order ids increase with date);
customers.csv and campaign_contacts.csv by customer id. Per-customer latent values (lambda, p, nu,
alive at the end) are not written: they are in the generator's result (\`latent\`).

## How it was made (the planted truth)

- **Window**: customers acquired ${t.dates.start} to ${t.dates.acquisitionEnd} (more of them later in the
  window and in November-December), observed to ${t.dates.end}. The first purchase is on the acquisition day.
- **Purchases (BG/NBD, time unit weeks)**: each customer buys at rate lambda ~ Gamma(r = ${bg.r}, alpha = ${bg.alpha})
  a week and after each repeat purchase drops out with probability p ~ Beta(a = ${bg.a}, b = ${bg.b}).
- **Order values (Gamma-Gamma)**: nu ~ Gamma(q = ${gg.q}, gamma = ${gg.gamma}); each order's value
  (sum of its line amounts) ~ Gamma(p = ${gg.p}, nu); mean order value p*gamma/(q-1) = ${gg.meanOrderValue.toFixed(2)}.
- **Channels**: web, store and call-centre differ in category mix, discounts, freight and returns
  (so in margin and cost to serve), not in purchase rates. Later orders stay in the acquisition channel
  with probability 0.75.
- **Categories and margins** (on the undiscounted price, so discounts cut the realised margin): ${margins}.
- **Service effect**: ${e.rule} Planted values: late delivery ${e.lateDeliveryDropoutIncrease}, complaint ${e.complaintDropoutIncrease}.
  Events: ${Object.entries(c.serviceEvents).map(([k, v]) => `${k} ${v}`).join(", ")}.
- **Campaign ${String(t.campaign.id)} on ${String(t.campaign.date)}**: ${String(t.campaign.rule)} True response rates:
  control ${t.campaign.controlResponseRate}, treatment ${t.campaign.treatmentResponseRate}
  (uplift ${String(t.campaign.upliftPercentagePoints)} percentage points). Realised: treatment ${c.campaign.respondedTreatment} of ${c.campaign.treatment},
  control ${c.campaign.respondedControl} of ${c.campaign.control}.

Departures from the pure models, on purpose and small: service problems add dropout (also after the
first purchase), and ${String(c.campaignResponseOrders)} campaign response orders are added outside the BG/NBD process.
Same-day repeat purchases can occur (a daily summary counts them once).
`;
}
