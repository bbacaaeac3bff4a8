/**
 * `curl` (7.88) over the simulator, for what tutorials check services with: an `http://ADDR[:PORT][/PATH]`
 * URL with a literal IPv4 address or a bracketed IPv6 one (`-g`, `-4`/`-6` of its family), `-s`/`-S`, `-o /dev/null`, `-w '%{http_code}'`, `-m`,
 * `--connect-timeout`, `-I`. Its exit statuses: 0 (any HTTP answer), 7 (the connect failed),
 * 28 (a timeout), 52 (the server closed without answering). The progress meter (shown without
 * `-s`) depends on the wall clock: such lines are reported not modelled. Never a name (no
 * resolver), never a file written (only -o /dev/null).
 */
import { parseIp4 } from '../../model/ip.js';
import { parseIp6 } from '../../model/ipv6/ip6.js';
import { unsupported } from '../../iproute2/types.js';
import { tcpClose, tcpWrite } from '../../../sim/tcp.js';
import type { ProgramContext, ProgramResult } from '../program.js';
import { blockingConnect, waitFor } from './connect.js';

const URL_RE = /^(?:http:\/\/)?(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\])(?::(\d{1,5}))?(\/[^\s#]*)?$/;

interface CurlOpts {
  silent: boolean;
  showError: boolean;
  out: string | null;
  write: string | null;
  maxTime: number | null;
  connectTimeout: number | null;
  head: boolean;
  url: string | null;
  /** -4 or -6: the family its name may resolve to */
  family: 4 | 6 | null;
}

const LONG: Record<string, string> = {
  '--globoff': 'g',
  '--ipv4': '4',
  '--ipv6': '6',
  '--silent': 's',
  '--show-error': 'S',
  '--output': 'o',
  '--write-out': 'w',
  '--max-time': 'm',
  '--head': 'I',
  '--connect-timeout': 'C',
};

function parse(argv: string[]): CurlOpts | { unsupported: string } {
  const o: CurlOpts = { silent: false, showError: false, out: null, write: null, maxTime: null, connectTimeout: null, head: false, url: null, family: null };
  const take = (c: string, v: string | undefined): string | null => {
    if (v === undefined) return `curl option -${c} without its value`;
    if (c === 'o') o.out = v;
    else if (c === 'w') o.write = v;
    else if (c === 'm' || c === 'C') {
      if (!/^\d+(\.\d+)?$/.test(v)) return `curl timeout ${v}`;
      if (c === 'm') o.maxTime = Number(v);
      else o.connectTimeout = Number(v);
    }
    return null;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const c = LONG[a];
      if (!c) return { unsupported: `curl option ${a}` };
      if ('owmC'.includes(c)) {
        const e = take(c, argv[++i]);
        if (e) return { unsupported: e };
      } else flag(o, c);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if ('sSIg46'.includes(c)) {
          flag(o, c);
          continue;
        }
        if ('owm'.includes(c)) {
          const e = take(c, j + 1 < a.length ? a.slice(j + 1) : argv[++i]);
          if (e) return { unsupported: e };
          break;
        }
        return { unsupported: `curl option -${c}` };
      }
      continue;
    }
    if (o.url !== null) return { unsupported: 'curl with more than one URL' };
    o.url = a;
  }
  return o;
}

function flag(o: CurlOpts, c: string): void {
  if (c === 's') o.silent = true;
  else if (c === 'S') o.showError = true;
  else if (c === 'I') o.head = true;
  else if (c === '4' || c === '6') o.family = c === '4' ? 4 : 6;
}

/** -w's format: %{http_code} and the escapes curl reads (\n, \t). */
function writeOut(fmt: string, code: number): string {
  return fmt
    .replace(/%\{http_code\}|%\{response_code\}/g, String(code).padStart(3, '0'))
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
}

/** From the response's last byte to curl's close(), µs (measured with tcpdump on this machine). */
const CLOSE_AFTER_US = 200;

