import { describe, expect, it } from 'vitest';
import {
  dsfieldA2n as dsfieldId,
  dsfieldName,
  rtprotA2n as protoId,
  protoName,
  rtntypeA2n as rtnTypeId,
  rtscopeA2n as scopeId,
  scopeName,
  rttableA2n as tableId,
  tableName,
} from '../../../src/iproute2/names.js';

describe('iproute2 name databases (this machine’s /etc/iproute2)', () => {
  it('tables', () => {
    expect([255, 254, 253, 0, 100].map(tableName)).toEqual(['local', 'main', 'default', 'unspec', '100']);
    expect(['local', 'main', 'default', 'unspec', '100', '0x10', 'all', 'foo', '-1'].map(tableId)).toEqual([255, 254, 253, 0, 100, 16, null, null, null]);
    expect(tableId('4294967295')).toBe(4294967295);
    expect(tableId('4294967296')).toBeNull();
  });

  it('protocols: built-ins and rt_protos (99 is openr)', () => {
    expect([0, 2, 3, 4, 16, 99, 186, 250].map(protoName)).toEqual(['unspec', 'kernel', 'boot', 'static', 'dhcp', 'openr', 'bgp', '250']);
    expect(['kernel', 'static', 'openr', '42', '256', 'x'].map(protoId)).toEqual([2, 4, 99, 42, null, null]);
  });

  it('scopes', () => {
    expect([0, 200, 253, 254, 255, 7].map(scopeName)).toEqual(['global', 'site', 'link', 'host', 'nowhere', '7']);
    expect(['global', 'link', 'host', '253', 'nope'].map(scopeId)).toEqual([0, 253, 254, 253, null]);
  });

  it('route types by prefix, local/nat/throw exactly', () => {
    expect(['bl', 'unr', 'prohibit', 'brd', 'local', 'loc', 'throw', 'thr', 'uni', '7'].map(rtnTypeId)).toEqual([6, 7, 8, 3, 2, null, 9, null, 1, 7]);
  });

  it('DS fields', () => {
    expect([0, 0x10, 0x28, 0xb8].map(dsfieldName)).toEqual(['default', '0x10', 'AF11', 'EF']);
    expect(['0x10', '10', 'EF', 'zz', '100'].map(dsfieldId)).toEqual([16, 16, 0xb8, null, null]);
  });
});
