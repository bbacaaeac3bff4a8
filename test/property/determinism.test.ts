/**
 * Determinism: the same script run twice gives byte-identical `nettwin run --json` output
 * (seeded MAC addresses, virtual clock: nothing reads the wall clock or Math.random).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runFile } from '../../src/cli/run.js';
import { lab } from '../../src/testing/arb-lab.js';
import { k8sCluster } from '../../src/testing/arb-k8s.js';
import { toScript } from '../../src/testing/to-script.js';
import type { LabDescription } from '../../src/testing/lab-description.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-determinism-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** What `nettwin run FILE --json` prints. */
async function runJson(l: LabDescription): Promise<string> {
  const file = path.join(dir, `lab-${n++}.sh`);
  fs.writeFileSync(file, toScript(l));
  const steps = await runFile(file, false);
  return `${JSON.stringify({ mode: 'sim', steps: steps.map((s) => ({ ...s, file: 'lab.sh' })) }, null, 2)}\n`;
}

describe('the same script twice gives byte-identical --json', () => {
  it('random labs, with state read back at the end', async () => {
    await fc.assert(
      fc.asyncProperty(lab({ shows: true }), async (l) => {
        const a = await runJson(l);
        const b = await runJson(l);
        expect(b).toBe(a);
      }),
      { numRuns: 100 },
    );
  });

  it('k8s clusters (many pings: neighbour caches and the clock move a lot)', async () => {
    await fc.assert(
      fc.asyncProperty(k8sCluster(), async (l) => {
        expect(await runJson(l)).toBe(await runJson(l));
      }),
      { numRuns: 15 },
    );
  });

  it('the read-back includes link details that carry generated values (MAC addresses)', async () => {
    const l: LabDescription = {
      steps: [
        { kind: 'netns-add', name: 'a' },
        { kind: 'veth-add', in: null, name: 'v0', peer: 'v1', peerIn: 'a' },
        { kind: 'bridge-add', in: null, name: 'br0' },
        { kind: 'show', in: null, object: 'link', json: true },
        { kind: 'show', in: 'a', object: 'addr', json: true },
      ],
    };
    const a = await runJson(l);
    expect(a).toMatch(/"address\\":\\"[0-9a-f]{2}:/);
    expect(await runJson(l)).toBe(a);
  });
});
