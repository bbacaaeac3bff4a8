import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { KERNEL_PROFILES } from '../../../src/model/kernel-profile.js';
import { isatapLinkLocal, v4LinkLocal } from '../../../src/model/ipv6/link-local.js';
import { formatIp6 } from '../../../src/model/ipv6/ip6.js';
import { parseIp4 } from '../../../src/model/ip.js';

const run = (script: string, kernel = KERNEL_PROFILES.uml!) => new Lab({ kernel }).host('h').sh(script);

describe('ipip, gre and sit tunnels', () => {
  it('are made where the kernel has them, refused where it does not (this machine: Unknown device type)', () => {
    for (const kind of ['ipip', 'gre', 'sit']) {
      const line = `ip link add t0 type ${kind} local 192.0.2.1 remote 192.0.2.2`;
      expect(run(line)[0], kind).toMatchObject({ supported: true, exit: 0 });
      expect(run(line, KERNEL_PROFILES['ci-6.18'])[0], kind).toMatchObject({ supported: true, exit: 2, stderr: 'Error: Unknown device type.\n' });
    }
  });

  it('leave what the model does not make to the kernel: no remote (NBMA), GRE without a local address, options it does not keep', () => {
    for (const line of [
      'ip link add t0 type ipip',
      'ip link add t0 type gre remote 192.0.2.2',
      'ip link add t0 type sit remote 192.0.2.2',
      'ip link add t0 type ipip local 192.0.2.1 remote 192.0.2.2 tos 8',
    ]) {
      expect(run(line)[0], line).toMatchObject({ supported: false, modelled: false });
      // where the kernel lacks the kind, its refusal is modelled whatever the options
      expect(run(line.replace(' tos 8', ''), KERNEL_PROFILES['ci-6.18'])[0], line).toMatchObject({ supported: true, exit: 2 });
    }
  });

  it("report iproute2's own refusals before the kernel is asked", () => {
    const r = run('ip link add t0 type ipip local 192.0.2.1 remote 192.0.2.2 nopmtudisc ttl 9')[0]!;
    expect(r).toMatchObject({ exit: 255, stderr: 'ttl != 0 and nopmtudisc are incompatible\n' });
    expect(run('ip link add t0 type ipip remote 192.0.2.2 ttl 300')[0]).toMatchObject({ exit: 255, stderr: 'Error: argument "300" is wrong: invalid TTL\n\n' });
  });

  it('one tunnel per kind, ends and key (EEXIST), a keyed GRE being another', () => {
    const steps = run(
      [
        'ip link add g1 type gre local 192.0.2.1 remote 192.0.2.2 key 5',
        'ip link add g2 type gre local 192.0.2.1 remote 192.0.2.2 key 5',
        'ip link add g3 type gre local 192.0.2.1 remote 192.0.2.2',
        'ip link add t1 type ipip local 192.0.2.1 remote 192.0.2.2',
      ].join('\n'),
    );
    expect(steps.map((s) => s.exit)).toEqual([0, 2, 0, 0]);
    expect(steps[1]!.stderr).toBe('RTNETLINK answers: File exists\n');
  });

  it('IPv6 link-locals: ISATAP ids (universal bit clear for special addresses), sit the address itself', () => {
    expect(formatIp6(isatapLinkLocal(parseIp4('192.0.2.1')!)!)).toBe('fe80::5efe:c000:201');
    expect(formatIp6(isatapLinkLocal(parseIp4('8.8.8.8')!)!)).toBe('fe80::200:5efe:808:808');
    expect(isatapLinkLocal(0)).toBeNull();
    expect(formatIp6(v4LinkLocal(parseIp4('192.0.2.1')!)!)).toBe('fe80::c000:201');
  });

  it('carry pings between two namespaces over a veth underlay', () => {
    const steps = run(
      [
        'ip netns add a',
        'ip netns add b',
        'ip link add va netns a type veth peer name vb netns b',
        'ip -n a addr add 192.0.2.1/24 dev va',
        'ip -n b addr add 192.0.2.2/24 dev vb',
        'ip -n a link set va up',
        'ip -n b link set vb up',
        'ip -n a link add g1 type gre local 192.0.2.1 remote 192.0.2.2 key 5',
        'ip -n b link add g1 type gre local 192.0.2.2 remote 192.0.2.1 key 6',
        'ip -n a addr add 10.8.0.1/30 dev g1',
        'ip -n b addr add 10.8.0.2/30 dev g1',
        'ip -n a link set g1 up',
        'ip -n b link set g1 up',
        'ip netns exec a ping -c 1 -W 1 10.8.0.2',
        'ip -n b link set g1 type gre key 5',
        'ip netns exec a ping -c 1 -W 1 10.8.0.2',
      ].join('\n'),
    );
    expect(steps.at(-3)!.stdout).toContain('0 received');
    expect(steps.at(-1)!.stdout).toContain('1 received');
  });
});

describe('ipip, gre and sit in real mode', () => {
  it('are made inside their namespace with their ends, ttl, pmtudisc and keys (compileModel), and ip link add/set compile to the same words', async () => {
    const { compileModel } = await import('../../../adapters/linux/compile-model.js');
    const { compileOp } = await import('../../../adapters/linux/compile.js');
    const lab = new Lab({ kernel: KERNEL_PROFILES.uml! });
    lab
      .host('h')
      .sh(
        [
          'ip netns add a',
          'ip -n a link add t1 type ipip local 192.0.2.1 remote 192.0.2.2 ttl 9',
          'ip -n a link add g1 type gre local 192.0.2.1 remote 192.0.2.2 key 5 nopmtudisc',
          'ip -n a link add s1 type sit local 192.0.2.1 remote 192.0.2.2',
        ].join('\n'),
      );
    const plan = compileModel(lab.model);
    expect(plan.warnings).toEqual([]);
    const text = [...plan.create, ...plan.configure, ...plan.finish].flatMap((b) => b.lines).join('\n');
    expect(text).toContain('link add t1 index 2 type ipip local 192.0.2.1 remote 192.0.2.2 ttl 9 pmtudisc');
    expect(text).toContain('link add g1 index 3 type gre local 192.0.2.1 remote 192.0.2.2 ttl inherit nopmtudisc ikey 5 okey 5');
    expect(text).toContain('link add s1 index 4 type sit local 192.0.2.1 remote 192.0.2.2 ttl inherit pmtudisc');
    expect(
      compileOp({
        op: 'link.set',
        dev: 't1',
        up: null,
        mtu: null,
        address: null,
        name: null,
        master: null,
        netns: null,
        txqlen: null,
        bridge: null,
        iptnl: { kind: 'ipip', local: null, remote: null, ttl: 10, pmtudisc: null },
      }).argv,
    ).toEqual(['link', 'set', 'dev', 't1', 'type', 'ipip', 'ttl', '10']);
  });
});
