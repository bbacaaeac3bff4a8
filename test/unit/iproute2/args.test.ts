/** The shared argument helpers behave like iproute2 6.1's lib/utils.c. */
import { describe, expect, it } from 'vitest';
import { Argv, getInteger, getPrefix, getU16, getU32, getU8, IpExit, IpUnsupported, llAddrA2n, matches } from '../../../src/iproute2/args.js';
import { rtntypeA2n, rttableA2n } from '../../../src/iproute2/names.js';

function exitOf(f: () => unknown): { exit: number; stderr: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof IpExit) return { exit: e.result.exit, stderr: e.result.stderr };
    throw e;
  }
  throw new Error('did not exit');
}

describe('matches', () => {
  it('takes any non-empty prefix', () => {
    expect(matches('a', 'address')).toBe(true);
    expect(matches('sh', 'show')).toBe(true);
    expect(matches('show', 'show')).toBe(true);
    expect(matches('shows', 'show')).toBe(false);
    expect(matches('', 'show')).toBe(false);
  });
});

describe('C number parsing (strtoul semantics)', () => {
  it('reads base-0 numbers, blanks and a sign', () => {
    expect(getU32('10')).toBe(10);
    expect(getU32('0x10')).toBe(16);
    expect(getU32('010')).toBe(8);
    expect(getU32(' +5')).toBe(5);
    expect(getU32('-0')).toBe(0);
  });
  it('refuses trailing garbage, empty text, overflow and negative numbers', () => {
    expect(getU32('5x')).toBeNull();
    expect(getU32('')).toBeNull();
    expect(getU32('08')).toBeNull();
    expect(getU32('4294967296')).toBeNull();
    expect(getU32('-1')).toBeNull();
    expect(getU16('65536')).toBeNull();
    expect(getU8('256')).toBeNull();
  });
  it('get_integer is signed', () => {
    expect(getInteger('-1')).toBe(-1);
    expect(getInteger('2147483648')).toBeNull();
  });
});

describe('prefixes and addresses', () => {
  it('exits 1 with the message iproute2 prints', () => {
    // observed on iproute2 6.1 / kernel 6.18
    expect(exitOf(() => getPrefix('172.16.1..2/24', null))).toEqual({ exit: 1, stderr: 'Error: any valid prefix is expected rather than "172.16.1..2/24".\n' });
    expect(exitOf(() => getPrefix('10.0.0.1/33', null))).toEqual({ exit: 1, stderr: 'Error: any valid prefix is expected rather than "10.0.0.1/33".\n' });
  });
  it('reads keywords, masks and a missing length', () => {
    expect(getPrefix('default', null)).toMatchObject({ addr: 0, len: 0, lenGiven: true });
    expect(getPrefix('10.1', null)).toMatchObject({ addr: 0x0a010000, len: 32, lenGiven: false });
    expect(getPrefix('10.0.0.0/255.255.0.0', null)).toMatchObject({ len: 16 });
  });
  it('reports IPv6 as not modelled', () => {
    expect(() => getPrefix('2001:db8::/32', null)).toThrow(IpUnsupported);
  });
});

describe('link-layer addresses', () => {
  it('names the part that is wrong', () => {
    expect(llAddrA2n('zz:11')).toEqual({ error: '"zz" is invalid lladdr.\n' });
    expect(llAddrA2n('02:00:00:00:00:01')).toEqual([2, 0, 0, 0, 0, 1]);
  });
});

describe('name tables', () => {
  it('route types take iproute2 abbreviations', () => {
    expect(rtntypeA2n('b')).toBe(3);
    expect(rtntypeA2n('bl')).toBe(6);
    expect(rtntypeA2n('u')).toBe(7);
    expect(rtntypeA2n('default')).toBeNull();
  });
  it('tables by name or number', () => {
    expect(rttableA2n('main')).toBe(254);
    expect(rttableA2n('100')).toBe(100);
    expect(rttableA2n('all')).toBeNull();
  });
});

describe('Argv', () => {
  it('NEXT_ARG ends the command when the value is missing', () => {
    const a = new Argv(['mtu']);
    expect(exitOf(() => a.next())).toEqual({ exit: 255, stderr: 'Command line is not complete. Try option "help"\n' });
  });
});
