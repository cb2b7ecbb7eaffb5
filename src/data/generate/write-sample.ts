import { open, rename, rm } from "node:fs/promises";
import { makeFolder } from "../output/make-folder.js";
import { join } from "node:path";
import { sampleCsvSpecs } from "./sample-csv.js";
import { sampleReadme } from "./sample-readme.js";
import type { GeneratedSample } from "./types.js";

/** One file written by {@link writeSample}. */
export interface WrittenFile {
  readonly name: string;
  readonly path: string;
  /** Size in bytes. */
  readonly bytes: number;
  /** Data rows (header not counted); 0 for truth.json and README.md. */
  readonly rows: number;
}

/**
 * Writes a generated sample into `dir` (created if missing): transactions.csv, customers.csv,
 * service_events.csv, campaign_contacts.csv, truth.json and (unless `readme: false`) a
 * README.md that says how the sample was made and how to regenerate it. Each file is written
 * to a temporary file in `dir` and renamed into place, so a reader never sees half a file.
 * Output is byte-identical for identical samples (LF line ends, UTF-8, no BOM).
 *
 * @example
 * const files = await writeSample(generateSample({ customers: 5000, seed: 20261125 }), "data/sample");
 * files.map((f) => f.name); // ["transactions.csv", "customers.csv", ..., "README.md"]
 * @throws the file system's error (e.g. EACCES) after removing its temporary file.
 */
export async function writeSample(
  sample: GeneratedSample,
  dir: string,
  options: { readonly readme?: boolean } = {},
): Promise<readonly WrittenFile[]> {
  await makeFolder(dir, `writeSample: "${dir}"`);
  const written: WrittenFile[] = [];
  for (const spec of sampleCsvSpecs(sample)) {
    const bytes = await atomicWrite(join(dir, spec.name), async (fh) => {
      let total = 0;
      let chunk: string[] = [spec.header];
      const flush = async (): Promise<void> => {
        const buf = Buffer.from(chunk.join("\n") + "\n", "utf8");
        await fh.write(buf);
        total += buf.length;
        chunk = [];
      };
      for (let i = 0; i < spec.rows; i++) {
        chunk.push(spec.row(i));
        if (chunk.length >= 20_000) await flush();
      }
      if (chunk.length > 0) await flush();
      return total;
    });
    written.push({ name: spec.name, path: join(dir, spec.name), bytes, rows: spec.rows });
  }
  const texts: Array<[string, string]> = [["truth.json", JSON.stringify(sample.truth, null, 2) + "\n"]];
  if (options.readme !== false) texts.push(["README.md", sampleReadme(sample.truth)]);
  for (const [name, text] of texts) {
    const buf = Buffer.from(text, "utf8");
    await atomicWrite(join(dir, name), async (fh) => (await fh.write(buf), buf.length));
    written.push({ name, path: join(dir, name), bytes: buf.length, rows: 0 });
  }
  return Object.freeze(written.map((f) => Object.freeze(f)));
}

type Handle = Awaited<ReturnType<typeof open>>;

async function atomicWrite(path: string, body: (fh: Handle) => Promise<number>): Promise<number> {
  const tmp = `${path}.${process.pid}.tmp`;
  let fh: Handle | undefined;
  try {
    fh = await open(tmp, "w");
    const bytes = await body(fh);
    await fh.close();
    fh = undefined;
    await rename(tmp, path);
    return bytes;
  } catch (err) {
    await fh?.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
}

