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

function layerPatterns(folder) {
  const { above } = layers.find((layer) => layer.folder === folder);
  return [
    {
      group: above.map((name) => `**/${name}/**`),
      message: `${folder}/ is below these folders in ARCHITECTURE.md: import downward only`,
    },
  ];
}

/** Inside the compiler, the stages in their order: each imports only those before it (ARCHITECTURE.md). */
const compilerStages = [
  { folder: "compiler/resolve", later: ["lower", "checks", "build", "docs"] },
  { folder: "compiler/lower", later: ["checks", "build", "docs"] },
  { folder: "compiler/model-rules", later: ["lower", "checks", "build", "docs"] },
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
  ...layers.map(({ folder }) => ({
    files: [`${folder}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: layerPatterns(folder),
        },
      ],
    },
  })),
  ...compilerStages.map(({ folder, later }) => ({
    files: [`${folder}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            // A later rule replaces an earlier one for the same files, so the compiler's layer comes along.
            ...layerPatterns("compiler"),
            {
              group: later.map((name) => `../${name}/**`),
              message: `${folder}/ runs before these stages of the compiler: import earlier stages only`,
            },
          ],
        },
      ],
    },
  })),
);
