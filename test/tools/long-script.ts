/**
 * The long-script workload that `diff`'s test and bench/diff-linear.bench.ts share: a script
 * of what scripts are made of, in a lab that grows as it goes, and steps as the kernel might
 * answer them.
 */
import type { Step } from '../../src/exec/step.js';

/** A script of `n` lines of what scripts are made of, in a lab that grows as it goes. */
export function longScript(n: number): string {
  const lines: string[] = [];
  for (let k = 0; lines.length < n; k++) {
    const net = `10.${(k >> 8) & 255}.${k & 255}`;
    lines.push(
      `ip netns add ns${k}`,
      `ip link add v${k} type veth peer name p${k} netns ns${k}`,
      `ip addr add ${net}.1/30 dev v${k}`,
      `ip link set v${k} up`,
      `ip -n ns${k} addr add ${net}.2/30 dev p${k}`,
      `ip -n ns${k} link set p${k} up`,
      `ip -n ns${k} route add default via ${net}.1`,
      `ip netns exec ns${k} sysctl -w net.ipv4.ip_forward=1`,
      `ip link set nope${k} up`,
      `# a comment ${k}`,
      `iptables -A FORWARD -i v${k} -j ACCEPT`,
      `ip -br link show dev v${k}`,
    );
  }
  return `${lines.slice(0, n).join('\n')}\n`;
}

/** `n` steps as the kernel might answer them: every other one differs from the simulator's. */
export function kernelSteps(n: number, differ: boolean): Step[] {
  return Array.from({ length: n }, (_, i) => ({
    line: i + 1,
    file: 'x.sh',
    host: 'host',
    command: i % 3 ? `ip -br link show dev v${i}` : 'ip neigh show',
    exit: differ && i % 2 ? 1 : 0,
    stdout: `v${i}@if${i + 1} UP 0a:1b:2c:3d:4e:${(i & 255).toString(16).padStart(2, '0')} <BROADCAST,MULTICAST,UP,LOWER_UP>\n10.0.0.${i & 255} dev v${i} lladdr 0a:1b:2c:3d:4e:5f REACHABLE\n`,
    stderr: differ && i % 2 ? `Cannot find device "v${i}"\n` : '',
    supported: true,
  }));
}
