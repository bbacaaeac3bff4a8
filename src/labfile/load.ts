/**
 * Reads and validates a lab file (YAML). Every complaint names the file and line, so a user
 * can fix the file without guessing. Aliases (`nics: *n`) are read as the node they name.
 */
import YAML, { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { FileRefused, readTextFile } from '../files/read-text.js';
import { parsePrefix } from '../model/ip.js';
import { KERNEL_PROFILES } from '../model/kernel-profile.js';
import { readSetupFile, SetupRefused, type SetupFileOptions } from './setup-file.js';
import { LAB_NAME, LabFileError, type Endpoint, type HostSpec, type LabSpec, type NicSpec, type RunEntry } from './spec.js';
import { parseYaml } from './yaml-syntax.js';

const NAME = /^[A-Za-z0-9_.-]{1,15}$/;

/**
 * The link attributes a lab file may give a cable (Mininet's names), the netem word each
 * becomes, and the form of its value: a time, a percentage, a rate (tc's units).
 */
const LINK_ATTRS: ReadonlyArray<[key: string, word: string, form: RegExp, what: string]> = [
  ['delay', 'delay', /^\d+(\.\d+)?(s|ms|us)$/, 'a time (10ms, 1s, 500us)'],
  ['jitter', 'jitter', /^\d+(\.\d+)?(s|ms|us)$/, 'a time (10ms, 1s, 500us)'],
  ['loss', 'loss', /^\d+(\.\d+)?%$/, 'a percentage (1%)'],
  ['rate', 'rate', /^\d+(\.\d+)?([kmgt]?bit|[kmgt]?bps)$/i, 'a rate (10mbit, 512kbit)'],
];

/** The largest lab file read: 1 MiB holds thousands of hosts (setup scripts are read apart). */
export const MAX_LAB_BYTES = 1024 * 1024;
/** Values read from a lab with its aliases expanded: more than a 1 MiB file can hold without them. */
const MAX_READ = 1_000_000;
/** Nesting of an intent with its aliases expanded. */
const MAX_ALIAS_DEPTH = 64;

/**
 * Why `name` cannot name a host or NIC, or null: what the kernel takes as an interface name
 * (dev_valid_name: 1-15 bytes, not `.` or `..`), kept to letters, digits, '.', '_' and '-', and
 * not starting with '-' (a command line would read it as an option).
 */
function nameProblem(what: string, name: string): string | null {
  const q = JSON.stringify(name);
  if (!NAME.test(name)) return `${what} ${q} must be 1-15 letters, digits, '.', '_' or '-'`;
  if (name === '.' || name === '..') return `${what} ${q} is not a valid name (the kernel refuses "." and "..")`;
  if (name.startsWith('-')) return `${what} ${q} must not start with '-'`;
  return null;
}

export { isLabFile } from './path.js';

/**
 * loadLabFile's options.
 *
 * @example loadLabFile('lab.yaml', { allowOutside: true })
 */
export interface LoadLabOptions extends SetupFileOptions {}

/**
 * Reads, checks and returns a lab file. Throws LabFileError (`FILE:LINE: why`) for a file that
 * cannot be read or used, a setup script outside its folder (unless `allowOutside`), or one
 * that is not a regular text file.
 *
 * @example loadLabFile('examples/seed/lab.yaml').hosts.map((h) => h.name) // ['node1', 'node2']
 */
export function loadLabFile(file: string, opts: LoadLabOptions = {}): LabSpec {
  let text: string;
  try {
    text = readTextFile(file, { maxBytes: MAX_LAB_BYTES });
  } catch (e) {
    throw new LabFileError(file, 0, e instanceof FileRefused ? e.reason : 'cannot read the file');
  }
  const read = new Map<string, { file: string; text: string }>();
  const setup = (p: string) => {
    let r = read.get(p);
    if (!r) read.set(p, (r = readSetupFile(file, p, opts)));
    return r;
  };
  return parseLab(
    text,
    file,
    (p) => setup(p).text,
    (p) => setup(p).file,
  );
}

/**
 * Checks a lab file's text. `readRel` reads a setup script named in it (a SetupRefused it
 * throws becomes the complaint), `relName` names it for messages.
 *
 * @example parseLab('hosts: { h1: { nics: { eth0: 10.0.0.1/24 } } }', 'lab.yaml').hosts[0].nics[0].addrs[0].text // '10.0.0.1/24'
 */
export function parseLab(
  text: string,
  file: string,
  readRel: (p: string) => string = () => {
    throw new Error('no files');
  },
  relName: (p: string) => string = (p) => p,
): LabSpec {
  const parsed = parseYaml(text);
  if (!('doc' in parsed)) throw new LabFileError(file, text.slice(0, parsed.offset).split('\n').length, parsed.message.split('\n')[0]);
  const { doc, lines: lc } = parsed;
  const lineOf = (n: Node | Pair | null | undefined): number => {
    const r = n && 'range' in n ? (n as Node).range : n && 'key' in n ? ((n.key as Node)?.range ?? null) : null;
    return r ? lc.linePos(r[0]).line : 0;
  };
  const fail = (n: Node | Pair | null | undefined, msg: string): never => {
    throw new LabFileError(file, lineOf(n), msg);
  };
  // what each alias names, found in one pass (yaml's Alias.resolve walks the whole document
  // for every alias: quadratic in a file of many aliases)
  const named = new Map<unknown, Node>();
  const anchors = new Map<string, Node>();
  YAML.visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) named.set(node, target);
      } else if ((node as { anchor?: string }).anchor) anchors.set((node as { anchor: string }).anchor, node);
    },
  });
  /** The node an alias names (the node itself otherwise). */
  const deref = (n: unknown): Node | null => (isAlias(n) ? (named.get(n) ?? null) : ((n as Node | null | undefined) ?? null));
  // Every value read is counted: a 1 MiB file holds fewer than MAX_READ, so only aliases that
  // copy big parts many times (a "billion laughs") reach it, and then reading ends.
  let read = 0;
  const tick = (at: Node | Pair | null | undefined): void => {
    if (++read > MAX_READ) fail(at, `aliases copy more than ${MAX_READ} values`);
  };
  /** A scalar's value as text (null for a collection or nothing). */
  const scalarText = (n: unknown): string | null => {
    const v = deref(n);
    return isScalar(v) && v.value !== null && typeof v.value !== 'object' ? String(v.value) : null;
  };
  /** The value of `key` in a map, aliases resolved; `at` is the node to blame. */
  const field = (m: YAMLMap, key: string): { value: Node | null; at: Node | Pair } | undefined => {
    const p = m.items.find((it) => scalarText(it.key) === key);
    return p ? { value: deref(p.value), at: (isAlias(p.value) ? p.value : (p.value as Node | null)) ?? p } : undefined;
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new LabFileError(file, lc.linePos(e.pos[0]).line, e.message.split('\n')[0]);
  }
  // duplicate keys, found with a set per map (parseYaml leaves them to us)
  YAML.visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const it of map.items) {
        const k = isScalar(it.key) ? it.key.value : it.key;
        if (seen.has(k)) fail(it, 'Map keys must be unique');
        seen.add(k);
      }
    },
  });
  const root = deref(doc.contents);
  if (!isMap(root)) return fail(root, 'a lab file is a map with `hosts`, and optionally `name`, `links`, `run`, `expect`, `profile`, `kernel`');
  const top = root;
  for (const it of top.items) {
    const k = scalarText(it.key);
    if (k === null || !['name', 'hosts', 'links', 'run', 'expect', 'profile', 'kernel'].includes(k))
      fail(it, `unknown key ${JSON.stringify(k ?? String(it.key))} (expected name, hosts, links, run, expect, profile, kernel)`);
  }
  const spec: LabSpec = { file, name: null, profile: null, hosts: [], links: [], run: [], expect: [] };
  const labName = field(top, 'name');
  if (labName) {
    const v = scalarText(labName.value);
    if (v === null || !LAB_NAME.test(v)) fail(labName.at, 'name must be 1-6 lower-case letters or digits, a letter first (e.g. seed): persisted namespaces are named nt-<name>-… within 15 bytes');
    spec.name = v;
  }
  const profile = field(top, 'profile');
  if (profile) {
    const v = scalarText(profile.value);
    if (v === null || !['kernel', 'systemd', 'docker'].includes(v)) fail(profile.at, 'profile must be one of kernel, systemd, docker');
    spec.profile = v;
  }
  const kernel = field(top, 'kernel');
  if (kernel) {
    const v = scalarText(kernel.value);
    const known = ['auto', ...Object.keys(KERNEL_PROFILES)];
    if (v === null || !known.includes(v)) fail(kernel.at, `kernel must be one of ${known.join(', ')}`);
    spec.kernel = v;
  }

  const hosts = field(top, 'hosts');
  if (!hosts || !isMap(hosts.value) || !hosts.value.items.length) return fail(hosts?.at ?? top, '`hosts` must map host names to their NICs and setup');
  for (const it of hosts.value.items) {
    tick(it);
    const name = scalarText(it.key) ?? '';
    const bad = nameProblem('host name', name);
    if (bad) fail(it, bad);
    const h: HostSpec = { name, nics: [], setup: null };
    const v = deref(it.value);
    if (v !== null && !isMap(v)) fail(it, `host "${name}" must be a map (nics, setup)`);
    if (isMap(v)) {
      for (const f of v.items) {
        const k = scalarText(f.key);
        if (k !== 'nics' && k !== 'setup') fail(f, `unknown key ${JSON.stringify(k ?? String(f.key))} in host "${name}" (expected nics, setup)`);
      }
      const nics = field(v, 'nics');
      if (nics && nics.value !== null) {
        // a map of NIC names to addresses (none, one or a list), or a list of NIC names
        const entries: { key: unknown; value: unknown; at: Node | Pair }[] = isMap(nics.value)
          ? nics.value.items.map((n) => ({ key: n.key, value: n.value, at: n }))
          : isSeq(nics.value)
            ? nics.value.items.map((n) => ({ key: n, value: null, at: (n as Node | null) ?? nics.at }))
            : fail(nics.at, 'nics maps NIC names to addresses, e.g. { enp2s0: 192.168.0.16/24, eth1: }, or lists NIC names, e.g. [eth0, eth1]');
        for (const n of entries) {
          tick(nics.at);
          const ifname = scalarText(n.key) ?? '';
          const badNic = nameProblem('NIC name', ifname);
          if (badNic) fail(n.at, badNic);
          if (h.nics.some((x) => x.name === ifname)) fail(n.at, `host "${name}" has NIC "${ifname}" twice`);
          const nic: NicSpec = { name: ifname, addrs: [] };
          const val = deref(n.value);
          // `eth1:` with nothing after it: a NIC without an address
          const list = val === null || (isScalar(val) && val.value === null) ? [] : isSeq(val) ? val.items : [val];
          for (const a of list) {
            tick(nics.at);
            const t = scalarText(a);
            const p = t === null ? null : parsePrefix(t);
            if (!p || p.keyword || !p.lenGiven) fail((a as Node) ?? n.at, `${JSON.stringify(t ?? '(not text)')} is not an IPv4 address with a prefix length (like 192.168.0.16/24)`);
            nic.addrs.push({ addr: p!.addr, len: p!.len, text: t! });
          }
          h.nics.push(nic);
        }
      }
      const setup = field(v, 'setup');
      if (setup) {
        const sv = setup.value;
        if (!isScalar(sv) || typeof sv.value !== 'string') return fail(setup.at, 'setup is a script file name or an inline block (setup: |)');
        const s = sv as { value: string; type?: string };
        if (s.type === 'BLOCK_LITERAL' || s.type === 'BLOCK_FOLDED' || s.value.includes('\n')) {
          h.setup = { file, text: s.value, firstLine: lineOf(sv) + (s.type?.startsWith('BLOCK') ? 1 : 0) };
        } else {
          let body = '';
          let shown = s.value;
          try {
            body = readRel(s.value);
            shown = relName(s.value);
          } catch (e) {
            fail(setup.at, e instanceof SetupRefused ? e.message : `cannot read setup script ${JSON.stringify(s.value)} (paths are relative to the lab file)`);
          }
          h.setup = { file: shown, text: body, firstLine: 1 };
        }
      }
    }
    spec.hosts.push(h);
  }
  const hostNames = new Set(spec.hosts.map((h) => h.name));
  const nicsOf = new Map(spec.hosts.map((h) => [h.name, new Set(h.nics.map((n) => n.name))]));

  const links = field(top, 'links');
  const seen = new Set<string>();
  if (links && links.value !== null) {
    if (!isSeq(links.value)) fail(links.at, 'links is a list of [host:nic, host:nic, ...]');
    for (const item of (links.value as { items: unknown[] }).items) {
      let l = deref(item);
      // Mininet's form: { ends: [a:eth0, b:eth0], delay: 10ms, loss: 1%, rate: 10mbit }
      let impair: string[] = [];
      if (isMap(l)) {
        const m = l;
        for (const it of m.items) {
          const k = scalarText(it.key) ?? '';
          if (k !== 'ends' && !LINK_ATTRS.some(([a]) => a === k)) fail(it, `unknown link key ${JSON.stringify(k)} (expected ends, ${LINK_ATTRS.map(([a]) => a).join(', ')})`);
        }
        impair = LINK_ATTRS.flatMap(([key, word, re, what]) => {
          const f = field(m, key);
          if (!f) return [];
          const v = scalarText(f.value) ?? '';
          if (!re.test(v)) fail(f.at, `${key} is ${what}, not ${JSON.stringify(v)}`);
          return [word, v];
        });
        if (impair[0] === 'jitter') fail(m, 'jitter goes with a delay');
        l = field(m, 'ends')?.value ?? null;
      }
      if (!isSeq(l) || l.items.length < 2) return fail((item as Node) ?? links.at, 'a link names two or more endpoints, e.g. [node1:enp2s0, node2:enp2s0]');
      const eps: Endpoint[] = [];
      for (const e of l.items as Node[]) {
        tick((item as Node) ?? links.at);
        const t = scalarText(e) ?? '';
        const m = /^([^:]+):([^:]+)$/.exec(t);
        if (!m) return fail(e, `${JSON.stringify(t)} is not host:nic`);
        const [, host, ifname] = m;
        const nics = nicsOf.get(host);
        if (!nics) return fail(e, `unknown host "${host}"`);
        if (!nics.has(ifname)) fail(e, `host "${host}" has no NIC "${ifname}" (declare it under nics)`);
        if (seen.has(t)) fail(e, `${t} is already linked`);
        seen.add(t);
        eps.push({ host, ifname });
      }
      spec.links.push(eps);
      // a link's impairments are tc on each end, before the run list, in both modes: a rate alone
      // is Mininet's htb (TCLink's bw: a root htb whose default class has the rate, burst 15k);
      // with a delay or loss, netem carries the rate too (a netem under htb is not modelled)
      const line = lineOf((item as Node) ?? links.at);
      if (impair.length === 2 && impair[0] === 'rate')
        for (const ep of eps) {
          spec.run.push({ host: ep.host, command: `tc qdisc add dev ${ep.ifname} root handle 5: htb default 1`, line });
          spec.run.push({ host: ep.host, command: `tc class add dev ${ep.ifname} parent 5: classid 5:1 htb rate ${impair[1]} burst 15k`, line });
        }
      else if (impair.length)
        for (const ep of eps)
          spec.run.push({ host: ep.host, command: ['tc', 'qdisc', 'add', 'dev', ep.ifname, 'root', 'netem', ...impair.map((w) => (w === 'jitter' ? '' : w))].filter((w) => w !== '').join(' '), line });
    }
  }

  const run = field(top, 'run');
  if (run && run.value !== null) {
    if (!isSeq(run.value)) fail(run.at, 'run is a list of `host: command` entries');
    for (const item of (run.value as { items: unknown[] }).items) {
      tick((item as Node) ?? run.at);
      const r = deref(item);
      if (!isMap(r) || r.items.length !== 1) return fail((item as Node) ?? run.at, 'each run entry is `host: command`');
      const p = r.items[0];
      const host = scalarText(p.key) ?? '';
      if (!hostNames.has(host)) fail(p, `unknown host ${JSON.stringify(host)}`);
      const cmd = deref(p.value);
      if (!isScalar(cmd) || typeof cmd.value !== 'string') return fail(p, 'the command must be a string');
      const entry: RunEntry = { host, command: cmd.value, line: lineOf(isAlias(item) ? (item as Node) : p) };
      spec.run.push(entry);
    }
  }

  const expect = field(top, 'expect');
  if (expect && expect.value !== null) {
    if (!isSeq(expect.value)) fail(expect.at, 'expect is a list of intents');
    // an intent with its aliases expanded: every value counted, nesting bounded (a cycle ends)
    const plain = (n: unknown, depth: number, at: Node): unknown => {
      tick(at);
      if (depth > MAX_ALIAS_DEPTH) fail(at, 'aliases nest too deep in this intent (an alias inside what it names?)');
      const v = deref(n);
      if (isScalar(v)) return v.value;
      if (isSeq(v)) return v.items.map((x) => plain(x, depth + 1, at));
      if (isMap(v)) return Object.fromEntries(v.items.map((p) => [String(plain(p.key, depth + 1, at)), plain(p.value, depth + 1, at)]));
      return null;
    };
    for (const e of (expect.value as { items: Node[] }).items) spec.expect.push({ value: plain(e, 0, e), line: lineOf(e) });
  }
  return spec;
}
