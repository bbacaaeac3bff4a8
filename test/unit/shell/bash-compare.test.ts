/**
 * Each shell construct and text tool held against bash and the real tools: the same snippet
 * runs through the machine's bash (with its grep, sed, awk, sort …, in the C locale) and through
 * nettwin's interpreter, and prints the same on stdout and stderr with the same exit status
 * (`rc=N`, printed after the snippet runs in a subshell). set -e's interaction with grep's
 * exit 1 is among them. Only side-effect-free snippets are given to bash; files go to its
 * temporary folder and to nettwin's scratch area.
 */
import { describe, expect, it } from 'vitest';
import { viaBash, viaNettwin } from './bash-oracle.js';

const SNIPPETS: string[] = [
  'echo a b   c; echo "a  b"; echo -n x; echo; echo -e \'a\\tb\\n\'',
  'X="a b"; for w in $X; do echo "[$w]"; done; for w in "$X"; do echo "[$w]"; done',
  "for i in {1..5}; do printf '%s,' $i; done; echo; echo {a,b}{1,2} x{01..03}",
  'for ((i=0; i<3; i++)); do echo $i; done; echo $((2**10)) $((7/2)) $((7%3)) $((-7/2))',
  'i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done; until [ $i -eq 0 ]; do ((i--)); done; echo $i',
  'case veth0 in lo) echo lo;; veth*) echo veth;; *) echo other;; esac',
  'case x in a|b) echo ab;; x|y) echo xy;& z) echo z;; esac',
  'f() { echo "args: $# $1 $2"; shift; echo "$@"; }; f one two three',
  'f() { local x=inner; echo $x; }; x=outer; f; echo $x',
  'if [ -z "" ]; then echo empty; elif true; then echo no; else echo no2; fi',
  '[ "a" = "a" ] && echo eq || echo ne; [ 1 -gt 2 ] && echo gt || echo le',
  '[[ veth12 == veth* ]] && echo match; [[ abc =~ ^a(b)c$ ]] && echo "${BASH_REMATCH[1]}"',
  'echo "${X:-default}" "${Y:-default}" "${#X}"; X=hello.tar.gz; echo ${X%.*} ${X%%.*} ${X#*.} ${X##*.} ${X/l/L} ${X//l/L}',
  'set -e; echo one; false || echo handled; echo two; if false; then :; fi; echo three; false; echo never',
  'set -e; f() { false; echo inf; }; f || echo caught; echo after',
  'set -e; x=$(false); echo "got $x"',
  'set -u; echo "${undefined:-ok}"; echo $undefined; echo never',
  'set -o pipefail; false | true; echo $?; set +o pipefail; false | true; echo $?',
  'echo abc | grep -q b && echo found; echo abc | grep -q z; echo $?',
  'set -e; echo abc | grep z; echo never',
  'set -e; if echo abc | grep -q z; then echo y; else echo n; fi; echo end',
  "printf '%s\\n' c b a | sort; printf '%s\\n' 10 9 100 | sort -n; printf '%s\\n' a a b a | uniq -c",
  "printf 'a:b:c\\nd:e:f\\n' | cut -d: -f2; printf 'a:b:c\\n' | cut -d: -f1,3; echo hello | cut -c2-4",
  "printf '1\\n2\\n3\\n4\\n5\\n' | head -2; printf '1\\n2\\n3\\n4\\n5\\n' | tail -2; printf '1\\n2\\n3\\n' | tail -n +2",
  "printf 'a b\\nc d\\n' | wc -l; printf 'a b\\nc d\\n' | wc -w; printf 'a b\\nc d\\n' | wc",
  'echo hello | tr a-z A-Z; echo hello | tr -d l; echo aaabbb | tr -s ab',
  "echo 'hello world' | sed 's/o/0/'; echo 'hello world' | sed 's/o/0/g'; printf '1\\n2\\n3\\n' | sed -n 2p; printf '1\\n2\\n3\\n' | sed '2d'",
  "echo 'a b c' | awk '{print $2}'; echo 'a:b:c' | awk -F: '{print $3, NF}'; printf '1\\n2\\n3\\n' | awk 'NR==2'; printf '1\\n2\\n3\\n' | awk '{s+=$1} END {print s}'",
  'seq 3; seq 2 4; seq 0 2 6; seq -s, 3; seq -w 8 10',
  'read a b <<< "x y z"; echo "$a|$b"; while read l; do echo "L:$l"; done <<EOF2\none\ntwo\nEOF2\ncat <<EOF2\nX is $X\n$(echo sub)\nEOF2\ncat <<\'EOF2\'\nraw $X\nEOF2',
  'echo a; wait; echo "wait: $?"; false; wait; echo "again: $?"; set -e; wait; echo end',
  "trap 'echo cleanup' EXIT; echo body",
  "trap 'echo cleanup' EXIT; echo body; exit 3",
  'echo hi > /tmp/nettwin-x; cat /tmp/nettwin-x; echo more >> /tmp/nettwin-x; cat /tmp/nettwin-x | wc -l',
  'x=$(printf \'a\\n\\n\\n\'); echo "[$x]"; y=`echo back`; echo $y',
  'echo $(( 3 > 2 )) $(( 1 ? 5 : 6 )) $(( 0x10 )) $(( 010 )) $(( 2#101 ))',
  'a=(x y z); echo ${a[1]} ${#a[@]} "${a[@]}"; for e in "${a[@]}"; do echo $e; done',
  "echo abc | grep -o b; printf 'a\\nb\\na\\n' | grep -c a; printf 'a\\nb\\n' | grep -v a; printf 'ab\\nAb\\n' | grep -i ab; printf 'x1\\nx2\\n' | grep -n 2",
  "echo 'ip 10.0.0.1/24' | grep -Eo '[0-9]+(\\.[0-9]+){3}'",
  'echo one; echo two >&2; echo three 2>/dev/null >&2; echo four >/dev/null 2>&1',
  'g() { return 4; }; g; echo $?; ! g; echo $?',
  'x=5; ((x+=2)); echo $x; let y=x*2; echo $y; (( x > 100 )); echo $?',
  'export A=1 B="x y"; echo $A $B; readonly R=1; echo $R',
  "printf '%5s|%-5s|%05d|%x|%.2f\\n' ab cd 42 255 3.14159",
  'echo "a,b,c" | { IFS=, read -r p q r; echo "$q"; }',
  'v=$(echo one; echo two); echo "$v"; echo $v',
  'n=0; for i in $(seq 1 10); do n=$((n+i)); done; echo $n',
  '(cd_nope=1; exit 5); echo $?; ( echo sub ); echo after',
  'set -- a b c; echo $#; shift 2; echo $1',
  'echo ${X:?} ; Z=; echo ${Z:-z} ${Z-unset} ${W-unset} ${W:=w} $W',
  'true && { echo g1; echo g2; }; false || { echo g3; }',
  'echo "$(echo "nested $(echo deep)")"',
  'printf \'%s\\n\' "a b" c | while read -r line; do echo "<$line>"; done',
  "count=0; printf '1\\n2\\n' | while read x; do count=$((count+1)); done; echo $count",
  'echo $((1/0)); echo after',
  'for x in a b c; do [ $x = b ] && continue; echo $x; done; for x in a b c; do [ $x = b ] && break; echo $x; done',
  "echo 'a b' | xargs echo X; printf '1\\n2\\n3\\n' | xargs -n1 echo n; printf 'a\\nb\\n' | xargs -I{} echo \"<{}>\"",
  'basename /a/b/c.txt; basename /a/b/c.txt .txt; dirname /a/b/c.txt; dirname c',
  'echo "x" | awk \'{ if ($1 == "x") print "yes"; else print "no" }\'; echo "3 4" | awk \'{print $1*$2, $1/$2}\'',
  'set -x; echo traced; x=1; set +x',
  'echo $\'tab\\there\'; echo \'single $X\'; echo "dq \\$X \\"q\\""',
  "printf 'b 2\\na 10\\nc 1\\n' | sort -k2 -n; printf 'x:3\\ny:1\\nz:2\\n' | sort -t: -k2; printf 'a\\nb\\na\\n' | sort -u; printf 'a\\nb\\nb\\nc\\n' | uniq -d; printf 'a\\nb\\nb\\nc\\n' | uniq -u",
  "echo 'foo foobar bar' | grep -ow foo; printf 'foo\\nfoobar\\n' | grep -x foo; printf 'a1\\nb2\\n' | grep -E '^[a-z][0-9]$' | wc -l",
  "echo 'veth0@if5: <BROADCAST' | awk -F'[@:]' '{print $1}'; echo '1 2 3' | awk '{for(i=NF;i>0;i--) printf \"%s \", $i; print \"\"}'",
  'awk \'BEGIN { x["a"]=1; x["b"]=2; n=0; for (k in x) n+=x[k]; print n; print length("hello"), substr("hello",2,3), index("hello","l"), toupper("x") }\'',
  "echo 'a b' | awk -v p=pre '{print p\"-\"$0}'; echo '5' | awk '$1 > 3 {print \"big\"} $1 <= 3 {print \"small\"}'",
  "printf '1\\n2\\n3\\n4\\n5\\n' | sed -n '2,4p'; printf 'a\\nb\\nc\\n' | sed '/b/d'; echo 'abc' | sed -E 's/(a)(b)/\\2\\1/'; echo 'a.b.c' | sed 's/\\./-/g'",
  "printf 'one\\ntwo\\n' | sed -n '$p'; printf 'x\\ny\\n' | sed '1!d'; echo hello | sed 'y/lo/01/'",
  "printf 'ab\\n' | head -c 1; echo; printf 'abc\\n' | tail -c 2; echo 'abcdef' | cut -c 1,3-4; echo 'a-b-c' | cut -d- -f2-",
  "echo 'Hello' | tr '[:upper:]' '[:lower:]'; echo 'a  b   c' | tr -s ' '; echo 'abc' | tr -cd 'b\\n'",
  "seq -s ' ' 5; seq 5 -1 1; seq 1.5 0.5 3",
  "echo -e 'x\\ty'; echo -e 'a\\nb'; echo -n; echo -e 'stop\\cnot'; echo '-n'; echo -- -x",
  "printf '%q\\n' 'a b' \"it's\"; printf '%s-%s\\n' a b c; printf '%d%%\\n' 50; printf '%c\\n' hello; printf '%5.1f|\\n' 3.14159; printf '%-4d|%04d\\n' 7 7",
  'IFS=: read -r a b c <<< "x:y:z"; echo "$b"; IFS=, ; set -- 1,2,3; echo $1; unset IFS; x="a,b"; for i in $x; do echo $i; done',
  'f() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(f $(( $1 - 1 ))) )); fi; }; f 5',
  'g() { echo "in g: $FUNCNAME_X"; }; FUNCNAME_X=1 g; echo "after: ${FUNCNAME_X-unset}"',
  'case "abc" in [a-c]*) echo bracket;; esac; case "x.y" in *.*) echo dot;; esac; case "" in "") echo empty;; esac',
  'x=3; [ $x -eq 3 -a "a" = "a" ] && echo both; [ ! -n "" ] && echo negn; [ \\( 1 -eq 1 \\) -o 1 -eq 2 ] && echo paren',
  '[ "$undefined" = "" ] && echo unset-ok; [ -n "$undefined" ] || echo empty-ok; test 5 -gt 3 && echo gt',
  '[ 1 -eq a ]; echo $?; [ a b ]; echo $?',
  "set -e; trap 'echo trapped $?' EXIT; false; echo no",
  'declare -a arr=(a b c); arr+=(d); echo ${#arr[@]} ${arr[3]}; arr[1]=B; echo "${arr[@]}"; unset arr; echo "${arr[@]:-none}"',
  's="hello world"; echo ${s:0:5} ${s:6} ${s: -5} ${s^^} ${#s}',
  'echo $(( (3+4)*2 )) $(( 10 > 5 && 2 < 1 )) $(( ~0 )) $(( 1 << 4 )) $(( i = 7, i + 1 )) $i',
  'a=1; b=2; (( a < b )) && echo lt; (( a == 1 ? b : 0 )) && echo tern; echo $(( a++ + ++b )) $a $b',
  'while :; do n=$((n+1)); [ $n -ge 3 ] && break; done; echo $n',
  'for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done',
  'echo start; { echo in-group; false; } || echo group-failed',
  'v=$( { echo a; echo b >&2; } 2>&1 ); echo "[$v]"',
  'echo "$(printf \'%s\' "no newline")X"; echo "$(echo)" | wc -c',
  'x=$(exit 3); echo $?; y=$(true); echo $?',
  "printf 'a b c\\n' | { read -a parts; echo ${parts[2]}; }",
  "eval 'echo evaled $((1+1))'; cmd='echo via eval'; eval \"$cmd\"",
  'printf \'l1\\nl2\\nl3\' | while IFS= read -r line || [ -n "$line" ]; do echo "[$line]"; done',
  'echo foo | tee /tmp/nettwin-tee-x | tr f F; cat /tmp/nettwin-tee-x',
  'echo one > /tmp/nettwin-y; echo two >> /tmp/nettwin-y; wc -l < /tmp/nettwin-y; grep t /tmp/nettwin-y; cut -c1 /tmp/nettwin-y; sort -r /tmp/nettwin-y',
  'echo err 1>&2 | cat; echo both 2>&1 | cat',
  'set -e; f() { return 1; }; if ! f; then echo negated; fi; f && echo x; echo survived',
  'set -e; false && true; echo survived2; true && false; echo no',
  'set -e; (false); echo no',
  'set -e; ! true; echo survived3',
  'set -eu; a=${1:-}; echo "a=[$a]"',
  'echo $((1 + ))',
  'echo before; echo ${bad:?custom message}; echo after',
  "echo a\\ b \"c\\\"d\" 'e\\f' $'g\\x41' ",
  'basename -s .conf /etc/a.conf /etc/b.conf; basename; echo $?',
  'echo "x y" | xargs -n1; echo "" | xargs echo empty; echo "" | xargs -r echo notrun',
  'seq 3 | xargs -I % echo "item %"; printf \'a\\0b\\0\' | xargs -0 echo',
  "printf '%s\\n' 3 1 2 | sort | head -1; printf '%s\\n' b a | sort -r | tail -1",
  "echo 'key=value' | cut -d= -f2; echo 'a,b' | awk -F, '{print $2 $1}'; echo '  lead' | awk '{print $1}'",
  'printf \'x 1\\nx 2\\ny 3\\n\' | awk \'{s[$1]+=$2} END {print s["x"], s["y"]}\'',
  "printf 'a\\nb\\n' | awk 'END {print NR}'; echo 'abc' | awk '{gsub(/b/, \"B\"); print}'; echo 'aXbXc' | awk '{n=split($0, p, \"X\"); print n, p[2]}'",
  "printf 'a\\033[36mb\\177\\tc\\001é\\n' | cat -v; printf 'x\\ty\\001\\n' | cat -A; printf 'x\\ty\\002\\n' | cat -t; printf 'x\\ty\\003\\n' | cat -e",
  "printf '10.0.0.1/24\\n' | awk -F/ '{print $1}'; echo '3.14159' | awk '{printf \"%.2f\\n\", $1}'; awk 'BEGIN{print 1/3}'; awk 'BEGIN { print 1e6, 100000000, 0.1+0.2 }'",
];

describe('the interpreter and the text tools against bash', () => {
  describe.concurrent('snippets', () => {
    for (const s of SNIPPETS) {
      it(s.split('\n')[0]!.slice(0, 100), ({ expect }) => {
        const bash = viaBash(s);
        const nettwin = viaNettwin(s);
        expect(nettwin.unsupported, 'lines nettwin did not model').toEqual([]);
        expect(nettwin.stdout).toBe(bash.stdout);
        expect(nettwin.stderr).toBe(bash.stderr);
      });
    }
  });

  it('runs bash itself (the oracle is not empty)', () => {
    expect(viaBash('echo $BASH_VERSION | cut -d. -f1').stdout).toMatch(/^[45]\nrc=0\n$/);
  });
});
