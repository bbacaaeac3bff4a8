/**
 * iptables-restore and iptables-save against the kernel, with the restore input given as the
 * command's stdin (as a here-document or a pipe gives it): tables flushed or not, chains and
 * policies, counters with -c, each kind of mistake and where it stops, both backends; then what
 * iptables-save and iptables -S show.
 */
import { it } from 'vitest';
import { compareRequests, type Cmd } from './compare-requests.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const r = (stdin: string, ...argv: string[]): Cmd => ({ program: 'iptables-restore', argv, stdin });
const rl = (stdin: string, ...argv: string[]): Cmd => ({ program: 'iptables-legacy-restore', argv, stdin });
const save = (...argv: string[]): Cmd => ({ program: 'iptables-save', argv });
const ipt = (...argv: string[]): Cmd => ({ program: 'iptables', argv });

const NFT: Cmd[] = [
  r('*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:MY - [0:0]\n-A INPUT -s 10.0.0.1 -j ACCEPT\n-A MY -j RETURN\nCOMMIT\n'),
  save(),
  r('*filter\n-A INPUT -j NOPE\nCOMMIT\n'),
  r('*filter\n-A NOPE -j ACCEPT\nCOMMIT\n'),
  r('*filter\n-A INPUT -j ACCEPT\n'),
  r('*bogus\nCOMMIT\n'),
  r('*filter\n-A INPUT --bogus\nCOMMIT\n'),
  r('*filter\n-A FORWARD -j MASQUERADE\nCOMMIT\n'),
  r('*nat\n-A POSTROUTING -j MASQUERADE\nCOMMIT\n*filter\n-A INPUT -j ACCEPT\nCOMMIT\n', '--noflush'),
  save(),
  r('*filter\n:INPUT DROP [5:500]\n[3:300] -A INPUT -j ACCEPT\nCOMMIT\n', '-c'),
  save('-c'),
  save('-t', 'nat'),
  r('-A INPUT -j ACCEPT\n'),
  r('*filter\n:INPUT BLAH [0:0]\nCOMMIT\n'),
  r('*filter\n:FOO BLAH [0:0]\nCOMMIT\n'),
  r('*filter\n-D INPUT -j DROP\nCOMMIT\n', '--noflush'),
  r('*filter\n-X FOO\nCOMMIT\n', '--noflush'),
  r('*filter\n-t nat -A INPUT -j ACCEPT\nCOMMIT\n', '--noflush'),
  r('# comment\n\n*filter\n-A INPUT -p tcp -m comment --comment "a b" -j ACCEPT\nCOMMIT\n'),
  save(),
  r(''),
  save('-t', 'bogus'),
  r('*filter\nCOMMIT\n', '-T', 'nat'),
  r('*filter\n:INPUT ACCEPT\nCOMMIT\n', '-c'),
  r('*filter\n:INPUT\nCOMMIT\n'),
  r('*filter\n[1:2 -A INPUT -j ACCEPT\nCOMMIT\n'),
  r('*filter\n-A INPUT -j ACCEPT\nCOMMIT\nCOMMIT\n'),
  r('COMMIT\n'),
  r('garbage\n'),
  r('*filter\n*nat\nCOMMIT\n'),
  r('*filter\n:INPUT DROP [0:0]\n-A INPUT -j ACCEPT\nCOMMIT\n*nat\n-A BADCHAIN -j ACCEPT\nCOMMIT\n'),
  ipt('-S'),
  r('*filter\n-A INPUT -j ACCEPT\nCOMMIT\n', '-t'),
  ipt('-S'),
  r('*filter\n-N X\n-A X -j ACCEPT\n-A INPUT -j X\nCOMMIT\n'),
  ipt('-S'),
  r('*filter\n:FOO - [0:0]\n-A FOO -j ACCEPT\nCOMMIT\n', '--noflush'),
  r('*filter\n:FOO - [0:0]\nCOMMIT\n', '--noflush'),
  ipt('-S', 'FOO'),
  r('*filter\n-F\n-X\n-P INPUT ACCEPT\nCOMMIT\n', '--noflush'),
  ipt('-S'),
  r('', '--bogus'),
  save('--bogus'),
  save('extra'),
  r('*filter\n-A INPUT -j ACCEPT extra\nCOMMIT\n', '--noflush'),
  { program: 'iptables-nft-restore', argv: ['--noflush'], stdin: '*filter\n-A INPUT -m conntrack --ctstate NEW -j ACCEPT\nCOMMIT\n' },
  { program: 'iptables-nft-save', argv: ['-t', 'filter'] },
];

const LEGACY: Cmd[] = [
  rl('*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n'),
  rl('*filter\n-A INPUT -j NOPE\nCOMMIT\n'),
  rl('*filter\n-A NOPE -j ACCEPT\nCOMMIT\n'),
  rl('*nat\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -s 10.0.0.0/8 -j MASQUERADE\nCOMMIT\n'),
  { program: 'iptables-legacy-save', argv: [] },
  { program: 'iptables-legacy', argv: ['-t', 'nat', '-S'] },
  ipt('-S'),
  save(),
];

describeReal('iptables-restore and iptables-save, simulator vs kernel', () => {
  it('iptables-restore (nf_tables) from stdin, iptables-save', async ({ expect }) => {
    const res = await withSandboxSlot(() => compareRequests(NFT));
    expect(res.report).toBe('');
    // every command was modelled (none reported and skipped)
    expect(res.real.filter((s) => !s.supported).map((s) => s.command)).toEqual([]);
  });
  it('iptables-legacy-restore and iptables-legacy-save', async ({ expect }) => {
    const res = await withSandboxSlot(() => compareRequests(LEGACY));
    expect(res.real.every((s) => s.supported)).toBe(true);
    expect(res.report).toBe('');
  });
});
