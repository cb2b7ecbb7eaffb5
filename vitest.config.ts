import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Writes the fixture workbooks (not committed) from their seeded scripts before the tests.
    globalSetup: ["test/fixtures/setup.ts"],
  },
});
