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
