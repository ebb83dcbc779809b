// SPDX-License-Identifier: GPL-3.0-or-later
//
// Checks Gloss's W3C Web Annotation export against the W3C test suite:
// every assertion annotationMusts.test lists, on every exported annotation,
// with the suite's own draft-04 JSON Schemas. Prints TAP.
//
// Usage: node w3c-validate.js GLOSS_CLI ARTICLE SUITE_DIR MODULES_DIR

'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [gloss, article, suite, modules] = process.argv.slice(2);
const inCI = process.env.CI === 'true';
const packages = ['ajv@8.17.1', 'ajv-draft-04@1.0.0', 'ajv-formats@3.0.1'];

function bail(reason) {
  // Without the suite or the validator the test cannot run: a skip here,
  // a failure in CI, where both must be present.
  if (inCI) {
    console.log(`Bail out! ${reason}`);
    process.exit(1);
  }
  console.log(`1..0 # SKIP ${reason}`);
  process.exit(77);
}

function loadValidator() {
  const nodeModules = path.join(modules, 'node_modules');
  if (!fs.existsSync(path.join(nodeModules, 'ajv-draft-04'))) {
    const npm = childProcess.spawnSync('npm', ['install', '--prefix', modules, '--no-audit',
      '--no-fund', '--no-save', ...packages], { encoding: 'utf8' });
    if (npm.status !== 0)
      bail(`could not install ${packages.join(' ')}: ${npm.stderr || npm.error}`);
  }
  const Ajv = require(path.join(nodeModules, 'ajv-draft-04'));
  const addFormats = require(path.join(nodeModules, 'ajv-formats'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const definitions = path.join(suite, 'definitions');
  for (const name of fs.readdirSync(definitions).filter((n) => n.endsWith('.json')))
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(definitions, name), 'utf8')));
  return ajv;
}

function loadAssertions(ajv, testFile) {
  const test = JSON.parse(fs.readFileSync(path.join(suite, testFile), 'utf8'));
  return test.assertions.map((file) => {
    const schema = JSON.parse(fs.readFileSync(path.join(suite, file), 'utf8'));
    return { file, schema, validate: ajv.getSchema(schema.id) || ajv.compile(schema) };
  });
}

function failures(assertions, value) {
  return assertions.filter((a) => a.validate(value) !== (a.schema.expectedResult === 'valid'));
}

function exportW3c() {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-w3c-')), 'export.jsonld');
  const run = childProcess.spawnSync(gloss, ['export', '--format', 'w3c', article, '-o', out],
    { encoding: 'utf8' });
  if (run.status !== 0) {
    console.log(`Bail out! gloss-cli export failed: ${run.stderr}`);
    process.exit(1);
  }
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

if (!fs.existsSync(path.join(suite, 'annotations', 'annotationMusts.test')))
  bail(`no W3C test suite at ${suite}`);

const ajv = loadValidator();
const musts = loadAssertions(ajv, path.join('annotations', 'annotationMusts.test'));
const collection = exportW3c();
const items = collection.first.items;
let n = 0;
let failed = 0;

function check(name, problems) {
  n++;
  if (problems.length === 0) {
    console.log(`ok ${n} ${name}`);
    return;
  }
  failed++;
  console.log(`not ok ${n} ${name}`);
  for (const p of problems)
    console.log(`# ${p.file}: ${p.schema.errorMessage}`);
}

// The validator is not vacuous: a sample the suite calls incorrect fails.
const incorrect = JSON.parse(fs.readFileSync(
  path.join(suite, 'samples', 'incorrect', 'anno2.json'), 'utf8'));
check('the suite\'s incorrect sample anno2 fails a MUST',
  failures(musts, incorrect).length > 0 ? [] : [{ file: 'anno2.json',
    schema: { errorMessage: 'passed every MUST' } }]);
check(`the export has annotations (${items.length}, total ${collection.total})`,
  items.length > 0 && items.length === collection.total ? [] :
    [{ file: 'collection', schema: { errorMessage: 'no or miscounted annotations' } }]);

const motivations = new Set();
for (const item of items) {
  motivations.add(item.motivation);
  check(`annotation ${item.id} (${item.motivation}) passes all ${musts.length} MUST assertions`,
    failures(musts, item));
}
const expected = ['classifying', 'identifying', 'assessing', 'questioning', 'commenting'];
check(`motivations cover every kind: ${[...motivations].sort().join(', ')}`,
  expected.filter((m) => !motivations.has(m)).map((m) => ({ file: m,
    schema: { errorMessage: 'motivation missing from the export' } })));

console.log(`1..${n}`);
process.exit(failed === 0 ? 0 : 1);
