/**
 * Name lookups iptables makes through glibc (getservbyname/getservbyport on /etc/services,
 * getprotobyname/getprotobynumber on /etc/protocols), and the hosts it can resolve offline:
 * the sandbox's /etc/hosts (localhost, and nothing a DNS would answer, there being none).
 */
import { PROTOCOLS, SERVICES } from './netdb.js';

interface Service {
  name: string;
  port: number;
  proto: string;
  aliases: string[];
}

let services: Service[] | null = null;
let protocols: { name: string; num: number; aliases: string[] }[] | null = null;

function loadServices(): Service[] {
  return (services ??= SERVICES.map((l) => {
    const [name, pp, ...aliases] = l.split(' ');
    const [port, proto] = pp!.split('/');
    return { name: name!, port: Number(port), proto: proto!, aliases };
  }));
}

function loadProtocols(): { name: string; num: number; aliases: string[] }[] {
  return (protocols ??= PROTOCOLS.map((l) => {
    const [name, num, ...aliases] = l.split(' ');
    return { name: name!, num: Number(num), aliases };
  }));
}

/** getservbyname(name, proto): the port, or -1 (proto null: any protocol). */
export function serviceToPort(name: string, proto: string | null): number {
  for (const s of loadServices()) {
    if (proto !== null && s.proto !== proto) continue;
    if (s.name === name || s.aliases.includes(name)) return s.port;
  }
  return -1;
}

/** getservbyport(port, proto): the service's name, or null. */
export function portToService(port: number, proto: string): string | null {
  for (const s of loadServices()) if (s.port === port && s.proto === proto) return s.name;
  return null;
}

/** getprotobyname: the number, or -1. */
export function protoByName(name: string): number {
  for (const p of loadProtocols()) if (p.name === name || p.aliases.includes(name)) return p.num;
  return -1;
}

/** getprotobynumber: the first name, or null. */
export function protoName(num: number): string | null {
  for (const p of loadProtocols()) if (p.num === num) return p.name;
  return null;
}

/** xtables_chain_protos: the names iptables knows without /etc/protocols, first. */
export const CHAIN_PROTOS: readonly [string, number][] = [
  ['tcp', 6],
  ['sctp', 132],
  ['udp', 17],
  ['udplite', 136],
  ['icmp', 1],
  ['ipv6-icmp', 58],
  ['icmpv6', 58],
  ['esp', 50],
  ['ah', 51],
  ['mobility-header', 135],
  ['ipv6-mh', 135],
  ['mh', 135],
  ['all', 0],
];

/** proto_to_name: a chain protocol's name, else (unless `nolookup`) /etc/protocols', else null. */
export function protoToName(proto: number, nolookup: boolean): string | null {
  for (const [n, p] of CHAIN_PROTOS) if (p === proto) return n;
  if (proto && !nolookup) return protoName(proto);
  return null;
}

/** The names /etc/hosts gives an address in the sandbox (reverse lookups find nothing else). */
export function hostName(addr: number): string | null {
  if (addr === 0x7f000001) return 'localhost';
  return null;
}
