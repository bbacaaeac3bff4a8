/**
 * The `ping` command: iputils 20221126's option parsing, messages and output format.
 * Kernel/iputils evidence: `ping -h`, `ping -X 1.2.3.4`, `ping -c abc …` etc. run on this
 * machine in `unshare --net`, and test/tools/sbx < test/cases/forwarding/ping-cli.sh.
 */
import { describe, expect, it } from 'vitest';
import { inetAton } from '../../../../src/programs/ping/args.js';
import { fmtG, maskPingTimes } from '../../../../src/programs/ping/output.js';
import { TestLab } from '../../sim/helpers.js';

const t = new TestLab().pair();
const run = (args: string) => t.cmd('A', args);

describe('ping: arguments', () => {
  it('no destination: usage error, exit 1', () => {
    expect(run('')).toMatchObject({ exit: 1, stdout: '', stderr: 'ping: usage error: Destination address required\n' });
  });

  it('-h and unknown options print the usage, exit 2', () => {
    const h = run('-h');
    expect(h.exit).toBe(2);
    expect(h.stderr.startsWith('\nUsage\n  ping [options] <destination>\n\nOptions:\n')).toBe(true);
    expect(h.stderr.endsWith('\nFor more details see ping(8).\n')).toBe(true);
    const x = run('-X 10.0.0.2');
    expect(x.exit).toBe(2);
    expect(x.stderr.startsWith("ping: invalid option -- 'X'\n\nUsage\n")).toBe(true);
    expect(run('-c').stderr.startsWith("ping: option requires an argument -- 'c'\n\nUsage\n")).toBe(true);
  });

  it('numeric option values are checked as iputils does', () => {
    expect(run('-c 0 10.0.0.2')).toMatchObject({ exit: 1, stderr: "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n" });
    expect(run('-c abc 10.0.0.2')).toMatchObject({ exit: 1, stderr: "ping: invalid argument: 'abc'\n" });
    expect(run('-c 99999999999999999999 10.0.0.2')).toMatchObject({ exit: 1, stderr: "ping: invalid argument: '99999999999999999999': Numerical result out of range\n" });
    expect(run('-t 300 10.0.0.2')).toMatchObject({ exit: 1, stderr: "ping: invalid argument: '300': out of range: 0 <= value <= 255\n" });
    expect(run('-W -1 10.0.0.2')).toMatchObject({ exit: 2, stderr: 'ping: bad linger time: -1\n' });
    expect(run('-w abc 10.0.0.2')).toMatchObject({ exit: 1, stderr: "ping: invalid argument: 'abc'\n" });
  });

  it('garbage after a -W/-i number is a warning, not an error', () => {
    const r = run('-W 1x -c 1 10.0.0.2');
    expect(r.exit).toBe(0);
    expect(r.stderr).toBe('ping: option argument contains garbage: x\nping: this will become fatal error in the future\n');
  });

  it('-V prints the version', () => {
    expect(run('-V')).toMatchObject({ exit: 0, stdout: 'ping from iputils 20221126\nlibcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes\n' });
  });

  it('combined and permuted forms', () => {
    for (const args of ['-c1 -W1 10.0.0.2', '-c 1 -W 1 10.0.0.2', '10.0.0.2 -c 1', '-nc1 10.0.0.2', '-4 -c 1 -- 10.0.0.2']) {
      expect(run(args)).toMatchObject({ exit: 0, ping: { from: 'h/A', to: '10.0.0.2', transmitted: 1, received: 1 } });
    }
  });

  it('options outside the model are reported, never guessed', () => {
    expect(run('-f -c 1 10.0.0.2')).toMatchObject({ exit: 127, unsupported: true });
    expect(run('10.0.0.2')).toMatchObject({ exit: 127, unsupported: true }); // no -c/-w: never ends
    expect(run('-6 -b -c 1 ::1')).toMatchObject({ exit: 127, unsupported: true });
  });

  it('names: /etc/hosts knows localhost; others fail as in a namespace without DNS', () => {
    expect(run('-c 1 nosuch')).toMatchObject({ exit: 2, stdout: '', stderr: 'ping: nosuch: Temporary failure in name resolution\n' });
    const t2 = new TestLab().pair();
    expect(t2.cmd('A', '-c 1 nosuch')).toMatchObject({ exit: 2 });
    t2.up('A', 'lo');
    const l = t2.cmd('A', '-c 1 -W 1 localhost');
    expect(maskPingTimes(l.stdout)).toBe(
      'PING localhost (127.0.0.1) 56(84) bytes of data.\n64 bytes from localhost (127.0.0.1): icmp_seq=1 ttl=64 time=X ms\n\n--- localhost ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time Xms\nrtt min/avg/max/mdev = X/X/X/X ms\n',
    );
  });

  it('inet_aton forms, as getaddrinfo takes them', () => {
    expect(inetAton('10.0.1.254')).toBe(0x0a0001fe);
    expect(inetAton('0x0a0001fe')).toBe(0x0a0001fe);
    expect(inetAton('10.0.510')).toBe(0x0a0001fe);
    expect(inetAton('10.1')).toBe(0x0a000001);
    expect(inetAton('012.0.0.1')).toBe(0x0a000001);
    expect(inetAton('10.0.0.300')).toBeNull();
    expect(inetAton('1.2.3.4.5')).toBeNull();
    expect(inetAton('nosuch')).toBeNull();
  });
});

