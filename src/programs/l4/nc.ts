/**
 * netcat-openbsd's `nc` over the simulator (netcat.c 1.219, Debian's): `-l` to listen in the
 * background (with `-k` for more than one connection, `-p PORT` or a port operand, an address
 * to bind), and the client: `-z` to connect and close, with `-v` saying so, `-w` to bound the
 * connect; without `-z` what comes on stdin is sent and what comes back is printed. Messages
 * and statuses are netcat's own (connect failures on stderr, status 1). A UDP listener (`-u
 * -l`) binds its socket and, without -k, connects it to the first datagram's sender (what it
 * reads is not kept: only its socket is modelled); the UDP client is nc-udp.ts; `-e`/`-c` and proxies are not modelled.
 */
import { ip4ToString, parseIp4 } from '../../model/ip.js';
import { parseIp6 } from '../../model/ipv6/ip6.js';
import { isAny, isLocalAddr, isV6, type InetAddr } from '../../../sim/tcp-out.js';
import { unsupported } from '../../iproute2/types.js';
import { STRERROR, udpTable, type UdpSocket } from '../../../sim/udp.js';
import { tcpClose, tcpWrite } from '../../../sim/tcp.js';
import type { ProgramContext, ProgramResult } from '../program.js';
import { blockingConnect, waitFor } from './connect.js';
import { ListenProcess } from './listen-process.js';
import { udpClient } from './nc-udp.js';
import { tcpServiceName } from './services.js';

const USAGE = `usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
\t  [destination] [port]
`;
const FLAGS = new Set('46CDdFhklNnrStUuvZz'.split(''));
const VALUES = new Set('IiMmOPpqsTVWwXx'.split(''));
/** what the model covers of each: the others are reported not modelled */
const MODELLED_FLAGS = new Set('klnNuvz46'.split(''));
const MODELLED_VALUES = new Set('pwsq'.split(''));
const STRERR: Record<string, string> = { ...STRERROR, ETIMEDOUT: 'Connection timed out', ECONNRESET: 'Connection reset by peer' };

interface NcOpts {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
}

function parse(argv: string[]): NcOpts | { error: string } | { unsupported: string } {
  const o: NcOpts = { flags: new Set(), values: new Map(), operands: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      o.operands.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      o.operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (FLAGS.has(c)) {
        if (!MODELLED_FLAGS.has(c)) return { unsupported: `nc option -${c}` };
        o.flags.add(c);
        continue;
      }
      if (VALUES.has(c)) {
        if (!MODELLED_VALUES.has(c)) return { unsupported: `nc option -${c}` };
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (v === undefined) return { error: `nc: option requires an argument -- '${c}'\n${USAGE}` };
        o.values.set(c, v);
        break;
      }
      return { error: `nc: invalid option -- '${c}'\n${USAGE}` };
    }
  }
  return o;
}

/** strtonum(port, 1, PORT_MAX): netcat's words for a bad port. */
function portOf(s: string): number | string {
  if (!/^-?\d+$/.test(s)) return `nc: port number invalid: ${s}\n`;
  const n = Number(s);
  if (n < 1) return `nc: port number too small: ${s}\n`;
  if (n > 65535) return `nc: port number too large: ${s}\n`;
  return n;
}

/** getaddrinfo's EAI_ADDRFAMILY in gai_strerror's words */
const EAI_ADDRFAMILY = 'Address family for hostname not supported';

/**
 * getaddrinfo of a literal address with -4 (AF_INET), -6 (AF_INET6) or neither: the address,
 * 'family' when it is not of the asked family, null when it is no literal (a host name).
 */
function literal(o: NcOpts, text: string): InetAddr | 'family' | null {
  const a = parseIp4(text) ?? parseIp6(text);
  if (a === null) return null;
  if ((o.flags.has('4') && typeof a === 'bigint') || (o.flags.has('6') && typeof a === 'number')) return 'family';
  return a;
}

/** Runs nc in the namespace of `ctx`. */
export function runNc(ctx: ProgramContext, argv: string[]): ProgramResult {
  const o = parse(argv);
  if ('unsupported' in o) return unsupported(o.unsupported);
  if ('error' in o) return { exit: 1, stdout: '', stderr: o.error };
  return o.flags.has('l') ? listen(ctx, o) : client(ctx, o);
}

