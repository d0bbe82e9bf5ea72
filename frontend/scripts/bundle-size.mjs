// Prints the gzipped size of the JavaScript a first visit loads (the entry chunk and
// every chunk it imports statically) and fails the build above the budget.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 200 * 1024;
const manifest = JSON.parse(readFileSync("dist/.vite/manifest.json", "utf8"));
const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
const seen = new Set();
let total = 0;
(function visit(chunk) {
  if (seen.has(chunk.file)) return;
  seen.add(chunk.file);
  total += gzipSync(readFileSync(`dist/${chunk.file}`)).length;
  for (const key of chunk.imports ?? []) visit(manifest[key]);
})(entry);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`Initial JavaScript: ${kb(total)} gzipped in ${seen.size} chunk(s) (budget ${kb(BUDGET_BYTES)})`);
if (total > BUDGET_BYTES) {
  console.error("Over budget: load more of the app lazily.");
  process.exit(1);
}
