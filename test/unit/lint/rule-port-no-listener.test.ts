/**
 * lint port-no-listener on the labs of test/cases/port-lint/ (their kernel side is
 * test/real/port-lint.test.ts): a DNAT to a port nobody listens on is found at its line, the
 * same lab pointed at the listening port is clean, and so is a lab that starts no listener.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { portNoListener } from '../../../src/lint/rule-port-no-listener.js';
import { runRule } from './run-rule.js';

const lab = (name: string) => fs.readFileSync(new URL(`../../cases/port-lint/${name}.sh`, import.meta.url), 'utf8');

describe('lint port-no-listener', () => {
  it('finds the DNAT to a port nothing listens on', () => {
    const f = runRule(portNoListener, lab('dnat-port-no-listener'));
    expect(f.map((x) => [x.rule, x.line])).toEqual([['port-no-listener', 22]]);
    expect(f[0]!.message).toBe(
      'host/r: -A PREROUTING -d 192.168.5.1/32 -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.5.0.2:8080 sends TCP to 10.5.0.2:8080, where nothing listens (host/s): every connection it translates is refused',
    );
    expect(f[0]!.fix).toBe('start the service in host/s (e.g. ip netns exec s nc -lk 8080 &), or point the DNAT at the port it listens on');
  });

  it('is quiet when the DNAT names the listening port', () => {
    expect(runRule(portNoListener, lab('dnat-port-no-listener-none'))).toEqual([]);
  });

  it('is quiet in a lab that starts no listener at all, and for a UDP listener on the port', () => {
    const text = lab('dnat-port-no-listener');
    expect(runRule(portNoListener, text.replace(/^ip netns exec s nc -lk 8000 &\n/m, ''))).toEqual([]);
    const udp = text.replace('nc -lk 8000 &', 'nc -ulk 53 &').replace('-p tcp --dport 80 -j DNAT --to-destination 10.5.0.2:8080', '-p udp --dport 53 -j DNAT --to-destination 10.5.0.2');
    expect(runRule(portNoListener, udp)).toEqual([]);
    expect(runRule(portNoListener, udp.replace('--to-destination 10.5.0.2', '--to-destination 10.5.0.2:54')).map((x) => x.rule)).toEqual(['port-no-listener']);
  });
});
