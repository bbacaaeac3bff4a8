/**
 * When the real driver waits before a command: links whose operstate lags their flags, and
 * (only for commands that print IPv6 routes) addresses still in DAD, which have no `local`
 * route yet. The JSON shapes are `ip -j addr show` output of kernel 6.18.
 */
import { describe, expect, it } from 'vitest';
import { settled } from '../../../../adapters/linux/settle.js';

const up = { ifname: 'v0', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], operstate: 'UP' };
const tentative = { family: 'inet6', local: 'fe80::1', prefixlen: 64, scope: 'link', tentative: true };

describe('settled', () => {
  it('waits for operstate to follow carrier', () => {
    expect(settled([up], false)).toBe(true);
    expect(settled([{ ...up, operstate: 'LOWERLAYERDOWN' }], false)).toBe(false);
    expect(settled([{ ...up, flags: ['BROADCAST', 'MULTICAST', 'UP'], operstate: 'UNKNOWN' }], false)).toBe(false);
  });

  it('waits for a bridge whose port has carrier to leave UNKNOWN, not for a bridge without ports', () => {
    const br = { ifname: 'br0', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], operstate: 'UNKNOWN' };
    expect(settled([br], false)).toBe(true);
    expect(settled([br, { ...up, master: 'br0' }], false)).toBe(false);
    expect(
      settled(
        [
          { ...br, operstate: 'UP' },
          { ...up, master: 'br0' },
        ],
        false,
      ),
    ).toBe(true);
    expect(settled([br, { ...up, flags: ['BROADCAST', 'MULTICAST'], operstate: 'DOWN', master: 'br0' }], false)).toBe(true);
  });

  it('waits for DAD only when asked, and never for an address that failed it', () => {
    expect(settled([{ ...up, addr_info: [tentative] }], false)).toBe(true);
    expect(settled([{ ...up, addr_info: [tentative] }], true)).toBe(false);
    expect(settled([{ ...up, addr_info: [{ ...tentative, dadfailed: true }] }], true)).toBe(true);
  });

  it('does not wait for the tentative addresses of a device that is down (they stay so)', () => {
    expect(settled([{ ...up, flags: ['BROADCAST', 'MULTICAST'], operstate: 'DOWN', addr_info: [tentative] }], true)).toBe(true);
  });
});