/** Runs curl in the namespace of `ctx`. */
export function runCurl(ctx: ProgramContext, argv: string[]): ProgramResult {
  const o = parse(argv);
  if ('unsupported' in o) return unsupported(o.unsupported);
  if (o.url === null) return { exit: 2, stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n" };
  const m = URL_RE.exec(o.url);
  // a bracketed host is an IPv6 literal; curl names it without the brackets in its messages
  const v6 = m?.[1]?.startsWith('[') ?? false;
  const name = m ? (v6 ? m[1]!.slice(1, -1) : m[1]!) : '';
  const dst = m ? (v6 ? parseIp6(name) : parseIp4(name)) : null;
  if (!m || dst === null) return unsupported('curl to anything but http:// and a literal address');
  if (o.family !== null && o.family !== (v6 ? 6 : 4)) return unsupported(`curl -${o.family} to an address of the other family`);
  if (o.out !== null && o.out !== '/dev/null') return unsupported('curl -o other than /dev/null');
  if (o.write !== null && /%\{(?!http_code\}|response_code\})/.test(o.write)) return unsupported('curl -w variables other than %{http_code}');
  if (!o.silent) return unsupported('curl without -s (its progress meter follows the wall clock)');
  const port = m[2] ? Number(m[2]) : 80;
  if (port > 65535) return { exit: 3, stdout: '', stderr: o.showError ? 'curl: (3) URL using bad/illegal format or missing URL\n' : '' };
  const path = m[3] ?? '/';
  const { sim } = ctx;
  const t0 = sim.now;
  const maxUs = o.maxTime !== null ? o.maxTime * 1e6 : null;
  const ctUs = o.connectTimeout !== null ? o.connectTimeout * 1e6 : null;
  const connectUs = ctUs !== null && maxUs !== null ? Math.min(ctUs, maxUs) : (ctUs ?? maxUs ?? 300_000_000);
  let got = '';
  let closed = false;
  const r = blockingConnect(sim, ctx.ns, dst, port, connectUs, {
    data: (_s, _c, text) => {
      got += text;
    },
    peerClosed: () => {
      closed = true;
    },
  });
  const fail = (exit: number, msg: string, extra = ''): ProgramResult => ({ exit, stdout: o.write !== null ? writeOut(o.write, 0) : extra, stderr: o.showError ? `curl: (${exit}) ${msg}\n` : '' });
  const ms = (us: number) => Math.round(us / 1000);
  if (r.kind === 'timeout') {
    if (maxUs !== null && (ctUs === null || maxUs <= ctUs)) return fail(28, `Connection timed out after ${ms(r.us)} milliseconds`);
    return fail(28, `Failed to connect to ${name} port ${port} after ${ms(r.us)} ms: Timeout was reached`);
  }
  if (r.kind === 'error') return fail(7, `Failed to connect to ${name} port ${port} after ${ms(r.us)} ms: Couldn't connect to server`);
  // curl leaves the scheme's default port out of Host (a request to :80 says `Host: ADDR`)
  const host = m[2] && port !== 80 ? `${m[1]}:${m[2]}` : m[1]!;
  tcpWrite(sim, r.conn, `${o.head ? 'HEAD' : 'GET'} ${path} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n`);
  const limit = maxUs !== null ? t0 + maxUs - sim.now : 300_000_000;
  // curl is done when the peer closes, or once it has the headers and Content-Length bytes
  const complete = () => {
    const sep = got.indexOf('\r\n\r\n');
    if (sep < 0) return false;
    if (o.head) return true;
    const len = /\r\ncontent-length: *(\d+)/i.exec(got.slice(0, sep));
    return len !== null && got.length - sep - 4 >= Number(len[1]);
  };
  waitFor(sim, Math.max(0, limit), () => closed || complete());
  // curl takes about 0.2 ms from the response's last byte to its close() (tcpdump, here)
  if (complete()) sim.runUntil(sim.now + CLOSE_AFTER_US);
  tcpClose(sim, r.conn);
  if (complete()) closed = true;
  if (!closed) {
    if (maxUs === null) return unsupported('curl waiting for a server that never answers');
    return fail(28, `Operation timed out after ${ms(sim.now - t0)} milliseconds with ${got.length} bytes received`);
  }
  if (got === '') return fail(52, 'Empty reply from server');
  const sep = got.indexOf('\r\n\r\n');
  const headers = sep < 0 ? got : got.slice(0, sep + 4);
  const body = sep < 0 ? '' : got.slice(sep + 4);
  const code = Number(/^HTTP\/\d\.\d (\d{3})/.exec(headers)?.[1] ?? 0);
  let stdout = '';
  if (o.out === null) stdout = o.head ? headers : body;
  if (o.write !== null) stdout += writeOut(o.write, code);
  return { exit: 0, stdout, stderr: '' };
}
