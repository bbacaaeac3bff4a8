/**
 * `reach` / `isolated` with proto and port: parsing (every bad key a problem with its words),
 * names, and verdicts in the simulator on test/cases/reach-l4/ports.yaml.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabFile } from '../../../src/labfile/load.js';
import { parseIntentValues, describeIntent } from '../../../src/verify/intents.js';
import { verifyLabSim } from '../../../src/verify/verify-file.js';
import { judgePort, kernelPortAnswer } from '../../../src/verify/port-intent.js';

const root = join(import.meta.dirname, '../../..');

describe('port intents', () => {
  it('parse proto, port and answer, and name them', () => {
    const { intents, problems } = parseIntentValues([
      { reach: { from: 'c', to: '10.0.0.1', proto: 'tcp', port: 80 } },
      { reach: { from: 'c', to: '10.0.0.1', proto: 'udp', port: 53, answer: 'refused' } },
      { isolated: { from: 'c', to: '10.0.0.1', proto: 'tcp', port: 22 } },
      { reach: { from: 'c', to: '10.0.0.1', proto: 'icmp' } },
    ]);
    expect(problems).toEqual([]);
    expect(intents.map(describeIntent)).toEqual(['reach c -> 10.0.0.1 tcp/80', 'reach c -> 10.0.0.1 udp/53 refused', 'isolated c -/-> 10.0.0.1 tcp/22', 'reach c -> 10.0.0.1']);
    expect(intents[3]).not.toHaveProperty('l4');
  });

  it('report every bad key', () => {
    const { problems } = parseIntentValues([
      { reach: { from: 'c', to: '10.0.0.1', proto: 'sctp', port: 80 } },
      { reach: { from: 'c', to: '10.0.0.1', proto: 'tcp' } },
      { reach: { from: 'c', to: '10.0.0.1', proto: 'tcp', port: 0 } },
      { reach: { from: 'c', to: '10.0.0.1', proto: 'tcp', port: 80, answer: 'closed' } },
      { reach: { from: 'c', to: '10.0.0.1', proto: 'icmp', port: 1 } },
      { isolated: { from: 'c', to: '10.0.0.1', proto: 'tcp', port: 80, answer: 'open' } },
      { reach: { from: 'c', to: '10.0.0.1', port: 80 } },
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'reach: "proto" must be tcp, udp or icmp (got "sctp")',
      'reach: "port" must be a port number 1-65535 (got undefined)',
      'reach: "port" must be a port number 1-65535 (got 0)',
      'reach: "answer" must be one of open, refused, unreachable, filtered (got "closed")',
      'reach: "port" does not go with proto icmp',
      'unknown key "answer" in isolated (expected from, to, family, proto, port)',
      'reach: "proto" must be tcp, udp or icmp (got undefined)',
    ]);
  });

  it('judge the kernel UDP answer open|filtered as either', () => {
    const r = { answer: kernelPortAnswer('udp', 0, ''), summary: 's', why: [] };
    expect(r.answer).toBe('open|filtered');
    expect(judgePort('reach', { proto: 'udp', port: 1, answer: null }, r).holds).toBe(true);
    expect(judgePort('reach', { proto: 'udp', port: 1, answer: 'filtered' }, r).holds).toBe(true);
    expect(judgePort('reach', { proto: 'udp', port: 1, answer: 'refused' }, r).holds).toBe(false);
    expect(kernelPortAnswer('tcp', 1, 'nc: connect to 1.2.3.4 port 1 (tcp) failed: No route to host')).toBe('unreachable');
  });

  it('hold or fail in the simulator as the lab says', () => {
    const r = verifyLabSim(loadLabFile(join(root, 'test/cases/reach-l4/ports.yaml')));
    expect(r.problems).toEqual([]);
    expect(r.verdicts.map((v) => v.holds)).toEqual([true, true, true, true, true, true, true, true, true, true, false, false]);
    expect(r.verdicts[0]!.summary).toBe('nc -z -w 1 192.168.5.1 80 from host/c: open (answered by host/s 10.5.0.2:8000)');
  });
});
