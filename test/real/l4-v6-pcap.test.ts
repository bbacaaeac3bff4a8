/**
 * TCP over IPv6 in the simulator's pcap files, read back by the real tcpdump: every segment of a
 * curl to python3 -m http.server over IPv6 parses, with its ports, flags, options (MSS 1440:
 * a 1500-byte link under IPv6's header) and a checksum over the IPv6 pseudo-header tcpdump
 * calls correct, in the order the kernel sends them (the same exchange as over IPv4,
 * test/real/pcap-tcp.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from './cases.js';
import { describeReal } from './require-real.js';

const SCRIPT = `ip netns add web
ip netns add client
ip link add eth0 netns web type veth peer name eth0 netns client
ip -n web addr add 2001:db8::10/64 dev eth0 nodad
ip -n client addr add 2001:db8::2/64 dev eth0 nodad
ip -n web link set eth0 up
ip -n client link set eth0 up
ip netns exec web python3 -m http.server 80 --bind 2001:db8::10 > /dev/null 2>&1 &
sleep 1
ip netns exec client curl -s -o /dev/null http://[2001:db8::10]/
`;

describeReal(
  'TCP segments over IPv6 in pcap files, read by tcpdump',
  () => {
    it('writes headers, options, payload and IPv6 checksums tcpdump reads as the kernel sends them', () => {
      const dir = mkdtempSync(join(os.tmpdir(), 'nettwin-pcap-tcp6-'));
      try {
        writeFileSync(join(dir, 'http.sh'), SCRIPT);
        const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', join(dir, 'http.sh'), '--pcap', join(dir, 'pcap')], {
          cwd: projectRoot,
          encoding: 'utf8',
          timeout: 120_000,
        });
        expect(run.status, run.stderr).toBe(0);
        const td = spawnSync('tcpdump', ['-n', '-vv', '-r', join(dir, 'pcap/host/client/eth0.pcap'), 'tcp'], { encoding: 'utf8' });
        expect(td.status, td.stderr).toBe(0);
        const segs = [...td.stdout.matchAll(/(2001:db8::\w+)\.(\d+) > (2001:db8::\w+)\.(\d+): Flags \[([^\]]+)\], cksum 0x[0-9a-f]+ \((\w+)\)/g)];
        expect(segs.length).toBeGreaterThan(0);
        expect(segs.map((m) => m[6])).toEqual(Array(segs.length).fill('correct'));
        const flow = segs.map((m) => `${m[1] === '2001:db8::2' ? '>' : '<'}${m[5]}`);
        expect(flow).toEqual(['>S', '<S.', '>.', '>P.', '<.', '<P.', '>.', '<P.', '>.', '<F.', '>F.', '<.']);
        expect(td.stdout).toContain('options [mss 1440,sackOK,TS val 0 ecr 0,nop,wscale 7]');
        expect(td.stdout).toContain('GET / HTTP/1.1');
        expect(td.stdout).not.toContain('bad hdr length');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
  { tools: [['tcpdump', 'tcpdump']] },
);
