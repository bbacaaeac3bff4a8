/**
 * Built-in topologies, as Mininet has them (`--topo single,3`), written as lab files: hosts h1…hN
 * on 10.0.0.0/8 behind switches s1…sM (a switch is a host whose setup bridges its NICs), and a
 * k8s-style cluster (nodes on one segment, pods on a bridge per node, a route per other node's
 * pod subnet). Each lab says what must hold (`expect`) and pings from its first host (`run`), so
 * `nettwin run`, `verify` and `diff` are meaningful on it at once.
 */

export type Topology = { kind: 'single'; hosts: number } | { kind: 'linear'; switches: number } | { kind: 'tree'; depth: number; fanout: number } | { kind: 'k8s'; nodes: number; pods: number };

/** The largest lab generated, in namespaces (hosts, switches, pods). */
export const MAX_TOPO_NAMESPACES = 1000;
/** Pings a generated lab's `run` list holds at most (reachability of all pairs is the `expect`). */
const MAX_PINGS = 16;

const FORMS = 'single,N | linear,N | tree,DEPTH,FANOUT | k8s,NODES,PODS';

/**
 * Reads `single,3`, `linear,4`, `tree,2,3`, `k8s,3,2`; throws an Error saying what is wrong.
 *
 * @example parseTopology('tree,2,3') // { kind: 'tree', depth: 2, fanout: 3 }
 */
export function parseTopology(text: string): Topology {
  const [kind, ...rest] = text.split(',');
  const nums = rest.map((r) => (/^[0-9]{1,6}$/.test(r) ? Number(r) : Number.NaN));
  const want = (n: number, names: string) => {
    if (nums.length !== n || nums.some((x) => !Number.isInteger(x) || x < 1)) throw new Error(`--topo ${JSON.stringify(text)}: ${kind} takes ${names}, positive integers (${FORMS})`);
  };
  let t: Topology;
  if (kind === 'single') want(1, 'N'), (t = { kind, hosts: nums[0]! });
  else if (kind === 'linear') want(1, 'N'), (t = { kind, switches: nums[0]! });
  else if (kind === 'tree') want(2, 'DEPTH,FANOUT'), (t = { kind, depth: nums[0]!, fanout: nums[1]! });
  else if (kind === 'k8s') want(2, 'NODES,PODS'), (t = { kind, nodes: nums[0]!, pods: nums[1]! });
  else throw new Error(`--topo ${JSON.stringify(text)}: unknown topology (${FORMS})`);
  const n = namespaceCount(t);
  if (n > MAX_TOPO_NAMESPACES) throw new Error(`--topo ${text}: ${n > 1e9 ? 'over a billion' : n} namespaces, more than ${MAX_TOPO_NAMESPACES}`);
  if (t.kind === 'k8s' && (t.nodes > 250 || t.pods > 250)) throw new Error(`--topo ${text}: at most 250 nodes and 250 pods per node (a /24 each)`);
  return t;
}

/** How many namespaces the lab has (hosts, switches, pods). */
function namespaceCount(t: Topology): number {
  switch (t.kind) {
    case 'single':
      return t.hosts + 1;
    case 'linear':
      return 2 * t.switches;
    case 'tree': {
      const hosts = t.fanout ** t.depth;
      return hosts + (t.fanout === 1 ? t.depth : (hosts - 1) / (t.fanout - 1));
    }
    case 'k8s':
      return t.nodes * (t.pods + 1);
  }
}

interface Node {
  name: string;
  nics: { name: string; addr?: string }[];
  setup: string[];
}

/** Host i's address on 10.0.0.0/8, as Mininet numbers them (h1 is 10.0.0.1). */
const hostAddr = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

/** Mininet's switches and hosts: nodes, and the cables between them. */
function switched(t: Exclude<Topology, { kind: 'k8s' }>): { nodes: Node[]; links: [string, string][] } {
  const nodes: Node[] = [];
  const links: [string, string][] = [];
  const ports = new Map<string, number>();
  const host = () => {
    const i = nodes.filter((n) => n.name.startsWith('h')).length + 1;
    nodes.push({ name: `h${i}`, nics: [{ name: 'eth0', addr: `${hostAddr(i)}/8` }], setup: [] });
    return `h${i}`;
  };
  const sw = () => {
    const i = nodes.filter((n) => n.name.startsWith('s')).length + 1;
    nodes.push({ name: `s${i}`, nics: [], setup: [] });
    return `s${i}`;
  };
  /** the next NIC of a node: a host's eth0, a switch's eth1, eth2, … */
  const port = (name: string): string => {
    if (name.startsWith('h')) return `${name}:eth0`;
    const k = (ports.get(name) ?? 0) + 1;
    ports.set(name, k);
    nodes.find((n) => n.name === name)!.nics.push({ name: `eth${k}` });
    return `${name}:eth${k}`;
  };
  const link = (a: string, b: string) => links.push([port(a), port(b)]);
  if (t.kind === 'single') {
    const s = sw();
    for (let i = 0; i < t.hosts; i++) link(host(), s);
  } else if (t.kind === 'linear') {
    let last: string | null = null;
    for (let i = 0; i < t.switches; i++) {
      const s = sw();
      link(host(), s);
      if (last) link(last, s);
      last = s;
    }
  } else {
    // Mininet's TreeTopo: a switch per inner node, depth first, hosts at the leaves
    const tree = (depth: number): string => {
      if (depth === 0) return host();
      const s = sw();
      for (let i = 0; i < t.fanout; i++) link(s, tree(depth - 1));
      return s;
    };
    tree(t.depth);
  }
  for (const n of nodes) {
    if (!n.name.startsWith('s')) continue;
    n.setup = ['ip link add br0 type bridge', ...n.nics.map((nic) => `ip link set ${nic.name} master br0`), 'ip link set br0 up'];
  }
  return { nodes, links };
}

