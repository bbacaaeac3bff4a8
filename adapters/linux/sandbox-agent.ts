/**
 * Source of the in-sandbox agent, as a string.
 *
 * The agent is run by bubblewrap (`bwrap --as-pid-1 … -- node --input-type=module -e
 * AGENT_SOURCE`, see sandbox-bwrap.ts), so it is PID 1 of a fresh PID namespace and lives in
 * fresh network, mount, UTS and IPC namespaces on a read-only root. Keeping the source in
 * a string constant means no file path has to be resolved at runtime (works the same from TS
 * sources under vitest/tsx and from a tsup bundle).
 *
 * Protocol: newline-delimited JSON. Requests on stdin `{id, op, ...}`; replies on stdout
 * `{id, result}` or `{id, error}`. Stderr is diagnostics only. EOF on stdin ends the agent
 * (and, because it is PID 1, the kernel then kills everything else in the sandbox).
 *
 * Ops:
 *   init   {hosts: string[], parentNs: {net, mnt}} -> {hosts: {name: pid}, setupMs}
 *   exec   {host, argv, timeoutMs, input?}        -> {exit, stdout, stderr, timedOut?}
 *   units  {host, units: [{ns, lines}], parallel, timeoutMs, options?} -> ExecResult of them all
 *   spawn  {host, argv}                            -> {id}
 *   status {bg}                                    -> {running, exit, stdout, stderr}
 *   cable  {a: {host, ifname}, b: {host, ifname}, timeoutMs} -> ExecResult
 *   close  {}                                      -> (agent exits)
 *
 * Hosts: with one host, that host is the sandbox root (the agent's own namespaces; bwrap made
 * its /run/netns tmpfs and brought its lo up). With several, each host is a long-lived
 * `unshare --net --mount -- sleep infinity` holder with its own tmpfs on /run/netns and its own
 * sysfs; commands for it run via
 * `nsenter -t <holder pid> -n -m -- argv...` (nsenter execs the command, no extra fork).
 *
 * Constraints on this text: it is inside a String.raw template literal, so it must not contain
 * a backtick or a dollar-brace sequence. Backslash escapes are kept verbatim, which is what JS
 * source wants.
 */