function listen(ctx: ProgramContext, o: NcOpts): ProgramResult {
  const { sim, source } = ctx;
  if (o.flags.has('z')) return { exit: 1, stdout: '', stderr: 'nc: cannot use -z and -l\n' + USAGE };
  if (o.values.has('w') || o.values.has('s') || o.values.has('q')) return unsupported('nc -l with -w, -s or -q');
  const ops = [...o.operands];
  const portText = o.values.get('p') ?? ops.pop();
  if (portText === undefined) return { exit: 1, stdout: '', stderr: 'nc: missing port number\n' };
  if (ops.length > 1) return { exit: 1, stdout: '', stderr: USAGE };
  const port = portOf(portText);
  if (typeof port === 'string') return { exit: 1, stdout: '', stderr: port };
  // local_listen: getaddrinfo(NULL, port, AI_PASSIVE) answers 0.0.0.0 first, `::` alone with -6
  let local: InetAddr = o.flags.has('6') ? 0n : 0;
  if (ops.length === 1) {
    const a = literal(o, ops[0]!);
    if (a === null) return unsupported('nc -l on a host name');
    if (a === 'family') return { exit: 1, stdout: '', stderr: `nc: getaddrinfo: ${EAI_ADDRFAMILY}\n` };
    local = a;
  }
  // a bind that fails ends nc at once, in the foreground too
  if (!isLocalAddr(sim, sim.state(ctx.ns), local)) return { exit: 1, stdout: '', stderr: `nc: ${STRERR.EADDRNOTAVAIL}\n` };
  if (!source.background) return unsupported('nc -l in the foreground waits for a peer forever; start it in the background with &');
  const p = new ListenProcess(sim, ctx.ns, source.host, source.line, source.command);
  if (o.flags.has('u')) {
    const bound = local;
    // without -k, the first datagram's sender becomes the peer (recvfrom MSG_PEEK, then connect)
    const connect = (src: InetAddr, sport: number, dst: InetAddr) => {
      if (o.flags.has('k') || sock.remote !== null) return;
      sock.remote = src;
      sock.remotePort = sport;
      if (isAny(sock.local)) sock.local = dst;
      if (isV6(bound) && !isV6(src)) sock.v6 = true;
    };
    const sock: UdpSocket = {
      ns: ctx.ns,
      local,
      port,
      remote: null,
      remotePort: 0,
      // a fork (explain) watching leaves the process as it is
      onDatagram: (s, pkt) => s === sim && connect(pkt.ip.src, pkt.udp!.srcPort, pkt.ip.dst),
      onDatagram6: (s, pkt) => s === sim && connect(pkt.ip6.src, pkt.udp!.srcPort, pkt.ip6.dst),
      onError() {},
    };
    const err = udpTable(sim).bind(sim, sock);
    if (err) p.end(sim, 1, `bind: ${err}`);
    if (err) p.stderr = `nc: ${STRERR[err] ?? err}\n`;
    return { exit: 0, stdout: '', stderr: '' };
  }
  const keep = o.flags.has('k');
  // netcat sets SO_REUSEADDR and SO_REUSEPORT: another nc on the port does not stop it
  const err = p.listen(sim, local, port, 1, (s, _c, proc) => {
    if (!keep) proc.unlisten(s);
    return {
      data: (_s, _c, text) => {
        proc.stdout += text;
      },
      peerClosed: (s2, c2) => {
        tcpClose(s2, c2);
        if (!keep) proc.end(s2, 0, 'its peer closed the connection');
      },
    };
  });
  if (err) {
    p.stderr = `nc: ${STRERR[err] ?? err}\n`;
    p.end(sim, 1, `listen: ${err}`);
  }
  return { exit: 0, stdout: '', stderr: '' };
}

function client(ctx: ProgramContext, o: NcOpts): ProgramResult {
  const { sim } = ctx;
  if (o.flags.has('k')) return { exit: 1, stdout: '', stderr: 'nc: must use -l with -k\n' + USAGE };
  if (o.operands.length === 0) return { exit: 1, stdout: '', stderr: USAGE };
  if (o.operands.length === 1) return { exit: 1, stdout: '', stderr: 'nc: missing port number\n' };
  const [host, ...ports] = o.operands as [string, ...string[]];
  const dst = literal(o, host);
  if (dst === null) return unsupported('nc to a host name (only literal addresses are modelled)');
  if (dst === 'family') return { exit: 1, stdout: '', stderr: `nc: getaddrinfo for host "${host}" port ${ports[0]}: ${EAI_ADDRFAMILY}\n` };
  if (o.values.has('s') || o.values.has('p')) return unsupported('nc -s/-p as a client');
  const nums: number[] = [];
  for (const pt of ports) {
    if (pt.includes('-')) return unsupported('nc port ranges');
    const n = portOf(pt);
    if (typeof n === 'string') return { exit: 1, stdout: '', stderr: n };
    nums.push(n);
  }
  let timeoutUs: number | null = null;
  const w = o.values.get('w');
  if (w !== undefined) {
    if (!/^\d+$/.test(w)) return { exit: 1, stdout: '', stderr: `nc: timeout invalid: ${w}\n` };
    timeoutUs = Number(w) * 1_000_000;
  }
  const v = o.flags.has('v');
  if (o.flags.has('u')) {
    return udpClient(ctx, { verbose: v, scan: o.flags.has('z'), waitUs: timeoutUs, host, dst, ports: nums }, STRERR);
  }
  let stderr = '';
  let stdout = '';
  let exit = 1;
  for (const port of nums) {
    let closed = false;
    const r = blockingConnect(sim, ctx.ns, dst, port, timeoutUs, {
      data: (_s, _c, text) => {
        stdout += text;
      },
      peerClosed: () => {
        closed = true;
      },
    });
    if (r.kind === 'timeout') {
      if (v) stderr += `nc: connect to ${host} port ${port} (tcp) timed out: Operation now in progress\n`;
      continue;
    }
    if (r.kind === 'error') {
      if (v) stderr += `nc: connect to ${host} port ${port} (tcp) failed: ${STRERR[r.errno] ?? r.errno}\n`;
      continue;
    }
    exit = 0;
    if (v) stderr += `Connection to ${typeof dst === 'bigint' ? host : ip4ToString(dst)} ${port} port [tcp/${tcpServiceName(port)}] succeeded!\n`;
    if (!o.flags.has('z')) {
      const input = ctx.stdin ?? '';
      if (input) tcpWrite(sim, r.conn, input);
      // stdin ends: without -N nc keeps reading until the peer closes or -w passes
      if (o.flags.has('N')) tcpClose(sim, r.conn);
      waitFor(sim, timeoutUs ?? 10_000_000, () => closed);
      if (!closed && timeoutUs === null) return unsupported('nc waits for its peer to close the connection');
    }
    tcpClose(sim, r.conn);
    sim.runUntil(sim.now + sim.latency * 4);
    if (!o.flags.has('z')) break;
  }
  return { exit, stdout, stderr };
}
