// Every published JSON Schema compiles in ajv's strict mode (as editors and validators built
// on ajv read them), and accepts what the tool writes: the editor schema for each rubric it
// generates, the bundled jurisdiction files, and the export, check, diff and explain reports.
// Usage: node check_schemas_ajv.mjs SCORECARD_BINARY REPO_ROOT
// Exits 77 (skipped) when ajv is not installed (`make test` installs it with npm).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const [binary, root] = process.argv.slice(2);
const require = createRequire(resolve(root, "tests/browser/package.json"));
let Ajv, Ajv2020;
try {
  Ajv = require("ajv").default;
  Ajv2020 = require("ajv/dist/2020").default;
} catch {
  console.log("ajv is not installed (cd tests/browser && npm ci); skipped");
  process.exit(77);
}

let passed = 0, failed = 0;
const expect = (condition, what) => {
  if (condition) passed++;
  else { failed++; console.log(`FAILED: ${what}`); }
};
const run = (args, ok = [0]) => {
  try {
    return execFileSync(binary, ["-q", ...args], { cwd: root, maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] }).toString();
  } catch (e) {
    if (ok.includes(e.status)) return e.stdout.toString();
    throw e;
  }
};
const compile = (schema, what) => {
  const ajv = String(schema.$schema).includes("2020-12")
    ? new Ajv2020({ strict: true, allErrors: true })
    : new Ajv({ strict: true, allErrors: true });
  try {
    const validate = ajv.compile(schema);
    expect(true, what);
    return validate;
  } catch (e) {
    expect(false, `${what}: ${e.message}`);
    return null;
  }
};
const accepts = (validate, doc, what) => {
  if (!validate) return;
  const ok = validate(doc);
  expect(ok, `${what}: ${ok ? "" : JSON.stringify(validate.errors.slice(0, 2))}`);
};

const schemas = {};
for (const name of readdirSync(join(root, "docs/schema")).filter((n) => n.endsWith(".json"))) {
  const schema = JSON.parse(readFileSync(join(root, "docs/schema", name), "utf8"));
  schemas[name] = compile(schema, `docs/schema/${name} compiles in strict mode`);
}
// The editor schema of other rubrics, as `rubric schema` writes it.
for (const rubric of ["mini-rubric.yaml", "ten-tier-rubric.yaml", "optional-rubric.yaml"]) {
  const schema = JSON.parse(run(["--rubric", `tests/e2e/fixtures/${rubric}`, "rubric", "schema"]));
  compile(schema, `rubric schema of ${rubric} compiles in strict mode`);
}

// The bundled files, read as YAML 1.2 (dates stay text) by Python's yaml, as JSON.
const files = readdirSync(join(root, "data/jurisdictions"), { recursive: true }).filter((n) => n.endsWith(".yaml"));
const toJson = `
import json, sys, yaml
class L(yaml.SafeLoader): pass
L.yaml_implicit_resolvers = {k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
                             for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
print(json.dumps([yaml.load(open(p, encoding="utf-8"), Loader=L) for p in sys.argv[1:]]))
`;
const docs = JSON.parse(execFileSync("python3", ["-c", toJson, ...files.map((f) => join(root, "data/jurisdictions", f))]).toString());
docs.forEach((doc, i) => accepts(schemas["jurisdiction.schema.json"], doc, `data/jurisdictions/${files[i]} validates`));
if (schemas["jurisdiction.schema.json"]) {
  const broken = structuredClone(docs[0]);
  broken.criteria.custody.rating = 4;
  expect(!schemas["jurisdiction.schema.json"](broken), "the editor schema rejects a tier of 4");
}

// The reports.
accepts(schemas["scorecard.schema.json"], JSON.parse(run(["export", "data/jurisdictions"])), "the export validates");
accepts(schemas["scorecard.schema.json"],
        JSON.parse(run(["export", "data/jurisdictions", "--what-if", "custody=1"])), "a what-if export validates");
accepts(schemas["check.schema.json"],
        JSON.parse(run(["check", "data/jurisdictions", "tests/e2e/fixtures/broken.yaml", "--min-tier", "2",
                        "--format", "json"], [3])), "a failing check report validates");
accepts(schemas["diff.schema.json"],
        JSON.parse(run(["diff", "tests/e2e/fixtures/diff/old.yaml", "tests/e2e/fixtures/diff/new.yaml", "--format",
                        "json"])), "a diff report validates");
accepts(schemas["explain.schema.json"],
        JSON.parse(run(["explain", "data/jurisdictions", "--format", "json"])), "an explain report validates");
accepts(schemas["explain.schema.json"],
        JSON.parse(run(["explain", "data/jurisdictions", "--format", "json", "--as-of", "2014-06-01"])),
        "an explain report as of a day validates");
accepts(schemas["scorecard.schema.json"], JSON.parse(run(["export", "data/jurisdictions", "--as-of", "2019-12-19"])),
        "an export as of a day validates");
accepts(schemas["diff.schema.json"],
        JSON.parse(run(["diff", "data/jurisdictions", "--from", "2014-01-01", "--to", "2015-01-01", "--format", "json"])),
        "a diff between two dates validates");
accepts(schemas["history.schema.json"], JSON.parse(run(["history", "data/jurisdictions", "--format", "json"])),
        "a history report validates");

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
