import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      // Generated code imports the runtime as a package; in this repo it is the source itself.
      "mapc/runtime": fileURLToPath(new URL("./runtime/index.ts", import.meta.url)),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    // Some tests start the real `mapc` binary, which takes a second or two on a busy 2-core machine.
    testTimeout: 60_000,
  },
});
