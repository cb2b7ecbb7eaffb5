import { formatDay } from "../parse/format-day.js";
import type { GeneratedSample } from "./types.js";

/** One CSV file of a sample: its name, header and a row renderer. Private to `writeSample`. */
export interface CsvSpec {
  readonly name: string;
  readonly header: string;
  readonly rows: number;
  /** Row k as CSV text without the newline. */
  readonly row: (k: number) => string;
}

/**
 * The four CSV files of a sample, with their exact headers (see data/sample/README.md).
 * Values never contain commas, quotes or newlines, so no quoting is needed. Money is printed
 * with exactly two decimals, dates as ISO `YYYY-MM-DD`, flags as 0/1.
 *
 * @example
 * sampleCsvSpecs(sample)[0].header; // "customer_id,order_id,date,channel,product_id,category,..."
 */
export function sampleCsvSpecs(s: GeneratedSample): readonly CsvSpec[] {
  const t = s.transactions;
  const c = s.customers;
  const e = s.serviceEvents;
  const k = s.campaignContacts;
  const iso = isoCache();
  return [
    {
      name: "transactions.csv",
      header: "customer_id,order_id,date,channel,product_id,category,quantity,unit_price,discount,amount,freight,cost,returned_quantity,returned_amount",
      rows: t.length,
      row: (i) =>
        `${t.customerId[i]},${t.orderId[i]},${iso(t.day[i]!)},${t.channel[i]},${t.productId[i]},${t.category[i]},${t.quantity[i]},` +
        `${money(t.unitPrice[i]!)},${money(t.discount[i]!)},${money(t.amount[i]!)},${money(t.freight[i]!)},${money(t.cost[i]!)},` +
        `${t.returnedQuantity[i]},${money(t.returnedAmount[i]!)}`,
    },
    {
      name: "customers.csv",
      header: "customer_id,acquisition_date,acquisition_channel,region",
      rows: c.length,
      row: (i) => `${c.customerId[i]},${iso(c.acquisitionDay[i]!)},${c.acquisitionChannel[i]},${c.region[i]}`,
    },
    {
      name: "service_events.csv",
      header: "customer_id,date,type",
      rows: e.length,
      row: (i) => `${e.customerId[i]},${iso(e.day[i]!)},${e.type[i]}`,
    },
    {
      name: "campaign_contacts.csv",
      header: "customer_id,campaign_id,date,group,responded,response_amount",
      rows: k.length,
      row: (i) => `${k.customerId[i]},${k.campaignId[i]},${iso(k.day[i]!)},${k.group[i]},${k.responded[i]},${money(k.responseAmount[i]!)}`,
    },
  ];
}

/** Currency units to text with exactly two decimals, via integer cents (exact for cent values). */
export function money(x: number): string {
  const cents = Math.round(x * 100);
  const abs = Math.abs(cents);
  const frac = abs % 100;
  return `${cents < 0 ? "-" : ""}${(abs - frac) / 100}.${frac < 10 ? "0" : ""}${frac}`;
}

function isoCache(): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let s = cache.get(day);
    if (s === undefined) cache.set(day, (s = formatDay(day)));
    return s;
  };
}
