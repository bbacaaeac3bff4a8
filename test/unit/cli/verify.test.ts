/** `nettwin verify` as a user runs it: output, exit status 0 / 1 / 2, --json and --junit. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseXml } from '../verify/xml.js';

const ROOT = join(import.meta.dirname, '../../..');
const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];
const tmp = mkdtempSync(join(tmpdir(), 'nettwin-verify-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]) {
  const env = { ...process.env, NO_COLOR: '1' };
  return spawnSync(process.execPath, [...CLI, 'verify', ...args], { cwd: ROOT, encoding: 'utf8', env });
}

describe('nettwin verify', () => {
  it('exits 0 when every intent holds, one line per intent', () => {
    const r = cli('examples/seed/verify.yaml');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('holds  line 19  reach node1/NS1 -> 172.16.0.3');
    expect(lines[9]).toMatch(/^all 9 intents hold \(in the simulator, [\d.]+ ms\)$/);
  });

  it('exits 1 when one fails, the explanation under it; --junit writes the report too', () => {
    const junit = join(tmp, 'broken.xml');
    const r = cli('examples/seed/verify-broken.yaml', '--junit', junit);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      'FAILS  line 16  reach node1/NS1 -> 172.16.1.2\n       ping 172.16.1.2 from node1/NS1 fails at once: connect: Network is unreachable\n       no route in node1/NS1 matches 172.16.1.2; its routes:\n',
    );
    expect(r.stdout).toMatch(/6 of 9 intents fail/);
    const cases = parseXml(readFileSync(junit, 'utf8')).children[0]!.children;
    expect(cases).toHaveLength(9);
  });

  it('--json: the same verdicts as one document', () => {
    const r = cli('examples/seed/verify-broken.yaml', '--json');
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as { holds: boolean; counts: unknown; intents: { line: number; kind: string; holds: boolean; why: string[] }[] };
    expect(doc.holds).toBe(false);
    expect(doc.counts).toEqual({ intents: 9, hold: 3, fail: 6 });
    expect(doc.intents.map((i) => i.kind)).toEqual(['reach', 'reach', 'reach', 'via', 'reach', 'isolated', 'all-reach', 'no-loops', 'no-blackholes']);
  });

  it('exits 2 for bad intents, each with the file and line, on stderr', () => {
    const r = cli('test/unit/verify/fixtures/bad.yaml');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('test/unit/verify/fixtures/bad.yaml:7: unknown key "too" in reach (expected from, to, family, proto, port, answer)\n');
    expect(r.stderr).toContain('test/unit/verify/fixtures/bad.yaml:10: unknown namespace "h/NS9" (the lab has h, h/A)\n');
  });

  it('exits 2 for a file that is not a usable lab, or has no intents', () => {
    const broken = join(tmp, 'broken-yaml.yaml');
    writeFileSync(broken, 'hosts:\n  h: {}\nexpect:\n  - reach: { from: h, to: [\n');
    const r = cli(broken);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken-yaml\.yaml:\d+: /);
    const none = join(tmp, 'none.yaml');
    writeFileSync(none, 'hosts:\n  h: {}\n');
    const n = cli(none);
    expect(n.status).toBe(2);
    expect(n.stdout).toBe('');
    expect(n.stderr).toMatch(/no intents to check/);
    expect(cli('examples/seed/node1.sh').status).toBe(2);
  });

  it('has examples and the exit statuses in its help', () => {
    const r = spawnSync(process.execPath, [...CLI, 'verify', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toContain('nettwin verify examples/seed/verify.yaml');
    expect(r.stdout).toContain('Exit status: 0 every intent holds, 1 an intent fails, 2 ');
  });
});
