/**
 * Service-port intents (`reach`/`isolated` with proto and port) give the simulation's verdicts
 * on the kernel: `nettwin verify --real` asks `nc -z -v -w 1` in the sandbox for each.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadLabFile } from '../../src/labfile/load.js';
import { verifyLabSim } from '../../src/verify/verify-file.js';
import { verifyLabReal } from '../../adapters/linux/verify-real.js';
import { projectRoot } from './cases.js';
import { describeReal } from './require-real.js';

describeReal(
  'verify --real: service-port intents',
  () => {
    it('test/cases/reach-l4/ports.yaml: the kernel gives the simulation verdicts', async () => {
      const spec = loadLabFile(join(projectRoot, 'test/cases/reach-l4/ports.yaml'));
      const sim = verifyLabSim(spec);
      const real = await verifyLabReal(spec);
      expect(real.problems).toEqual([]);
      const verdicts = (r: typeof sim) => r.verdicts.map((v) => `${v.name}: ${v.holds ? 'holds' : 'fails'}`);
      expect(verdicts(real)).toEqual(verdicts(sim));
      // the two that fail on purpose, and the kernel's words for them
      expect(verdicts(sim).filter((v) => v.endsWith('fails'))).toEqual(['reach host/c -> 10.5.0.2 tcp/9000: fails', 'isolated host/c -/-> 10.5.0.2 tcp/8000: fails']);
      expect(real.verdicts[10]!.summary).toBe(
        'open wanted: nc -zv -w 1 10.5.0.2 9000 from host/c on the kernel: filtered (nc: connect to 10.5.0.2 port 9000 (tcp) timed out: Operation now in progress)',
      );
    }, 180_000);
  },
  { tools: [['nc', 'netcat-openbsd']] },
);
