/**
 * What real mode may run on the kernel of the programs the simulator does not model: network
 * lines pass, anything that would open a file, run a program or use a unix socket is refused
 * when the line is classified (both modes skip it, exit 127).
 */
import { describe, expect, it } from 'vitest';
import { kernelOnlyProblem } from '../../../src/exec/kernel-only-argv.js';
import { argvVerdict } from '../../../src/exec/kernel-argv.js';
import { classify } from '../../../src/exec/invocation.js';

const words = (line: string) => line.split(' ');
const verdict = (line: string) => {
  const [p, ...argv] = words(line);
  return p === 'socat' ? kernelOnlyProblem(p, argv) : (argvVerdict(p, argv)?.why ?? null);
};

describe('kernel-only argv checks', () => {
  it('lets network lines through', () => {
    for (const line of [
      'iptables -A FORWARD -s 10.0.0.0/8 -j DROP',
      'iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE',
      'iptables -A INPUT -m comment --comment a/b -j ACCEPT',
      'iptables -A INPUT -m limit --limit 10/sec -j ACCEPT',
      'iptables -t mangle -A PREROUTING -j MARK --set-xmark 0x1/0xff',
      'iptables -f -A INPUT -j DROP',
      'iptables-save -t nat',
      'iptables-restore --noflush',
      'ip6tables -A INPUT -s fd00::/64 -j ACCEPT',
      'nft add table inet filter',
      'nft -f -',
      'conntrack -L',
      'tc qdisc add dev veth0 root netem delay 100ms',
      'tc filter add dev veth0 parent 1: protocol ip u32 match ip dst 10.0.0.0/24 flowid 1:10',
      'ss -tlnp',
      'ss -K dst 10.0.0.2',
      'nc -z -w 1 10.0.0.2 80',
      'nc -l -p 8080',
      'ethtool -k veth0',
      'ethtool veth0',
      'traceroute -n 10.0.0.2',
      'ping6 -c 1 ::1',
      'sysctl -w net.ipv6.conf.all.disable_ipv6=1',
      'sysctl net.core.somaxconn',
      'socat TCP-LISTEN:8080,fork,reuseaddr STDOUT',
      'socat - UDP:10.0.0.2:9000,bind=10.0.0.1:9000',
      'socat TUN:10.1.0.1/24,tun-name=t0,iff-up UDP-LISTEN:9000',
    ]) {
      expect(verdict(line), line).toBeNull();
    }
  });

  it('refuses files, programs and unix sockets', () => {
    for (const line of [
      'iptables-restore /etc/iptables/rules.v4',
      'iptables-save -f /tmp/x',
      'iptables --modprobe=/tmp/evil -L',
      'iptables -M /tmp/evil -L',
      'iptables -A INPUT -m bpf --object-pinned /sys/fs/bpf/x -j DROP',
      'iptables -A INPUT -m cgroup --path /system -j DROP',
      'ebtables --atomic-file /tmp/x -L',
      'nft -f /etc/nftables.conf',
      'nft --file=/etc/nftables.conf',
      'nft include "/etc/x"',
      'nft -I /etc list ruleset',
      'conntrack -R /tmp/x',
      'tc -batch /tmp/x',
      'tc -b /tmp/x',
      'tc -cf /tmp/x qdisc show',
      'tc filter add dev lo bpf obj /tmp/x.o',
      'tc filter add dev lo bpf bytecode-file /tmp/x',
      'tc exec bpf dbg',
      'tc -n ../x qdisc show',
      'ss -D /tmp/x',
      'ss -F /tmp/filter',
      'ss --diag=/tmp/x',
      'ss -N ../x',
      'ss src unix:/tmp/sock',
      'nc -U /tmp/sock',
      'nc -e /bin/sh 10.0.0.1 80',
      'nc -c sh 10.0.0.1 80',
      'ethtool -f veth0 /tmp/fw',
      'ethtool --flash veth0 /tmp/fw',
      'ethtool -E veth0 magic 1 offset 0 value 1',
      'ethtool -w veth0 data /tmp/x',
      'ethtool -p veth0',
      'traceroute -n /etc/passwd',
      'arping -I ../x 10.0.0.1',
      'sysctl -p /etc/sysctl.conf',
      'sysctl -w kernel.hostname=x',
      'socat TCP-LISTEN:80 EXEC:/bin/sh',
      'socat TCP-LISTEN:80 SYSTEM:id',
      'socat - OPEN:/etc/passwd',
      'socat - /etc/passwd',
      'socat - UNIX-CONNECT:/run/x',
      'socat - TCP:10.0.0.1:80,su=nobody',
      'socat -lf /tmp/log - TCP:10.0.0.1:80',
      'socat - TCP:10.0.0.1:80,unlink-early=/tmp/x',
      'socat - FD:3',
    ]) {
      expect(verdict(line), line).not.toBeNull();
    }
  });

  it('classifies a refused line as unsupported, with its program’s feature; an allowed one as the program', () => {
    expect(classify([{ argv: words('iptables-restore /etc/iptables/rules.v4'), stdoutTo: null }], false)).toMatchObject({ kind: 'unsupported', feature: 'netfilter' });
    expect(classify([{ argv: words('sudo ip netns exec NS1 iptables -L -n'), stdoutTo: null }], false)).toMatchObject({ kind: 'program', program: 'iptables', argv: ['-L', '-n'] });
  });

  it('reads and writes of kernel files the model does not hold are not modelled, not refused', () => {
    expect(classify([{ argv: words('cat /sys/class/net/lo/carrier_changes'), stdoutTo: null }], false)).toMatchObject({ kind: 'proc-read', notModelled: 'cat of /sys/class/net/lo/carrier_changes' });
    expect(classify([{ argv: words('echo 1'), stdoutTo: '/proc/sys/net/ipv6/icmp/ratelimit' }], false)).toMatchObject({ kind: 'proc-write', notModelled: expect.any(String) });
    expect(classify([{ argv: words('echo 1'), stdoutTo: '/proc/sys/net/ipv6/conf/all/disable_ipv6' }], false)).not.toHaveProperty('notModelled');
    expect(classify([{ argv: words('echo 1'), stdoutTo: '/sys/class/net/lo/address' }], false)).toMatchObject({ kind: 'unsupported', why: '/sys/class/net/lo/address is read-only' });
    expect(classify([{ argv: words('echo 1'), stdoutTo: '/proc/sys/net/ipv4/ip_forward' }], false)).not.toHaveProperty('notModelled');
  });
});
