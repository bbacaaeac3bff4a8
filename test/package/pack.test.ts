/**
 * The package as a user gets it: `npm pack`, installed into a fresh project, then imported as
 * ESM and CJS (all three entry points), type-checked against its `.d.ts` files, and its bin run.
 * Builds dist first when it is older than the sources. Needs the dependencies in the npm cache
 * (it installs offline, and online only if that fails).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  engines?: { node?: string };
  files?: string[];
  bin?: Record<string, string>;
  main?: string;
  types?: string;
  exports?: Record<string, { import?: { types?: string; default?: string }; require?: { types?: string; default?: string } }>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const ENTRIES = ['.', './linux', './testing'];

let tmp = '';
let proj = '';
/** what `npm pack` put in the tarball */
let packedFiles: { path: string; size: number }[] = [];
let packedSize = 0;
let unpackedSize = 0;

/** Newest mtime of the files under `dir` whose name passes `keep`. */
function newest(dir: string, keep: (name: string) => boolean): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p, keep));
    else if (keep(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

function distIsStale(): boolean {
  const outputs = [PKG.bin!.nettwin, ...ENTRIES.flatMap((k) => [PKG.exports![k].import!.default!, PKG.exports![k].require!.default!, PKG.exports![k].require!.types!])].map((p) => join(ROOT, p));
  if (outputs.some((p) => !existsSync(p))) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const sources = Math.max(
    ...['src', 'sim', 'adapters'].map((d) => newest(join(ROOT, d), (n) => n.endsWith('.ts'))),
    ...['package.json', 'tsup.config.ts'].map((f) => statSync(join(ROOT, f)).mtimeMs),
  );
  return sources > built;
}

function run(cmd: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function node(file: string): string {
  const r = run(process.execPath, [file], proj);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

beforeAll(() => {
  if (distIsStale()) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
  tmp = mkdtempSync(join(tmpdir(), 'nettwin-pack-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as {
    filename: string;
    files: { path: string; size: number }[];
    size: number;
    unpackedSize: number;
  }[];
  packedFiles = packed[0].files;
  packedSize = packed[0].size;
  unpackedSize = packed[0].unpackedSize;
  const tgz = join(tmp, packed[0].filename);
  proj = join(tmp, 'proj');
  mkdirSync(proj);
  writeFileSync(join(proj, 'package.json'), JSON.stringify({ name: 'nettwin-pack-check', version: '1.0.0', private: true }));
  const offline = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tgz], proj);
  if (offline.status !== 0) {
    const online = run('npm', ['install', '--no-audit', '--no-fund', tgz], proj);
    if (online.status !== 0) throw new Error(`npm install failed:\n${offline.stderr}\n${online.stderr}`);
  }
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('package.json', () => {
  it('says which Node it needs, ships only dist and the README, and has no dependency it does not use', () => {
    expect(PKG.engines?.node).toBe('>=20');
    expect(PKG.files).toEqual(['dist', 'README.md']);
    for (const dev of Object.keys(PKG.devDependencies ?? {})) expect(PKG.dependencies).not.toHaveProperty(dev);
  });

  it('runs nothing when installed or packed (no prepare/install scripts: a consumer would run them)', () => {
    const scripts = (PKG as { scripts?: Record<string, string> }).scripts ?? {};
    for (const hook of ['prepare', 'preinstall', 'install', 'postinstall', 'prepack', 'postpack']) expect(scripts, hook).not.toHaveProperty(hook);
  });

  it('ships no source maps, and stays small', () => {
    expect(packedFiles.filter((f) => f.path.endsWith('.map'))).toEqual([]);
    expect(packedFiles.map((f) => f.path).filter((p) => !p.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(p))).toEqual([]);
    console.log(`npm pack: ${packedFiles.length} files, ${(packedSize / 1e6).toFixed(2)} MB packed, ${(unpackedSize / 1e6).toFixed(2)} MB unpacked`);
    // each of the three CJS entries bundles the whole program: the bash interpreter and text tools (~0.3 MB each),
    // netfilter's front ends (iptables, nft, conntrack) and IPv6 grew it past 5 MB
    expect(unpackedSize).toBeLessThan(8e6);
  });

  it('exports ESM, CJS and types for ".", "./linux" and "./testing"', () => {
    expect(Object.keys(PKG.exports!).filter((k) => k !== './package.json')).toEqual(ENTRIES);
    for (const k of ENTRIES) {
      const e = PKG.exports![k];
      // types first in each condition, as TypeScript requires
      expect(Object.keys(e.import!)).toEqual(['types', 'default']);
      expect(Object.keys(e.require!)).toEqual(['types', 'default']);
      expect(e.import!.default).toMatch(/\.js$/);
      expect(e.import!.types).toMatch(/\.d\.ts$/);
      expect(e.require!.default).toMatch(/\.cjs$/);
      expect(e.require!.types).toMatch(/\.d\.cts$/);
      for (const f of [e.import!.default!, e.import!.types!, e.require!.default!, e.require!.types!]) expect(existsSync(join(proj, 'node_modules/nettwin', f)), f).toBe(true);
    }
    expect(PKG.main).toBe(PKG.exports!['.'].require!.default);
    expect(PKG.types).toBe(PKG.exports!['.'].import!.types);
  });
});

describe('the installed package', () => {
  it('imports as ESM: Lab runs a script, nettwin/linux and nettwin/testing work', () => {
    writeFileSync(
      join(proj, 'check.mjs'),
      `import { Lab, ops, parseIp4 } from 'nettwin';
import { Sandbox, diffSteps } from 'nettwin/linux';
import { arbitraries, toScript } from 'nettwin/testing';
import fc from 'fast-check';
const steps = new Lab().host('node1').sh('ip netns add NS1\\nip netns list');
const [lab] = fc.sample(arbitraries.lab(), { numRuns: 1, seed: 42 });
const random = new Lab().host('host').sh(toScript(lab));
console.log(JSON.stringify({ step: steps[1], sandbox: typeof Sandbox, diff: diffSteps(steps, steps), op: ops.bridge('br0').op, ip: parseIp4('10.0.0.1'), random: random.length > 0 }));
`,
    );
    const out = JSON.parse(node('check.mjs'));
    expect(out.step).toMatchObject({ command: 'ip netns list', exit: 0, stdout: 'NS1\n', stderr: '', supported: true });
    expect(out).toMatchObject({ sandbox: 'function', diff: [], op: 'link.add', ip: 0x0a000001, random: true });
  });

  it('requires as CJS, all three entry points', () => {
    writeFileSync(
      join(proj, 'check.cjs'),
      `const { Lab } = require('nettwin');
const linux = require('nettwin/linux');
const testing = require('nettwin/testing');
const steps = new Lab().host('h').sh('ip link add br0 type bridge\\nip -br link show br0');
console.log(JSON.stringify({ step: steps[1], linux: typeof linux.runScriptInSandbox, testing: typeof testing.toScript }));
`,
    );
    const out = JSON.parse(node('check.cjs'));
    expect(out.step).toMatchObject({ exit: 0, stdout: expect.stringMatching(/^br0 +DOWN /), supported: true });
    expect(out).toMatchObject({ linux: 'function', testing: 'function' });
  });

  it('needs nothing at run time but its dependencies and Node built-ins', () => {
    const deps = new Set(Object.keys(PKG.dependencies ?? {}));
    const builtins = new Set(builtinModules);
    const dist = join(proj, 'node_modules/nettwin/dist');
    const found = new Set<string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(c?js)$/.test(e.name)) {
          for (const m of readFileSync(p, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']((?:node:)?@?[a-z0-9][\w.@/-]*)["']/g)) found.add(`${m[1]} (${relative(dist, p)})`);
        }
      }
    };
    walk(dist);
    const bad = [...found].filter((s) => {
      const spec = s.split(' ')[0].replace(/^node:/, '');
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      return !builtins.has(name) && !deps.has(name);
    });
    expect(bad).toEqual([]);
  });

  it('brings its types: a strict TypeScript project type-checks against them (ESM and CJS)', () => {
    writeFileSync(
      join(proj, 'check.mts'),
      `import { Lab, type Step, type Op } from 'nettwin';
import { diffSteps, type Disagreement } from 'nettwin/linux';
import { arbitraries, toScript } from 'nettwin/testing';
import fc from 'fast-check';
const steps: Step[] = new Lab().host('h').sh('ip netns add A');
const exit: number = steps[0].exit;
const diffs: Disagreement[] = diffSteps(steps, steps);
const op: Op = { op: 'netns.add', name: 'B' };
const script: string = toScript(fc.sample(arbitraries.lab(), 1)[0]);
// @ts-expect-error: sh gives steps, not text (the types are real, not any)
const wrong: string = new Lab().host('h').sh('ip link');
export { exit, diffs, op, script, wrong };
`,
    );
    writeFileSync(
      join(proj, 'check.cts'),
      `import nettwin = require('nettwin');
import linux = require('nettwin/linux');
const steps: nettwin.Step[] = new nettwin.Lab().host('h').sh('ip link');
const n: number = linux.diffSteps(steps, steps).length;
export = n;
`,
    );
    writeFileSync(
      join(proj, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')] },
        files: ['check.mts', 'check.cts'],
      }),
    );
    const r = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], proj);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('installs the nettwin bin: --help, and a script run in the simulator', () => {
    const bin = join(proj, 'node_modules/.bin/nettwin');
    const help = run(bin, ['--help'], proj);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: nettwin /);
    writeFileSync(join(proj, 'lab.sh'), 'ip netns add NS1\nip netns list\n');
    const r = run(bin, ['run', 'lab.sh'], proj);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('+ ip netns add NS1\n+ ip netns list\nNS1\n\nnettwin (sim): 2 commands: 2 ok, 0 failed, 0 unsupported\n');
  });
});
