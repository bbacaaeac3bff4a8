/**
 * procps sysctl on the model's IPv4 keys: what exists on this kernel, what a write to
 * conf/default reaches (devinet_copy_dflt_conf and the per-device state bits), forwarding's
 * side effects. Observed on kernel 6.18 in a namespace made by `ip netns add`.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { classifySysctl } from '../../../src/ops/apply-sysctl.js';

function run(script: string) {
  return new Lab({ seed: 1 }).host('h').sh(script);
}

const out = (script: string) => run(script).map((s) => s.stdout + s.stderr);

describe('which keys exist', () => {
  it('answers "cannot stat" for names this kernel lacks, and leaves existing unmodelled ones unsupported', () => {
    expect(classifySysctl('net.ipv4.ipforward')).toBe('missing');
    expect(classifySysctl('net.ipv4.conf.all.foo')).toBe('missing');
    expect(classifySysctl('net.ipv4.tcp_syncookies')).toBe('unmodelled');
    expect(classifySysctl('net.ipv6.conf.all.forwarding')).toBe('modelled');
    expect(classifySysctl('net.ipv6.conf.all.stable_secret')).toBe('modelled');
    expect(classifySysctl('net.ipv6.conf.all.foo')).toBe('missing');
    expect(classifySysctl('net.ipv6.route.gc_interval')).toBe('unmodelled');
    expect(classifySysctl('net.ipv6.forwarding')).toBe('missing');
    expect(classifySysctl('net/ipv4/conf/lo/promote_secondaries')).toBe('modelled');
    const s = run('sysctl -w net.ipv4.ipforward=1\nsysctl net.ipv4.ip_forwarding\nsysctl net.ipv4.ip_default_ttl');
    expect(s[0]).toMatchObject({ exit: 1, stdout: '', stderr: 'sysctl: cannot stat /proc/sys/net/ipv4/ipforward: No such file or directory\n' });
    expect(s[1].stderr).toBe('sysctl: cannot stat /proc/sys/net/ipv4/ip_forwarding: No such file or directory\n');
    expect(s[2].supported).toBe(false);
  });

  it('reads every conf key with the kernel defaults (default accepts source routes; lo has no IPsec policy)', () => {
    expect(
      out(
        'sysctl net.ipv4.conf.all.accept_source_route net.ipv4.conf.default.accept_source_route net.ipv4.conf.lo.disable_policy net.ipv4.conf.lo.disable_xfrm net.ipv4.conf.all.igmpv2_unsolicited_report_interval net.ipv4.conf.all.arp_evict_nocarrier',
      )[0],
    ).toBe(
      'net.ipv4.conf.all.accept_source_route = 0\nnet.ipv4.conf.default.accept_source_route = 1\nnet.ipv4.conf.lo.disable_policy = 1\nnet.ipv4.conf.lo.disable_xfrm = 1\nnet.ipv4.conf.all.igmpv2_unsolicited_report_interval = 10000\nnet.ipv4.conf.all.arp_evict_nocarrier = 1\n',
    );
  });

  it('takes any int, refuses what is not one, and reports a read-only key without failing', () => {
    const s = run('ip link add v0 type veth peer name v1\nsysctl -w net.ipv4.conf.v0.rp_filter=-3\nsysctl -w net.ipv4.conf.v0.tag=99999999999\nsysctl -w net.ipv4.conf.v0.mc_forwarding=1');
    expect(s[1].stdout).toBe('net.ipv4.conf.v0.rp_filter = -3\n');
    expect([s[2].exit, s[2].stderr]).toEqual([1, 'sysctl: setting key "net.ipv4.conf.v0.tag": Invalid argument\n']);
    expect([s[3].exit, s[3].stderr]).toEqual([0, 'sysctl: setting key "net.ipv4.conf.v0.mc_forwarding": Invalid argument\n']);
  });
});

describe('conf/default writes', () => {
  it('reach the devices that never had the key written nor an address configured; new devices copy default and its marks', () => {
    const s = out(
      [
        'ip link add v0 type veth peer name v0p',
        'ip addr add 10.0.0.1/24 dev v0p',
        'sysctl -w net.ipv4.conf.default.rp_filter=2',
        'sysctl net.ipv4.conf.v0.rp_filter net.ipv4.conf.v0p.rp_filter net.ipv4.conf.lo.rp_filter',
        'ip link add v1 type veth peer name v1p',
        'sysctl -w net.ipv4.conf.v0.arp_ignore=1',
        'sysctl -w net.ipv4.conf.default.rp_filter=1',
        'sysctl -w net.ipv4.conf.default.arp_ignore=2',
        'sysctl net.ipv4.conf.v0.rp_filter net.ipv4.conf.v1.rp_filter net.ipv4.conf.v0.arp_ignore net.ipv4.conf.v1.arp_ignore',
      ].join('\n'),
    );
    expect(s[3]).toBe('net.ipv4.conf.v0.rp_filter = 2\nnet.ipv4.conf.v0p.rp_filter = 0\nnet.ipv4.conf.lo.rp_filter = 0\n');
    expect(s[8]).toBe('net.ipv4.conf.v0.rp_filter = 1\nnet.ipv4.conf.v1.rp_filter = 2\nnet.ipv4.conf.v0.arp_ignore = 1\nnet.ipv4.conf.v1.arp_ignore = 2\n');
  });

  it('are not copied for forwarding and the flushing keys (promote_secondaries, route_localnet, disable_*)', () => {
    const s = out(
      [
        'ip link add v0 type veth peer name v0p',
        'sysctl -q -w net.ipv4.conf.default.forwarding=1 net.ipv4.conf.default.promote_secondaries=1 net.ipv4.conf.default.route_localnet=1',
        'ip link add v1 type veth peer name v1p',
        'sysctl -n net.ipv4.conf.v0.forwarding net.ipv4.conf.v0.promote_secondaries net.ipv4.conf.v0.route_localnet net.ipv4.conf.v1.forwarding net.ipv4.conf.v1.promote_secondaries',
      ].join('\n'),
    );
    expect(s[3]).toBe('0\n0\n0\n1\n1\n');
  });

  it('ip_forward sets default and every device, and turns all.accept_redirects off while on', () => {
    const s = out(
      [
        'ip link add v0 type veth peer name v0p',
        'sysctl -w net.ipv4.ip_forward=1',
        'sysctl -n net.ipv4.conf.all.accept_redirects net.ipv4.conf.default.forwarding net.ipv4.conf.v0.forwarding',
        'sysctl -w net.ipv4.ip_forward=0',
        'sysctl -n net.ipv4.conf.all.accept_redirects',
      ].join('\n'),
    );
    expect(s[2]).toBe('0\n1\n1\n');
    expect(s[4]).toBe('1\n');
  });
});
