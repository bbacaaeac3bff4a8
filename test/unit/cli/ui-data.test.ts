import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareReach } from '../../../src/cli/reach-compare.js';
import { labViewSource } from '../../../src/cli/ui-data.js';

const SEED = 'examples/seed';

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
