/**
 * Reads and validates a lab file (YAML). Every complaint names the file and line, so a user
 * can fix the file without guessing.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve, relative } from 'node:path';
import YAML, { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import { parsePrefix } from '../model/ip.js';
import { LabFileError, type Endpoint, type HostSpec, type LabSpec, type NicSpec, type RunEntry } from './spec.js';

const NAME = /^[A-Za-z0-9_.-]{1,15}$/;

export { isLabFile } from './path.js';

export function loadLabFile(file: string): LabSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new LabFileError(file, 0, 'cannot read the file');
  }
  return parseLab(text, file, (p) => readFileSync(resolve(dirname(file), p), 'utf8'), (p) => relative(process.cwd(), resolve(dirname(file), p)));
}

export function parseLab(text: string, file: string, readRel: (p: string) => string = () => { throw new Error('no files'); }, relName: (p: string) => string = (p) => p): LabSpec {
  const lc = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const lineOf = (n: Node | Pair | null | undefined): number => {
    const r = n && 'range' in n ? (n as Node).range : n && 'key' in n ? ((n.key as Node)?.range ?? null) : null;
    return r ? lc.linePos(r[0]).line : 0;
  };
  const fail = (n: Node | Pair | null | undefined, msg: string): never => {
    throw new LabFileError(file, lineOf(n), msg);
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new LabFileError(file, lc.linePos(e.pos[0]).line, e.message.split('\n')[0]);
  }
  const root = doc.contents;
  if (!isMap(root)) fail(root, 'a lab file is a map with `hosts`, and optionally `links`, `run`, `expect`, `profile`');
  const top = root as YAMLMap;
  for (const it of top.items) {
    const k = String((it.key as Node & { value?: unknown })?.toString());
    if (!['hosts', 'links', 'run', 'expect', 'profile'].includes(k)) fail(it, `unknown key "${k}" (expected hosts, links, run, expect, profile)`);
  }
  const spec: LabSpec = { file, profile: null, hosts: [], links: [], run: [], expect: [] };
  const profile = top.get('profile', true) as Node | undefined;
  if (profile) {
    if (!isScalar(profile) || !['kernel', 'systemd', 'docker'].includes(String(profile.value))) fail(profile, 'profile must be one of kernel, systemd, docker');
    spec.profile = String((profile as { value: unknown }).value);
  }

  const hosts = top.get('hosts', true) as Node | undefined;
  if (!hosts || !isMap(hosts) || !hosts.items.length) fail(hosts ?? top, '`hosts` must map host names to their NICs and setup');
  for (const it of (hosts as YAMLMap).items) {
    const name = String((it.key as { value?: unknown }).value);
    if (!NAME.test(name)) fail(it, `host name "${name}" must be 1-15 letters, digits, '.', '_' or '-'`);
    const h: HostSpec = { name, nics: [], setup: null };
    const v = it.value as Node | null;
    if (v !== null && !isMap(v)) fail(it, `host "${name}" must be a map (nics, setup)`);
    if (v) {
      for (const f of (v as YAMLMap).items) {
        const k = String((f.key as { value?: unknown }).value);
        if (k !== 'nics' && k !== 'setup') fail(f, `unknown key "${k}" in host "${name}" (expected nics, setup)`);
      }
      const nics = (v as YAMLMap).get('nics', true) as Node | undefined;
      if (nics) {
        if (!isMap(nics)) fail(nics, 'nics must map NIC names to addresses, e.g. { enp2s0: 192.168.0.16/24 }');
        for (const n of (nics as YAMLMap).items) {
          const ifname = String((n.key as { value?: unknown }).value);
          if (!NAME.test(ifname)) fail(n, `NIC name "${ifname}" is not a valid interface name (1-15 bytes)`);
          const nic: NicSpec = { name: ifname, addrs: [] };
          const val = n.value as Node | null;
          const list = val === null ? [] : isSeq(val) ? val.items : [val];
          for (const a of list as Node[]) {
            const t = String((a as { value?: unknown }).value);
            const p = parsePrefix(t);
            if (!p || p.keyword || !p.lenGiven) fail(a, `"${t}" is not an IPv4 address with a prefix length (like 192.168.0.16/24)`);
            nic.addrs.push({ addr: p!.addr, len: p!.len, text: t });
          }
          h.nics.push(nic);
        }
      }
      const setup = (v as YAMLMap).get('setup', true) as Node | undefined;
      if (setup) {
        if (!isScalar(setup) || typeof setup.value !== 'string') fail(setup, 'setup is a script file name or an inline block (setup: |)');
        const s = setup as { value: string; type?: string };
        if (s.type === 'BLOCK_LITERAL' || s.type === 'BLOCK_FOLDED' || s.value.includes('\n')) {
          h.setup = { file, text: s.value, firstLine: lineOf(setup) + (s.type?.startsWith('BLOCK') ? 1 : 0) };
        } else {
          let body: string;
          try {
            body = readRel(s.value);
          } catch {
            fail(setup, `cannot read setup script "${s.value}" (paths are relative to the lab file)`);
          }
          h.setup = { file: relName(s.value), text: body!, firstLine: 1 };
        }
      }
    }
    spec.hosts.push(h);
  }
  const hostNames = new Set(spec.hosts.map((h) => h.name));

  const links = top.get('links', true) as Node | undefined;
  const seen = new Set<string>();
  if (links) {
    if (!isSeq(links)) fail(links, 'links is a list of [host:nic, host:nic, ...]');
    for (const l of (links as { items: Node[] }).items) {
      if (!isSeq(l) || l.items.length < 2) fail(l, 'a link names two or more endpoints, e.g. [node1:enp2s0, node2:enp2s0]');
      const eps: Endpoint[] = [];
      for (const e of (l as { items: Node[] }).items) {
        const t = String((e as { value?: unknown }).value);
        const m = /^([^:]+):([^:]+)$/.exec(t);
        if (!m) fail(e, `"${t}" is not host:nic`);
        const [, host, ifname] = m!;
        const h = spec.hosts.find((x) => x.name === host);
        if (!h) fail(e, `unknown host "${host}"`);
        if (!h!.nics.some((n) => n.name === ifname)) fail(e, `host "${host}" has no NIC "${ifname}" (declare it under nics)`);
        if (seen.has(t)) fail(e, `${t} is already linked`);
        seen.add(t);
        eps.push({ host, ifname });
      }
      spec.links.push(eps);
    }
  }

  const run = top.get('run', true) as Node | undefined;
  if (run) {
    if (!isSeq(run)) fail(run, 'run is a list of `host: command` entries');
    for (const r of (run as { items: Node[] }).items) {
      if (!isMap(r) || r.items.length !== 1) fail(r, 'each run entry is `host: command`');
      const p = (r as YAMLMap).items[0];
      const host = String((p.key as { value?: unknown }).value);
      if (!hostNames.has(host)) fail(p, `unknown host "${host}"`);
      const cmd = p.value as Node;
      if (!isScalar(cmd) || typeof cmd.value !== 'string') fail(p, 'the command must be a string');
      const entry: RunEntry = { host, command: String((cmd as { value: unknown }).value), line: lineOf(p) };
      spec.run.push(entry);
    }
  }

  const expect = top.get('expect', true) as Node | undefined;
  if (expect) {
    if (!isSeq(expect)) fail(expect, 'expect is a list of intents');
    for (const e of (expect as { items: Node[] }).items) spec.expect.push({ value: (e as { toJSON(): unknown }).toJSON(), line: lineOf(e) });
  }
  return spec;
}
