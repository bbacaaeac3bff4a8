/**
 * Intents: what must hold in a lab, as a lab file's `expect` section states it (or as objects
 * of the same shape given to `lab.verify`). Parsing never throws: every entry it cannot use
 * becomes a problem with the file's line, so `nettwin verify` can list them all at once.
 *
 * ```yaml
 * expect:
 *   - reach: { from: node1/NS1, to: 172.16.1.2 }
 *   - reach: { from: node1/NS1, to: 10.96.0.10, proto: tcp, port: 80 }   # port-intent.ts
 *   - reach: { from: node1/NS1, to: 'fd00::2' }          # ping -6
 *   - reach: { from: node1/NS1, to: node2/NS1, family: 6 } # its first global IPv6 address
 *   - isolated: { from: node1/NS1, to: 192.168.0.26 }
 *   - service: { from: node1/NS1, to: 10.96.0.10, proto: tcp, port: 80 }  # every DNAT endpoint answers
 *   - via: { from: node1/NS1, to: 172.16.1.2, through: [node1, node2] }
 *   - all-reach: { among: [node1/NS1, node1/NS2, node2/NS1, node2/NS2] }
 *   - no-loops: {}
 *   - no-blackholes: { for: 172.16.0.0/16 }
 * ```
 */
import { ip4ToString, maskOf, type Ip4 } from '../model/ip.js';
import { formatIp6, isIp6LinkLocal, isIp6Multicast, parseIp6, type Ip6 } from '../model/ipv6/ip6.js';
import { ALL_NAMESPACES, expandNsNames, isNsPattern, resolveNsName } from '../labfile/ns-names.js';
import { describePort, parsePortKeys, type PortSpec } from './port-intent.js';

/**
 * A destination: an address (IPv4, or a global IPv6 one), or a namespace standing for its first
 * global address (IPv6 with `family: 6`).
 */
export type Target = { kind: 'addr'; addr: Ip4 } | { kind: 'addr6'; addr: Ip6 } | { kind: 'ns'; ns: string; family?: 6 };

export interface Prefix {
  addr: Ip4;
  len: number;
}

/**
 * One intent, parsed; `line` is its line in the lab file (or its position in a list, from 1).
 *
 * @example
 * const i: Intent = { kind: 'via', line: 7, from: 'node1/NS1', to: { kind: 'addr', addr: 0xac100102 }, through: ['node1', 'node2'] };
 */
export type Intent =
  | { kind: 'reach'; line: number; from: string; to: Target; l4?: PortSpec }
  | { kind: 'isolated'; line: number; from: string; to: Target; l4?: PortSpec }
  /** the port answers at `to`, and so does every endpoint the lab's DNAT rules send it to */
  | { kind: 'service'; line: number; from: string; to: Target; l4: PortSpec }
  | { kind: 'via'; line: number; from: string; to: Target; through: string[] }
  | { kind: 'all-reach'; line: number; among: string[] }
  | { kind: 'no-loops'; line: number }
  | { kind: 'no-blackholes'; line: number; prefix: Prefix; from: string[] | null };

export type IntentKind = Intent['kind'];

/**
 * Something wrong with an `expect` entry, at `line`.
 *
 * @example
 * const p: IntentProblem = { line: 9, message: 'unknown key "too" in reach (expected from, to, proto, port, answer)' };
 */
export interface IntentProblem {
  line: number;
  message: string;
}

/** An entry as the lab file gives it: the YAML value and its line. */
export interface RawIntent {
  value: unknown;
  line: number;
}

/** The keys each kind takes (required first), and an example for messages. */
const SHAPES: Record<IntentKind, { required: string[]; optional: string[]; example: string }> = {
  reach: { required: ['from', 'to'], optional: ['family', 'proto', 'port', 'answer'], example: 'reach: { from: node1/NS1, to: 172.16.1.2 }' },
  isolated: { required: ['from', 'to'], optional: ['family', 'proto', 'port'], example: 'isolated: { from: node1/NS1, to: 192.168.0.26 }' },
  service: { required: ['from', 'to', 'proto', 'port'], optional: [], example: 'service: { from: node1/NS1, to: 10.96.0.10, proto: tcp, port: 80 }' },
  via: { required: ['from', 'to', 'through'], optional: [], example: 'via: { from: node1/NS1, to: 172.16.1.2, through: [node1, node2] }' },
  'all-reach': { required: [], optional: ['among'], example: 'all-reach: { among: [node1/NS1, node2/NS1] }' },
  'no-loops': { required: [], optional: [], example: 'no-loops: {}' },
  'no-blackholes': { required: ['for'], optional: ['from'], example: 'no-blackholes: { for: 172.16.0.0/16 }' },
};

