// Text decoding: UTF-8 (BOM or not), UTF-16 with BOM, Latin-1 only when declared; never U+FFFD.
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataError } from "../../src/data/data-error.js";
import { decodeText, firstBadUtf8Byte, isPlausibleLatin1 } from "../../src/data/read/decode-text.js";
import { checkInputFile } from "../../src/data/read/check-input-file.js";
import { loadTransactionsFile } from "../../src/data/load/load-transactions.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-decode-"));
afterAll(() => spawnSync("rm", ["-rf", dir]));
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

describe("decodeText", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(decodeText(Buffer.from("Jos\u00e9"), "utf8", "f", "x")).toEqual({ text: "José", encoding: "utf-8" });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], "a"), "utf8", "f", "x")).toEqual({ text: "a", encoding: "utf-8-bom" });
  });

  it("reads UTF-16 LE and BE with their BOM", () => {
    expect(decodeText(bytes([0xff, 0xfe, 0x4a, 0, 0xe9, 0]), "utf8", "f", "x")).toEqual({ text: "Jé", encoding: "utf-16le" });
    expect(decodeText(bytes([0xfe, 0xff, 0, 0x4a, 0, 0xe9]), "utf8", "f", "x")).toEqual({ text: "Jé", encoding: "utf-16be" });
  });

  it("refuses bytes that are not UTF-8, naming the line of the first bad byte", () => {
    const b = bytes("customer_id\nJos", [0xe9], "\nJos", [0xe8], "\n");
    expect(() => decodeText(b, "utf8", "loadTransactionsFile", "tx.csv")).toThrow(
      new DataError("loadTransactionsFile: tx.csv is not valid UTF-8 (first bad byte at line 2); re-save it as UTF-8 or pass --encoding latin1"),
    );
  });

  it("decodes Latin-1 (windows-1252) when declared, keeping José and Josè apart", () => {
    const { text, encoding } = decodeText(bytes("Jos", [0xe9], "\nJos", [0xe8], "\n", [0x80]), "latin1", "f", "x");
    expect(encoding).toBe("windows-1252");
    expect(text).toBe("José\nJosè\n€");
    expect(text).not.toContain("\ufffd");
  });

  it("refuses a null byte with its line", () => {
    expect(() => decodeText(bytes("a,b\nc", [0], "d\n"), "utf8", "f", "x.csv")).toThrow(
      new DataError("f: x.csv contains a null byte at line 2; it is not a text file (or is UTF-16 without a byte-order mark): re-save it as UTF-8"),
    );
  });

  it("finds the first bad byte and tells plausible Latin-1", () => {
    expect(firstBadUtf8Byte(bytes("ab", [0xc3, 0xa9], "c"))).toBe(-1);
    expect(firstBadUtf8Byte(bytes("ab", [0xe9], "c"))).toBe(2);
    expect(firstBadUtf8Byte(bytes([0xc0, 0x80]))).toBe(0); // overlong
    expect(firstBadUtf8Byte(bytes([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstBadUtf8Byte(bytes("a", [0xe2, 0x82]))).toBe(1); // truncated
    expect(isPlausibleLatin1(bytes("Jos", [0xe9]))).toBe(true);
    expect(isPlausibleLatin1(bytes("Jos", [0x81]))).toBe(false);
    expect(isPlausibleLatin1(bytes("a", [1]))).toBe(false);
  });
});

describe("loadTransactionsFile: encodings and files that are not regular", () => {
  it("a Latin-1 file is refused, then read with encoding latin1 as two customers", async () => {
    const f = path.join(dir, "latin.csv");
    writeFileSync(f, bytes("customer_id,date,amount\nJos", [0xe9], ",2024-01-02,1\nJos", [0xe8], ",2024-01-03,2\n"));
    await expect(loadTransactionsFile(f)).rejects.toThrow(
      new DataError(`loadTransactionsFile: ${f} is not valid UTF-8 (first bad byte at line 2); re-save it as UTF-8 or pass --encoding latin1`),
    );
    const { transactions } = await loadTransactionsFile(f, { encoding: "latin1" });
    expect(transactions.customerId).toEqual(["José", "Josè"]);
  });

  it("a UTF-16 LE file with BOM", async () => {
    const f = path.join(dir, "utf16.csv");
    writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("customer_id,date,amount\r\nJosé,2024-01-02,1\r\n", "utf16le")]));
    expect((await loadTransactionsFile(f)).transactions.customerId).toEqual(["José"]);
  });

  it("an unknown encoding", async () => {
    const f = path.join(dir, "latin.csv");
    await expect(loadTransactionsFile(f, { encoding: "ebcdic" as "utf8" })).rejects.toThrow(
      new DataError('loadTransactionsFile: unknown encoding "ebcdic"; use --encoding utf8|latin1'),
    );
  });

  it.each([
    ["/dev/zero", 'loadTransactionsFile: "/dev/zero" is not a regular file (a device); give a file'],
    ["/dev/null", 'loadTransactionsFile: "/dev/null" is not a regular file (a device); give a file'],
  ])("%s", async (f, message) => {
    await expect(loadTransactionsFile(f, { format: "csv" })).rejects.toThrow(new DataError(message));
  });

  it("a pipe (FIFO) is refused without blocking", async () => {
    const f = path.join(dir, "pipe.csv");
    expect(spawnSync("mkfifo", [f]).status).toBe(0);
    await expect(loadTransactionsFile(f)).rejects.toThrow(new DataError(`loadTransactionsFile: "${f}" is not a regular file (a pipe); give a file`));
  });

  it("a folder, even without an extension", async () => {
    const f = path.join(dir, "folder");
    mkdirSync(f);
    await expect(loadTransactionsFile(f)).rejects.toThrow(new DataError(`loadTransactionsFile: "${f}" is a folder, not a file`));
  });

  it("a file over the size limit", async () => {
    const f = path.join(dir, "small.csv");
    writeFileSync(f, "customer_id,date,amount\n");
    await expect(checkInputFile(f, "f", 10)).rejects.toThrow(
      new DataError(`f: file "${f}" is 24 bytes, over the 10-byte limit of the in-memory readers; split it (e.g. by year)`),
    );
    await expect(checkInputFile(f, "f")).resolves.toBe(24);
  });
});
