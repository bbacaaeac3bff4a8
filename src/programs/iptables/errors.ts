/**
 * How iptables 1.8.9 ends on an error (libxtables basic_exit_err, xtables_main, iptables.c):
 * `iptables v1.8.9 (nf_tables): MSG` with the try-help line for a parameter problem (exit 2),
 * the upgrade hint for a version problem (exit 3); a refused kernel request is
 * `iptables: WHY.` (exit 1) in the words of nft_strerror or iptc_strerror, or the nf_tables
 * batch line (exit 4).
 */
import { strerror, type NfOpError } from '../../ops/nf-errors.js';
import type { NfBackend, XtFamily } from '../../model/netfilter/state.js';

export const PARAMETER_PROBLEM = 2;
export const OTHER_PROBLEM = 1;
export const VERSION_PROBLEM = 3;
export const RESOURCE_PROBLEM = 4;

/** Which iptables: its name in messages and its backend. */
export interface Flavour {
  /** `iptables`, `iptables-restore`, … (xt_params->program_name) */
  prog: string;
  backend: NfBackend;
  /** ip6tables: family ip6 (default ip) */
  family?: XtFamily;
}

export function versionText(f: Flavour): string {
  return `v1.8.9 (${f.backend === 'nft' ? 'nf_tables' : 'legacy'})`;
}

/** An error iptables exits on: the whole stderr text and the status. */
export class IptError extends Error {
  constructor(
    readonly stderr: string,
    readonly exit: number,
  ) {
    super(stderr.trimEnd());
  }
}

/**
 * xtables_error(status, msg): `line` is the restore line (-1 outside iptables-restore).
 *
 * @example
 * xtError({ prog: 'iptables', backend: 'nft' }, 2, 'no command specified').stderr;
 * // "iptables v1.8.9 (nf_tables): no command specified\nTry `iptables -h' or 'iptables --help' for more information.\n"
 */
export function xtError(f: Flavour, status: number, msg: string, line = -1): IptError {
  let out = `${f.prog} ${versionText(f)}: ${msg}\n`;
  if (status === PARAMETER_PROBLEM) {
    if (line !== -1) out += `Error occurred at line: ${line}\n`;
    out += `Try \`${f.prog} -h' or '${f.prog} --help' for more information.\n`;
  } else if (status === VERSION_PROBLEM) {
    out += `Perhaps ${f.prog} or your kernel needs to be upgraded.\n`;
  }
  return new IptError(out, status);
}

/** exit_tryhelp: the try-help line alone (after `Bad argument …`). */
export function tryHelp(f: Flavour, lead: string, status = PARAMETER_PROBLEM, line = -1): IptError {
  let out = lead;
  if (line !== -1) out += `Error occurred at line: ${line}\n`;
  out += `Try \`${f.prog} -h' or '${f.prog} --help' for more information.\n`;
  return new IptError(out, status);
}

/** nft_strerror (iptables-nft) / iptc_strerror (legacy): the words for a refused call. */
function kernelWords(e: NfOpError, backend: NfBackend): string {
  const { errno, call } = e;
  if (backend === 'nft') {
    const byCall: [string, string, string][] = [
      ['chain_del', 'ENOTEMPTY', 'Chain is not empty'],
      ['chain_del', 'EBUSY', 'Directory not empty'],
      ['chain_del', 'EMLINK', "Can't delete chain with references left"],
      ['chain_user_add', 'EEXIST', 'Chain already exists'],
      ['chain_user_rename', 'EEXIST', 'File exists'],
      ['rule_insert', 'E2BIG', 'Index of insertion too big'],
      ['rule_check', 'ENOENT', 'Bad rule (does a matching rule exist in that chain?)'],
      ['rule_replace', 'E2BIG', 'Index of replacement too big'],
      ['rule_delete_num', 'E2BIG', 'Index of deletion too big'],
      ['rule_delete', 'ENOENT', 'Bad rule (does a matching rule exist in that chain?)'],
      ['chain_set', 'ENOENT', 'Bad built-in chain name'],
      ['chain_set', 'EINVAL', 'Bad policy name'],
    ];
    for (const [c, n, w] of byCall) if (c === call && n === errno) return w;
    if (errno === 'ELOOP') return 'Loop found in table';
    if (errno === 'ENOENT') return 'No chain/target/match by that name';
    return strerror(errno);
  }
  // libiptc's iptc_strerror: the same idea, keyed by its own functions
  const legacy: [string, string, string][] = [
    ['chain_user_add', 'EEXIST', 'Chain already exists'],
    ['rule_insert', 'E2BIG', 'Index of insertion too big'],
    ['rule_replace', 'E2BIG', 'Index of replacement too big'],
    ['rule_delete_num', 'E2BIG', 'Index of deletion too big'],
    ['chain_zero', 'E2BIG', 'Index of counter too big'],
    ['rule_delete', 'ENOENT', 'Bad rule (does a matching rule exist in that chain?)'],
    ['rule_check', 'ENOENT', 'Bad rule (does a matching rule exist in that chain?)'],
    ['chain_set', 'ENOENT', 'Bad built-in chain name'],
    ['chain_set', 'EINVAL', 'Bad policy name'],
  ];
  // a chain deletion or a rule refused at commit time reaches iptc_strerror under no call it knows
  if (call === 'chain_del' || (errno === 'EINVAL' && call !== 'chain_set')) return strerror(errno);
  for (const [c, n, w] of legacy) if (c === call && n === errno) return w;
  if (errno === 'ELOOP') return 'Loop found in table';
  if (errno === 'ENOENT') return 'No chain/target/match by that name';
  return strerror(errno);
}

/** What iptables prints when the kernel (or its cache) refused a request. */
export function kernelError(f: Flavour, e: NfOpError, line = -1): IptError {
  if (e.batch && f.backend === 'nft') {
    const where = line !== -1 ? `\nline ${line}: ` : ' ';
    return new IptError(`${f.prog} ${versionText(f)}: ${where}${e.batch.what} failed (${strerror(e.errno)}): ${e.batch.object}\n`, RESOURCE_PROBLEM);
  }
  const words = kernelWords(e, f.backend);
  const dmesg = e.errno === 'EINVAL' ? " Run `dmesg' for more information." : '';
  const name = f.prog.replace(/-(save|restore)$/, '');
  return new IptError(`${name}: ${words}.${dmesg}\n`, OTHER_PROBLEM);
}
