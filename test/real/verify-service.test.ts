/**
 * `service` intents on the kernel: `nettwin verify --real` asks `nc -z -v -w 1` in the sandbox
 * at the service address and at each endpoint its DNAT rules lead to, and must give the
 * simulation's verdicts.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadLabFile } from '../../src/labfile/load.js';
import { verifyLabSim } from '../../src/verify/verify-file.js';
import { verifyLabReal } from '../../adapters/linux/verify-real.js';
import { projectRoot } from './cases.js';
import { describeReal } from './require-real.js';

describeReal(
  'verify --real: service intents',
  () => {
    it('test/cases/verify-service/services.yaml: the kernel gives the simulation verdicts', async () => {
      const spec = loadLabFile(join(projectRoot, 'test/cases/verify-service/services.yaml'));
      const sim = verifyLabSim(spec);
      const real = await verifyLabReal(spec);
      expect(real.problems).toEqual([]);
      const verdicts = (r: typeof sim) => r.verdicts.map((v) => `${v.name}: ${v.holds ? 'holds' : 'fails'}`);
      expect(verdicts(sim)).toEqual([
        'service host/c -> 10.96.0.10 tcp/80 and its endpoints: holds',
        'service host/c -> 10.96.0.11 tcp/80 and its endpoints: fails',
        'service host/c -> 10.96.0.12 tcp/80 and its endpoints: fails',
      ]);
      expect(verdicts(real)).toEqual(verdicts(sim));
      // every endpoint asked on the kernel too, each answer the simulator's
      const answers = (r: typeof sim) => r.verdicts.flatMap((v) => v.why.map((l) => l.replace(/: (?:open wanted: )?nc .* from host\/\w+(?: on the kernel)?: (\w+).*$/, ': $1')));
      expect(answers(real)).toEqual(answers(sim));
      expect(answers(sim)).toContain('endpoint 10.244.0.13:9090 (DNAT in host/n): refused');
    }, 180_000);
  },
  { tools: [['nc', 'netcat-openbsd']] },
);