describe('ping: output', () => {
  // kernel: veth-same-subnet.sh, first ping
  it('a reply, byte for byte but the times', () => {
    const r = run('-c 1 -W 1 10.0.0.2');
    expect(maskPingTimes(r.stdout)).toBe(
      'PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=X ms\n\n--- 10.0.0.2 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time Xms\nrtt min/avg/max/mdev = X/X/X/X ms\n',
    );
    expect(r.stdout).toMatch(/time=0\.0\d0 ms/);
  });

  it('100% loss ends with an empty line', () => {
    expect(run('-c 1 -W 1 10.0.0.9').stdout).toBe(
      'PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.\n\n--- 10.0.0.9 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n\n',
    );
  });

  // kernel: ping-cli.sh — `-s 100`: 100(128) bytes, 108 bytes from; `-q`: no reply lines
  it('-s and -q', () => {
    expect(run('-c 1 -W 1 -s 100 10.0.0.2').stdout).toMatch(/^PING 10\.0\.0\.2 \(10\.0\.0\.2\) 100\(128\) bytes of data\.\n108 bytes from 10\.0\.0\.2: icmp_seq=1 ttl=64 time=/);
    const q = run('-c 1 -W 1 -q 10.0.0.2').stdout;
    expect(q).not.toContain('bytes from');
    expect(q).toContain('1 packets transmitted, 1 received');
    // below 16 data bytes there is no timestamp: no time= and no rtt line
    expect(run('-c 1 -W 1 -s 8 10.0.0.2').stdout).toBe(
      'PING 10.0.0.2 (10.0.0.2) 8(36) bytes of data.\n16 bytes from 10.0.0.2: icmp_seq=1 ttl=64\n\n--- 10.0.0.2 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\n\n',
    );
  });

  // kernel: ping-cli.sh — `-I va` → "from 10.0.0.1 va: "; `-I 10.0.0.1` → "from 10.0.0.1 : "
  it('-I shows the source in the header', () => {
    expect(run('-c 1 -W 1 -I va 10.0.0.2').stdout.split('\n')[0]).toBe('PING 10.0.0.2 (10.0.0.2) from 10.0.0.1 va: 56(84) bytes of data.');
    expect(run('-c 1 -W 1 -I 10.0.0.1 10.0.0.2').stdout.split('\n')[0]).toBe('PING 10.0.0.2 (10.0.0.2) from 10.0.0.1 : 56(84) bytes of data.');
  });

  // kernel: arp-failure-timing.sh — `ping -c 2 10.0.0.9` (lo up)
  it('errors and pipe', () => {
    const t2 = new TestLab().pair().up('A', 'lo');
    expect(maskPingTimes(t2.cmd('A', '-c 2 10.0.0.9').stdout)).toBe(
      'PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.\nFrom 10.0.0.1 icmp_seq=1 Destination Host Unreachable\nFrom 10.0.0.1 icmp_seq=2 Destination Host Unreachable\n\n--- 10.0.0.9 ping statistics ---\n2 packets transmitted, 0 received, +2 errors, 100% packet loss, time Xms\npipe 2\n',
    );
  });

  it('loss percentages print as C %g of a float', () => {
    expect([0, 100, 50, 100 / 3, 200 / 3, 100 / 7, 1e-5, 12.5].map(fmtG)).toEqual(['0', '100', '50', '33.3333', '66.6667', '14.2857', '1e-05', '12.5']);
  });

  it('connect errors go to stderr with exit 2', () => {
    expect(run('-c 1 10.9.9.9')).toMatchObject({ exit: 2, stdout: '', stderr: 'ping: connect: Network is unreachable\n' });
  });

  it('maskPingTimes masks times and statistics only', () => {
    const text = '64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=3.08 ms\n2 packets transmitted, 2 received, 0% packet loss, time 1010ms\nrtt min/avg/max/mdev = 0.016/0.025/0.034/0.009 ms, pipe 2\n';
    expect(maskPingTimes(text)).toBe('64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=X ms\n2 packets transmitted, 2 received, 0% packet loss, time Xms\nrtt min/avg/max/mdev = X/X/X/X ms, pipe 2\n');
  });
});
