/**
 * The socat table is generated, not kept by hand: regenerating it in memory from the checked-in
 * `socat -hhh` / `socat -V` output must give table.ts byte for byte, and the generator refuses
 * help text it does not understand rather than dropping lines.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSocatTable, HHH_FILE, parseHelp, TABLE_FILE, VERSION_FILE } from '../../../tools/gen-socat-table.js';

const hhh = fs.readFileSync(HHH_FILE, 'utf8');
const version = fs.readFileSync(VERSION_FILE, 'utf8');

describe('tools/gen-socat-table', () => {
  it('regenerates src/programs/socat/table.ts exactly (run `npm run gen:socat` after changing the generator or its data)', () => {
    expect(generateSocatTable(hhh, version)).toBe(fs.readFileSync(TABLE_FILE, 'utf8'));
  });

  it('reads every address, option and alias socat lists', () => {
    const h = parseHelp(hhh);
    expect(h.addresses).toContain('tun 0-1 FD,CHR,NAMED,OPEN,INTERFACE');
    expect(h.addresses).toContain('udp-connect 2 FD,SOCKET,IP4,IP6,UDP');
    expect(h.addresses[0]).toBe('pipe 0 FD,FIFO');
    expect(h.addressAliases).toContain('- stdio');
    expect(h.options).toContain('ftruncate32 OFF_T REG');
    expect(h.optionAliases).toContain('o_create o-create');
    // every `groups=` line of the help is one address or option, every alias line one alias
    const lines = hhh.split('\n');
    const rows = lines.filter((l) => /\tgroups=/.test(l)).length;
    const aliasLines = lines.filter((l) => / is an alias (name )?for /.test(l)).length;
    expect(h.addresses.length + h.options.length).toBe(rows);
    expect(h.addressAliases.length + h.optionAliases.length).toBe(aliasLines - 2); // bi-address repeats echo and fifo
  });

  it('refuses a line it does not understand and a help without a version', () => {
    expect(() => parseHelp(hhh.replace('      xtabs\tgroups=TERMIOS', '      xtabs groups=TERMIOS'))).toThrow(/unrecognised option line: socat -hhh line \d+/);
    expect(() => parseHelp(hhh.replace('      pty\tgroups=', '      pty groups='))).toThrow(/unrecognised address line/);
    expect(() => generateSocatTable(hhh, 'socat by Gerhard Rieger\n')).toThrow('socat -V: no "socat version" line');
  });
});
