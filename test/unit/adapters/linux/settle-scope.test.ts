/**
 * What a settle waits for: everything on a host it has not seen, then only the namespaces
 * changed since the last settle; DAD stays pending after a settle that did not wait for it;
 * a namespace that had not settled by the deadline is waited for again. And settle() itself
 * asks the kernel nothing when nothing changed (a fake sandbox counts its commands).
 */
import { describe, expect, it } from 'vitest';
import { noteChange, noteSettled, pendingScope } from '../../../../adapters/linux/settle-scope.js';
import { settle } from '../../../../adapters/linux/settle.js';
import type { Sandbox } from '../../../../adapters/linux/sandbox.js';

/** A sandbox whose namespaces are all settled, counting the commands it is asked to run. */
function fakeSandbox(nss: string[]): { sb: Sandbox; argvs: string[][] } {
  const argvs: string[][] = [];
  const sb = {
    exec: async (_host: string, argv: string[]) => {
      argvs.push(argv);
      if (argv.join(' ') === 'ip netns list') return { exit: 0, stdout: nss.map((n) => `${n}\n`).join(''), stderr: '' };
      return { exit: 0, stdout: '[{"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"operstate":"UNKNOWN"}]', stderr: '' };
    },
  } as unknown as Sandbox;
  return { sb, argvs };
}

const names = (s: ReturnType<typeof pendingScope>) => (s === 'all' ? 'all' : [...s].sort());

describe('settle scope', () => {
  it('is everything on a host not seen yet, and nothing once it settled', () => {
    const { sb } = fakeSandbox([]);
    expect(pendingScope(sb, 'h', false)).toBe('all');
    noteSettled(sb, 'h', true, []);
    expect(names(pendingScope(sb, 'h', false))).toEqual([]);
    expect(names(pendingScope(sb, 'h', true))).toEqual([]);
  });

  it('holds the namespaces changed since, the root as the empty name', () => {
    const { sb } = fakeSandbox([]);
    noteSettled(sb, 'h', true, []);
    noteChange(sb, 'h', 'NS1');
    noteChange(sb, 'h', null);
    expect(names(pendingScope(sb, 'h', false))).toEqual(['', 'NS1']);
    noteChange(sb, 'h', 'all');
    expect(pendingScope(sb, 'h', true)).toBe('all');
  });

  it('keeps DAD pending after a settle without it, and what had not settled by the deadline', () => {
    const { sb } = fakeSandbox([]);
    noteSettled(sb, 'h', true, []);
    noteChange(sb, 'h', 'NS1');
    noteChange(sb, 'h', 'NS2');
    noteSettled(sb, 'h', false, ['NS2']);
    expect(names(pendingScope(sb, 'h', false))).toEqual(['NS2']);
    expect(names(pendingScope(sb, 'h', true))).toEqual(['NS1', 'NS2']);
    noteSettled(sb, 'h', true, []);
    expect(names(pendingScope(sb, 'h', true))).toEqual([]);
    expect(names(pendingScope(sb, 'h', false))).toEqual([]);
  });
});

describe('settle', () => {
  it('reads every namespace first, then only those changed, and nothing when nothing changed', async () => {
    const { sb, argvs } = fakeSandbox(['NS1', 'NS2', 'NS3']);
    await settle(sb, 'h');
    expect(argvs.map((a) => a.join(' '))).toEqual(['ip netns list', 'ip -j addr show', 'ip -n NS1 -j addr show', 'ip -n NS2 -j addr show', 'ip -n NS3 -j addr show']);
    argvs.length = 0;
    await settle(sb, 'h');
    expect(argvs).toEqual([]);
    noteChange(sb, 'h', 'NS2');
    await settle(sb, 'h');
    expect(argvs.map((a) => a.join(' '))).toEqual(['ip -n NS2 -j addr show']);
  });
});
