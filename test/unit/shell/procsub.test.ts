/**
 * Process substitution `<(…)` held against bash 5.2: `while read …; done < <(cmd)` (the loop
 * runs in the current shell, so its variables stay set after it), several substitutions on one
 * line named /dev/fd/63, /dev/fd/62, … as bash names them, and their text read by the text tools.
 */
import { describe } from 'vitest';
import { sameAsBash } from './bash-oracle.js';

const SNIPPETS: string[] = [
  'while read -r a b; do echo "[$a|$b]"; done < <(printf "1 2\\n3 4\\n")',
  'n=0; while read -r l; do n=$((n+1)); last=$l; done < <(seq 3); echo "$n $last"',
  'cat <(echo hi) <(echo there); echo <(true) <(true) <(true)',
  'grep -c x <(printf "x\\ny\\nx\\n"); wc -l < <(seq 5); sort <(printf "b\\na\\n") | head -n 1',
  'declare -A h; while IFS== read -r k v; do h[$k]=$v; done < <(printf "a=1\\nb=2\\n"); echo "${h[a]}${h[b]}"',
  'f() { echo "in f"; }; while read -r l; do echo "got $l"; done < <(f; echo more)',
  'paste_like() { while read -r x; do echo "$x $(wc -l < <(seq "$x"))"; done; }; paste_like < <(echo 2; echo 4)',
];

describe('process substitution against bash', () => {
  sameAsBash(SNIPPETS);
});
