// The npm package's TypeScript types (dist/pkg/blocmap.d.ts, built by
// `cargo xtask build`) checked with `tsc --noEmit --strict` (the pinned npm
// `typescript`) on tests/types/api.ts, which uses the whole API and holds
// lines that must not type-check (`@ts-expect-error`). No browser needed.
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const SOURCE = path.join(ROOT, 'tests', 'types', 'api.ts');
const PKG = path.join(ROOT, 'dist', 'pkg', 'blocmap.js');

/** Runs tsc on one file; returns its exit code and output. */
function tsc(file) {
  const bin = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
  const r = spawnSync(process.execPath, [bin, '--noEmit', '--strict', '--target', 'es2022', '--module', 'es2022',
    '--moduleResolution', 'bundler', '--lib', 'esnext,dom', '--types', '', file], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test('the package types check an editor\'s code strictly, and refuse what is wrong', () => {
  assert.ok(fs.existsSync(PKG.replace(/\.js$/, '.d.ts')), 'build the package first (cargo xtask build)');
  const { status, output } = tsc(SOURCE);
  assert.equal(status, 0, output);
});

test('the check can fail: an expected error left without its marker is reported', () => {
  // The same file, importing the package by its absolute path, without the
  // marker before the misspelled option: tsc must now name that line.
  const text = fs.readFileSync(SOURCE, 'utf8')
    .replaceAll('../../dist/pkg/blocmap.js', PKG.split(path.sep).join('/'))
    .replace('  // @ts-expect-error: a misspelled option\n', '');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blocmap-types-'));
  try {
    const file = path.join(dir, 'api.ts');
    fs.writeFileSync(file, text);
    const { status, output } = tsc(file);
    assert.notEqual(status, 0, output);
    assert.match(output, /'dat' does not exist in type 'BlocMapOptions'/);
    assert.equal(output.match(/error TS/g).length, 1, output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
