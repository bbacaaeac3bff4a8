/**
 * Kubernetes Services as kube-proxy's iptables mode writes them (pkg/proxy/iptables/proxier.go,
 * v1.28+): in the nat table, PREROUTING and OUTPUT jump to KUBE-SERVICES; each Service port
 * has a rule there for its ClusterIP → KUBE-SVC-<hash>, which marks traffic from outside the
 * pod range for masquerade (KUBE-MARK-MASQ), then picks an endpoint with
 * `-m statistic --mode random --probability 1/(n-i)` → KUBE-SEP-<hash>, which marks hairpin
 * traffic and DNATs to the endpoint; a NodePort goes KUBE-NODEPORTS → KUBE-EXT-<hash> (marked,
 * then the same KUBE-SVC); KUBE-POSTROUTING masquerades what was marked. Chain names hash the
 * service port's name and protocol (and the endpoint) as kube-proxy does: base32 of SHA-256, 16
 * characters. The same rules go on every node.
 */
import { createHash } from 'node:crypto';

/** One Service port and its endpoints. */
export interface K8sService {
  /** the Service's name (namespace `default`) */
  name: string;
  clusterIP: string;
  port: number;
  /** the endpoints' port (default: `port`) */
  targetPort?: number;
  /** default tcp */
  protocol?: 'tcp' | 'udp';
  /** a NodePort (30000-32767), or none */
  nodePort?: number;
  /** the endpoints: pod addresses */
  endpoints: string[];
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** base32(sha256(text)) cut to 16 characters: kube-proxy's portProtoHash / servicePortEndpointChainName. */
function hash16(text: string): string {
  const b = createHash('sha256').update(text).digest();
  let out = '';
  let bits = 0;
  let acc = 0;
  for (const x of b) {
    acc = (acc << 8) | x;
    bits += 8;
    while (bits >= 5 && out.length < 16) {
      out += BASE32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= 16) break;
    acc &= (1 << bits) - 1;
  }
  return out;
}

/** the --probability of the i-th of n endpoints: 1/(n-i), 11 decimals (iptables -S prints back what it stored) */
function probability(n: number): string {
  return (1 / n).toFixed(11);
}

function checkService(s: K8sService): void {
  const port = (p: number | undefined, what: string) => {
    if (p !== undefined && (!Number.isInteger(p) || p < 1 || p > 65535)) throw new Error(`k8sLab: service ${s.name}: ${what} must be a port 1-65535`);
  };
  if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(s.name)) throw new Error(`k8sLab: service name "${s.name}" is not a DNS label`);
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(s.clusterIP)) throw new Error(`k8sLab: service ${s.name}: clusterIP "${s.clusterIP}" is not an IPv4 address`);
  port(s.port, 'port');
  port(s.targetPort, 'targetPort');
  if (s.nodePort !== undefined && (!Number.isInteger(s.nodePort) || s.nodePort < 30000 || s.nodePort > 32767)) throw new Error(`k8sLab: service ${s.name}: nodePort must be 30000-32767`);
  for (const e of s.endpoints) if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(e)) throw new Error(`k8sLab: service ${s.name}: endpoint "${e}" is not an IPv4 address`);
}

/**
 * The nat table's rules for `services` as `iptables -t nat` arguments, one rule per entry, in
 * the order kube-proxy writes them: chains first (`-N`), then the rules (`-A`).
 */
