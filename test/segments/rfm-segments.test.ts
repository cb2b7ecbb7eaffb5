import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SEGMENT_RULES,
  checkSegmentRules,
  rfmScores,
  rfmSegments,
  segmentRuleMatches,
  segmentTable,
  type SegmentRule,
} from "../../src/segments/rfm/index.js";

describe("the default segment map", () => {
  it("covers every one of the 125 (R, F, M) combinations exactly once", () => {
    expect(checkSegmentRules(DEFAULT_SEGMENT_RULES)).toEqual([]);
    let covered = 0;
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) {
      expect(DEFAULT_SEGMENT_RULES.filter((rule) => segmentRuleMatches(rule, r, f, m))).toHaveLength(1);
      covered++;
    }
    expect(covered).toBe(125);
  });
  it("has the eleven classic segments, each with an action", () => {
    expect([...new Set(DEFAULT_SEGMENT_RULES.map((r) => r.segment))]).toEqual([
      "Champions", "Loyal Customers", "Potential Loyalist", "New Customers", "Promising", "Need Attention",
      "About To Sleep", "Can't Lose Them", "At Risk", "Hibernating", "Lost",
    ]);
    for (const rule of DEFAULT_SEGMENT_RULES) expect(rule.action?.length).toBeGreaterThan(20);
  });
  it("places the corners as expected", () => {
    const name = (r: number, f: number, m: number) => DEFAULT_SEGMENT_RULES.find((rule) => segmentRuleMatches(rule, r, f, m))!.segment;
    expect(name(5, 5, 5)).toBe("Champions");
    expect(name(5, 1, 1)).toBe("New Customers");
    expect(name(1, 5, 5)).toBe("Can't Lose Them");
    expect(name(1, 1, 1)).toBe("Lost");
    expect(name(2, 1, 2)).toBe("Hibernating");
    expect(name(3, 3, 3)).toBe("Need Attention");
  });
});

describe("checkSegmentRules on broken rule sets", () => {
  it("names each gap", () => {
    const noChampions = DEFAULT_SEGMENT_RULES.filter((r) => r.segment !== "Champions");
    const gaps = checkSegmentRules(noChampions);
    expect(gaps).toHaveLength(10); // R5 with FM 4-5, i.e. F + M >= 7: 4 + 3 + 2 + 1 pairs
    expect(gaps[0]).toBe("gap: R5 F2 M5 matches no segment");
    expect(gaps).toContain("gap: R5 F5 M5 matches no segment");
  });
  it("names each overlap", () => {
    const extra: SegmentRule = { segment: "Loyal Customers", r: [5, 5], f: [5, 5], m: [5, 5] };
    expect(checkSegmentRules([...DEFAULT_SEGMENT_RULES, extra])).toEqual(["overlap: R5 F5 M5 matches Champions and Loyal Customers"]);
    const three = checkSegmentRules([...DEFAULT_SEGMENT_RULES, extra, { segment: "VIP", r: [5, 5], f: [5, 5], m: [5, 5] }]);
    expect(three).toEqual(["overlap: R5 F5 M5 matches Champions, Loyal Customers and VIP"]);
  });
  it("a one-rule map leaves R5 uncovered", () => {
    const p = checkSegmentRules([{ segment: "All", r: [1, 4] }]);
    expect(p).toHaveLength(25);
    expect(p[0]).toBe("gap: R5 F1 M1 matches no segment");
  });
  it("refuses a bad range with the rule named", () => {
    expect(() => checkSegmentRules([{ segment: "X", f: [0, 5] }])).toThrow('checkSegmentRules: rule 1 ("X") f range [0, 5] is not whole numbers min <= max within 1..5');
  });
  it("rfmSegments refuses rules with problems", () => {
    const s = rfmScores({ customer_id: ["a"], days_since_last_purchase: [1], orders: [1], total_spend: [1] });
    expect(() => rfmSegments(s, [{ segment: "All", r: [1, 4] }])).toThrow(
      "rfmSegments: the segment rules have 25 problems, first gap: R5 F1 M1 matches no segment; check them with checkSegmentRules",
    );
  });
});

const customers = fc.array(
  fc.record({ d: fc.integer({ min: 0, max: 400 }), o: fc.integer({ min: 1, max: 12 }), s: fc.integer({ min: -20, max: 900 }) }),
  { minLength: 1, maxLength: 80 },
);

describe("segments: properties", () => {
  it("every customer gets exactly one segment, the one its scores match; the table adds up", () => {
    fc.assert(
      fc.property(customers, (rows) => {
        const scores = rfmScores({
          customer_id: rows.map((_, i) => `c${i}`),
          days_since_last_purchase: rows.map((r) => r.d),
          orders: rows.map((r) => r.o),
          total_spend: rows.map((r) => r.s),
        });
        const seg = rfmSegments(scores);
        expect(seg.segment).toHaveLength(rows.length);
        for (let i = 0; i < rows.length; i++) {
          const hits = DEFAULT_SEGMENT_RULES.filter((rule) => segmentRuleMatches(rule, scores.r[i]!, scores.f[i]!, scores.m[i]!));
          expect(hits.map((h) => h.segment)).toEqual([seg.segment[i]]);
        }
        const table = segmentTable(scores, seg, { margin: rows.map((r) => r.s / 2 + 1) });
        expect(table.reduce((a, r) => a + r.customers, 0)).toBe(rows.length);
        expect(table.reduce((a, r) => a + (r.share ?? 0), 0)).toBeCloseTo(1, 12);
        expect(table.reduce((a, r) => a + r.revenue, 0)).toBeCloseTo(rows.reduce((a, r) => a + r.s, 0), 6);
      }),
    );
  });
});

describe("segmentTable on a hand-made table", () => {
  const scores = rfmScores({
    customer_id: ["a", "b", "c", "d", "e"],
    days_since_last_purchase: [1, 2, 300, 301, 302],
    orders: [9, 8, 1, 1, 2],
    total_spend: [500, 400, 10, 20, 70],
  });
  const seg = rfmSegments(scores);
  const table = segmentTable(scores, seg, { margin: [100, 100, 0, 0, 0] });
  it("assigns and sums per segment", () => {
    expect(Array.from(scores.r)).toEqual([5, 4, 3, 2, 1]);
    expect(seg.segment).toEqual(["Champions", "Loyal Customers", "About To Sleep", "Hibernating", "At Risk"]); // e: R1, F2, M3 -> FM 3
    const champions = table.find((r) => r.segment === "Champions")!;
    expect(champions).toMatchObject({ customers: 1, share: 0.2, revenue: 500, revenueShare: 0.5, marginShare: 0.5, meanOrders: 9, meanR: 5 });
    expect(champions.action).toContain("Reward them");
    const empty = table.find((r) => r.segment === "Can't Lose Them")!;
    expect(empty).toMatchObject({ customers: 0, share: 0, revenue: 0, meanSpend: null });
    expect(table).toHaveLength(11);
  });
  it("leaves margin share null when no margin is given", () => {
    expect(segmentTable(scores, seg).every((r) => r.marginShare === null)).toBe(true);
  });
});
