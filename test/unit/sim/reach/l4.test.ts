/**
 * reach per service port in the simulator: the answers the kernel test (test/real/reach-l4)
 * holds against the kernel, the endpoint behind a DNAT, and that asking changes nothing the
 * script's own programs see (listeners, connections, ss, a later nc).
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../../src/lab.js';
import { formatPortReach, portArgs, portReachJson } from '../../../../src/cli/reach-l4.js';
import { portReach } from '../../../../sim/reach/port-reach.js';
import { parseIp4 } from '../../../../src/model/ip.js';

const CASE = fs.readFileSync(new URL('../../../cases/reach-l4/router-services.sh', import.meta.url), 'utf8');

function lab(): Lab {
  const l = new Lab();
  const steps = l.host('host').sh(CASE);
  expect(steps.filter((s) => s.exit !== 0).map((s) => s.command)).toEqual([]);
  return l;
}

describe('reachPort', () => {
  it('answers open, refused, unreachable and filtered as the rules and listeners say', () => {
    const l = lab();
    expect(l.reachPort('host/c', '10.5.0.2', 'tcp', 8000).answer).toBe('open');
    expect(l.reachPort('host/c', '10.5.0.2', 'tcp', 80).answer).toBe('refused');
    expect(l.reachPort('host/c', '10.5.0.2', 'tcp', 24).answer).toBe('refused');
    const hp = l.reachPort('host/c', '10.5.0.2', 'tcp', 23);
    expect([hp.answer, hp.errno]).toEqual(['unreachable', 'EHOSTUNREACH']);
    expect(l.reachPort('host/c', '10.5.0.2', 'tcp', 22).answer).toBe('filtered');
    // FORWARD drops c → s:9000, but r itself reaches it
    expect(l.reachPort('host/c', '10.5.0.2', 'tcp', 9000).answer).toBe('filtered');
    expect(l.reachPort('host/r', '10.5.0.2', 'tcp', 9000).answer).toBe('open');
    expect(l.reachPort('host/c', '10.5.0.2', 'udp', 5353).answer).toBe('open');
    expect(l.reachPort('host/c', '10.5.0.2', 'udp', 54).answer).toBe('refused');
    expect(l.reachPort('host/c', '10.5.0.2', 'udp', 53).answer).toBe('filtered');
    expect(l.reachPort('host/c', '10.5.0.2', 'icmp', 0).answer).toBe('open');
    // no route from the root namespace: connect fails at once
    expect(l.reachPort('host', '10.5.0.2', 'tcp', 8000)).toMatchObject({ answer: 'unreachable', errno: 'ENETUNREACH' });
  });

  it('names the socket behind a DNAT', () => {
    const p = lab().reachPort('host/c', '192.168.5.1', 'tcp', 80);
    expect(p.answer).toBe('open');
    expect(p.endpoint && [p.endpoint.ns.path, p.endpoint.port]).toEqual(['host/s', 8000]);
  });

  it('leaves the script its sockets, connections and ephemeral ports as they were', () => {
    const a = lab();
    const b = lab();
    for (const port of [8000, 9000, 80, 22]) a.reachPort('host/c', '10.5.0.2', 'tcp', port);
    for (const port of [5353, 54]) a.reachPort('host/c', '10.5.0.2', 'udp', port);
    const after = 'ip netns exec c nc -z -v 10.5.0.2 8000\nip netns exec s ss -tan\nip netns exec s ss -uan\nip netns exec r conntrack -L';
    const strip = (s: { command: string; stdout: string; stderr: string; exit: number }[]) => s.map((x) => [x.command, x.exit, x.stdout, x.stderr]);
    expect(strip(a.host('host').sh(after))).toEqual(strip(b.host('host').sh(after)));
  });
});

describe('reach --proto --port (the CLI words)', () => {
  it('prints the matrix, the DNAT and JSON', () => {
    const l = lab();
    const r = portReach(l.model, [l.model.netns('host/c')!], [parseIp4('192.168.5.1')!, parseIp4('10.5.0.2')!], 'tcp', 80);
    const text = formatPortReach(r);
    expect(text).toContain('TCP port 80: 1 source namespace × 2 destinations: 1 open, 1 refused, 0 unreachable, 0 filtered');
    expect(text).toContain('host/c -> 192.168.5.1: answered by host/s 10.5.0.2:8000');
    expect(portReachJson(r)).toMatchObject({
      proto: 'tcp',
      port: 80,
      answers: [
        { from: 'host/c', to: '192.168.5.1', answer: 'open' },
        { answer: 'refused', errno: 'ECONNREFUSED' },
      ],
    });
  });

  it('refuses bad options with usage errors', () => {
    expect(() => portArgs({ proto: 'sctp', port: '1' })).toThrow('--proto: "sctp" is not tcp, udp or icmp');
    expect(() => portArgs({ proto: 'tcp' })).toThrow('--proto tcp needs --port N');
    expect(() => portArgs({ proto: 'tcp', port: '70000' })).toThrow('--port: "70000" is not a port (1-65535)');
    expect(() => portArgs({ proto: 'icmp', port: '1' })).toThrow('--port does not go with --proto icmp');
    expect(() => portArgs({ proto: 'udp', port: '53', to: ['10.0.0.300'] })).toThrow('--to: "10.0.0.300" is not an IPv4 address');
    expect(portArgs({ port: '80' })).toEqual({ proto: 'tcp', port: 80, to: null });
  });
});
