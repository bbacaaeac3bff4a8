/**
 * A refused netfilter request, as data: the errno the kernel (or libiptc / libnftnl's cache)
 * returned, which iptables function asked, and for nf_tables the batch message that failed.
 * iptables words it (nft_strerror, iptc_strerror, the batch error line) for its backend and
 * program name; the stderr here is iptables-nft's wording, for callers of the API.
 */
import { OpError } from './errors.js';

export type NfErrno = 'ENOENT' | 'E2BIG' | 'EEXIST' | 'EBUSY' | 'EINVAL' | 'EMLINK' | 'ENOTEMPTY' | 'ELOOP' | 'EOPNOTSUPP' | 'ERANGE';

/** The iptables call that failed: nft_strerror and iptc_strerror word an errno per call. */
export type XtCall =
  | 'chain_del'
  | 'chain_user_add'
  | 'chain_user_rename'
  | 'rule_insert'
  | 'rule_append'
  | 'rule_check'
  | 'rule_replace'
  | 'rule_delete_num'
  | 'rule_delete'
  | 'chain_set'
  | 'rule_flush'
  | 'chain_zero'
  /** iptables-nft makes the table it needs (a kernel without that nf_tables family refuses) */
  | 'table_add'
  /** a rule jumps to a chain the table does not have (iptables-nft checks it before the batch) */
  | 'jump';

/** An nf_tables batch message that the kernel refused: `CHAIN_DEL failed (…): chain foo`. */
export interface BatchFailure {
  what: 'TABLE_ADD' | 'CHAIN_DEL' | 'RULE_APPEND' | 'RULE_INSERT' | 'RULE_REPLACE' | 'CHAIN_USER_ADD' | 'CHAIN_RENAME';
  /** `chain foo`, `rule in chain FORWARD` */
  object: string;
}

const STRERROR: Record<NfErrno, string> = {
  ENOENT: 'No such file or directory',
  E2BIG: 'Argument list too long',
  EEXIST: 'File exists',
  EBUSY: 'Device or resource busy',
  EINVAL: 'Invalid argument',
  EMLINK: 'Too many links',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  EOPNOTSUPP: 'Operation not supported',
  ERANGE: 'Numerical result out of range',
};

export function strerror(e: NfErrno): string {
  return STRERROR[e];
}

/**
 * @example
 * try { apply(ctx, op) } catch (e) { if (e instanceof NfOpError) [e.errno, e.call]; // ['ENOENT', 'rule_append'] }
 */
export class NfOpError extends OpError {
  constructor(
    readonly errno: NfErrno,
    readonly call: XtCall,
    /** set when nf_tables refused a batch message (the tools exit 4 and name it) */
    readonly batch: BatchFailure | null = null,
    /** which edit of the Op failed (iptables-restore names its line) */
    public edit = 0,
  ) {
    super(batch ? `iptables v1.8.9 (nf_tables):  ${batch.what} failed (${STRERROR[errno]}): ${batch.object}\n` : `iptables: ${STRERROR[errno]}.\n`, batch ? 4 : 1, errno);
  }
}
