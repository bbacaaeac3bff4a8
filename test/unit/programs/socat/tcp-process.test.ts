/**
 * socat between a TCP socket and a stream (kernel evidence: test/cases/socat-tcp/, compared in
 * test/real/socat-tcp.test.ts): a listener serves one connection and exits 0, `fork` keeps
 * listening, the client's errors are socat's, STDIO's data reaches the peer.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../../src/lab.js';
import { tcpTable } from '../../../../sim/tcp.js';

function lab(): { lab: Lab; sh: (s: string) => ReturnType<ReturnType<Lab['host']>['sh']> } {
  const l = new Lab();
  const h = l.host('h');
  h.sh('ip netns add a\nip -n a link set lo up');
  return { lab: l, sh: (s) => h.sh(s) };
}

describe('socat TCP', () => {
  it('a listener without fork serves one connection and exits 0', () => {
    const { sh } = lab();
    const [bg] = sh('ip netns exec a socat /dev/null TCP4-LISTEN:80 &');
    expect(bg).toMatchObject({ exit: 0, supported: true });
    const [c] = sh('ip netns exec a socat /dev/null TCP4:127.0.0.1:80');
    expect(c).toMatchObject({ exit: 0, stderr: '' });
    expect(c.jobs?.[0]).toMatchObject({ exit: 0, line: 1 });
    const [again] = sh('ip netns exec a socat /dev/null TCP4:127.0.0.1:80');
    expect(again.exit).toBe(1);
    expect(again.stderr).toMatch(/socat\[\d+\] E connect\(6, AF=2 127\.0\.0\.1:80, 16\): Connection refused\n$/);
  });

  it('a listener with fork goes on listening', () => {
    const { lab: l, sh } = lab();
    sh('ip netns exec a socat TCP-LISTEN:81,fork /dev/null &');
    for (let i = 0; i < 3; i++) expect(sh('ip netns exec a socat /dev/null TCP:127.0.0.1:81')[0].exit).toBe(0);
    expect(
      tcpTable(l.sim)
        .listeners.get(l.model.netns('h/a')!)
        ?.map((x) => x.port),
    ).toEqual([81]);
  });

  it("sends STDIO's input to the peer and the listener's port is in use meanwhile", () => {
    const { lab: l, sh } = lab();
    sh('ip netns exec a socat -U /dev/null TCP6-LISTEN:82 &');
    expect(sh('ip netns exec a socat /dev/null TCP-LISTEN:82')[0].stderr).toMatch(/bind\(6, \{AF=2 0\.0\.0\.0:82\}, 16\): Address already in use/);
    let got = '';
    const ns = l.model.netns('h/a')!;
    const listener = tcpTable(l.sim).listeners.get(ns)![0]!;
    const accept = listener.accept;
    listener.accept = (s, c) => {
      const ev = accept(s, c);
      const data = ev.data;
      ev.data = (s2, c2, text, len) => {
        got += text;
        data?.(s2, c2, text, len);
      };
      return ev;
    };
    const [c] = sh('echo hello | ip netns exec a socat - TCP6:[::1]:82');
    expect(c.exit).toBe(0);
    expect(got).toBe('hello\n');
  });
});
