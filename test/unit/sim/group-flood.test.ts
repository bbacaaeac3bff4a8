/**
 * The batched flood of IPv6 group packets (sim/ipv6/group-flood.ts) must change nothing but the
 * time it takes: the same scripts run with a `frame:tx` listener — which turns batching off, every
 * copy then takes its own event — give the same steps, clock and neighbour tables.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { Clock } from '../../../sim/clock.js';
import { EventQueue } from '../../../sim/event-queue.js';

/** N namespaces on one bridge, dual stack; ns2 and ns5 share an IPv6 address (DAD fails on one). */
function bridgeLab(n: number): string {
  const lines = ['ip netns add br', 'ip -n br link add br0 type bridge', 'ip -n br link set br0 up'];
  for (let i = 1; i <= n; i++) {
    const v6 = i === 5 ? 2 : i;
    lines.push(
      `ip netns add ns${i}`,
      `ip link add v${i} netns ns${i} type veth peer name p${i} netns br`,
      `ip -n br link set p${i} master br0`,
      `ip -n br link set p${i} up`,
      `ip -n ns${i} link set v${i} up`,
      `ip -n ns${i} addr add 10.0.0.${i}/24 dev v${i}`,
      `ip -n ns${i} addr add 2001:db8::${v6}/64 dev v${i}`,
    );
  }
  lines.push('ip netns exec ns1 ping -6 -c 2 2001:db8::3', 'ip netns exec ns4 ping -6 -c 1 -W 1 2001:db8::2', 'ip netns exec ns3 ping -c 1 10.0.0.7');
  for (let i = 1; i <= n; i++) lines.push(`ip -n ns${i} -6 addr show dev v${i}`, `ip -n ns${i} -6 neigh show`);
  return lines.join('\n');
}

function run(script: string, batched: boolean) {
  const lab = new Lab();
  if (!batched) lab.sim.events.on('frame:tx', () => {});
  const steps = lab.host('h').sh(script, { file: 't.sh' });
  return { steps: steps.map((s) => [s.line, s.exit, s.stdout, s.stderr]), now: lab.sim.now };
}

describe('batched IPv6 group floods', () => {
  it('give what one event per copy gives: steps, clock, DAD failure, neighbours', () => {
    const script = bridgeLab(12);
    const a = run(script, true);
    expect(a).toEqual(run(script, false));
    // the lab does what it says: a duplicate failed DAD, pings answered
    expect(a.steps.some(([, , out]) => String(out).includes('dadfailed'))).toBe(true);
  });
});

/**
 * The same lab with the far ends changing while their solicitations fly (the per-group lists of
 * who may hear, sim/ipv6/flood-ports.ts, follow the far ends' namespaces): one starts
 * forwarding (joins all-routers), one goes down and up, one gets a proxy entry, one a netfilter
 * table, one an address a second after the rest, and a port on the bridge's side goes down.
 */
function changingLab(n: number): string {
  const lines = bridgeLab(n)
    .split('\n')
    .filter((l) => !/ping|show/.test(l));
  lines.push(
    'ip netns exec ns3 sysctl -qw net.ipv6.conf.all.forwarding=1',
    'ip -n ns4 link set v4 down',
    'sleep 0.2',
    'ip -n ns4 link set v4 up',
    'ip -n ns6 -6 neigh add proxy 2001:db8::99 dev v6',
    'ip netns exec ns6 sysctl -qw net.ipv6.conf.v6.proxy_ndp=1',
    'ip netns exec ns7 nft add table inet t',
    'ip -n br link set p8 down',
    'sleep 0.3',
    'ip -n br link set p8 up',
    'sleep 2',
    'ip -n ns9 addr add 2001:db8::77/64 dev v9',
    'sleep 3',
    'ip netns exec ns1 ping -6 -c 1 -W 1 2001:db8::99',
    'ip netns exec ns2 ping -6 -c 1 -W 1 2001:db8::77',
    'ip netns exec ns8 ping -6 -c 1 -W 1 2001:db8::3',
  );
  for (let i = 1; i <= n; i++) lines.push(`ip -n ns${i} -6 addr show dev v${i}`, `ip -n ns${i} -6 neigh show`);
  return lines.join('\n');
}

describe('batched IPv6 group floods while the far ends change', () => {
  it('give what one event per copy gives', () => {
    const script = changingLab(10);
    const a = run(script, true);
    expect(a).toEqual(run(script, false));
    // the late address answers, and across the port that went down and up (the proxy entry
    // answers nothing: ns6 does not forward)
    expect(a.steps.filter(([, , out]) => String(out).includes('packets transmitted')).map(([, exit]) => exit)).toEqual([1, 0, 0]);
  });
});

describe('EventQueue.batch', () => {
  it('keeps its place: the rest of a batch runs before what its first step scheduled, and stop() is asked after each step', () => {
    const clock = new Clock();
    const q = new EventQueue(clock);
    const log: string[] = [];
    let i = 0;
    q.batch(5, () => {
      log.push(`b${i}`);
      if (i === 0) q.after(0, () => log.push('scheduled by b0'));
      i++;
      return i < 3;
    });
    q.after(5, () => log.push('after'));
    let asks = 0;
    q.runUntil(10, () => {
      asks++;
      return false;
    });
    expect(log).toEqual(['b0', 'b1', 'b2', 'after', 'scheduled by b0']);
    expect(asks).toBe(5);
  });
});
