/**
 * Writes src/programs/socat/table.ts from socat's own help: `socat -hhh` lists every address
 * type (with its parameters and option groups), every address option (with its groups and
 * value type) and every alias, and `socat -V` says which socat printed it. Both outputs are
 * checked in under tools/data/ exactly as the reference socat printed them, so the table can
 * be reviewed against its source and a hand edit of table.ts fails the unit test that
 * regenerates it (test/unit/tools/gen-socat-table.test.ts).
 *
 *   npm run gen:socat                               # table.ts from tools/data/
 *   npx tsx tools/gen-socat-table.ts --capture      # first re-read tools/data/ from this machine's socat
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const HHH_FILE = path.join(ROOT, 'tools/data/socat-hhh.txt');
export const VERSION_FILE = path.join(ROOT, 'tools/data/socat-V.txt');
export const TABLE_FILE = path.join(ROOT, 'src/programs/socat/table.ts');

/** What `socat -hhh` lists, in its order. */
interface Help {
  /** `name params groups`; params `N` or `MIN-MAX` */
  addresses: string[];
  /** `alias target` */
  addressAliases: string[];
  /** `name type groups` */
  options: string[];
  /** `alias target` */
  optionAliases: string[];
}

class HelpError extends Error {}

/** The `:<param>` count of an address usage: `tcp-connect:<host>:<port>` 2, `tun[:<ip-addr>/<bits>]` 0-1. */
function params(usage: string): string {
  const optional = /\[([^\]]*)\]/.exec(usage)?.[1] ?? '';
  const all = (usage.match(/:</g) ?? []).length;
  const opt = (optional.match(/:</g) ?? []).length;
  return opt === 0 ? String(all) : `${all - opt}-${all}`;
}

/** Reads the three lists out of `socat -hhh`; throws on any line it does not recognise. */
export function parseHelp(text: string): Help {
  const help: Help = { addresses: [], addressAliases: [], options: [], optionAliases: [] };
  let section = '';
  for (const [i, line] of text.split('\n').entries()) {
    const header = /^ {3}([a-z-]+):$/.exec(line);
    if (header) {
      section = header[1]!;
      continue;
    }
    const where = () => `socat -hhh line ${i + 1}: ${JSON.stringify(line)}`;
    if (section === 'bi-address' || section === 'address-head') {
      const addr = /^ {6}([a-z0-9_-]+)(\S*)\tgroups=([A-Z0-9,]+)$/.exec(line);
      const alias = /^ +(\S+) is an alias (name )?for ([a-z0-9_-]+)$/.exec(line);
      if (addr) {
        // the bi-address list holds what takes no parameters (`pipe`); address-head the rest
        const [, name, rest, groups] = addr;
        if (section === 'bi-address' && rest !== '[,<opts>]') throw new HelpError(`unexpected bi-address: ${where()}`);
        help.addresses.push(`${name} ${section === 'bi-address' ? '0' : params(rest!)} ${groups}`);
      } else if (alias) {
        // bi-address repeats the aliases address-head lists (echo, fifo)
        if (section === 'address-head') help.addressAliases.push(`${alias[1]} ${alias[3]}`);
      } else if (!/^ {6}<single-address>|^ {9}<(num|filename)> is a short form for /.test(line)) {
        throw new HelpError(`unrecognised address line: ${where()}`);
      }
    } else if (section === 'opt') {
      const opt = /^ {6}([a-z0-9_-]+)\tgroups=([A-Z0-9,]+)\tphase=[A-Z0-9-]+\ttype=([A-Z0-9_:[\]-]+)$/.exec(line);
      const alias = /^ {6}([a-z0-9_-]+) is an alias for ([a-z0-9_-]+)$/.exec(line);
      if (opt) help.options.push(`${opt[1]} ${opt[3]} ${opt[2]}`);
      else if (alias) help.optionAliases.push(`${alias[1]} ${alias[2]}`);
      else if (line !== '') throw new HelpError(`unrecognised option line: ${where()}`);
    }
  }
  for (const [what, list] of Object.entries(help)) if (list.length === 0) throw new HelpError(`socat -hhh: no ${what} found`);
  return help;
}

/** `socat version 1.7.4.4 on 06 Nov 2022 08:15:51` → `1.7.4.4`. */
export function socatVersion(v: string): string {
  const m = /^socat version (\S+) on /m.exec(v);
  if (!m) throw new HelpError('socat -V: no "socat version" line');
  return m[1]!;
}

