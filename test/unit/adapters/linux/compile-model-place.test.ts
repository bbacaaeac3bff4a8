/**
 * Placement: which sandbox host and named namespace each namespace of a model gets, and from
 * where a veth between two places can be made (only a host's own namespace can name both ends).
 */
import { describe, expect, it } from 'vitest';
import { netnsRef, pairCreator, placeNamespaces, sandboxHostsFor } from '../../../../adapters/linux/compile-model-place.js';
import { CompileError } from '../../../../adapters/linux/compile.js';
import { Lab } from '../../../../src/lab.js';
import { k8sTwin } from '../../../../src/presets/k8s.js';

describe('compile-model placement', () => {
  it('puts each lab host in its own sandbox host and the machine room in the sandbox root', () => {
    const model = k8sTwin({ nodes: 2, podsPerNode: 1 }).model;
    const { sandboxHosts, planned } = placeNamespaces(model, { kind: 'sandbox' });
    expect(sandboxHosts).toEqual(['node1', 'node2']);
    expect(planned.map((p) => [p.path, p.place.host, p.place.netns])).toEqual([
      ['node1', 'node1', null],
      ['node1/pod1', 'node1', 'pod1'],
      ['node2', 'node2', null],
      ['node2/pod1', 'node2', 'pod1'],
      ['.infra', '', null],
    ]);
  });

  it('gives a one-host model with a machine room a second sandbox host, so the room is not the host', () => {
    const model = k8sTwin({ nodes: 1, podsPerNode: 1 }).model;
    expect(sandboxHostsFor(model)).toEqual(['node1', '.room']);
    const lab = new Lab();
    lab.host('h').sh('ip netns add A');
    expect(sandboxHostsFor(lab.model)).toEqual(['h']);
    expect(() => sandboxHostsFor(new Lab().model)).toThrow('the model has no host');
  });

  it('refuses a namespace that is not part of the model, and a persist target without a name for one', () => {
    const a = new Lab();
    a.host('h').sh('ip netns add A');
    const b = new Lab();
    b.host('h').sh('ip netns add B');
    const { where } = placeNamespaces(a.model, { kind: 'sandbox' });
    expect(() => where(b.model.hosts.get('h')!.namespaces.get('B')!)).toThrow('namespace "h/B" is not part of the model');
    expect(() => placeNamespaces(a.model, { kind: 'persist', names: new Map([['h', 'nt-0']]) })).toThrow('no machine namespace name for "h/A"');
  });

  it('makes a pair from the host that can name both ends', () => {
    expect(pairCreator({ host: 'n1', netns: 'a' }, { host: 'n1', netns: 'b' }, 'x')).toEqual({ host: 'n1', netns: null });
    expect(pairCreator({ host: 'n1', netns: 'a' }, { host: '', netns: null }, 'x')).toEqual({ host: 'n1', netns: null });
    expect(pairCreator({ host: 'n1', netns: null }, { host: 'n2', netns: 'b' }, 'x')).toEqual({ host: 'n2', netns: null });
    expect(pairCreator({ host: 'n1', netns: null }, { host: 'n2', netns: null }, 'x')).toEqual({ host: '', netns: null });
    expect(() => pairCreator({ host: 'n1', netns: 'a' }, { host: 'n2', netns: 'b' }, 'n1/a:v0 and n2/b:v1')).toThrow(
      new CompileError('n1/a:v0 and n2/b:v1 are in named namespaces of two different hosts'),
    );
  });

  it('names the far namespace by name on one host, by its holder pid on another', () => {
    const sandbox = { kind: 'sandbox' as const, pidOf: (h: string) => (h === 'n2' ? 42 : 0) };
    const from = { host: 'n1', netns: null };
    expect(netnsRef(sandbox, from, { host: 'n1', netns: null })).toEqual([]);
    expect(netnsRef(sandbox, from, { host: 'n1', netns: 'pod1' })).toEqual(['netns', 'pod1']);
    expect(netnsRef(sandbox, from, { host: 'n2', netns: null })).toEqual(['netns', '42']);
    expect(netnsRef(sandbox, from, { host: '', netns: null })).toEqual(['netns', '1']);
    expect(() => netnsRef(sandbox, from, { host: 'n2', netns: 'pod1' })).toThrow('cannot reach namespace "pod1" of another sandbox host');
    expect(() => netnsRef({ kind: 'sandbox' }, from, { host: 'n3', netns: null })).toThrow('no process id for sandbox host "n3"');
    expect(netnsRef({ kind: 'persist', names: new Map() }, { host: '', netns: 'nt-0' }, { host: '', netns: 'nt-1' })).toEqual(['netns', 'nt-1']);
  });
});
