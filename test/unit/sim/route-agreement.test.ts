/**
 * The simulator's compiled output route (what ping's packets use) and the model's plain-scan
 * `routeOutput` (what `ip route get` prints) are two implementations of ip_route_output_key:
 * they must agree on type, device, gateway, source and errno for every question.
 */
import { describe, expect, it } from 'vitest';
import { routeOutput as modelRoute } from '../../../src/model/route-output.js';
import { routeOutput as simRoute } from '../../../sim/route-output.js';
import { ip, TestLab } from './helpers.js';

const DSTS = ['10.0.1.1', '10.0.1.254', '10.0.2.1', '10.0.2.254', '10.0.1.255', '10.0.1.0', '127.0.0.1', '127.3.4.5', '0.0.0.0', '255.255.255.255', '224.0.0.1', '239.1.2.3', '8.8.8.8', '10.0.7.1', '10.0.8.1', '10.0.9.1', '0.1.2.3'];

function labs(): [string, TestLab][] {
  const plain = new TestLab().router(true);
  const rejects = new TestLab().router(true);
  rejects.reject('A', 'blackhole', '10.0.7.0/24').reject('A', 'unreachable', '10.0.8.0/24').reject('A', 'prohibit', '10.0.9.0/24');
  const bare = new TestLab().pair();
  const ownGw = new TestLab().pair().route('A', 'default', { via: '10.0.0.1' });
  const twoAddrs = new TestLab().router(true).addr('A', 'va', '10.0.1.5/24').addr('A', 'lo', '172.16.0.1/32');
  return [
    ['router', plain],
    ['reject routes', rejects],
    ['no default route, lo down', bare],
    ['default via own address', ownGw],
    ['secondary and lo addresses', twoAddrs],
  ];
}

describe('sim and `ip route get` agree on output routes', () => {
  for (const [name, t] of labs()) {
    it(name, () => {
      for (const nsName of ['A', 'B', 'R']) {
        const ns = t.host.namespaces.get(nsName);
        if (!ns) continue;
        const st = t.sim.state(ns);
        const oifs = [null, ...ns.linkList()];
        const srcs = [0, ...ns.linkList().flatMap((l) => l.addrs.map((a) => a.local)), ip('10.9.9.9')];
        for (const d of DSTS) {
          for (const oif of oifs) {
            for (const src of srcs) {
              const flow = { dst: ip(d), src, oif };
              const m = modelRoute(ns, flow);
              const s = simRoute(t.sim, st, flow);
              const where = `${nsName}: get ${d} from ${src} oif ${oif?.name ?? '-'}`;
              if (!m.ok || s.kind !== 'ok') {
                expect(s.kind === 'ok' ? 'ok' : s.errno, where).toBe(m.ok ? 'ok' : m.errno);
                continue;
              }
              const mr = m.rt;
              const sr = s.rt;
              expect({ dev: sr.dev.name, gw: sr.gateway, src: sr.src, local: sr.type === 'local' }, where).toEqual({
                dev: mr.dev.name,
                gw: mr.gateway,
                src: mr.saddr,
                local: mr.flags.local && mr.type !== 'broadcast' && mr.type !== 'multicast',
              });
            }
          }
        }
      }
    });
  }
});
