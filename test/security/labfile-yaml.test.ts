/**
 * Hostile YAML in lab files: nesting deep enough to overflow a recursive parser, aliases (valid
 * ones are read, alias bombs and cycles end), and NIC or host names the kernel would refuse.
 * Each is refused (or read) at load with the lab file's line, by the loader and by the built CLI.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLab } from '../../src/labfile/load.js';
import { LabFileError } from '../../src/labfile/spec.js';
import { MAX_YAML_DEPTH, syntaxProblem } from '../../src/labfile/yaml-syntax.js';
import { cli, ensureBuilt, expectRefused } from './built-cli.js';

let dir = '';
beforeAll(() => {
  ensureBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-yaml-'));
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function refusal(text: string): { line: number; message: string } {
  try {
    parseLab(text, 'lab.yaml');
  } catch (e) {
    if (e instanceof LabFileError) return { line: e.line, message: e.message };
    throw e;
  }
  throw new Error('accepted');
}

function labFile(name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}

const flowDeep = (n: number) => `hosts:\n  h:\n    nics: ${'['.repeat(n)}${']'.repeat(n)}\n`;
const blockDeep = (n: number) => `hosts:\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} x\n`;
const seqDeep = (n: number) => `hosts:\n  h:\n    nics:\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(i + 3)}-`).join('\n')} x\n`;

describe('deep nesting', () => {
  it.each([
    ['flow', flowDeep(100_000), 3],
    ['flow over many lines', `hosts: ${'[\n  '.repeat(50_000)}${']'.repeat(50_000)}\n`, MAX_YAML_DEPTH],
    ['block maps', blockDeep(3000), MAX_YAML_DEPTH + 1],
    ['block sequences', seqDeep(3000), MAX_YAML_DEPTH + 1],
    ['flow maps', `hosts: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`, 1],
  ])('%s: "nesting deeper than N levels" with its line, never a stack overflow', (_, text, line) => {
    const r = refusal(text);
    expect(r.message).toBe(`lab.yaml:${line}: nesting deeper than ${MAX_YAML_DEPTH} levels`);
    expect(r.line).toBe(line);
  });

  it('a lab as deep as the limit is read', () => {
    expect(syntaxProblem(flowDeep(MAX_YAML_DEPTH - 3))).toBeNull();
    expect(syntaxProblem(flowDeep(MAX_YAML_DEPTH - 2))).toEqual({ offset: 22 + MAX_YAML_DEPTH - 3, message: `nesting deeper than ${MAX_YAML_DEPTH} levels` });
  });

  it('the CLI says so in one line, exit 2, for every subcommand', () => {
    const f = labFile('deep.yaml', flowDeep(30_000));
    for (const cmd of ['run', 'lint', 'graph', 'reach', 'verify']) {
      expectRefused(cli([cmd, f]), new RegExp(`deep\\.yaml:3: nesting deeper than ${MAX_YAML_DEPTH} levels\\n$`), cmd);
    }
  }, 120_000);
});

describe('broken YAML in bulk', () => {
  it('a flood of syntax errors ends at the first, at once', () => {
    const t0 = performance.now();
    const r = refusal(`hosts:\n${'[\n'.repeat(100_000)}${']\n'.repeat(50_000)}`);
    expect(r.message).toMatch(/^lab\.yaml:\d+: Unexpected flow-seq-end token/);
    expect(performance.now() - t0).toBeLessThan(60_000); // ends (a hang would not); how fast is not this test's question
  });

  it('a map of 50 000 keys is read in linear time, and a duplicate key is still found', () => {
    const hosts = Array.from({ length: 50_000 }, (_, i) => `  h${i}: {}`);
    let t0 = performance.now();
    expect(parseLab(`hosts:\n${hosts.join('\n')}\n`, 'lab.yaml').hosts).toHaveLength(50_000);
    expect(performance.now() - t0).toBeLessThan(60_000); // ends (a hang would not); how fast is not this test's question
    t0 = performance.now();
    expect(refusal(`hosts:\n${hosts.join('\n')}\n  h7: {}\n`).message).toBe('lab.yaml:50002: Map keys must be unique');
  });

  it('a lab file over 1 MiB is refused before it is parsed', () => {
    const f = labFile('huge.yaml', `hosts:\n  h: {}\n# ${'x'.repeat(60_000)}\n`.repeat(20));
    expectRefused(cli(['run', f]), /huge\.yaml: larger than 1 MiB \(\d+ bytes\)\n$/, 'huge');
  });
});

describe('aliases', () => {
  it('a valid alias is read as the node it names: nics, an address, a host, a run entry, an intent', () => {
    const spec = parseLab(
      [
        'hosts:',
        '  a:',
        '    nics: &n { eth0: &ad 10.0.0.1/24 }',
        '  b:',
        '    nics: *n',
        '  c: &host',
        '    nics: { eth1: [*ad, 10.0.1.1/24] }',
        '  d: *host',
        'links:',
        '  - &cable [a:eth0, b:eth0]',
        'run:',
        '  - a: &cmd ip -br addr',
        '  - b: *cmd',
        '  - &entry { c: ip route }',
        '  - *entry',
        'expect:',
        '  - &r { reach: { from: a, to: 10.0.0.1 } }',
        '  - *r',
        '',
      ].join('\n'),
      'lab.yaml',
    );
    expect(spec.hosts.map((h) => [h.name, h.nics.map((n) => `${n.name}=${n.addrs.map((a) => a.text).join(',')}`)])).toEqual([
      ['a', ['eth0=10.0.0.1/24']],
      ['b', ['eth0=10.0.0.1/24']],
      ['c', ['eth1=10.0.0.1/24,10.0.1.1/24']],
      ['d', ['eth1=10.0.0.1/24,10.0.1.1/24']],
    ]);
    expect(spec.links).toEqual([
      [
        { host: 'a', ifname: 'eth0' },
        { host: 'b', ifname: 'eth0' },
      ],
    ]);
    expect(spec.run.map((r) => `${r.line} ${r.host}: ${r.command}`)).toEqual(['12 a: ip -br addr', '13 b: ip -br addr', '14 c: ip route', '15 c: ip route']);
    expect(spec.expect.map((e) => [e.line, e.value])).toEqual([
      [17, { reach: { from: 'a', to: '10.0.0.1' } }],
      [18, { reach: { from: 'a', to: '10.0.0.1' } }],
    ]);
  });

  it('the CLI runs a lab whose hosts share their NICs through an alias', () => {
    const f = labFile('alias.yaml', 'hosts:\n  a:\n    nics: &n { eth0: 10.0.0.1/24 }\n  b:\n    nics: *n\nrun:\n  - b: ip -br addr show dev eth0\n');
    const r = cli(['run', f, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).steps[0].stdout).toMatch(/^eth0@if\d+ +UP +10\.0\.0\.1\/24 /);
  });

  it('many aliases are resolved in linear time', () => {
    const n = 15_000;
    const text = `hosts:\n  a:\n    nics: &n { eth0: 10.0.0.1/24 }\n${Array.from({ length: n }, (_, i) => `  h${i}: { nics: *n }`).join('\n')}\nexpect:\n${Array.from({ length: n }, () => '  - { reach: { from: a, to: 10.0.0.1 } }').join('\n')}\n`;
    const t0 = performance.now();
    const spec = parseLab(text, 'lab.yaml');
    expect(spec.hosts).toHaveLength(n + 1);
    expect(spec.hosts[n].nics[0].addrs[0].text).toBe('10.0.0.1/24');
    expect(spec.expect).toHaveLength(n);
    expect(performance.now() - t0).toBeLessThan(60_000); // ends (a hang would not); how fast is not this test's question
  }, 60_000);

  it('aliases that copy a big map into many hosts are refused once they copy a million values', () => {
    const nics = Array.from({ length: 100 }, (_, i) => `e${i}: [${Array.from({ length: 100 }, (_, j) => `10.${i}.${j}.1/24`).join(', ')}]`).join(', ');
    const hosts = Array.from({ length: 2000 }, (_, i) => `  h${i}: { nics: *n }`).join('\n');
    const t0 = performance.now();
    const r = refusal(`hosts:\n  a:\n    nics: &n { ${nics} }\n${hosts}\n`);
    expect(r.message).toMatch(/^lab\.yaml:\d+: aliases copy more than 1000000 values$/);
    expect(r.line).toBeGreaterThan(90);
    expect(performance.now() - t0).toBeLessThan(60_000); // ends (a hang would not); how fast is not this test's question
  });

  it('an alias bomb in an intent is refused with its line; a cycle ends', () => {
    const bomb = ['hosts: { h: {} }', 'expect:', '  - reach: &a0 [x, x]'];
    for (let i = 1; i < 20; i++) bomb.push(`  - reach: &a${i} [*a${i - 1}, *a${i - 1}]`);
    const r = refusal(`${bomb.join('\n')}\n`);
    expect(r.message).toMatch(/^lab\.yaml:\d+: aliases copy more than 1000000 values$/);
    const f = labFile('cycle.yaml', 'hosts:\n  h: {}\nexpect:\n  - &e { reach: *e }\n');
    const c = cli(['verify', f]);
    expect(c.signal).toBeNull();
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/cycle\.yaml:4: /);
  });

  it('an alias to something that is not the right shape is refused with the line of the alias', () => {
    const r = refusal('hosts:\n  a:\n    nics: &n 5\n  b:\n    nics: *n\n');
    expect(r.message).toBe('lab.yaml:3: nics maps NIC names to addresses, e.g. { enp2s0: 192.168.0.16/24, eth1: }, or lists NIC names, e.g. [eth0, eth1]');
    const u = refusal('x: &u 1\nhosts: { a: {} }\n');
    expect(u.message).toBe('lab.yaml:1: unknown key "x" (expected name, hosts, links, run, expect, profile, kernel)');
  });
});

describe('names the kernel refuses', () => {
  it.each([
    ['..', /NIC name "\.\." is not a valid name \(the kernel refuses "\." and "\.\."\)/],
    ['.', /NIC name "\." is not a valid name/],
    ['a/b', /NIC name "a\/b" must be 1-15 letters/],
    ['eth0:1', /NIC name "eth0:1" must be 1-15 letters/],
    ['"a b"', /NIC name "a b" must be 1-15 letters/],
    ['"a\\tb"', /NIC name "a\\tb" must be 1-15 letters/],
    ['abcdefghijklmnop', /NIC name "abcdefghijklmnop" must be 1-15 letters/],
    ['-x', /NIC name "-x" must not start with '-'/],
    ['""', /NIC name "" must be 1-15 letters/],
  ])('NIC %s is refused at load, with its line', (name, why) => {
    const r = refusal(`hosts:\n  a:\n    nics:\n      eth0: 10.0.0.1/24\n      ${name}: 10.0.0.2/24\n`);
    expect(r.line).toBe(5);
    expect(r.message).toMatch(why);
  });

  it('host names too, and a NIC declared twice', () => {
    expect(refusal('hosts:\n  "..": {}\n').message).toMatch(/^lab\.yaml:2: host name "\.\." is not a valid name/);
    expect(refusal('hosts:\n  a/b: {}\n').message).toMatch(/^lab\.yaml:2: host name "a\/b" must be 1-15 letters/);
    expect(refusal('hosts:\n  a:\n    nics: { eth0: 10.0.0.1/24, eth0: 10.0.0.2/24 }\n').message).toMatch(/^lab\.yaml:3: /);
  });

  it('the CLI refuses a NIC named ".." in one line with the line, before anything runs', () => {
    const f = labFile('dotdot.yaml', 'hosts:\n  a:\n    nics:\n      "..": 10.0.0.1/24\n');
    for (const cmd of ['run', 'lint', 'graph', 'reach']) expectRefused(cli([cmd, f]), /dotdot\.yaml:4: NIC name "\.\." is not a valid name/, cmd);
  });
});
