/**
 * The TCPMSS target and the tcpmss match on the simulator (kernel evidence:
 * test/cases/nf-match/iptables-tcpmss.sh, compared in test/real/nf-match.test.ts): a forwarded
 * SYN's MSS option lowered, never raised; clamping to the smaller MTU; the kernel's refusals.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../../src/lab.js';

const ROUTED = `ip netns add a
ip netns add r
ip netns add b
ip link add a0 netns a type veth peer name r0 netns r
ip link add r1 netns r type veth peer name b0 netns b
ip -n r link set r1 mtu 1400
ip -n b link set b0 mtu 1400
ip -n a addr add 10.1.0.2/24 dev a0
ip -n r addr add 10.1.0.1/24 dev r0
ip -n r addr add 10.2.0.1/24 dev r1
ip -n b addr add 10.2.0.2/24 dev b0
ip -n a link set a0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n b link set b0 up
ip -n a route add default via 10.1.0.1
ip -n b route add default via 10.2.0.1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec b iptables -A INPUT -p tcp -m tcpmss --mss 1000
ip netns exec b iptables -A INPUT -p tcp -m tcpmss --mss 1360
ip netns exec b iptables -A INPUT -p tcp -m tcpmss --mss 1460
ip netns exec b socat /dev/null TCP4-LISTEN:7000 &`;

function counts(h: ReturnType<Lab['host']>): number[] {
  const out = h.sh('ip netns exec b iptables -L INPUT -v -x -n')[0].stdout;
  return out
    .split('\n')
    .filter((l) => l.includes('tcpmss match'))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

describe('TCPMSS', () => {
  it('--set-mss lowers a forwarded SYN, and is never a raise', () => {
    const h = new Lab().host('h');
    h.sh(ROUTED);
    h.sh('ip netns exec r iptables -t mangle -A FORWARD -p tcp --syn -j TCPMSS --set-mss 1000');
    expect(h.sh('ip netns exec a socat /dev/null TCP4:10.2.0.2:7000')[0].exit).toBe(0);
    expect(counts(h)).toEqual([1, 0, 0]);
    const h2 = new Lab().host('h');
    h2.sh(ROUTED);
    h2.sh('ip netns exec r iptables -t mangle -A FORWARD -p tcp --syn -j TCPMSS --set-mss 9000');
    h2.sh('ip netns exec a socat /dev/null TCP4:10.2.0.2:7000');
    expect(counts(h2)).toEqual([0, 0, 1]);
  });

  it('--clamp-mss-to-pmtu takes the smaller MTU less 40', () => {
    const h = new Lab().host('h');
    h.sh(ROUTED);
    h.sh('ip netns exec r iptables -t mangle -A FORWARD -p tcp --syn -j TCPMSS --clamp-mss-to-pmtu');
    h.sh('ip netns exec a socat /dev/null TCP4:10.2.0.2:7000');
    expect(counts(h)).toEqual([0, 1, 0]);
  });

  it("is refused where the kernel refuses it, in each backend's words", () => {
    const h = new Lab().host('h');
    h.sh('ip netns add x');
    expect(h.sh('ip netns exec x iptables -t mangle -A PREROUTING -p tcp --syn -j TCPMSS --clamp-mss-to-pmtu')[0]).toMatchObject({ exit: 4 });
    expect(h.sh('ip netns exec x iptables-legacy -t mangle -A FORWARD -p tcp -j TCPMSS --set-mss 1000')[0]).toMatchObject({
      exit: 1,
      stderr: "iptables: Invalid argument. Run `dmesg' for more information.\n",
    });
    expect(h.sh('ip netns exec x iptables -t mangle -A FORWARD -p tcp -j TCPMSS --set-mss 1000')[0].exit).toBe(0);
    expect(h.sh('ip netns exec x ip6tables -t mangle -A FORWARD -p tcp --syn -j TCPMSS --set-mss 65496')[0].stderr).toContain('out of range (0-65495)');
  });
});