export function kubeProxyRules(services: readonly K8sService[], podCidr: string): string[][] {
  for (const s of services) checkService(s);
  const chains: string[] = ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ'];
  const rules: string[][] = [
    ['-A', 'PREROUTING', '-m', 'comment', '--comment', 'kubernetes service portals', '-j', 'KUBE-SERVICES'],
    ['-A', 'OUTPUT', '-m', 'comment', '--comment', 'kubernetes service portals', '-j', 'KUBE-SERVICES'],
    ['-A', 'POSTROUTING', '-m', 'comment', '--comment', 'kubernetes postrouting rules', '-j', 'KUBE-POSTROUTING'],
    ['-A', 'KUBE-MARK-MASQ', '-j', 'MARK', '--or-mark', '0x4000'],
    ['-A', 'KUBE-POSTROUTING', '-m', 'mark', '!', '--mark', '0x4000/0x4000', '-j', 'RETURN'],
    ['-A', 'KUBE-POSTROUTING', '-j', 'MARK', '--xor-mark', '0x4000'],
    ['-A', 'KUBE-POSTROUTING', '-m', 'comment', '--comment', 'kubernetes service traffic requiring SNAT', '-j', 'MASQUERADE', '--random-fully'],
  ];
  const tail: string[][] = [];
  for (const s of services) {
    const proto = s.protocol ?? 'tcp';
    const target = s.targetPort ?? s.port;
    const spn = `default/${s.name}`;
    const svc = `KUBE-SVC-${hash16(`${spn}:${proto}`)}`;
    chains.push(svc);
    const l4 = ['-p', proto, '-m', proto];
    rules.push(['-A', 'KUBE-SERVICES', '-d', `${s.clusterIP}/32`, '-p', proto, '-m', 'comment', '--comment', `${spn} cluster IP`, '-m', proto, '--dport', String(s.port), '-j', svc]);
    rules.push([
      '-A',
      svc,
      '!',
      '-s',
      podCidr,
      '-d',
      `${s.clusterIP}/32`,
      '-p',
      proto,
      '-m',
      'comment',
      '--comment',
      `${spn} cluster IP`,
      '-m',
      proto,
      '--dport',
      String(s.port),
      '-j',
      'KUBE-MARK-MASQ',
    ]);
    const n = s.endpoints.length;
    s.endpoints.forEach((e, i) => {
      const sep = `KUBE-SEP-${hash16(`${spn}:${proto}${e}:${target}`)}`;
      chains.push(sep);
      const pick = i < n - 1 ? ['-m', 'statistic', '--mode', 'random', '--probability', probability(n - i)] : [];
      rules.push(['-A', svc, '-m', 'comment', '--comment', `${spn} -> ${e}:${target}`, ...pick, '-j', sep]);
      rules.push(['-A', sep, '-s', `${e}/32`, '-m', 'comment', '--comment', spn, '-j', 'KUBE-MARK-MASQ']);
      rules.push(['-A', sep, ...l4.slice(0, 2), '-m', 'comment', '--comment', spn, ...l4.slice(2), '-j', 'DNAT', '--to-destination', `${e}:${target}`]);
    });
    if (s.nodePort !== undefined) {
      const ext = `KUBE-EXT-${hash16(`${spn}:${proto}`)}`;
      chains.push(ext);
      rules.push(['-A', 'KUBE-NODEPORTS', '-p', proto, '-m', 'comment', '--comment', spn, '-m', proto, '--dport', String(s.nodePort), '-j', ext]);
      rules.push(['-A', ext, '-m', 'comment', '--comment', `masquerade traffic for ${spn} external destinations`, '-j', 'KUBE-MARK-MASQ']);
      rules.push(['-A', ext, '-j', svc]);
    }
  }
  // the nodeports rule must be the last of KUBE-SERVICES
  tail.push([
    '-A',
    'KUBE-SERVICES',
    '-m',
    'comment',
    '--comment',
    'kubernetes service nodeports; NOTE: this must be the last rule in this chain',
    '-m',
    'addrtype',
    '--dst-type',
    'LOCAL',
    '-j',
    'KUBE-NODEPORTS',
  ]);
  return [...chains.map((c) => ['-N', c]), ...rules, ...tail];
}

/** A word as the shell reads it back: quoted when it holds anything but plain characters. */
function shellWord(w: string): string {
  return /^[A-Za-z0-9_./:=!-]+$/.test(w) ? w : `"${w}"`;
}

/** The rules as `iptables -t nat …` lines (with `ip netns exec NS ` before each when given). */
export function kubeProxyScript(rules: readonly string[][], netns: string | null = null): string {
  const pre = netns ? `ip netns exec ${netns} ` : '';
  return rules.map((r) => `${pre}iptables -t nat ${r.map(shellWord).join(' ')}\n`).join('');
}
