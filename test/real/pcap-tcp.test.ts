/**
 * TCP in the simulator's pcap files, read back by the real tcpdump: every segment of a curl
 * against python3 -m http.server parses, over IPv4 and IPv6, with its ports, flags, options and
 * a checksum tcpdump calls correct (over IPv6 the pseudo-header's, and MSS 1440: a 1500-byte link
 * under IPv6's header), in the order the kernel sends them (test/cases/l4/http-segments.sh holds
 * the counts to the kernel). Segments were once written as zeros ("bad hdr length 0").
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from './cases.js';
import { describeReal } from './require-real.js';

interface Family {
  name: string;
  web: string;
  client: string;
  /** the address form in `ip addr add` (IPv6 without DAD, so the server can bind at once) */
  addr: (a: string) => string;
  url: string;
  /** an address as tcpdump prints it before `.PORT` */
  pattern: string;
  mss: number;
}

const FAMILIES: Family[] = [
  { name: 'IPv4', web: '10.0.0.10', client: '10.0.0.2', addr: (a) => `${a}/24`, url: 'http://10.0.0.10/', pattern: '\\d+\\.\\d+\\.\\d+\\.\\d+', mss: 1460 },
  { name: 'IPv6', web: '2001:db8::10', client: '2001:db8::2', addr: (a) => `${a}/64 nodad`, url: 'http://[2001:db8::10]/', pattern: '2001:db8::\\w+', mss: 1440 },
];

const script = (f: Family) => `ip netns add web
ip netns add client
ip link add eth0 netns web type veth peer name eth0 netns client
ip -n web addr add ${f.addr(f.web)} dev eth0
ip -n client addr add ${f.addr(f.client)} dev eth0
ip -n web link set eth0 up
ip -n client link set eth0 up
ip netns exec web python3 -m http.server 80 --bind ${f.web} > /dev/null 2>&1 &
sleep 1
ip netns exec client curl -s -o /dev/null ${f.url}
`;

describeReal(
  'TCP segments in pcap files, read by tcpdump',
  () => {
    for (const f of FAMILIES) {
      it(`${f.name}: writes headers, options, payload and checksums tcpdump reads as the kernel sends them`, () => {
        const dir = mkdtempSync(join(os.tmpdir(), 'nettwin-pcap-tcp-'));
        try {
          writeFileSync(join(dir, 'http.sh'), script(f));
          const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', join(dir, 'http.sh'), '--pcap', join(dir, 'pcap')], {
            cwd: projectRoot,
            encoding: 'utf8',
            timeout: 120_000,
          });
          expect(run.status, run.stderr).toBe(0);
          const td = spawnSync('tcpdump', ['-n', '-vv', '-r', join(dir, 'pcap/host/client/eth0.pcap'), 'tcp'], { encoding: 'utf8' });
          expect(td.status, td.stderr).toBe(0);
          const re = new RegExp(`(${f.pattern})\\.(\\d+) > (${f.pattern})\\.(\\d+): Flags \\[([^\\]]+)\\], cksum 0x[0-9a-f]+ \\((\\w+)\\)`, 'g');
          const segs = [...td.stdout.matchAll(re)];
          expect(segs.length).toBeGreaterThan(0);
          expect(segs.map((m) => m[6])).toEqual(Array(segs.length).fill('correct'));
          const flow = segs.map((m) => `${m[1] === f.client ? '>' : '<'}${m[5]}`);
          // the kernel's exchange (tcpdump here, empty folder): handshake, request ACKed at once,
          // headers, body after their ACK, the server's FIN, curl's FIN, the last ACK
          expect(flow).toEqual(['>S', '<S.', '>.', '>P.', '<.', '<P.', '>.', '<P.', '>.', '<F.', '>F.', '<.']);
          expect(td.stdout).toContain(`options [mss ${f.mss},sackOK,TS val 0 ecr 0,nop,wscale 7]`);
          expect(td.stdout).toContain('GET / HTTP/1.1');
          expect(td.stdout).not.toContain('bad hdr length');
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  },
  { tools: [['tcpdump', 'tcpdump']] },
);