export const INTENT_KINDS = Object.keys(SHAPES) as IntentKind[];

const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const NS_PATH = /^[A-Za-z0-9_.-]{1,15}(\/[^/\s]+)?$/;
/** a namespace, or a glob of them (`node1/*`, `*\/NS1`) */
const NS_GLOB = /^[A-Za-z0-9_.*?-]{1,15}(\/[^/\s]+)?$/;

/** Strict dotted-quad: intents are read by people, so `10.8` is not quietly 10.8.0.0. */
export function parseAddr(text: string): Ip4 | null {
  const m = DOTTED.exec(text);
  if (!m) return null;
  const b = m.slice(1).map(Number);
  if (b.some((x) => x > 255)) return null;
  return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
}

/** `A.B.C.D/N` with no host bits set, or a message saying what is wrong. */
export function parseIntentPrefix(text: string): Prefix | string {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(text);
  if (!m) return `"${text}" is not a prefix like 172.16.0.0/16`;
  const addr = parseAddr(m[1]!);
  const len = Number(m[2]);
  if (addr === null || len > 32) return `"${text}" is not a prefix like 172.16.0.0/16`;
  const net = (addr & maskOf(len)) >>> 0;
  if (net !== addr) return `"${text}" has host bits set (did you mean ${ip4ToString(net)}/${len}?)`;
  return { addr, len };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Parses `expect` entries. Namespaces are only checked for their form here; whether they exist
 * is known once the lab ran (`unknownNamespaces`).
 *
 * @example
 * const { intents, problems } = parseIntents([{ value: { reach: { from: 'h/A', to: '10.0.0.2' } }, line: 12 }]);
 * intents[0]; // { kind: 'reach', line: 12, from: 'h/A', to: { kind: 'addr', addr: 0x0a000002 } }
 */
export function parseIntents(raw: readonly RawIntent[]): { intents: Intent[]; problems: IntentProblem[] } {
  const intents: Intent[] = [];
  const problems: IntentProblem[] = [];
  for (const r of raw) {
    const p = parseOne(r);
    if (typeof p === 'string') problems.push({ line: r.line, message: p });
    else intents.push(p);
  }
  return { intents, problems };
}

/**
 * Intents given as plain objects (the API): lines are positions in the list, from 1.
 *
 * @example
 * parseIntentValues([{ 'no-loops': {} }, { ping: {} }]).problems; // [{ line: 2, message: 'unknown intent "ping" …' }]
 */
export function parseIntentValues(values: readonly unknown[]): { intents: Intent[]; problems: IntentProblem[] } {
  return parseIntents(values.map((value, i) => ({ value, line: i + 1 })));
}

function parseOne({ value, line }: RawIntent): Intent | string {
  const kinds = INTENT_KINDS.join(', ');
  if (!isPlainObject(value)) return `an intent is a map with one key (${kinds}), e.g. \`${SHAPES.reach.example}\``;
  const keys = Object.keys(value);
  if (keys.length !== 1) return `an intent has exactly one key (${kinds}); this one has ${keys.length ? keys.join(', ') : 'none'}`;
  const kind = keys[0]! as IntentKind;
  if (!(kind in SHAPES)) return `unknown intent "${keys[0]}" (expected ${kinds})`;
  const shape = SHAPES[kind];
  let body = value[kind];
  if (body === null || body === undefined) body = {};
  if (!isPlainObject(body)) return `${kind} takes a map, e.g. \`${shape.example}\``;
  for (const k of Object.keys(body)) {
    if (!shape.required.includes(k) && !shape.optional.includes(k)) {
      const allowed = [...shape.required, ...shape.optional];
      return `unknown key "${k}" in ${kind} (${allowed.length ? `expected ${allowed.join(', ')}` : 'it takes no keys'})`;
    }
  }
  for (const k of shape.required) if (!(k in body)) return `${kind} needs "${k}", e.g. \`${shape.example}\``;

  const nsField = (k: string): string => {
    const v = body[k];
    if (typeof v !== 'string' || !NS_PATH.test(v)) throw new Problem(`${kind}: "${k}" must be a namespace, host or host/NS (got ${JSON.stringify(v)})`);
    return v;
  };
  /** A list of namespaces; with `globs`, also `all` (alone or as the whole value) and globs. */
  const nsList = (k: string, min: number, globs = false): string[] => {
    const v = globs && body[k] === ALL_NAMESPACES ? [ALL_NAMESPACES] : body[k];
    const what = globs ? `namespaces (host, host/NS or NS; globs like node1/* or */NS1; or all)` : 'namespaces (host or host/NS)';
    if (!Array.isArray(v) || v.length < min) throw new Problem(`${kind}: "${k}" must be ${globs ? 'all or ' : ''}a list of ${min > 1 ? `at least ${min} ` : ''}${what}`);
    return v.map((x, i) => {
      if (typeof x !== 'string' || !(globs ? x === ALL_NAMESPACES || NS_GLOB.test(x) : NS_PATH.test(x)))
        throw new Problem(`${kind}: ${k}[${i}] must be a namespace, host or host/NS${globs ? ', or a glob' : ''} (got ${JSON.stringify(x)})`);
      return x;
    });
  };
  const target = (k: string): Target => {
    const v = body[k];
    const text = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
    if (text === null) throw new Problem(`${kind}: "${k}" must be an IPv4 address or a namespace (got ${JSON.stringify(v)})`);
    const family = 'family' in body ? body.family : null;
    if (family !== null && family !== 4 && family !== 6) throw new Problem(`${kind}: "family" must be 4 or 6 (got ${JSON.stringify(family)})`);
    const addr = parseAddr(text);
    if (addr !== null) {
      if (family === 6) throw new Problem(`${kind}: "${text}" is an IPv4 address but "family" is 6`);
      return { kind: 'addr', addr };
    }
    if (text.includes(':')) {
      if (kind === 'via') throw new Problem(`via: IPv6 destinations are not supported yet (reach and isolated take them)`);
      const a6 = parseIp6(text);
      if (a6 === null) throw new Problem(`${kind}: "${text}" is not a valid IPv6 address`);
      if (isIp6LinkLocal(a6) || isIp6Multicast(a6) || a6 === 0n) throw new Problem(`${kind}: "${text}" is not a global unicast address (a link-local one needs a device)`);
      if (family === 4) throw new Problem(`${kind}: "${text}" is an IPv6 address but "family" is 4`);
      return { kind: 'addr6', addr: a6 };
    }
    if (/^[\d.]+$/.test(text) || text.includes('..')) throw new Problem(`${kind}: "${text}" is not a valid IPv4 address`);
    if (!NS_PATH.test(text)) throw new Problem(`${kind}: "${k}" must be an IPv4 address or a namespace (got "${text}")`);
    return family === 6 ? { kind: 'ns', ns: text, family: 6 } : { kind: 'ns', ns: text };
  };

  try {
    switch (kind) {
      case 'reach':
      case 'isolated': {
        const l4 = parsePortKeys(kind, body);
        if (typeof l4 === 'string') throw new Problem(l4);
        const from = nsField('from');
        const to = target('to');
        if (l4 && (to.kind === 'addr6' || (to.kind === 'ns' && to.family === 6))) throw new Problem(`${kind}: proto/port take IPv4 destinations for now (ping -6 intents take no port)`);
        return l4 ? { kind, line, from, to, l4 } : { kind, line, from, to };
      }
      case 'service': {
        const l4 = parsePortKeys('reach', body);
        if (l4 === null) throw new Problem('service: "proto" must be tcp or udp (got "icmp")');
        if (typeof l4 === 'string') throw new Problem(l4.replace(/^reach:/, 'service:'));
        const from = nsField('from');
        const to = target('to');
        if (to.kind !== 'addr') throw new Problem('service: "to" must be an IPv4 address (the service address its DNAT rules match)');
        return { kind, line, from, to, l4 };
      }
      case 'via':
        return { kind, line, from: nsField('from'), to: target('to'), through: nsList('through', 1) };
      case 'all-reach': {
        // no `among`: every namespace; one entry may be a pattern standing for several
        const among = 'among' in body ? nsList('among', 1, true) : [ALL_NAMESPACES];
        if (among.length < 2 && !among.some(isNsPattern)) throw new Problem('all-reach: "among" must be all, a glob, or a list of at least 2 namespaces');
        const dup = among.find((x, i) => among.indexOf(x) !== i);
        if (dup) throw new Problem(`all-reach: "${dup}" is listed twice`);
        return { kind, line, among };
      }
      case 'no-loops':
        return { kind, line };
      case 'no-blackholes': {
        const f = body.for;
        if (typeof f !== 'string') throw new Problem(`no-blackholes: "for" must be a prefix like 172.16.0.0/16 (got ${JSON.stringify(f)})`);
        const prefix = parseIntentPrefix(f);
        if (typeof prefix === 'string') throw new Problem(`no-blackholes: ${prefix}`);
        return { kind, line, prefix, from: 'from' in body ? nsList('from', 1, true) : null };
      }
    }
  } catch (e) {
    if (e instanceof Problem) return e.message;
    throw e;
  }
}

class Problem extends Error {}

/**
 * The intents with every namespace they name resolved to the lab's path by the one naming rule
 * (src/labfile/ns-names.ts: `NS1` for the only host that has it, `all` and globs in lists), and
 * a problem for each name that does not resolve, with the names meant. `known` are the lab's
 * namespace paths after it ran.
 *
 * @example
 * const { intents, problems } = resolveIntentNamespaces(parseIntentValues([{ 'all-reach': { among: 'all' } }]).intents, ['h/A', 'h/B']);
 * intents[0]; // { kind: 'all-reach', line: 1, among: ['h/A', 'h/B'] }
 */
export function resolveIntentNamespaces(intents: readonly Intent[], known: readonly string[]): { intents: Intent[]; problems: IntentProblem[] } {
  const problems: IntentProblem[] = [];
  const out: Intent[] = [];
  for (const i of intents) {
    const before = problems.length;
    const one = (name: string): string => {
      const r = resolveNsName(known, name);
      if (r.kind === 'ok') return r.path;
      problems.push({ line: i.line, message: r.message });
      return name;
    };
    const many = (names: readonly string[]): string[] => {
      const paths: string[] = [];
      for (const n of names) {
        const r = expandNsNames(known, n);
        if (r.kind === 'error') problems.push({ line: i.line, message: r.message });
        else for (const p of r.paths) if (!paths.includes(p)) paths.push(p);
      }
      return paths;
    };
    const target = (t: Target): Target => (t.kind === 'ns' ? { ...t, ns: one(t.ns) } : t);
    let r: Intent;
    switch (i.kind) {
      case 'reach':
      case 'isolated':
      case 'service':
        r = { ...i, from: one(i.from), to: target(i.to) };
        break;
      case 'via':
        r = { ...i, from: one(i.from), to: target(i.to), through: i.through.map(one) };
        break;
      case 'all-reach':
        r = { ...i, among: many(i.among) };
        if (problems.length === before && r.among.length < 2)
          problems.push({ line: i.line, message: `all-reach: ${i.among.join(', ')} stands for ${r.among.length} namespace (${r.among.join(', ')}): it takes at least 2` });
        break;
      case 'no-blackholes':
        r = { ...i, from: i.from === null ? null : many(i.from) };
        break;
      case 'no-loops':
        r = i;
        break;
    }
    out.push(r);
  }
  return { intents: out, problems };
}

/** One line naming the intent, as reports and JUnit test cases show it. */
export function describeIntent(i: Intent): string {
  const t = (x: Target) => (x.kind === 'addr' ? ip4ToString(x.addr) : x.kind === 'addr6' ? formatIp6(x.addr) : x.family === 6 ? `${x.ns} (IPv6)` : x.ns);
  switch (i.kind) {
    case 'reach':
      return `reach ${i.from} -> ${t(i.to)}${i.l4 ? describePort(i.l4) : ''}`;
    case 'isolated':
      return `isolated ${i.from} -/-> ${t(i.to)}${i.l4 ? describePort(i.l4) : ''}`;
    case 'service':
      return `service ${i.from} -> ${t(i.to)}${describePort(i.l4)} and its endpoints`;
    case 'via':
      return `via ${i.from} -> ${t(i.to)} through ${i.through.join(', ')}`;
    case 'all-reach':
      return `all-reach among ${i.among.join(', ')}`;
    case 'no-loops':
      return 'no-loops';
    case 'no-blackholes':
      return `no-blackholes for ${ip4ToString(i.prefix.addr)}/${i.prefix.len}${i.from ? ` from ${i.from.join(', ')}` : ''}`;
  }
}
