/**
 * `run --real --pcap DIR`: the kernel's side of a capture, in the simulator's layout
 * (`DIR/<host>/<device>.pcap` for a host's own namespace, `DIR/<host>/<NS>/<device>.pcap` for a
 * named one), so the two can be compared packet by packet. Before anything that makes traffic
 * (a ping, a socat), every device of every namespace of the lab's hosts that is not captured
 * yet gets its own `tcpdump -w` inside the sandbox (`-Z root`: tcpdump would drop to a user the
 * sandbox does not have, SECURITY.md), which is what `tcpdump -p -i DEV` on that device sees: the
 * frames it sends and receives, Ethernet headers included (never promiscuous: a bridge in
 * promiscuous mode passes up every frame it forwards, which would change what the lab does). Devices that carried nothing are
 * left out, as the simulator leaves them out. The machine room of a lab (switches, the far ends
 * of NICs without a cable) is captured by the simulator only.
 */
import { readPcap } from '../../sim/pcap/reader.js';
import { whichIn } from './preconditions.js';
import type { Sandbox } from './sandbox.js';
import { SANDBOX_PATH } from './sandbox-bwrap.js';

/**
 * What keeps `--real --pcap` from capturing here (tcpdump missing from what the sandbox sees).
 *
 * @example requireRealMode(undefined, tcpdumpProblems())
 */
export function tcpdumpProblems(which: (cmd: string) => string | null = (cmd) => whichIn(SANDBOX_PATH, cmd)): string[] {
  return which('tcpdump') ? [] : ['missing `tcpdump` (install the Debian package tcpdump): --real --pcap captures with it in the sandbox'];
}

/** One capture file taken on the kernel. */
export interface KernelPcap {
  /** the namespace path as the simulator names it: `host` or `host/NS` */
  ns: string;
  dev: string;
  /** relative path: `NS-PATH/DEV.pcap` */
  path: string;
  packets: number;
  bytes: Uint8Array;
}

interface Running {
  sbHost: string;
  ns: string | null;
  dev: string;
  /** one file per tcpdump: a device deleted and made again under its name gets a new one */
  files: string[];
  id: number;
}

/** Where tcpdump writes inside the sandbox (its private /tmp). */
const INSIDE = '/tmp/nettwin-pcap';
const NAME = /^[A-Za-z0-9_.:@-]{1,64}$/;

/**
 * The captures of one real run. `hosts` are the sandbox hosts that are the lab's hosts (the
 * script's `host` for a single script).
 *
 * @example
 * const cap = new KernelCapture(['host']);
 * await runScriptReal(script, { …, beforeTraffic: (sb) => cap.beforeTraffic(sb) });
 * for (const f of await cap.collect(sb)) writeFileSync(f.path, f.bytes);
 */
export class KernelCapture {
  private readonly running = new Map<string, Running>();
  private readonly ready = new Set<string>();
  private seq = 0;

  constructor(readonly hosts: readonly string[]) {}

  /** Starts a capture on every device not captured yet, and waits until each listens. */
  async beforeTraffic(sb: Sandbox): Promise<void> {
    const started: Running[] = [];
    for (const sbHost of this.hosts) {
      for (const ns of [null, ...(await namedNamespaces(sb, sbHost))]) {
        for (const dev of await devices(sb, sbHost, ns)) {
          const key = `${sbHost}\0${ns ?? ''}\0${dev}`;
          const was = this.running.get(key);
          // a tcpdump ends when its device goes away; the device of that name now is another
          if (was && (await sb.backgroundStatus(was.id)).running) continue;
          if (!this.ready.has(sbHost)) {
            await sb.exec(sbHost, ['mkdir', '-p', INSIDE]);
            this.ready.add(sbHost);
          }
          const file = `${INSIDE}/${this.seq++}.pcap`;
          const wrap = ns === null ? [] : ['ip', 'netns', 'exec', ns];
          const { id } = await sb.spawnBackground(sbHost, [...wrap, 'tcpdump', '--immediate-mode', '--no-promiscuous-mode', '-U', '-Z', 'root', '-n', '-i', dev, '-w', file]);
          const r: Running = { sbHost, ns, dev, files: [...(was?.files ?? []), file], id };
          this.running.set(key, r);
          started.push(r);
        }
      }
    }
    for (const r of started) {
      for (let t = 0; ; t++) {
        const st = await sb.backgroundStatus(r.id);
        if (/listening on/.test(st.stderr)) break;
        if (!st.running || t >= 200) throw new Error(`tcpdump on ${r.ns ?? r.sbHost}:${r.dev} did not start: ${st.stderr.trim() || `exit ${st.exit}`}`);
        await new Promise((res) => setTimeout(res, 25));
      }
    }
  }

  /**
   * The captures that saw packets, read out of the sandbox once their files stop growing
   * (tcpdump -U writes each packet as it comes).
   */
  async collect(sb: Sandbox): Promise<KernelPcap[]> {
    const out: KernelPcap[] = [];
    for (const r of this.running.values()) {
      const parts: Uint8Array[] = [];
      let packets = 0;
      for (const file of r.files) {
        const bytes = await settledFile(sb, r.sbHost, file);
        const f = readPcap(bytes);
        if (!f || f.records.length === 0) continue;
        // files of one device share the link type: the records of the later ones follow the first
        parts.push(parts.length ? bytes.subarray(24) : bytes);
        packets += f.records.length;
      }
      if (packets === 0) continue;
      const ns = r.ns === null ? r.sbHost : `${r.sbHost}/${r.ns}`;
      out.push({ ns, dev: r.dev, path: `${ns}/${r.dev}.pcap`, packets, bytes: Buffer.concat(parts) });
    }
    return out;
  }
}

/** A capture file's bytes once two reads in a row agree (tcpdump may still be writing the last packet). */
async function settledFile(sb: Sandbox, sbHost: string, file: string): Promise<Uint8Array> {
  let bytes = new Uint8Array(0);
  for (let t = 0; t < 20; t++) {
    const got = await sb.exec(sbHost, ['base64', '-w0', file]);
    const now = got.exit === 0 ? new Uint8Array(Buffer.from(got.stdout, 'base64')) : new Uint8Array(0);
    if (now.length > 0 && now.length === bytes.length) return now;
    bytes = now;
    await new Promise((res) => setTimeout(res, 50));
  }
  return bytes;
}

/** The named namespaces of a sandbox host (`ip netns list`). */
async function namedNamespaces(sb: Sandbox, sbHost: string): Promise<string[]> {
  const r = await sb.exec(sbHost, ['ip', '-j', 'netns', 'list']);
  if (r.exit !== 0 || !r.stdout.trim()) return [];
  return (JSON.parse(r.stdout) as { name?: unknown }[]).flatMap((n) => (typeof n.name === 'string' && NAME.test(n.name) ? [n.name] : []));
}

/**
 * The devices of a namespace that are up (`ip link`), by name: tcpdump refuses a device that is
 * down, and one that is down carries nothing (it is captured once it comes up).
 */
async function devices(sb: Sandbox, sbHost: string, ns: string | null): Promise<string[]> {
  const r = await sb.exec(sbHost, ['ip', ...(ns === null ? [] : ['-n', ns]), '-j', 'link', 'show']);
  if (r.exit !== 0 || !r.stdout.trim()) return [];
  const links = JSON.parse(r.stdout) as { ifname?: unknown; flags?: unknown }[];
  return links.filter((l) => typeof l.ifname === 'string' && NAME.test(l.ifname) && Array.isArray(l.flags) && l.flags.includes('UP')).map((l) => l.ifname as string);
}
