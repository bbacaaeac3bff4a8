import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { compareReach } from '../../../src/cli/reach-compare.js';
import { labViewSource } from '../../../src/cli/ui-data.js';

const SEED = 'examples/seed';
const run = promisify(execFile);

describe("the web view's editor", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-data-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reports the pairs an edit gained and lost as reach --compare does between the two labs (the seed's default route fixed)", async () => {
    const node1 = fs.readFileSync(path.join(SEED, 'node1.sh'), 'utf8');
    const fixed = node1.replace('BRIDGE_IP="172.16.1.1"', 'BRIDGE_IP="172.16.0.1"');
    expect(fixed).not.toBe(node1);
    for (const f of ['lab.yaml', 'node2.sh']) fs.copyFileSync(path.join(SEED, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'node1.sh'), fixed);
    const want = await compareReach(path.join(SEED, 'lab.yaml'), path.join(dir, 'lab.yaml'));
    expect(want.gained.length).toBeGreaterThan(0);

    const src = await labViewSource(path.join(SEED, 'lab.yaml'));
    const x = await src.edit(path.join(SEED, 'node1.sh'), fixed);
    if ('error' in x) throw new Error(x.error);
    expect(x.change).toEqual({ gained: want.gained, lost: want.lost });
    // and the view is the edited lab's: the script's text and its matrix
    expect(x.view.scripts.find((s) => s.file.endsWith('node1.sh'))!.text).toBe(fixed);
    expect(x.view.reach.reachable).toBe(want.after.reachable);
  });

  it("refuses to edit a file that is not one of the lab's scripts, and changes nothing", async () => {
    const src = await labViewSource(path.join(SEED, 'lab.yaml'));
    const before = src.view;
    expect(await src.edit('/etc/passwd', 'x')).toEqual({ error: '"/etc/passwd" is not one of this lab\'s scripts' });
    expect(src.view).toBe(before);
  });
});

describe("the web view's pings", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-data6-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('explains a ping to an IPv6 address as explain --json does, headers and all', async () => {
    const script = path.join(dir, 'v6.sh');
    fs.writeFileSync(
      script,
      [
        'ip netns add a',
        'ip netns add b',
        'ip link add e0 netns a type veth peer name e1 netns b',
        'ip -n a addr add 2001:db8::1/64 dev e0 nodad',
        'ip -n b addr add 2001:db8::2/64 dev e1 nodad',
        'ip -n a link set e0 up',
        'ip -n b link set e1 up',
        '',
      ].join('\n'),
    );
    const src = await labViewSource(script);
    const x = src.explain('a', '2001:db8::2');
    if ('error' in x) throw new Error(x.error);
    const r = x.result as { disposition: string; hops: { steps: { kind: string; headers?: { layer: string }[] }[] }[] };
    expect(r.disposition).toBe('reply');
    const layers = r.hops
      .flatMap((h) => h.steps)
      .filter((s) => s.kind === 'xmit')
      .map((s) => s.headers?.map((l) => l.layer).join(' '));
    expect(layers).toContain('Ethernet IPv6 ICMPv6');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'explain', script, '--from', 'a', '--to', '2001:db8::2', '--json']);
    expect(JSON.parse(JSON.stringify(x.result))).toEqual(JSON.parse(stdout));
    expect(src.explain('a', '2001:db8::zz')).toEqual({ error: '"2001:db8::zz" is not an IP address' });
  });
});
