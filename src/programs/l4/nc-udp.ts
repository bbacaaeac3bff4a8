/**
 * netcat-openbsd's UDP client (`nc -u`, Debian's 1.219), as measured on the kernel: the socket
 * is connected (a route error fails at once: "connect to … (udp) failed", with -v); with -v,
 * `udptest` writes a one-byte "X" twice at once and then once a second (at most four writes)
 * until the wait passes (-w, else 3 s), and a write that meets the port unreachable an earlier
 * one drew (a closed port) ends nc silently with status 1; other errors (a REJECT's
 * host-prohibited) do not, and it says "succeeded!" — but a write that returns an error sends
 * nothing (ip6tables counts two datagrams of three). Either family: IPv6 addresses too. Without
 * -v, `-z` sends nothing and succeeds. Without -z, stdin goes out as one datagram and nc waits
 * -w for an answer; an ICMP error ends the wait early, with status 0. Answers' bytes are not
 * modelled (no simulated UDP service answers with data).
 */
import { ip4ToString } from '../../model/ip.js';
import { isV6, type InetAddr } from '../../../sim/tcp-out.js';
import { unsupported } from '../../iproute2/types.js';
import { connectRoute, udpSend, udpTable, type UdpSocket } from '../../../sim/udp.js';
import type { ProgramContext, ProgramResult } from '../program.js';
import { udpServiceName } from './services.js';

export interface UdpClientOpts {
  verbose: boolean;
  scan: boolean;
  /** -w, µs, or null */
  waitUs: number | null;
  host: string;
  dst: InetAddr;
  ports: number[];
}

/** UDP_SCAN_TIMEOUT: udptest's wait when -w is not given */
const SCAN_WAIT_US = 3_000_000;
/** the moments of udptest's writes, µs after the first */
const WRITES_US = [0, 0, 1_000_000, 2_000_000];
/** how long "at once" is: the kernel's answer to the first write is in before the second */
const AT_ONCE_US = 1_000;

export function udpClient(ctx: ProgramContext, o: UdpClientOpts, strerr: Record<string, string>): ProgramResult {
  const { sim } = ctx;
  sim.sync();
  const table = udpTable(sim);
  let exit = 1;
  let stderr = '';
  for (const port of o.ports) {
    const route = connectRoute(sim, ctx.ns, 0, o.dst);
    if (route.kind === 'error') {
      if (o.verbose) stderr += `nc: connect to ${o.host} port ${port} (udp) failed: ${strerr[route.errno] ?? route.errno}\n`;
      continue;
    }
    let error: string | null = null;
    let answered = false;
    const sock: UdpSocket = {
      ns: ctx.ns,
      local: route.src,
      port: 0,
      remote: o.dst,
      remotePort: port,
      onDatagram() {
        answered = true;
      },
      onError(_s, errno) {
        error ??= errno;
      },
    };
    const bound = table.bind(sim, sock);
    if (bound) return unsupported(`nc -u: bind ${bound}`);
    try {
      if (o.verbose) {
        const t0 = sim.now;
        const wait = o.waitUs ?? SCAN_WAIT_US;
        let failed = false;
        for (let i = 0; i < WRITES_US.length; i++) {
          const at = WRITES_US[i]!;
          if (at > wait) break;
          sim.runUntil(t0 + (i === 1 ? AT_ONCE_US : at));
          // the socket's pending error is what this write returns, and nothing goes out: only a
          // refusal fails the test
          const pending = error;
          error = null;
          if (pending === 'ECONNREFUSED') {
            failed = true;
            break;
          }
          if (pending === null) udpSend(sim, sock, o.dst, port, null, 1);
        }
        if (failed) continue;
        sim.runUntil(t0 + wait);
        stderr += `Connection to ${isV6(o.dst) ? o.host : ip4ToString(o.dst)} ${port} port [udp/${udpServiceName(port)}] succeeded!\n`;
      }
      exit = 0;
      if (o.scan) continue;
      const input = ctx.stdin ?? '';
      if (input) udpSend(sim, sock, o.dst, port, null, Buffer.byteLength(input));
      const limit = o.waitUs ?? 10_000_000;
      sim.runUntil(sim.now + limit, () => error !== null || answered);
      if (answered) return unsupported('nc -u printing what its peer answers');
      if (!error && o.waitUs === null) return unsupported('nc -u without -w waits for its peer forever');
      break;
    } finally {
      table.close(sock);
    }
  }
  return { exit, stdout: '', stderr };
}
