/**
 * `python3 -m http.server [PORT] [--bind ADDR]` (CPython 3.11's http/server.py) over the
 * simulator, serving an empty folder (real mode runs it in a private empty one): `/` answers
 * 200 with the directory listing page, every other path 404 with the error page, as
 * SimpleHTTPRequestHandler writes them (HTTP/1.0: the server closes after answering). It prints
 * "Serving HTTP on …" on stdout and one log line per request on stderr. Only the module
 * `http.server` with a port and a bind address is modelled (never another module or script,
 * never `--directory` or `--cgi`).
 */
import { parseIp4 } from '../../model/ip.js';
import { parseIp6 } from '../../model/ipv6/ip6.js';
import { inetToString, isV6, type InetAddr } from '../../../sim/tcp-out.js';
import { unsupported } from '../../iproute2/types.js';
import type { Simulator } from '../../../sim/simulator.js';
import { tcpClose, tcpWrite } from '../../../sim/tcp.js';
import type { ProgramContext, ProgramResult } from '../program.js';
import { ListenProcess } from './listen-process.js';

/** socketserver.TCPServer.request_queue_size */
const BACKLOG = 5;
/**
 * How long the handler takes, measured here with tcpdump on the empty folder real mode serves:
 * the headers leave about 0.9 ms after the request arrived, the body once they are ACKed
 * (Nagle), and the server's FIN about 50 µs after the body left — before curl's (curl.ts).
 */
const ANSWER_US = 900;
const CLOSE_US = 50;
/** the wall clock log lines show at virtual time 0 (the same epoch as socat's log lines) */
const EPOCH_MS = Date.UTC(2022, 10, 19, 19, 39, 0);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export const LISTING = `<!DOCTYPE HTML>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Directory listing for /</title>
</head>
<body>
<h1>Directory listing for /</h1>
<hr>
<ul>
</ul>
<hr>
</body>
</html>
`;

const NOT_FOUND = `<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: 404</p>
        <p>Message: File not found.</p>
        <p>Error code explanation: 404 - Nothing matches the given URI.</p>
    </body>
</html>
`;

const two = (n: number) => String(n).padStart(2, '0');

/** BaseHTTPRequestHandler.log_date_time_string */
function logTime(sim: Simulator): string {
  const d = new Date(EPOCH_MS + Math.floor(sim.now / 1000));
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** email.utils.formatdate(usegmt=True) */
function httpDate(sim: Simulator): string {
  const d = new Date(EPOCH_MS + Math.floor(sim.now / 1000));
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`;
}

/** The answer to one request line, and the log lines it leaves. */
export function answer(sim: Simulator, client: string, request: string): { response: string; body: string; log: string } {
  const line = request.split('\r\n')[0] ?? '';
  const [method = '', target = '', version = ''] = line.split(' ');
  const path = target.split('?')[0]!.split('#')[0]!;
  const head = method === 'HEAD';
  const ok = path === '/' && (method === 'GET' || head);
  const at = `${client} - - [${logTime(sim)}]`;
  if (method !== 'GET' && !head) {
    return { response: 'HTTP/1.0 501 Unsupported method\r\n\r\n', body: '', log: `${at} code 501, message Unsupported method ('${method}')\n${at} "${line}" 501 -\n` };
  }
  const body = ok ? LISTING : NOT_FOUND;
  const status = ok ? '200 OK' : '404 File not found';
  const type = ok ? 'text/html; charset=utf-8' : 'text/html;charset=utf-8';
  const headers = ok
    ? `HTTP/1.0 ${status}\r\nServer: SimpleHTTP/0.6 Python/3.11.2\r\nDate: ${httpDate(sim)}\r\nContent-type: ${type}\r\nContent-Length: ${body.length}\r\n\r\n`
    : `HTTP/1.0 ${status}\r\nServer: SimpleHTTP/0.6 Python/3.11.2\r\nDate: ${httpDate(sim)}\r\nConnection: close\r\nContent-Type: ${type}\r\nContent-Length: ${body.length}\r\n\r\n`;
  const log = ok ? `${at} "${line}" 200 -\n` : `${at} code 404, message File not found\n${at} "${line}" 404 -\n`;
  void version;
  return { response: headers, body: head ? '' : body, log };
}

/** `python3 ARGV…`: only `-m http.server` is modelled. */
export function runPython3(ctx: ProgramContext, argv: string[]): ProgramResult {
  if (argv[0] !== '-m' || argv[1] !== 'http.server') return unsupported('python3 other than -m http.server');
  let port = 8000;
  // without --bind, http.server's DualStackServer takes getaddrinfo's first passive answer:
  // glibc sorts :: and 0.0.0.0 by the source each would be reached from (RFC 6724 rule 5,
  // matching labels): with lo up 127.0.0.1 matches 0.0.0.0's label and IPv4 comes first; with
  // lo down neither has a source and :: stays first (measured: ss shows 0.0.0.0:8000 or *:8000)
  const loUp = ctx.ns.linkList().some((l) => l.kind === 'loopback' && l.up);
  let bind: InetAddr = loUp ? 0 : 0n;
  const rest = argv.slice(2);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--bind' || a === '-b') {
      const v = rest[++i];
      const ip = v === undefined ? null : (parseIp4(v) ?? parseIp6(v));
      if (ip === null) return unsupported('http.server --bind other than an address');
      bind = ip;
    } else if (/^\d+$/.test(a)) port = Number(a);
    else return unsupported(`http.server argument ${a}`);
  }
  if (port > 65535) return unsupported('http.server on a port out of range');
  const { sim, source } = ctx;
  if (!source.background) return unsupported('python3 -m http.server in the foreground serves until it is killed; start it in the background with &');
  const p = new ListenProcess(sim, ctx.ns, source.host, source.line, source.command);
  const err = p.listen(sim, bind, port, BACKLOG, (_s, c) => {
    let req = '';
    let answering = false;
    return {
      data: (s, conn, text) => {
        req += text;
        if (answering || !req.includes('\r\n\r\n')) return;
        answering = true;
        const full = req;
        // end_headers() flushes the headers, copyfile() writes the body: two send()s
        s.queue.after(ANSWER_US, () => {
          // an IPv6 socket sees an IPv4 peer as a mapped address
          const a = answer(s, (isV6(bind) && !isV6(conn.remote) ? '::ffff:' : '') + inetToString(conn.remote), full);
          p.stderr += a.log;
          tcpWrite(s, conn, a.response);
          if (a.body) tcpWrite(s, conn, a.body);
          // its close() comes after the body has left (the FIN rides alone, as tcpdump shows)
          const closeWhenSent = () => {
            if (conn.held?.length) s.queue.after(10, closeWhenSent);
            else s.queue.after(CLOSE_US, () => tcpClose(s, conn));
          };
          closeWhenSent();
        });
      },
      peerClosed: (s, conn) => {
        // a request being answered closes when its handler returns
        if (conn === c && !answering) tcpClose(s, conn);
      },
    };
  });
  if (err) {
    p.stderr = `OSError: [Errno ${err === 'EADDRINUSE' ? '98] Address already in use' : '99] Cannot assign requested address'}\n`;
    p.end(sim, 1, `bind: ${err}`);
    return { exit: 0, stdout: '', stderr: '' };
  }
  const host = inetToString(bind);
  p.stdout = `Serving HTTP on ${host} port ${port} (http://${isV6(bind) ? `[${host}]` : host}:${port}/) ...\n`;
  return { exit: 0, stdout: '', stderr: '' };
}
