// Lint: typescript-eslint's recommended rules, and the import graph kept free of loops (import/no-cycle)
// and of arrows that run back up a layer (ARCHITECTURE.md): a stage imports only the stages below it.
import importPlugin from "eslint-plugin-import";
import tseslint from "typescript-eslint";

/** Each layer, and the folders it must not import: those above it. */
const layers = [
  { folder: "diagnostics", above: ["grammar", "plan", "compiler", "runtime", "propose", "cli", "bench"] },
  { folder: "grammar", above: ["plan", "compiler", "runtime", "propose", "cli", "bench"] },
  { folder: "plan", above: ["grammar", "compiler", "runtime", "propose", "cli", "bench"] },
  { folder: "compiler", above: ["runtime", "propose", "cli", "bench"] },
  { folder: "runtime", above: ["propose", "cli", "bench"] },
  { folder: "propose", above: ["cli", "bench"] },
];

export default tseslint.config(
  // grammar/cst.d.ts is chevrotain's output (grammar/generate-cst-types.ts)
  { ignores: ["dist/", "node_modules/", "**/.generated/", "test/baselines/", "docs/", "out/", "grammar/cst.d.ts"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    plugins: { import: importPlugin },
    settings: {
      "import/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import/resolver": { typescript: { project: "test/tsconfig.json" } },
    },
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  ...layers.map(({ folder, above }) => ({
    files: [`${folder}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: above.map((name) => `**/${name}/**`),
              message: `${folder}/ is below these folders in ARCHITECTURE.md: import downward only`,
            },
          ],
        },
      ],
    },
  })),
);
