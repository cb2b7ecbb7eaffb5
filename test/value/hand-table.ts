// A small hand-made table whose value figures are worked out by hand in customer-value.test.ts.
import { loadServiceEventsText } from "../../src/data/load/load-service-events.js";
import { loadCustomersText } from "../../src/data/load/load-customers.js";
import { loadTransactionsText } from "../../src/data/load/load-transactions.js";

export const HAND_TRANSACTIONS = loadTransactionsText([
  "customer_id,order_id,date,channel,category,quantity,unit_price,discount,amount,freight,cost,returned_quantity,returned_amount",
  "A,O1,2024-01-01,web,home,2,50,10,90,5,60,0,0",
  "A,O1,2024-01-01,web,books,1,20,0,20,0,,0,0",
  "A,O2,2024-02-01,store,home,1,50,0,50,0,30,1,50",
  "B,O3,2024-01-05,store,home,4,25,0,100,0,70,0,0",
  "C,O4,2024-03-01,web,home,1,10,0,10,8,6,0,0",
].join("\n")).transactions;

export const HAND_EVENTS = loadServiceEventsText([
  "customer_id,date,type",
  "A,2024-01-03,call_centre_contact",
  "C,2024-03-05,complaint",
  "D,2024-03-06,late_delivery",
].join("\n")).events;

export const HAND_CUSTOMERS = loadCustomersText([
  "customer_id,acquisition_date,acquisition_channel,region",
  "A,2024-01-01,web,north",
  "B,2024-01-05,store,south",
].join("\n")).customers;

/** Simple round prices so the sums can be done by hand. */
export const HAND_COSTS = { perOrder: 1, return: 2, call_centre_contact: 3, complaint: 4, late_delivery: 5 };
