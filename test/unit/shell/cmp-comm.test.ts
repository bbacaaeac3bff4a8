/**
 * cmp, comm and diff held against GNU diffutils' cmp and diff and coreutils' comm (diff's hunk
 * choice also in test/property/diff-vs-gnu.test.ts): listings compared through
 * process substitution (/dev/fd/63, /dev/fd/62), files of the scratch area and stdin, with the
 * same stdout, stderr and exit status (`rc=N`).
 */
import { describe } from 'vitest';
import { sameAsBash } from './bash-oracle.js';

const SNIPPETS: string[] = [
  `cmp <(printf 'ab\\ncd\\n') <(printf 'ab\\nce\\n'); echo "rc=$?"; cmp <(echo a) <(echo a); echo "rc=$?"`,
  `cmp <(printf 'ab\\ncd\\n') <(printf 'ab\\n'); echo "rc=$?"; cmp <(printf 'ab\\n') <(printf 'ab\\ncd\\n'); echo "rc=$?"; cmp <(printf '') <(printf 'ab\\n'); echo "rc=$?"`,
  `cmp <(printf 'ab') <(printf 'abc\\n'); cmp <(printf 'ab\\nc') <(printf 'ab\\ncd\\n'); cmp <(printf 'xb') <(printf 'ab'); echo "rc=$?"`,
  `cmp -s <(echo a) <(echo b); echo "rc=$?"; cmp -s <(echo a) <(echo a) && echo same; cmp; echo "rc=$?"; echo x | cmp - <(echo x); echo "rc=$?"`,
  `printf 'one\\ntwo\\n' > /tmp/nettwin-c1; printf 'one\\nTwo\\n' > /tmp/nettwin-c2; cmp /tmp/nettwin-c1 /tmp/nettwin-c2 | sed 's|.*nettwin-c1|F1|; s|/tmp/[^ ]*nettwin-c2|F2|'; echo "rc=$?"`,
  `comm <(printf 'a\\nb\\nd\\n') <(printf 'b\\nc\\nd\\n'); comm -12 <(printf 'a\\nb\\nd\\n') <(printf 'b\\nc\\nd\\n'); comm -3 <(printf 'a\\nb\\n') <(printf 'b\\nc\\n')`,
  `comm -1 <(printf 'a\\nb\\n') <(printf 'b\\nc\\n'); comm -2 <(printf 'a\\nb\\n') <(printf 'b\\nc\\n'); comm -23 <(printf 'a\\nb\\n') <(printf 'b\\nc\\n'); comm -13 <(printf 'a\\nb') <(printf 'b\\nc')`,
  `comm <(printf 'B\\na\\n') <(printf 'a\\nb\\n'); comm <(printf '') <(printf 'x\\n'); comm -4 a b; echo "rc=$?"; comm <(echo a); echo "rc=$?"; comm; echo "rc=$?"`,
  `comm -12 <(printf 'eth0\\nlo\\nv1\\n' | sort) <(printf 'v1\\nlo\\nbr0\\n' | sort) | wc -l`,
];

const DIFF: string[] = [
  `diff <(printf 'a\\nb\\nc\\n') <(printf 'a\\nB\\nc\\n'); echo "rc=$?"; diff <(echo a) <(echo a); echo "rc=$?"`,
  `diff <(printf 'a\\nb\\n') <(printf 'a\\nb\\nc\\nd\\n'); diff <(printf 'x\\na\\nb\\n') <(printf 'a\\nb\\n'); diff <(printf 'a\\nb') <(printf 'a\\nb\\n')`,
  `diff -q <(echo a) <(echo b); echo "rc=$?"; diff --brief <(echo a) <(echo a); echo "rc=$?"; diff <(echo a); echo "rc=$?"`,
  `diff <(printf '10.0.0.1\\n10.0.0.2\\n10.0.0.3\\n') <(printf '10.0.0.2\\n10.0.0.3\\n10.0.0.4\\n') && echo same || echo "differ $?"`,
  `printf 'lo\\neth0\\n' > /tmp/nettwin-d1; printf 'lo\\neth1\\n' | diff /tmp/nettwin-d1 -; echo "rc=$?"`,
];

describe('cmp and comm against the real tools', () => sameAsBash(SNIPPETS));
describe('diff against GNU diff', () => sameAsBash(DIFF));
