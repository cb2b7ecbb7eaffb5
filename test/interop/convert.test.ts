import { describe, expect, it } from "vitest";
import * as aq from "arquero";
import {
  fromArquero,
  summaryToTable,
  tableKind,
  toArquero,
  toColumns,
  toRecords,
} from "../../src/interop/index.js";
import type { CustomerSummary } from "../../src/summary/types.js";

const rows = [
  { customer_id: "00042", frequency: 2, spend: 10.25, active: true },
  { customer_id: "007", frequency: 0, spend: 0, active: false },
  { customer_id: "C-17", frequency: 5, spend: 1234.5, active: true },
];

function summary(): CustomerSummary {
  const f = (...v: number[]) => new Float64Array(v);
  return {
    length: 2,
    timeUnit: "week",
    calibrationEnd: "1997-09-30",
    observationEnd: "1998-06-30",
    durationHoldout: 39,
    customersAfterCalibration: 0,
    columns: {
      customer_id: ["00042", "00043"],
      frequency: f(2, 0),
      recency: f(30.5, 0),
      T: f(38, 20),
      monetary_value: f(12.5, 0),
      first_purchase: ["1997-01-01", "1997-05-13"],
      last_purchase: ["1997-07-31", "1997-05-13"],
      days_since_last_purchase: f(61, 140),
      orders: f(3, 1),
      total_spend: f(40, 9.99),
      frequency_holdout: f(1, 0),
      monetary_holdout: f(15, 0),
    },
  };
}

describe("tableKind", () => {
  it("recognises the four forms", () => {
    expect(tableKind(rows)).toBe("records");
    expect(tableKind([])).toBe("records");
    expect(tableKind(aq.table({ x: [1] }))).toBe("arquero");
    expect(tableKind({ x: [1], y: new Float64Array(1) })).toBe("columns");
    const fakeDanfo = { $columns: ["a"], columns: ["a"], values: [[1]], shape: [1, 1], dtypes: ["int32"], toJSON: () => ({}) };
    expect(tableKind(fakeDanfo)).toBe("danfo");
  });

  it("names the function and what was passed", () => {
    expect(() => toRecords("abc" as never)).toThrow(/^toRecords: expected a table .* but got a string "abc"$/);
    expect(() => toColumns(null as never)).toThrow("toColumns: expected a table (records, arquero table, danfo DataFrame or columns object), but got null");
    expect(() => toArquero([{ a: 1 }, 5] as never)).toThrow("toArquero: expected an array of records (plain objects), but item 1 is a number (5)");
    expect(() => toRecords({ a: [1], b: 2 } as never)).toThrow('toRecords: expected a table (records, arquero table, danfo DataFrame or columns object), but got an object whose "b" is a number (2), not an array');
    expect(() => toRecords({ a: [1, 2], b: [1] })).toThrow("toRecords: the columns have different lengths (a: 2, b: 1)");
    expect(() => toRecords(new Map() as never)).toThrow(/but got a Map$/);
    expect(() => fromArquero(rows as never)).toThrow("fromArquero: expected an arquero table, but got records; use toRecords for any table");
    const series = { $columns: ["a"], columns: ["a"], values: [1], shape: [1, 1], dtypes: ["int32"], $isSeries: true, toJSON: () => ({}) };
    expect(() => toRecords(series as never)).toThrow(/toRecords: got a danfo Series/);
  });
});

describe("records <-> arquero", () => {
  it("round trips values, column order and string ids", () => {
    const t = toArquero(rows);
    expect(t.columnNames()).toEqual(["customer_id", "frequency", "spend", "active"]);
    expect(t.array("customer_id")).toEqual(["00042", "007", "C-17"]);
    const back = fromArquero(t);
    expect(back).toEqual(rows);
    expect(Object.keys(back[0] as object)).toEqual(["customer_id", "frequency", "spend", "active"]);
    expect(Object.isFrozen(back)).toBe(true);
  });

  it("keeps the order of integer-like column names in arquero", () => {
    const t = toArquero({ id: ["01"], "2024": [5], "2023": [4] });
    // JavaScript lists "2023" and "2024" first in the object; the input's own order is the object's order.
    expect(t.columnNames()).toEqual(Object.keys({ id: ["01"], "2024": [5], "2023": [4] }));
  });

  it("takes the union of record keys, in order of appearance", () => {
    expect(toColumns([{ a: 1 }, { b: "x", a: 2 }])).toEqual({ a: [1, 2], b: [undefined, "x"] });
  });

  it("respects an arquero filter and order", () => {
    const t = aq.table({ id: ["a", "b", "c"], x: [3, 1, 2] }).filter((d: { x: number }) => d.x > 1).orderby("x");
    expect(toRecords(t)).toEqual([{ id: "c", x: 2 }, { id: "a", x: 3 }]);
    expect(toColumns(t)).toEqual({ id: ["c", "a"], x: [2, 3] });
  });

  it("returns an arquero table as is and never mutates records", () => {
    const t = aq.table({ x: [1] });
    expect(toArquero(t)).toBe(t);
    const input = [{ a: 1 }];
    const out = toRecords(input);
    expect(out).not.toBe(input);
    expect(out[0]).not.toBe(input[0]);
  });
});

describe("columns objects and the customer summary", () => {
  it("toColumns turns typed arrays into plain arrays", () => {
    const c = toColumns({ id: ["00042"], x: new Float64Array([1.5]) });
    expect(Array.isArray(c.x)).toBe(true);
    expect(c).toEqual({ id: ["00042"], x: [1.5] });
  });

  it("summaryToTable keeps every column in the summary's order and the ids", () => {
    const s = summary();
    const t = summaryToTable(s);
    expect(t.numRows()).toBe(2);
    expect(t.columnNames()).toEqual(Object.keys(s.columns));
    expect(t.array("customer_id")).toEqual(["00042", "00043"]);
    expect(toRecords(t)[0]).toMatchObject({ customer_id: "00042", recency: 30.5, total_spend: 40 });
    expect(toArquero(s.columns).numRows()).toBe(2);
  });

  it("summaryToTable rejects what is not a summary", () => {
    expect(() => summaryToTable({} as never)).toThrow("summaryToTable: expected a CustomerSummary with a columns object, but got object");
    const bad = { ...summary(), length: 3 };
    expect(() => summaryToTable(bad)).toThrow("summaryToTable: summary.length is 3 but its columns have 2 rows");
  });
});
