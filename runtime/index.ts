// The runtime's single entry point (`mapc/runtime`): the transform library, the plan executor, and the
// helpers the code `mapc build` generates calls into.
export * from "./transforms/index.js";
export * from "./execute/index.js";
