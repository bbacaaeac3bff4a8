/**
 * `service` intents: parsing (every bad key a problem with its words), the endpoints found
 * behind kube-proxy-like chains, and the verdicts in the simulator on
 * test/cases/verify-service/services.yaml (the kernel's are in test/real/verify-service).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabFile } from '../../../src/labfile/load.js';
import { describeIntent, parseIntentValues } from '../../../src/verify/intents.js';
import { verifyLabSim } from '../../../src/verify/verify-file.js';

const root = join(import.meta.dirname, '../../..');

describe('service intents', () => {
  it('parse and name them', () => {
    const { intents, problems } = parseIntentValues([{ service: { from: 'c', to: '10.96.0.10', proto: 'tcp', port: 80 } }]);
    expect(problems).toEqual([]);
    expect(intents.map(describeIntent)).toEqual(['service c -> 10.96.0.10 tcp/80 and its endpoints']);
  });

  it('report every bad entry', () => {
    const { problems } = parseIntentValues([
      { service: { from: 'c', to: '10.96.0.10', proto: 'tcp' } },
      { service: { from: 'c', to: '10.96.0.10', proto: 'icmp', port: 80 } },
      { service: { from: 'c', to: '10.96.0.10', proto: 'tcp', port: 70000 } },
      { service: { from: 'c', to: 'fd00::1', proto: 'tcp', port: 80 } },
      { service: { from: 'c', to: '10.96.0.10', proto: 'tcp', port: 80, answer: 'refused' } },
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'service needs "port", e.g. `service: { from: node1/NS1, to: 10.96.0.10, proto: tcp, port: 80 }`',
      'service: "port" does not go with proto icmp',
      'service: "port" must be a port number 1-65535 (got 70000)',
      'service: "to" must be an IPv4 address (the service address its DNAT rules match)',
      'unknown key "answer" in service (expected from, to, proto, port)',
    ]);
  });

  it('find every endpoint behind the chains and ask each', () => {
    const r = verifyLabSim(loadLabFile(join(root, 'test/cases/verify-service/services.yaml')));
    expect(r.problems).toEqual([]);
    expect(r.verdicts.map((v) => [v.holds, v.summary])).toEqual([
      [true, '10.96.0.10:80 and its 3 endpoints answer'],
      [false, '10.96.0.11:80 does not answer: open wanted: nc -z -w 1 10.96.0.11 80 from host/c: refused (ECONNREFUSED)'],
      [false, 'no DNAT rule of the lab sends tcp 10.96.0.12:80 anywhere'],
    ]);
    expect(r.verdicts[0]!.why.slice(1)).toEqual([
      'endpoint 10.244.0.11:8080 (DNAT in host/n): open',
      'endpoint 10.244.0.12:8080 (DNAT in host/n): open',
      'endpoint 10.244.0.13:8080 (DNAT in host/n): open',
    ]);
  });
});
