/**
 * A tunnel block copied for the other end without swapping the ends (the seed's step 13-2): the
 * second socat binds the same address and port as the first, or a socat binds an address that
 * is not the host's own — the block was meant for the other node. The kernel refuses the second
 * bind while the first socat lives ("Address already in use") and any bind to a foreign address
 * ("Cannot assign requested address").
 */
import { formatEither } from '../model/ipv6/either.js';
import type { Finding, LintRule } from './rule.js';
import { socatLine, type SocatLine } from './socat-line.js';

function bindText(l: SocatLine): string | null {
  const u = l.udp;
  if (!u || (u.bind === null && u.bindPort === null)) return null;
  return `${u.bind !== null ? formatEither(u.bind) : '0.0.0.0'}:${u.bindPort ?? (u.mode === 'listen' ? u.port : 0)}`;
}

export const copiedBlock: LintRule = {
  id: 'copied-tunnel-block',
  description: 'a socat tunnel block copied for the other end without swapping the addresses',
  check({ steps }) {
    const out: Finding[] = [];
    const seen = new Map<string, SocatLine>();
    const seenTun = new Map<string, SocatLine>();
    for (const s of steps) {
      const l = socatLine(s);
      if (!l) continue;
      const b = bindText(l);
      const peer = l.udp?.peer != null ? formatEither(l.udp.peer) : null;
      const foreign = [s.stderr, ...(s.jobs ?? []).filter((j) => j.line === s.line && j.host === s.host).map((j) => j.stderr)].some((t) =>
        /E bind\(\d+, \{AF=2 [\d.]+:\d+\}, 16\): Cannot assign requested address/.test(t),
      );
      if (foreign && b) {
        out.push({
          rule: this.id,
          severity: 'error',
          file: s.file,
          line: s.line,
          host: s.host,
          message: `socat binds ${b}, which is not an address of ${l.where}: this tunnel end is written for another machine`,
          fix: `bind to ${l.where}'s own address and send to the other end's${peer ? ` (here it sends to ${peer})` : ''}`,
        });
      }
      if (b) {
        const prev = seen.get(`${l.where} ${b}`);
        if (prev) {
          out.push({
            rule: this.id,
            severity: 'error',
            file: s.file,
            line: s.line,
            host: s.host,
            message: `this socat binds ${b} again, as the one on line ${prev.step.line} does: the tunnel block was copied for the other end without swapping NODE_IP and TO_NODE_IP`,
            fix: `run the second block on the other node, binding that node's address and sending to ${b.split(':')[0]}`,
          });
          continue;
        }
        seen.set(`${l.where} ${b}`, l);
      }
      const name = l.tun?.name;
      if (name) {
        const prev = seenTun.get(`${l.where} ${name}`);
        if (prev && !(prev.step.jobs ?? []).length) {
          out.push({
            rule: this.id,
            severity: 'warning',
            file: s.file,
            line: s.line,
            host: s.host,
            message: `tun ${name} is made again, as on line ${prev.step.line}: while that socat runs this one gets "Device or resource busy"`,
            fix: 'give each tunnel its own tun-name, or run this block on the other node',
          });
        }
        seenTun.set(`${l.where} ${name}`, l);
      }
    }
    return out;
  },
};
