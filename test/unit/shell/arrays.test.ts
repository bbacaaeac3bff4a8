/**
 * Arrays held against bash 5.2: `declare -A` associative arrays (keys listed in bash's own hash
 * order, not the order of assignment), `declare -a` and sparse indexed arrays, `${!a[@]}`,
 * `${#a[@]}`, `${a[k]}` with quoted and expanded keys, `unset 'a[k]'`, compound assignments
 * with `+=`, key/value lists, elements in arithmetic (`((c[$k]++))`) and `[[ -v a[k] ]]`, and
 * bash's words when one goes wrong.
 */
import { describe } from 'vitest';
import { sameAsBash } from './bash-oracle.js';

const SNIPPETS: string[] = [
  'declare -A ip=([h1]=10.0.0.1 [h2]=10.0.0.2 ["r 1"]=10.0.0.254)\nfor h in "${!ip[@]}"; do echo "$h -> ${ip[$h]}"; done\necho "${#ip[@]} ${ip[@]}"',
  'declare -A ip=([h1]=1 [h2]=2 [r1]=3); unset \'ip[h1]\'; echo "${!ip[*]}|${#ip[@]}"; k=h2; ip[$k]+=x; echo "${ip[h2]}"; unset ip[r1]; echo "${!ip[@]}"',
  'declare -A c; for w in eth0 eth1 eth0 br0 eth0 veth1 lo; do c[$w]=$(( ${c[$w]:-0} + 1 )); done; for k in "${!c[@]}"; do echo "$k ${c[$k]}"; done',
  'declare -a a=(x y z); unset \'a[1]\'; echo "${!a[@]} ${#a[@]} ${a[@]} ${a[-1]}"; a+=(w); echo "${!a[@]}"; a[7]=q; echo "${!a[@]}"',
  'a=(x y); a[1]+=z; a+=(w [9]=n q); echo "${!a[@]} ${a[*]}"; IFS=,; echo "${!a[*]}"',
  'declare -A m; m=(k1 v1 k2 v2 k3); echo "${!m[@]}|${m[k3]}|"; m+=(p q); echo "${#m[@]}"',
  'declare -A m; v=w; m=([x]=1 y "a b" $v); declare -A n=([x]=1 y "a b"); echo "${!m[@]} ${!n[@]}"',
  'a=(1 2); declare -A a; echo $?; declare -A m; declare -a m; echo $?',
  's=hello; declare -A s; s[b]=2; echo "${!s[@]} ${s[0]}"',
  'f() { local -A t=([p]=1 [q]=2); t[r]=3; echo "${!t[@]}"; }; f; echo "[${t[p]}]"',
  'declare -A m=([a]=1); echo "$m|${m[0]}|${#m[a]}"; m[0]=z; echo "$m"; m=x; echo "${!m[@]}"',
  'declare -A e=(); echo "${#e[@]} [${!e[@]}]"; for k in "${!e[@]}"; do echo k; done; echo done',
  'declare -A h; h[ä]=1; h[x]=3; h["two words"]=4; echo "${!h[@]}"',
  'declare -A h=([b]=2 [a]=1); set -u; echo "${h[a]}"; echo "${h[zz]}"; echo no',
  'a=(1 2 3); echo "<${a[-5]}>"; echo after\na[-5]=1\necho never',
  'declare -A m=([a]=1); k=; echo "<${m[$k]}>"; unset "m[$k]"; echo "u=$?"\nm[$k]=2\necho never',
  'declare -A h=([x]=1 [y]=2); ( h[z]=3; echo "${!h[@]}" ); echo "${!h[@]}"; g() { h[w]=0; }; g; echo "${!h[@]}"',
  'declare -A nets=([red]=10.0.1 [blue]=10.0.2 [green]=10.0.3); for n in "${!nets[@]}"; do printf "%s=%s.1/24\\n" "$n" "${nets[$n]}"; done | sort',
  'declare -A m=([x]=1 [y]=2 [z]=3); m=([z]=9 [q]=8); echo "${!m[@]}" "${m[@]}"',
  'declare -A m=([k]=v); echo "${m[@]:-empty}" "${!m[@]}" "${m[k]:+set}" "${m[nope]:-dflt}"',
  'declare -A h=([a]=x [b]=y); t=(b a); for i in "${!t[@]}"; do echo "${h[${t[$i]}]}"; done; h[$(echo c)]=z; echo "${!h[@]}"',
  'x=(a b c); unset x[0]; echo "${x[@]}" "${#x[@]}"; echo ${x[1+]}; echo never',
  'declare -A c; for w in eth0 br0 eth0 lo eth0; do ((c[$w]++)); done; ((c[br0]+=10)); for k in "${!c[@]}"; do echo "$k=${c[$k]}"; done',
  'a=(1 2 3); i=1; echo $(( a[i] + a[i+1] )); (( a[0] = 7, a[5] = a[1] * 3 )); echo "${!a[@]} ${a[*]}"; let "a[2]++"; echo "${a[2]}"',
  'declare -A h=([k]=1); [[ -v h[k] ]] && echo yes; [[ -v h[z] ]] || echo no; a=(x); unset a[0]; a[3]=y; [[ -v a[3] ]] && [[ ! -v a[0] ]] && echo sparse',
];

describe('arrays against bash', () => {
  sameAsBash(SNIPPETS);
});