export const AGENT_SOURCE: string = String.raw`
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { constants as osConstants } from 'node:os';

const T0 = Date.now();
const ENV = {
  PATH: process.env.PATH || '/usr/sbin:/usr/bin:/sbin:/bin',
  LC_ALL: 'C',
  HOME: '/',
};
const BG_CAP = 8 * 1024 * 1024;

function log(text) {
  try { process.stderr.write('[nettwin-agent] ' + text + '\n'); } catch (e) { /* ignore */ }
}
function send(msg) {
  try { process.stdout.write(JSON.stringify(msg) + '\n'); } catch (e) { /* parent gone */ }
}
function which(cmd) {
  if (cmd.indexOf('/') >= 0) {
    try { fs.accessSync(cmd, fs.constants.X_OK); return cmd; } catch (e) { return null; }
  }
  for (const dir of ENV.PATH.split(':')) {
    if (!dir) continue;
    const p = dir + '/' + cmd;
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch (e) { /* next */ }
  }
  return null;
}
function need(cmd) {
  const p = which(cmd);
  if (!p) throw new Error('command not found in sandbox: ' + cmd);
  return p;
}
function signalExit(sig) {
  const n = sig ? osConstants.signals[sig] : undefined;
  return 128 + (typeof n === 'number' ? n : 0);
}
function killGroup(pid) {
  if (!pid) return;
  try { process.kill(-pid, 'SIGKILL'); } catch (e) { /* gone or not a group leader */ }
  try { process.kill(pid, 'SIGKILL'); } catch (e) { /* gone */ }
}
function sleepMs(ms) { return new Promise((r) => setTimeout(r, ms)); }

// ---- safety: PID 1 of our own PID namespace with our own /proc, on a read-only root ------
if (process.pid !== 1 || fs.readlinkSync('/proc/self') !== '1') {
  log('refusing to run: not PID 1 of a private PID namespace with its own /proc');
  process.exit(70);
}
for (const p of ['/', '/usr/bin', '/proc/sys/kernel']) {
  let writable = true;
  try { fs.accessSync(p, fs.constants.W_OK); } catch (e) { writable = false; }
  if (writable) {
    log('refusing to run: ' + p + ' is writable (the sandbox must see the machine read-only)');
    process.exit(70);
  }
}
const SELF_NS = {};
for (const k of ['net', 'mnt', 'uts', 'ipc']) SELF_NS[k] = fs.readlinkSync('/proc/self/ns/' + k);
const NSENTER = need('nsenter');
const UNSHARE = need('unshare');
const SLEEP = need('sleep');
need('xargs');
// bwrap made /dev/shm a private tmpfs (and /var/run a link to /run, so iproute2 finds its
// namespaces in /run/netns whatever it was built with): batch files go there.
const SCRATCH_DIR = '/dev/shm';
let scratchSeq = 0;
const NETNS_DIR = '/run/netns';

// ---- running commands ---------------------------------------------------------------------
const running = new Set();

/** Run argv (argv[0] via PATH), optionally inside host holder nsPid. Never rejects. */
function run(argv, opts) {
  const o = opts || {};
  return new Promise((resolve) => {
    if (!which(argv[0])) {
      resolve({ exit: 127, stdout: '', stderr: argv[0] + ': command not found\n' });
      return;
    }
    const file = o.nsPid ? NSENTER : argv[0];
    const args = o.nsPid
      ? ['-t', String(o.nsPid), '-n', '-m', '--'].concat(argv)
      : argv.slice(1);
    const hasInput = typeof o.input === 'string';
    let child;
    try {
      child = spawn(file, args, {
        cwd: '/',
        env: ENV,
        stdio: [hasInput ? 'pipe' : 'ignore', 'pipe', 'pipe'],
        detached: true,
      });
    } catch (e) {
      resolve({ exit: 126, stdout: '', stderr: argv[0] + ': ' + (e && e.message) + '\n' });
      return;
    }
    running.add(child);
    const out = [];
    const err = [];
    let timedOut = false;
    let done = false;
    let exitCode = null;
    let timer = null;
    let grace = null;
    const finish = () => {
      if (done) return;
      done = true;
      running.delete(child);
      if (timer) clearTimeout(timer);
      if (grace) clearTimeout(grace);
      try { child.stdout.destroy(); } catch (e) { /* ignore */ }
      try { child.stderr.destroy(); } catch (e) { /* ignore */ }
      const r = {
        exit: timedOut ? 124 : (exitCode === null ? 126 : exitCode),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (timedOut) r.timedOut = true;
      resolve(r);
    };
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', (e) => {
      if (exitCode === null) {
        exitCode = e && e.code === 'ENOENT' ? 127 : 126;
        err.push(Buffer.from(argv[0] + ': ' + (e && e.message) + '\n'));
      }
      finish();
    });
    child.on('exit', (code, sig) => {
      exitCode = code !== null ? code : signalExit(sig);
      // Output normally ends with 'close'; if a grandchild kept the pipes open, stop waiting.
      grace = setTimeout(finish, 500);
    });
    child.on('close', finish);
    if (hasInput) {
      child.stdin.on('error', () => { /* EPIPE: command did not read its input */ });
      child.stdin.end(o.input);
    }
    if (o.timeoutMs && o.timeoutMs > 0) {
      timer = setTimeout(() => { timedOut = true; killGroup(child.pid); }, o.timeoutMs);
    }
  });
}

async function runOk(argv, opts, what) {
  const r = await run(argv, opts);
  if (r.exit !== 0) throw new Error(what + ' failed (' + argv.join(' ') + '): exit ' + r.exit + ' ' + r.stderr.trim());
  return r;
}

/**
 * mount(8) calls in order, started as one xargs (a process start from the agent costs more
 * than a mount); each is padded in front with -n (no mtab) to the longest. Fails when any did.
 */
function mounts(list, o, what) {
  const width = Math.max(...list.map((a) => a.length));
  const args = list.flatMap((a) => new Array(width - a.length).fill('-n').concat(a));
  return runOk(['xargs', '-0', '-n', String(width), 'mount'], Object.assign({}, o, { input: args.join('\0') + '\0' }), what);
}

/**
 * sysfs mounted from inside this netns on /sys: /sys/class/net shows (and lets one write) only
 * its own devices. It is read-only but for the devices' own folder (/sys/devices/virtual/net,
 * where /sys/class/net/* point), so no path into it reaches the kernel's global switches
 * (/sys/kernel, /sys/power, /sys/module …). A holder also gets its own /run/netns (the root's
 * is bwrap's) and lo up (bwrap brought the root's up).
 */
// a slower kernel (user-mode Linux, one CPU) says so in init: setupTimeoutMs
let setupTimeoutMs = 60000; // a backstop: a mount that hangs
async function setupNamespace(nsPid) {
  const o = { nsPid, timeoutMs: setupTimeoutMs };
  const net = '/sys/devices/virtual/net';
  const list = [
    ['-n', '-t', 'sysfs', '-o', 'nosuid,nodev,noexec', 'sysfs', '/sys'],
    ['-n', '--bind', net, net],
    ['-n', '-o', 'remount,bind,ro,nosuid,nodev,noexec', '/sys'],
  ];
  if (!nsPid) return mounts(list, o, 'mounting sysfs');
  list.unshift(['-n', '-t', 'tmpfs', '-o', 'mode=0755,size=4m', 'nettwin-netns', NETNS_DIR]);
  await Promise.all([mounts(list, o, 'mounting tmpfs on ' + NETNS_DIR + ' and sysfs'), runOk(['ip', 'link', 'set', 'lo', 'up'], o, 'bringing lo up')]);
}

const rootReady = setupNamespace(null).then(() => log('sandbox root set up at +' + (Date.now() - T0) + ' ms'));
rootReady.catch(() => { /* reported on init */ });

/**
 * Several ip -batch runs, one per named namespace, with few process starts of our own: the
 * batches go to files in the scratch tmpfs and one xargs starts them, parallel at a time, each
 * as nsenter --net=/run/netns/NS ip -batch FILE (ip -n would also copy the mount namespace,
 * whose size grows with the namespaces: quadratic over a thousand of them). Answers
 * {exit, stdout, stderr} of the whole: 0 and nothing printed when every batch ran clean.
 */
async function runUnits(units, nsPid, parallel, timeoutMs, options) {
  const opts = Array.isArray(options) ? options : [];
  for (const u of units) {
    if (typeof u.ns !== 'string' || !/^[^\/\s\0]+$/.test(u.ns) || u.ns === '.' || u.ns === '..') throw new Error('bad namespace name: ' + JSON.stringify(u.ns));
  }
  const netnsPath = (ns) => '--net=' + NETNS_DIR + '/' + ns;
  const files = units.map(() => SCRATCH_DIR + '/b' + (++scratchSeq));
  try {
    units.forEach((u, i) => fs.writeFileSync(files[i], u.lines, { mode: 0o600 }));
    const args = [];
    units.forEach((u, i) => args.push(netnsPath(u.ns), 'ip', ...opts, '-batch', files[i]));
    return await run(['xargs', '-0', '-n', String(4 + opts.length), '-P', String(parallel), 'nsenter'], { nsPid, timeoutMs, input: args.join('\0') + '\0' });
  } finally {
    for (const f of files) { try { fs.unlinkSync(f); } catch (e) { /* gone */ } }
  }
}

// ---- hosts ----------------------------------------------------------------------------------
/** name -> { pid: number | null (null = the sandbox root), holder, dead?: string } */
const hosts = new Map();
const holders = new Set();

async function makeHost(name) {
  const holder = spawn(UNSHARE, ['--net', '--mount', '--propagation', 'private', '--', SLEEP, 'infinity'], {
    cwd: '/', env: ENV, stdio: ['ignore', 'ignore', 'pipe'],
  });
  holders.add(holder);
  let errText = '';
  holder.stderr.on('data', (b) => { errText += b.toString('utf8'); });
  let failed = null;
  holder.on('error', (e) => { failed = e; });
  holder.on('exit', (code, sig) => {
    holders.delete(holder);
    if (!failed) failed = new Error('exited (' + (code !== null ? 'code ' + code : sig) + ')');
    const h = hosts.get(name);
    if (h) {
      h.dead = 'the namespaces of host ' + name + ' are gone (their holder process ' + failed.message + ')';
      if (!shuttingDown) log(h.dead);
    }
  });
  const pid = holder.pid;
  // Wait until unshare has exec'd sleep: only then are the new namespaces in place.
  const deadline = Date.now() + 10000;
  for (;;) {
    if (failed) throw new Error('could not create namespaces for host ' + name + ': ' + failed.message + ' ' + errText.trim());
    if (pid) {
      try {
        const comm = fs.readFileSync('/proc/' + pid + '/comm', 'utf8');
        const net = fs.readlinkSync('/proc/' + pid + '/ns/net');
        const mnt = fs.readlinkSync('/proc/' + pid + '/ns/mnt');
        if (comm === 'sleep\n' && net !== SELF_NS.net && mnt !== SELF_NS.mnt) break;
      } catch (e) { /* not yet */ }
    }
    if (Date.now() > deadline) throw new Error('timed out creating namespaces for host ' + name);
    await sleepMs(1);
  }
  const tNs = Date.now();
  await setupNamespace(pid);
  hosts.set(name, { pid, holder });
  log('host ' + name + ': pid ' + pid + ', namespaces at +' + (tNs - T0) + ' ms, set up at +' + (Date.now() - T0) + ' ms');
  return pid;
}

function hostPid(name) {
  const h = hosts.get(name);
  if (!h) throw new Error('unknown host: ' + JSON.stringify(name));
  // Never nsenter a PID that may have been reused by some other process.
  if (h.dead) throw new Error(h.dead);
  return h.pid;
}

// ---- background processes -------------------------------------------------------------------
const bgs = new Map();
let bgSeq = 0;

function startBackground(argv, nsPid, emptyCwd) {
  const id = ++bgSeq;
  const entry = { child: null, running: false, exit: null, out: [], outLen: 0, err: [], errLen: 0 };
  bgs.set(id, entry);
  if (!which(argv[0])) {
    entry.exit = 127;
    entry.err.push(Buffer.from(argv[0] + ': command not found\n'));
    return id;
  }
  // a server of files (python3 -m http.server) runs in a private empty folder of the sandbox's /tmp
  const cwd = emptyCwd ? fs.mkdtempSync('/tmp/www-') : '/';
  const file = nsPid ? NSENTER : argv[0];
  const args = nsPid ? ['-t', String(nsPid), '-n', '-m', '--wd=' + cwd, '--'].concat(argv) : argv.slice(1);
  let child;
  try {
    child = spawn(file, args, { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  } catch (e) {
    entry.exit = 126;
    entry.err.push(Buffer.from(argv[0] + ': ' + (e && e.message) + '\n'));
    return id;
  }
  entry.child = child;
  entry.running = true;
  child.stdout.on('data', (b) => { if (entry.outLen < BG_CAP) { entry.out.push(b); entry.outLen += b.length; } });
  child.stderr.on('data', (b) => { if (entry.errLen < BG_CAP) { entry.err.push(b); entry.errLen += b.length; } });
  child.on('error', (e) => {
    if (entry.running) {
      entry.running = false;
      entry.exit = e && e.code === 'ENOENT' ? 127 : 126;
      entry.err.push(Buffer.from(argv[0] + ': ' + (e && e.message) + '\n'));
    }
  });
  child.on('exit', (code, sig) => {
    entry.running = false;
    entry.exit = code !== null ? code : signalExit(sig);
  });
  return id;
}

// kill of a job: by number, only these (the simulator models them), to the process started
// for that job and its group (spawned detached: nsenter then the program, one group)
const SIGNAL_NAMES = { 1: 'SIGHUP', 2: 'SIGINT', 9: 'SIGKILL', 15: 'SIGTERM' };
function signalBackground(id, signo) {
  const e = bgs.get(id);
  if (!e) throw new Error('unknown background process id: ' + id);
  const name = SIGNAL_NAMES[signo];
  if (!name) throw new Error('signal not allowed: ' + signo);
  if (!e.child || !e.running) return;
  try { process.kill(-e.child.pid, name); } catch (err) {
    try { process.kill(e.child.pid, name); } catch (err2) { /* gone */ }
  }
}

function backgroundStatus(id) {
  const e = bgs.get(id);
  if (!e) throw new Error('unknown background process id: ' + id);
  return {
    running: e.running,
    exit: e.exit,
    stdout: Buffer.concat(e.out).toString('utf8'),
    stderr: Buffer.concat(e.err).toString('utf8'),
  };
}

// ---- shutdown -------------------------------------------------------------------------------
let shuttingDown = false;
function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const e of bgs.values()) if (e.child && e.running) killGroup(e.child.pid);
  for (const c of running) killGroup(c.pid);
  for (const h of holders) { try { h.kill('SIGKILL'); } catch (e) { /* gone */ } }
  // We are PID 1: when we exit, the kernel kills whatever is left in the PID namespace, and
  // the network/mount namespaces (with every netns bind-mounted in our tmpfs) go away.
  process.exit(code || 0);
}

// ---- proxy entries --------------------------------------------------------------------------
// The kernel keeps an IPv4 proxy entry made without a device (ip neigh add proxy ADDR) after its
// namespace is gone: pneigh_ifdown drops entries by device only. A namespace made later at the
// same address (net_eq compares pointers) then finds it: it shows in that namespace's
// ip neigh show proxy, answers ARP there, and an add of the same address updates it in place
// instead of linking a new entry at the head of its bucket. So a sandbox whose requests spoke
// of proxy entries flushes them in each of its namespaces before it ends, and no later run
// (nor anything else on the machine) inherits them. (IPv6 proxy entries always have a device.)
let proxySeen = false;
/** the close request's end, once asked */
let closing = null;
async function flushProxies() {
  const o = (pid) => ({ nsPid: pid, timeoutMs: 2000 });
  await Promise.all([...hosts.values()].filter((h) => !h.dead).map((h) => Promise.all([
    run(['ip', 'neigh', 'flush', 'proxy'], o(h.pid)),
    run(['ip', '-all', 'netns', 'exec', 'ip', 'neigh', 'flush', 'proxy'], o(h.pid)),
  ])));
}

// ---- requests -------------------------------------------------------------------------------
async function handle(msg) {
  const id = msg.id;
  try {
    switch (msg.op) {
      case 'init': {
        const shared = Object.keys(SELF_NS).filter((k) => msg.parentNs && msg.parentNs[k] === SELF_NS[k]);
        if (shared.length > 0) throw new Error('refusing to run: the sandbox shares its ' + shared.join(', ') + ' namespace with its parent');
        const names = msg.hosts;
        if (typeof msg.setupTimeoutMs === 'number' && msg.setupTimeoutMs > 0) setupTimeoutMs = msg.setupTimeoutMs;
        const out = {};
        if (names.length === 1) {
          await rootReady;
          hosts.set(names[0], { pid: null, holder: null });
          out[names[0]] = process.pid;
        } else {
          // holders copy the root's mounts while it sets up; each covers /sys with its own.
          // A slow kernel (msg.hostsAtOnce: UML's one CPU) makes them a few at a time.
          const step = typeof msg.hostsAtOnce === 'number' && msg.hostsAtOnce > 0 ? msg.hostsAtOnce : names.length;
          const pids = [];
          const making = (async () => {
            if (step < names.length) await rootReady;
            for (let i = 0; i < names.length; i += step) pids.push(...(await Promise.all(names.slice(i, i + step).map((n) => makeHost(n)))));
          })();
          await Promise.all([making, rootReady]);
          names.forEach((n, i) => { out[n] = pids[i]; });
        }
        send({ id, result: { hosts: out, setupMs: Date.now() - T0 } });
        return;
      }
      case 'exec': {
        // host '' is the sandbox's own root namespace (where a multi-host lab keeps its switches)
        const nsPid = msg.host === '' ? 0 : hostPid(msg.host);
        send({ id, result: await run(msg.argv, { nsPid, timeoutMs: msg.timeoutMs, input: msg.input }) });
        return;
      }
      case 'units': {
        const nsPid = msg.host === '' ? 0 : hostPid(msg.host);
        send({ id, result: await runUnits(msg.units, nsPid, msg.parallel, msg.timeoutMs, msg.options) });
        return;
      }
      case 'spawn': {
        const nsPid = hostPid(msg.host);
        send({ id, result: { id: startBackground(msg.argv, nsPid, msg.emptyCwd === true) } });
        return;
      }
      case 'status': {
        send({ id, result: backgroundStatus(msg.bg) });
        return;
      }
      case 'signal': {
        signalBackground(msg.bg, msg.signal);
        send({ id, result: {} });
        return;
      }
      case 'cable': {
        const pa = hostPid(msg.a.host) || process.pid;
        const pb = hostPid(msg.b.host) || process.pid;
        const argv = ['ip', 'link', 'add', msg.a.ifname, 'netns', String(pa),
          'type', 'veth', 'peer', 'name', msg.b.ifname, 'netns', String(pb)];
        send({ id, result: await run(argv, { timeoutMs: msg.timeoutMs }) });
        return;
      }
      case 'close': {
        closing ??= (proxySeen ? flushProxies() : Promise.resolve()).then(() => shutdown(0));
        return;
      }
      default:
        throw new Error('unknown op: ' + msg.op);
    }
  } catch (e) {
    send({ id, error: String((e && e.message) || e) });
  }
}

let buf = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buf += chunk;
  let i;
  while ((i = buf.indexOf('\n')) >= 0) {
    const line = buf.slice(0, i);
    buf = buf.slice(i + 1);
    if (!line.trim()) continue;
    let msg;
    try { msg = JSON.parse(line); } catch (e) { log('bad request line: ' + line.slice(0, 200)); continue; }
    // user-mode Linux's serial line: a long request comes as a file of the run's inbox
    let text = line;
    if (msg && typeof msg.ref === 'string' && /^[0-9]+$/.test(msg.ref)) {
      try { text = fs.readFileSync('/run/nettwin-in/' + msg.ref + '.json', 'utf8'); msg = JSON.parse(text); } catch (e) { log('bad request file ' + msg.ref); continue; }
    }
    if (!proxySeen && text.indexOf('proxy') >= 0) proxySeen = true;
    handle(msg);
  }
});
// Parent gone (or close, which ends stdin after its request: that one finishes first).
process.stdin.on('end', () => closing ?? shutdown(0));
process.stdin.on('error', () => closing ?? shutdown(0));
process.stdout.on('error', () => shutdown(0));
`;