/** Nodes on one segment, pods on a bridge per node, routes between the nodes' pod subnets. */
function k8s(t: Extract<Topology, { kind: 'k8s' }>): { nodes: Node[]; links: string[][] } {
  const nodes: Node[] = [];
  for (let i = 1; i <= t.nodes; i++) {
    const setup = ['sysctl -w net.ipv4.ip_forward=1', 'ip link add cni0 type bridge', `ip addr add 10.244.${i}.1/24 dev cni0`, 'ip link set cni0 up'];
    for (let p = 1; p <= t.pods; p++) {
      setup.push(
        `ip netns add pod${p}`,
        `ip link add veth${p} type veth peer name eth0 netns pod${p}`,
        `ip link set veth${p} master cni0`,
        `ip link set veth${p} up`,
        `ip -n pod${p} addr add 10.244.${i}.${p + 1}/24 dev eth0`,
        `ip -n pod${p} link set eth0 up`,
        `ip -n pod${p} link set lo up`,
        `ip -n pod${p} route add default via 10.244.${i}.1`,
      );
    }
    for (let j = 1; j <= t.nodes; j++) if (j !== i) setup.push(`ip route add 10.244.${j}.0/24 via 192.168.0.${j} dev eth0`);
    nodes.push({ name: `node${i}`, nics: [{ name: 'eth0', addr: `192.168.0.${i}/24` }], setup });
  }
  const links = t.nodes > 1 ? [nodes.map((n) => `${n.name}:eth0`)] : [];
  return { nodes, links };
}

/** What `--topo` names the lab (its `name:` key, 1-6 characters). */
const LAB_NAMES = { single: 'single', linear: 'linear', tree: 'tree', k8s: 'k8s' } as const;

/**
 * The lab file of a topology, as YAML text (setup scripts inline).
 *
 * @example topologyLab(parseTopology('single,2')) // "# nettwin gen --topo single,2 …\nname: single\nhosts:\n  h1: …"
 */
export function topologyLab(t: Topology): string {
  const spec = t.kind === 'single' ? `single,${t.hosts}` : t.kind === 'linear' ? `linear,${t.switches}` : t.kind === 'tree' ? `tree,${t.depth},${t.fanout}` : `k8s,${t.nodes},${t.pods}`;
  const { nodes, links } = t.kind === 'k8s' ? k8s(t) : switched(t);
  const lines: string[] = [
    `# nettwin gen --topo ${spec}: ${t.kind === 'k8s' ? `${t.nodes} node(s) with ${t.pods} pod(s) each, on 192.168.0.0/24, pods on 10.244.N.0/24` : "Mininet's topology: hosts h1… on 10.0.0.0/8, switches s1… bridging their NICs"}`,
    `name: ${LAB_NAMES[t.kind]}`,
    'hosts:',
  ];
  for (const n of nodes) {
    lines.push(`  ${n.name}:`);
    if (n.nics.length) lines.push(`    nics: { ${n.nics.map((nic) => `${nic.name}:${nic.addr ? ` ${nic.addr}` : ''}`).join(', ')} }`);
    if (n.setup.length) lines.push('    setup: |', ...n.setup.map((l) => `      ${l}`));
    if (!n.nics.length && !n.setup.length) lines[lines.length - 1] += ' {}';
  }
  if (links.length) lines.push('links:', ...links.map((l) => `  - [${l.join(', ')}]`));
  const pings = pingsOf(t, nodes);
  if (pings.length) lines.push('run:', ...pings.map(([host, cmd]) => `  - ${host}: ${cmd}`));
  lines.push('expect:', t.kind === 'k8s' ? '  - all-reach: { among: all }' : "  - all-reach: { among: ['h*'] }", '  - no-loops: {}');
  return `${lines.join('\n')}\n`;
}

/** `host: command` pings from the first host (node 1's first pod) to the others, at most MAX_PINGS. */
function pingsOf(t: Topology, nodes: Node[]): [string, string][] {
  if (t.kind === 'k8s') {
    const to: string[] = [];
    for (let i = 1; i <= t.nodes; i++) for (let p = 1; p <= t.pods; p++) if (i > 1 || p > 1) to.push(`10.244.${i}.${p + 1}`);
    return to.slice(-MAX_PINGS).map((a) => ['node1', `ip netns exec pod1 ping -c 1 -W 1 ${a}`]);
  }
  const hosts = nodes.filter((n) => n.name.startsWith('h'));
  return hosts
    .slice(1)
    .slice(-MAX_PINGS)
    .map((h) => [hosts[0]!.name, `ping -c 1 -W 1 ${h.nics[0]!.addr!.split('/')[0]!}`]);
}
