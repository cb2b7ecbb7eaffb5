import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generateSample, writeSample } from "../../src/data/generate/index.js";

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "crm-sample-"));
  dirs.push(d);
  return d;
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const FILES = ["transactions.csv", "customers.csv", "service_events.csv", "campaign_contacts.csv", "truth.json", "README.md"];

describe("writeSample", () => {
  it("regenerates the committed data/sample byte for byte (5,000 customers, seed 20261125)", async () => {
    const d = await tempDir();
    await writeSample(generateSample({ customers: 5000, seed: 20261125 }), d);
    const committed = join(fileURLToPath(new URL("../../data/sample", import.meta.url)));
    for (const f of FILES) {
      expect((await readFile(join(d, f))).equals(await readFile(join(committed, f))), f).toBe(true);
    }
  });

  it("writes byte-identical files for the same seed, and different ones for another seed", async () => {
    const [a, b, other] = [await tempDir(), await tempDir(), await tempDir()];
    await writeSample(generateSample({ customers: 400, seed: 11 }), a);
    await writeSample(generateSample({ customers: 400, seed: 11 }), b);
    await writeSample(generateSample({ customers: 400, seed: 12 }), other);
    for (const f of FILES) {
      const x = await readFile(join(a, f));
      expect(x.equals(await readFile(join(b, f)))).toBe(true);
    }
    expect((await readFile(join(a, "transactions.csv"))).equals(await readFile(join(other, "transactions.csv")))).toBe(false);
  });

  it("writes the stated headers, row counts and sizes, and leaves no temporary file", async () => {
    const dir = join(await tempDir(), "nested", "sample");
    const s = generateSample({ customers: 300, seed: 5 });
    const files = await writeSample(s, dir);
    expect(files.map((f) => f.name)).toEqual(FILES);
    expect((await readdir(dir)).sort()).toEqual([...FILES].sort());
    const text = await readFile(join(dir, "transactions.csv"), "utf8");
    const lines = text.split("\n");
    expect(lines[0]).toBe(
      "customer_id,order_id,date,channel,product_id,category,quantity,unit_price,discount,amount,freight,cost,returned_quantity,returned_amount",
    );
    expect(lines.length - 2).toBe(s.transactions.length); // header and final newline
    expect(lines[1]).toMatch(/^C\d{5},O\d{7},\d{4}-\d{2}-\d{2},(web|store|call-centre),P\d{3},[a-z]+,\d+(,-?\d+\.\d{2}){5},\d+,\d+\.\d{2}$/);
    for (const f of files) expect(f.bytes).toBe((await readFile(f.path)).length);
    expect((await readFile(join(dir, "customers.csv"), "utf8")).split("\n")[0]).toBe("customer_id,acquisition_date,acquisition_channel,region");
    expect((await readFile(join(dir, "service_events.csv"), "utf8")).split("\n")[0]).toBe("customer_id,date,type");
    expect((await readFile(join(dir, "campaign_contacts.csv"), "utf8")).split("\n")[0]).toBe("customer_id,campaign_id,date,group,responded,response_amount");
    expect(JSON.parse(await readFile(join(dir, "truth.json"), "utf8"))).toEqual(JSON.parse(JSON.stringify(s.truth)));
  });

  it("can leave the README out", async () => {
    const dir = await tempDir();
    const files = await writeSample(generateSample({ customers: 20, seed: 1 }), dir, { readme: false });
    expect(files.map((f) => f.name)).not.toContain("README.md");
  });
});
