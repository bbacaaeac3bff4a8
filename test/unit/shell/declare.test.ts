/**
 * `declare -p` and the attributes it shows, held against bash 5.2: scalars in double quotes
 * (`"`, `$`, `` ` ``, `\` escaped) or `$'…'` with a control character, indexed and associative
 * arrays (keys in bash's order, quoted when they need it), names declared without a value,
 * `-i` (assignments evaluate arithmetic, `+=` adds), `-x`, `-r`, `-g` in a function, and
 * bash's words for a name that is not there.
 */
import { describe } from 'vitest';
import { sameAsBash } from './bash-oracle.js';

const SNIPPETS: string[] = [
  'x=hello; declare -p x; y="a b"; declare -p y; z=; declare -p z',
  "y=\"q\\\"\\$\\`\\\\\"; declare -p y; t=$'a\\tb\\nc'; declare -p t; e=$'\\e[1m\\001'; declare -p e",
  "a=(x \"y z\" $'t\\tab'); declare -p a; unset 'a[1]'; a[7]=q; declare -p a",
  'declare -A h=([k]=v ["a b"]=2 [@]=3 [\\$x]=4 [~t]=5 [a~]=6 ["#c"]=7 [d#]=8); declare -p h',
  'declare -a e; declare -p e; e=(); declare -p e; declare -A f; declare -p f; f[x]=1; declare -p f',
  'declare x; declare -p x; x=1; declare -p x; declare -p nope; echo "rc=$?"; declare -p x nope x; echo "rc=$?"',
  'declare -i n=3+4; declare -p n; n+=2; declare -p n; n=abc; declare -p n; n="2*(3+1)"; echo $n; n=; echo "[$n]"',
  'declare -i c=0; for i in 1 2 3; do c+=i; done; echo $c; declare -ix ix=5; declare -p ix',
  'export E=1; declare -p E; readonly R=2; declare -p R; declare -rx RX=3; declare -p RX; declare -x X2; declare -p X2; export X3; declare -p X3',
  'f() { local l=1; declare -p l; local u; declare -p u; declare d=2; declare -g G=5; declare -p d G; }; f; declare -p G; declare -p d; echo "rc=$?"',
  'declare -A m=([b]=2 [a]=1); declare -p m; declare -p -- m; declare -a -p m',
  'declare -i n=1; n=1+; echo "after $?"; declare -p n',
  'ips=(10.0.0.1 10.0.0.2); declare -p ips | sed "s/declare -a //"; eval "$(declare -p ips | sed s/ips/copy/)"; echo "${copy[1]}"',
];

describe('declare -p and attributes against bash', () => {
  sameAsBash(SNIPPETS);
});
