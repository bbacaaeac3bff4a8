/** `nettwin graph` as the CLI calls it: stdout, exit status, option errors. */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphCommand } from '../../../src/cli/graph.js';

const SMALL = join(import.meta.dirname, '../graph/fixtures/small.sh');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('graphCommand', () => {
  it('prints Mermaid by default and DOT on request', async () => {
    const c = capture();
    expect(await graphCommand(SMALL, {})).toBe(0);
    expect(await graphCommand(SMALL, { format: 'dot' })).toBe(0);
    expect(c.out[0]).toMatch(/^flowchart LR\n/);
    expect(c.out[1]).toMatch(/^graph nettwin \{\n/);
    expect(c.err).toEqual([]);
  });

  it('highlights a traced ping', async () => {
    const c = capture();
    expect(await graphCommand(SMALL, { trace: ['A', '10.0.0.3'] })).toBe(0);
    expect(c.out[0]).toContain('%% trace: ping 10.0.0.3 from host/A: reply from 10.0.0.3 ttl 64\n');
    expect(c.out[0]).toContain('linkStyle 0,1,2,3 ');
  });

  it('exits 2 on an unknown format or a bad trace, printing nothing on stdout', async () => {
    const c = capture();
    expect(await graphCommand(SMALL, { format: 'svg' })).toBe(2);
    expect(await graphCommand(SMALL, { trace: ['Z', '10.0.0.3'] })).toBe(2);
    expect(await graphCommand(SMALL, { trace: ['A'] as unknown as [string, string] })).toBe(2);
    expect(c.out).toEqual([]);
    expect(c.err).toEqual([
      'nettwin graph: unknown format "svg": mermaid, dot or html (see nettwin graph --help)\n',
      'nettwin graph: --trace: unknown namespace "Z" (the lab has host, host/A, host/B) (see nettwin graph --help)\n',
      'nettwin graph: --trace takes two values: FROM (host/NS) and TO (an IPv4 address) (see nettwin graph --help)\n',
    ]);
  });

  it('throws on a file that cannot be read (the CLI prints it and exits 2)', async () => {
    await expect(graphCommand('/nonexistent/x.sh', {})).rejects.toThrow('cannot read /nonexistent/x.sh: no such file');
  });
});
