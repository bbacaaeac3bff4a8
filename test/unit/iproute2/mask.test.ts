import { describe, expect, it } from 'vitest';
import { maskVolatile } from '../../../src/iproute2/mask.js';

describe('maskVolatile', () => {
  it('masks random MACs, keeps zero, broadcast, multicast and globally administered ones', () => {
    expect(maskVolatile('link/ether 6e:33:66:df:00:e1 brd ff:ff:ff:ff:ff:ff')).toBe('link/ether XX:XX:XX:XX:XX:XX brd ff:ff:ff:ff:ff:ff');
    expect(maskVolatile('"address":"00:00:00:00:00:00","group_addr":"01:80:c2:00:00:00","x":"00:16:3e:12:34:56"')).toBe(
      '"address":"00:00:00:00:00:00","group_addr":"01:80:c2:00:00:00","x":"00:16:3e:12:34:56"',
    );
  });

  it('masks bridge ids in ether_ntoa form unless they are zero', () => {
    expect(maskVolatile('bridge_id 8000.ca:22:48:5f:12:51 designated_root 8000.0:0:0:0:0:0 ')).toBe('bridge_id 8000.XX:XX:XX:XX:XX:XX designated_root 8000.0:0:0:0:0:0 ');
  });

  it("masks brctl's bridge ids (twelve digits, no colons) unless they are zero", () => {
    expect(maskVolatile('br0\t\t8000.3a140632fec4\tno\t\ttap0\nbr1\t\t8000.000000000000\tno\t\t\n')).toBe('br0\t\t8000.XX:XX:XX:XX:XX:XX\tno\t\ttap0\nbr1\t\t8000.000000000000\tno\t\t\n');
  });

  it('masks fe80:: interface ids in text and JSON, and leaves ::1 alone', () => {
    expect(maskVolatile('    inet6 fe80::6c33:66ff:fedf:e1/64 scope link \n    inet6 ::1/128 scope host ')).toBe('    inet6 fe80::IID/64 scope link \n    inet6 ::1/128 scope host ');
    expect(maskVolatile('"local":"fe80::b346:6bc5:94d5:a487","prefixlen":64')).toBe('"local":"fe80::IID","prefixlen":64');
  });

  it("drops DAD's tentative flag in text, -o, JSON and pretty JSON", () => {
    expect(maskVolatile('scope link tentative \n')).toBe('scope link \n');
    expect(maskVolatile('scope link tentative \\       valid_lft')).toBe('scope link \\       valid_lft');
    expect(maskVolatile('"scope":"link","tentative":true,"valid_life_time"')).toBe('"scope":"link","valid_life_time"');
    expect(maskVolatile('"scope": "link",\n                "tentative": true,\n                "valid')).toBe('"scope": "link",\n                "valid');
  });

  it('puts local fe80:: routes, ordered by their random interface ids, in a fixed order', () => {
    const a =
      'local ::1 dev lo table local proto kernel metric 0 pref medium\nlocal fe80::acd9:22ff:fee2:530b dev v0 table local proto kernel metric 0 pref medium\nlocal fe80::d451:94ff:fec5:896c dev v1 table local proto kernel metric 0 pref medium\nmulticast ff00::/8 dev v1 table local\n';
    const b =
      'local ::1 dev lo table local proto kernel metric 0 pref medium\nlocal fe80::dc99:14ff:fe21:1cb4 dev v1 table local proto kernel metric 0 pref medium\nlocal fe80::f4cf:edff:fed1:27cc dev v0 table local proto kernel metric 0 pref medium\nmulticast ff00::/8 dev v1 table local\n';
    expect(maskVolatile(a)).toBe(maskVolatile(b));
    const ja = '[{"type":"local","dst":"fe80::1:2ff:fe03:405","dev":"v0","table":"local"},{"type":"local","dst":"fe80::9:2ff:fe03:405","dev":"v1","table":"local"}]';
    const jb = '[{"type":"local","dst":"fe80::1:2ff:fe03:405","dev":"v1","table":"local"},{"type":"local","dst":"fe80::9:2ff:fe03:405","dev":"v0","table":"local"}]';
    expect(maskVolatile(ja)).toBe(maskVolatile(jb));
  });

  it('zeroes running bridge timers', () => {
    expect(maskVolatile('gc_timer  295.58 group_fwd_mask 0')).toBe('gc_timer    0.00 group_fwd_mask 0');
    expect(maskVolatile('"gc_timer":297.54,"forward_delay_timer": 13.49')).toBe('"gc_timer":0.00,"forward_delay_timer": 0.00');
  });
});
