/**
 * `nft -f -` against the kernel, the input given as the command's stdin: a ruleset replaced
 * whole (`flush ruleset` and table blocks), a file whose second command fails (nothing of it
 * is applied) with nft's located error, and the listings after each.
 */
import { it } from 'vitest';
import { compareRequests, type Cmd } from './compare-requests.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const file = (stdin: string): Cmd => ({ program: 'nft', argv: ['-f', '-'], stdin });
const nft = (...argv: string[]): Cmd => ({ program: 'nft', argv });

const CMDS: Cmd[] = [
  file('flush ruleset\ntable inet f {\n  chain in {\n    type filter hook input priority 0; policy accept;\n    ip saddr 10.0.0.1 counter drop\n  }\n}\n'),
  nft('list', 'ruleset'),
  file('add rule inet f in ip daddr 1.1.1.1 drop\nadd rule inet f nosuch drop\n'),
  nft('list', 'ruleset'),
  file(
    '# a comment\ntable ip nat {\n\tchain post {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n\t\toifname "eth0" masquerade\n\t}\n\tchain pre {\n\t\ttype nat hook prerouting priority dstnat;\n\t\tip daddr 10.96.0.1 tcp dport 443 dnat to 10.0.0.5:6443\n\t}\n}\n',
  ),
  nft('-a', 'list', 'ruleset'),
  file('add rule ip nope c accept\n'),
  file(''),
  nft('list', 'tables'),
];

describeReal('nft -f - (stdin), simulator vs kernel', () => {
  it('rulesets loaded from stdin, and a failing file changes nothing', async ({ expect }) => {
    const res = await withSandboxSlot(() => compareRequests(CMDS));
    expect(res.report).toBe('');
    expect(res.real.filter((s) => !s.supported).map((s) => s.command)).toEqual([]);
  });
});
