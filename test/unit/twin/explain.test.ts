/** explain(): the decisive reason for each kind of failure, hops by namespace, readable text. */
import { describe, expect, it } from 'vitest';
import { explain, formatExplain } from '../../../src/twin/explain.js';
import { ip, TestLab } from '../sim/helpers.js';

describe('explain', () => {
  it('a reply: disposition reply, hops through every namespace on the way', () => {
    const t = new TestLab().router(true);
    const x = explain(t.sim, t.ns('A'), ip('10.0.2.1'));
    expect(x.disposition).toBe('reply');
    expect(x.reason).toBeNull();
    expect(x.hops.map((h) => h.ns)).toEqual(expect.arrayContaining(['h/A', 'h/R', 'h/B']));
    expect(formatExplain(x)).toMatch(/^ping 10\.0\.2\.1 from h\/A: reply from 10\.0\.2\.1 ttl 63\n/);
  });

  it('does not change the script’s simulator', () => {
    const t = new TestLab().router(true);
    const now = t.sim.now;
    explain(t.sim, t.ns('A'), ip('10.0.2.1'));
    expect(t.sim.now).toBe(now);
    expect(t.sim.state(t.ns('A')).neigh.size).toBe(0);
  });

  const cases: [string, (t: TestLab) => void, string, string, string][] = [
    ['forwarding off', () => {}, '10.0.2.1', 'no-answer', 'forwarding-off'],
    ['no route at the router', (t) => t.sysctl('R', 'net.ipv4.ip_forward', 1), '10.0.9.9', 'icmp-error', 'no-route'],
    ['ARP failure at the router', (t) => t.sysctl('R', 'net.ipv4.ip_forward', 1), '10.0.2.9', 'icmp-error', 'neigh-failed'],
    ['no route at the sender', () => {}, '10.0.1.1', 'reply', ''],
    ['blackhole at the sender', (t) => t.reject('A', 'blackhole', '10.0.7.0/24'), '10.0.7.1', 'local-error', 'blackhole'],
    ['a down link', (t) => t.down('B', 'vb'), '10.0.2.254', 'reply', ''],
    ['the far end down', (t) => t.sysctl('R', 'net.ipv4.ip_forward', 1).down('B', 'vb'), '10.0.2.1', 'icmp-error', 'no-carrier'],
  ];
  for (const [what, setup, dst, disposition, reason] of cases) {
    it(what, () => {
      const t = new TestLab().router(false);
      setup(t);
      const x = explain(t.sim, t.ns('A'), ip(dst));
      expect(x.disposition).toBe(disposition);
      expect(x.reason ?? '').toBe(reason);
    });
  }

  it('lo down: the own address is dropped at lo', () => {
    const t = new TestLab().pair();
    const x = explain(t.sim, t.ns('A'), ip('10.0.0.1'));
    expect(x).toMatchObject({ disposition: 'no-answer', reason: 'lo-down' });
    expect(formatExplain(x)).toContain('[lo-down] 10.0.0.1 is local but lo is down');
  });

  it('ttl exceeded names the router', () => {
    const t = new TestLab().router(true);
    const x = explain(t.sim, t.ns('A'), ip('10.0.2.1'), { ttl: 1 });
    expect(x).toMatchObject({ disposition: 'icmp-error', reason: 'ttl-exceeded' });
    expect(x.summary).toContain('From 10.0.1.254 icmp_seq=1 Time to live exceeded');
    expect(x.summary).toContain('h/R');
  });

  it('a veth end without carrier', () => {
    const t = new TestLab().pair();
    t.down('B', 'vb');
    const x = explain(t.sim, t.ns('A'), ip('10.0.0.2'));
    expect(x.reason).toBe('no-carrier');
  });

  it('leads with the decisive event; every event only with verbose', () => {
    const t = new TestLab().router(true);
    t.down('R', 'rb');
    const x = explain(t.sim, t.ns('A'), ip('10.0.2.1'));
    expect(x.decisive).toMatchObject({ ns: 'h/R', reason: 'no-route' });
    expect(x.path).toEqual(['h/A', 'h/R']);
    const short = formatExplain(x);
    expect(short.split('\n')).toEqual([
      'ping 10.0.2.1 from h/A: From 10.0.1.254 icmp_seq=1 Destination Net Unreachable (h/R: no route to 10.0.2.1)',
      'decided at h/R, +0.000060 s: [no-route] no route to 10.0.2.1',
      '  because rb is down: the connected route 10.0.2.0/24 of its address 10.0.2.254/24 is there only while it is up',
      '  fix: ip -n R link set rb up',
      'path: h/A -> h/R',
      expect.stringMatching(/^\(\d+ events: --verbose shows them all, --step one at a time\)$/),
      '',
    ]);
    const long = formatExplain(x, { verbose: true });
    expect(long.startsWith(short.split('\n').slice(0, 5).join('\n'))).toBe(true);
    expect(long).toContain('  h/R\n');
    expect(long).toMatch(/ {4}0\.000060 drop {4}\[no-route\] no route to 10\.0\.2\.1\n/);
  });

  it('a reply: the round trip, no decisive event, no cause', () => {
    const t = new TestLab().router(true);
    const x = explain(t.sim, t.ns('A'), ip('10.0.2.1'));
    expect(x).toMatchObject({ decisive: null, cause: null, noRoute: null, path: ['h/A', 'h/R', 'h/B', 'h/R', 'h/A'] });
  });

  it('a missing route at the sender: the cause the model shows (its link is down)', () => {
    const t = new TestLab().router(true);
    t.down('A', 'va');
    const x = explain(t.sim, t.ns('A'), ip('10.0.1.254'));
    expect(x).toMatchObject({ disposition: 'local-error', reason: 'no-route', noRoute: { ns: 'h/A', dst: ip('10.0.1.254') } });
    expect(x.cause).toEqual({ why: 'va is down: the connected route 10.0.1.0/24 of its address 10.0.1.1/24 is there only while it is up', fix: 'ip -n A link set va up' });
  });
});

describe('explain names what the simulator ignores on the path', () => {
  it('proxy_arp and a small MTU on a namespace the ping goes through; nothing on a namespace it does not', async () => {
    const { Lab } = await import('../../../src/lab.js');
    const lab = new Lab({ seed: 1 });
    lab
      .host('h')
      .sh(
        [
          'ip netns add A',
          'ip netns add R',
          'ip netns add Z',
          'ip link add a0 netns A type veth peer name r0 netns R',
          'ip -n A addr add 10.0.0.2/24 dev a0',
          'ip -n R addr add 10.0.0.1/24 dev r0',
          'ip -n A link set a0 up',
          'ip -n R link set r0 up',
          'ip netns exec R sysctl -w net.ipv4.conf.r0.proxy_arp=1',
          'ip netns exec Z sysctl -w net.ipv4.conf.all.arp_accept=1',
          'ip -n R link set r0 mtu 1200',
        ].join('\n'),
      );
    const x = explain(lab.sim, lab.model.netns('h/A')!, ip('10.0.0.1'));
    expect(x.notSimulated.map((n) => n.text)).toEqual(['proxy_arp is set on r0 and not simulated (h/R)', 'mtu 1200 is set on r0 and not simulated (h/R)']);
    expect(formatExplain(x)).toContain('not simulated: proxy_arp is set on r0 and not simulated (h/R): ARP requests for addresses reachable through another interface are not answered\n');
  });
});
