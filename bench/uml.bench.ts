/**
 * user-mode Linux benchmark (needs root, user-mode-linux and kmod): boot-to-ready of a UML
 * sandbox (UML's boot, Node inside, the agent's hosts), the cost of one command inside, and a
 * lab of N namespaces on one bridge made with `ip -batch` inside UML; and what `nettwin run
 * --real --kernel uml` takes for a 20-line script (two namespaces, a veth pair, addresses,
 * listings and pings: boot, the script speculated as real mode runs it, teardown), wall clock.
 *
 *   sudo node --import tsx bench/uml.bench.ts [N]        (default: 100)
 *
 * Prints one JSON line: { name: 'uml', bootToReadyMs, execMs, n, labMs, pingOk, script20Ms, script20Ok }.
 * On an idle 2-core machine expect boot-to-ready of a few seconds and 50–100 ms a command;
 * the figures grow with the machine's load (UML has one CPU, HZ=100).
 */
import { runScriptInSandbox } from '../adapters/linux/run-real.js';
import { Sandbox } from '../adapters/linux/sandbox.js';
import { KERNEL_PROFILES } from '../src/model/kernel-profile.js';

/** 20 commands, as a user's first script is: two namespaces on a veth pair, listings, pings. */
const SCRIPT20 = `ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set lo up
ip -n b link set lo up
ip -n a link set va up
ip -n b link set vb up
ip -n a link
ip -n b -br addr
ip -n a route
ip netns exec a ping -c 1 -W 2 10.0.0.2
ip netns exec b ping -c 1 -W 2 10.0.0.1
ip -n a neigh
ip -n a route get 10.0.0.2
ip -n b link set vb mtu 1400
ip -n b link show vb
ip netns list
ip netns del b
`;

/** Boot, the script, teardown: what `nettwin run --real --kernel uml` of SCRIPT20 costs. */
async function script20(): Promise<{ script20Ms: number; script20Ok: boolean }> {
  const t0 = performance.now();
  const steps = await runScriptInSandbox(SCRIPT20, { file: 'bench-20.sh', host: 'host', kernel: KERNEL_PROFILES.uml! });
  return { script20Ms: Math.round(performance.now() - t0), script20Ok: steps.length === 20 && steps.every((s) => s.exit === 0) };
}

async function main(n: number): Promise<void> {
  const t0 = performance.now();
  const sb = await Sandbox.open({ hosts: ['h'], kernel: 'uml', commandTimeoutMs: 300_000 });
  try {
    const bootToReadyMs = Math.round(performance.now() - t0);
    const t1 = performance.now();
    for (let i = 0; i < 5; i++) await sb.exec('h', ['true']);
    const execMs = Math.round((performance.now() - t1) / 5);
    const lines = ['link add br0 type bridge', 'addr add 10.0.0.1/16 dev br0', 'link set br0 up'];
    const ns: string[] = [];
    for (let i = 0; i < n; i++) {
      lines.push(`netns add ns${i}`, `link add v${i} type veth peer name eth0 netns ns${i}`, `link set v${i} master br0`, `link set v${i} up`);
      ns.push(`link set lo up\naddr add 10.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}/16 dev eth0\nlink set eth0 up\nroute add default via 10.0.0.1\n`);
    }
    const t2 = performance.now();
    const root = await sb.exec('h', ['ip', '-batch', '-'], { input: `${lines.join('\n')}\n` });
    if (root.exit !== 0) throw new Error(root.stderr);
    const units = await sb.execUnits(
      'h',
      ns.map((text, i) => ({ ns: `ns${i}`, lines: text })),
      4,
    );
    if (units.exit !== 0) throw new Error(units.stderr);
    const labMs = Math.round(performance.now() - t2);
    const ping = await sb.exec('h', ['ip', 'netns', 'exec', 'ns0', 'ping', '-c', '1', '-W', '5', '10.0.0.1']);
    await sb.close();
    // one UML at a time: the script's own boot is timed after this one is gone
    const s20 = await script20();
    process.stdout.write(`${JSON.stringify({ name: 'uml', bootToReadyMs, execMs, n, labMs, pingOk: ping.exit === 0, ...s20 })}\n`);
  } finally {
    await sb.close();
  }
}

await main(Number(process.argv[2] ?? 100));
