/**
 * The netdb table iptables' names come from is generated from netbase's files: regenerating it
 * must give src/programs/iptables/netdb.ts byte for byte, and the lookups must answer as glibc's
 * files service does (first entry first, aliases found).
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NETDB_FILE, PROTOCOLS_FILE, renderNetdb, SERVICES_FILE } from '../../../tools/gen-netdb-table.js';
import { portToService, protoByName, protoName, serviceToPort } from '../../../src/programs/iptables/names.js';

describe('tools/gen-netdb-table', () => {
  it('regenerates src/programs/iptables/netdb.ts exactly (run `npx tsx tools/gen-netdb-table.ts` after changing it)', () => {
    expect(renderNetdb(fs.readFileSync(SERVICES_FILE, 'utf8'), fs.readFileSync(PROTOCOLS_FILE, 'utf8'))).toBe(fs.readFileSync(NETDB_FILE, 'utf8'));
  });

  it('answers service and protocol lookups as /etc/services and /etc/protocols do', () => {
    expect(serviceToPort('domain', 'udp')).toBe(53);
    expect(serviceToPort('www', 'tcp')).toBe(80);
    expect(serviceToPort('nosuchservice', null)).toBe(-1);
    expect(portToService(443, 'tcp')).toBe('https');
    expect(portToService(1999, 'tcp')).toBeNull();
    expect(protoByName('gre')).toBe(47);
    expect(protoName(0)).toBe('ip');
    expect(protoName(47)).toBe('gre');
  });
});