const CODE = `/** An address type: how many \`:\` parameters it takes (a range for \`tun\`) and its option groups. */
export interface SocatAddressType {
  name: string;
  minParams: number;
  maxParams: number;
  groups: ReadonlySet<string>;
}

/** An address option: its value type (\`BOOL\`, \`STRING\`, \`INT\`, …) and the groups it applies to. */
export interface SocatOptionType {
  name: string;
  type: string;
  groups: ReadonlySet<string>;
}

function rows(text: string): string[][] {
  return text
    .split('\\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(' '));
}

function aliases(text: string): Map<string, string> {
  return new Map(rows(text).map(([a, b]) => [a, b] as [string, string]));
}

// a name listed twice (\`pipe\` without and with a file name) keeps its last row
const addressTypes = new Map<string, SocatAddressType>(
  rows(ADDRESSES).map(([name, params, groups]) => {
    const [lo, hi] = params.split('-').map(Number);
    return [name, { name, minParams: lo, maxParams: hi ?? lo, groups: new Set(groups.split(',')) }];
  }),
);
const addressAliases = aliases(ADDRESS_ALIASES);
const optionTypes = new Map<string, SocatOptionType>(rows(OPTIONS).map(([name, type, groups]) => [name, { name, type, groups: new Set(groups.split(',')) }]));
const optionAliases = aliases(OPTION_ALIASES);

/**
 * The address type a keyword names (case-insensitive, aliases resolved), or undefined.
 *
 * @example
 * socatAddressType('UDP')?.name; // 'udp-connect'
 */
export function socatAddressType(keyword: string): SocatAddressType | undefined {
  const k = keyword.toLowerCase();
  return addressTypes.get(addressAliases.get(k) ?? k);
}

/**
 * The option an option name names (case-insensitive, aliases resolved), or undefined.
 *
 * @example
 * socatOptionType('sp')?.name; // 'sourceport'
 */
export function socatOptionType(name: string): SocatOptionType | undefined {
  const k = name.toLowerCase();
  return optionTypes.get(optionAliases.get(k) ?? k);
}
`;

/** The whole of table.ts for socat's help text and its `-V` output. */
export function generateSocatTable(hhh: string, versionText: string): string {
  const h = parseHelp(hhh);
  const version = socatVersion(versionText);
  const block = (doc: string, name: string, list: string[]) => `/** ${doc} */\nconst ${name} = \`\n${list.join('\n')}\n\`;\n`;
  return `/**
 * socat ${version}'s tables of address types and address options, as \`socat -hhh\` prints them on
 * the reference machine (Debian 12): name, parameter count or value type, option groups, and
 * aliases. socat checks every address keyword and option against these before it opens
 * anything, so the model needs them to give socat's own errors for a typo ("unknown option",
 * "not supported with this address type") and to tell a real but unmodelled option from one
 * that does not exist.
 *
 * GENERATED by tools/gen-socat-table.ts from tools/data/socat-hhh.txt and socat-V.txt (the
 * reference socat's own output): do not edit. Regenerate with \`npm run gen:socat\`; when the
 * reference socat changes, \`npx tsx tools/gen-socat-table.ts --capture\` first.
 */

${block('`name params groups`, one per line; `params` is the number of `:`-separated parameters.', 'ADDRESSES', h.addresses)}
${block('`alias target`', 'ADDRESS_ALIASES', h.addressAliases)}
${block('`name type groups`', 'OPTIONS', h.options)}
${block('`alias target`', 'OPTION_ALIASES', h.optionAliases)}
${CODE}`;
}

/** Runs socat itself (no shell) for the data files. */
function capture(): void {
  const run = (args: string[]) => execFileSync('socat', args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  fs.writeFileSync(HHH_FILE, run(['-hhh']));
  fs.writeFileSync(VERSION_FILE, run(['-V']));
}

function main(argv: string[]): number {
  if (argv.some((a) => a !== '--capture')) {
    process.stderr.write('usage: gen-socat-table [--capture]\n');
    return 2;
  }
  if (argv.includes('--capture')) capture();
  try {
    fs.writeFileSync(TABLE_FILE, generateSocatTable(fs.readFileSync(HHH_FILE, 'utf8'), fs.readFileSync(VERSION_FILE, 'utf8')));
  } catch (e) {
    if (!(e instanceof HelpError)) throw e;
    process.stderr.write(`gen-socat-table: ${e.message}\n`);
    return 1;
  }
  process.stdout.write(`wrote ${path.relative(process.cwd(), TABLE_FILE)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
