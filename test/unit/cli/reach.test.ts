/** `nettwin reach` and `nettwin explain` on a small script: text, JSON, exit statuses. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { explainCommand } from '../../../src/cli/explain.js';
import { reachCommand } from '../../../src/cli/reach.js';

const SCRIPT = `ip netns add A
ip netns add B
ip link add a0 netns A type veth peer name b0 netns B
ip -n A addr add 10.0.0.1/24 dev a0
ip -n B addr add 10.0.0.2/24 dev b0
ip -n A link set a0 up
ip -n B link set b0 up
ip -n A link set lo up
`;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function file(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nettwin-reach-'));
  dirs.push(dir);
  const f = join(dir, 'lab.sh');
  writeFileSync(f, SCRIPT);
  return f;
}

function capture(): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  return { out: () => out, err: () => err };
}

afterEach(() => vi.restoreAllMocks());

describe('nettwin reach', () => {
  it('prints a matrix for a small lab', async () => {
    const c = capture();
    expect(await reachCommand(file(), {})).toBe(0);
    const text = c.out();
    expect(text).toContain('reachability: 3 source namespaces × 2 destinations: 3 of 6 pairs reachable');
    // B's lo is down: its own address does not answer it; A reaches both
    expect(text).toMatch(/host\/A\s+\+\s+\+/);
    expect(text).toMatch(/host\/B\s+\+\s+\./);
  });

  it('prints the JSON document', async () => {
    const c = capture();
    expect(await reachCommand(file(), { json: true })).toBe(0);
    const j = JSON.parse(c.out());
    expect(j).toEqual({
      sources: ['host', 'host/A', 'host/B'],
      destinations: ['10.0.0.1', '10.0.0.2'],
      pairs: 6,
      reachable: 3,
      unreachable: [
        { from: 'host', to: '10.0.0.1' },
        { from: 'host', to: '10.0.0.2' },
        { from: 'host/B', to: '10.0.0.2' },
      ],
    });
  });
});

describe('nettwin reach --family', () => {
  const DUAL = `${SCRIPT}ip -n A addr add fd00::1/64 dev a0
ip -n B addr add fd00::2/64 dev b0
`;
  function dual(): string {
    const f = file();
    writeFileSync(f, DUAL);
    return f;
  }

  it('answers IPv4 and IPv6 destinations by default (a dual-stack lab answers both)', async () => {
    const c = capture();
    expect(await reachCommand(dual(), { json: true })).toBe(0);
    const j = JSON.parse(c.out());
    expect(j.destinations).toEqual(['10.0.0.1', '10.0.0.2', 'fd00::1', 'fd00::2']);
    expect(j.pairs).toBe(12);
    // the same three pairs fail in both families: the root namespace has no address, B's lo is down
    expect(j.unreachable).toEqual([
      { from: 'host', to: '10.0.0.1' },
      { from: 'host', to: '10.0.0.2' },
      { from: 'host', to: 'fd00::1' },
      { from: 'host', to: 'fd00::2' },
      { from: 'host/B', to: '10.0.0.2' },
      { from: 'host/B', to: 'fd00::2' },
    ]);
  });

  it('--family 6: IPv6 destinations only, in the matrix', async () => {
    const c = capture();
    expect(await reachCommand(dual(), { family: '6' })).toBe(0);
    const text = c.out();
    expect(text).toContain('reachability: 3 source namespaces × 2 destinations: 3 of 6 pairs reachable');
    expect(text).toContain('fd00::2 (host/B b0)');
    expect(text).not.toContain('10.0.0.1');
  });

  it('--family 4: IPv4 destinations only', async () => {
    const c = capture();
    expect(await reachCommand(dual(), { json: true, family: '4' })).toBe(0);
    expect(JSON.parse(c.out()).destinations).toEqual(['10.0.0.1', '10.0.0.2']);
  });
});

describe('nettwin explain', () => {
  it('explains a reply (exit 0) and a silence (exit 1), resolving a bare namespace name', async () => {
    const f = file();
    let c = capture();
    expect(await explainCommand(f, { from: 'A', to: '10.0.0.2' })).toBe(0);
    expect(c.out()).toContain('reply from 10.0.0.2');
    vi.restoreAllMocks();
    c = capture();
    expect(await explainCommand(f, { from: 'host/B', to: '10.0.0.2' })).toBe(1);
    expect(c.out()).toContain('lo');
  });

  it('refuses a bad --to or an unknown namespace (exit 2)', async () => {
    const f = file();
    const c = capture();
    expect(await explainCommand(f, { from: 'A', to: 'nope' })).toBe(2);
    expect(await explainCommand(f, { from: 'C', to: '10.0.0.2' })).toBe(2);
    expect(c.err()).toContain('unknown namespace "C" (the lab has host, host/A, host/B)');
  });
});
