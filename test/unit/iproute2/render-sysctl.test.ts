import { describe, expect, it } from 'vitest';
import { renderSysctl, sysctlDisplayKey, sysctlPath } from '../../../src/iproute2/render-sysctl.js';

describe('sysctl output lines', () => {
  it('prints KEY = VALUE with dots, whichever separator was typed', () => {
    expect(renderSysctl('net.ipv4.ip_forward', '1')).toBe('net.ipv4.ip_forward = 1\n');
    expect(renderSysctl('net/ipv4/ip_forward', '0')).toBe('net.ipv4.ip_forward = 0\n');
    expect(renderSysctl('net.ipv4.conf.all.rp_filter', '2')).toBe('net.ipv4.conf.all.rp_filter = 2\n');
  });
  it('swaps . and / for dotted keys (procps), so a dotted device name is written with /', () => {
    expect(sysctlPath('net.ipv4.conf.lo/rp_filter')).toBe('/proc/sys/net/ipv4/conf/lo.rp_filter');
    expect(sysctlPath('net/ipv4/conf/lo.rp_filter')).toBe('/proc/sys/net/ipv4/conf/lo.rp_filter');
    expect(sysctlDisplayKey('net/ipv4/conf/eth0.100/rp_filter')).toBe('net.ipv4.conf.eth0/100.rp_filter');
  });
});
