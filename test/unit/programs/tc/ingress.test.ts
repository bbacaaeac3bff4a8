/**
 * tc's ingress qdisc, its mirred filters and ifb in the simulator (the kernel comparisons are
 * test/cases/ifb and test/cases/ifb-uml): the refusals that depend on the device's ingress
 * queue, a redirect through an ifb's netem (the round trip holds its delay, on the virtual
 * clock), a mirrored copy an ifb drops, and what an ifb does with what it is simply given.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../../src/lab.js';

const PAIR = [
  'ip link set lo up',
  'ip netns add p',
  'ip link add eth0 type veth peer name eth0p',
  'ip link set eth0p netns p',
  'ip addr add 10.0.0.1/24 dev eth0',
  'ip link set eth0 up',
  'ip -n p addr add 10.0.0.2/24 dev eth0p',
  'ip -n p link set eth0p up',
  'ip link add ifb0 type ifb',
  'ip link set ifb0 up',
  'tc qdisc add dev eth0 ingress',
].join('\n');

function run(script: string) {
  return new Lab({ seed: 1 }).host('h').sh(script);
}

const avg = (stdout: string) => Number(/rtt min\/avg\/max\/mdev = [\d.]+\/([\d.]+)\//.exec(stdout)?.[1] ?? Number.NaN);

describe('the ingress qdisc', () => {
  it('refuses a delete by whether the ingress queue was ever made', () => {
    const s = run('ip link add v type veth peer name w\ntc qdisc del dev v ingress\ntc qdisc add dev v ingress\ntc qdisc del dev v ingress\ntc qdisc del dev v ingress');
    expect(s.map((x) => [x.exit, x.stderr])).toEqual([
      [0, ''],
      [2, 'Error: Cannot find specified qdisc on specified device.\n'],
      [0, ''],
      [0, ''],
      [2, 'Error: Invalid handle.\n'],
    ]);
  });

  it('lists ingress after the root, and clsact without dashes', () => {
    const s = run('ip link add v type veth peer name w\ntc qdisc add dev v ingress\ntc qdisc show dev v\ntc qdisc del dev v ingress\ntc qdisc add dev v clsact\ntc qdisc show');
    expect(s[2]!.stdout).toBe('qdisc ingress ffff: parent ffff:fff1 ---------------- \n');
    expect(s[5]!.stdout).toBe('qdisc noqueue 0: dev lo root refcnt 2 \nqdisc clsact ffff: dev v parent ffff:fff1 \n');
  });
});

describe('mirred and ifb', () => {
  it('a redirect to an ifb with netem holds the packet for its delay, then eth0 receives it', () => {
    const s = run(
      `${PAIR}\ntc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 action mirred egress redirect dev ifb0\ntc qdisc add dev ifb0 root netem delay 40ms\nip netns exec p ping -c 2 -i 0.2 10.0.0.1`,
    );
    const ping = s.at(-1)!;
    expect(ping.stdout).toContain('2 received');
    expect(avg(ping.stdout)).toBeGreaterThanOrEqual(40);
    expect(avg(ping.stdout)).toBeLessThan(41);
  });

  it('drops a mirrored copy at the ifb (no duplicate reply), and everything while the ifb is down', () => {
    const mirror = run(`${PAIR}\ntc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 action mirred egress mirror dev ifb0\nip netns exec p ping -c 2 -i 0.2 10.0.0.1`).at(-1)!;
    expect(mirror.stdout).toContain('2 packets transmitted, 2 received');
    expect(mirror.stdout).not.toContain('DUP!');
    const down = run(
      `${PAIR}\nip link set ifb0 down\ntc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 action mirred egress redirect dev ifb0\nip netns exec p ping -c 2 -i 0.2 -W 1 10.0.0.1`,
    ).at(-1)!;
    expect(down.stdout).toContain('2 packets transmitted, 0 received');
  });

  it('a u32 node with neither flowid nor action matches nothing; the filter that matches first decides', () => {
    const s = run(
      `${PAIR}\ntc filter add dev eth0 parent ffff: protocol all prio 1 u32 match u32 0 0\ntc filter add dev eth0 parent ffff: protocol ip prio 2 u32 match ip src 10.0.0.9/32 action mirred egress redirect dev ifb0\nip link set ifb0 down\nip netns exec p ping -c 1 -W 1 10.0.0.1\ntc filter add dev eth0 parent ffff: protocol ip prio 3 u32 match ip src 10.0.0.2/32 action mirred egress redirect dev ifb0\nip netns exec p ping -c 1 -W 1 10.0.0.1`,
    );
    expect(s.at(-3)!.stdout).toContain('1 received');
    expect(s.at(-1)!.stdout).toContain('0 received');
  });

  it("answers tc's own refusals of a mirred action", () => {
    const s = run(`${PAIR}\ntc filter add dev eth0 parent ffff: u32 match u32 0 0 action mirred egress redirect dev nope\ntc filter add dev eth0 parent ffff: u32 match u32 0 0 action mirred egress`);
    expect(s.at(-2)!).toMatchObject({ exit: 1, stderr: 'Cannot find device "nope"\nbad action parsing\nparse_action: bad value (5:mirred)!\nIllegal "action"\n' });
    expect(s.at(-1)!).toMatchObject({ exit: 255, stderr: 'Command line is not complete. Try option "help"\n' });
  });
});
