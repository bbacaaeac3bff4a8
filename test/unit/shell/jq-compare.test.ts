/**
 * jq held against the machine's jq 1.6 (Debian's, as on the kernel side): the same snippet runs
 * through bash with the real jq and through nettwin's interpreter with its in-process jq, and
 * prints the same bytes on stdout and stderr with the same exit status (`rc=N`). The JSON is the
 * shape `ip -j` prints; the filters are the ones scripts use on it.
 */
import { describe, expect, it } from 'vitest';
import { sameAsBash, viaNettwin } from './bash-oracle.js';

const ADDR = `[{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"operstate":"UNKNOWN","addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host"}]},{"ifindex":2,"ifname":"v1","link_netnsid":0,"flags":["BROADCAST","UP"],"mtu":1500,"address":"aa:bb:cc:00:00:01","addr_info":[{"family":"inet","local":"10.0.0.1","prefixlen":24},{"family":"inet6","local":"fe80::1","prefixlen":64}]}]`;
const ROUTE = `[{"dst":"default","gateway":"10.0.0.254","dev":"v1","flags":[]},{"dst":"10.0.0.0/24","dev":"v1","protocol":"kernel","scope":"link","prefsrc":"10.0.0.1","flags":[]}]`;

const A = `A='${ADDR}'`;
const R = `R='${ROUTE}'`;

const SNIPPETS: string[] = [
  `${A}; echo "$A" | jq -r '.[].ifname'; echo "$A" | jq '.[0].mtu'; echo "$A" | jq length`,
  `${R}; echo "$R" | jq '.[] | select(.dst=="default") | .gateway'; echo "$R" | jq -r '.[] | select(.dst=="default") | .gateway'`,
  `${A}; echo "$A" | jq .; echo "$A" | jq -c .; echo "$A" | jq -c '.[1]'`,
  `${A}; echo "$A" | jq -r '.[] | "\\(.ifname) \\(.mtu)"'; echo "$A" | jq -r '.[] | .addr_info[] | select(.family=="inet") | "\\(.local)/\\(.prefixlen)"'`,
  `${A}; echo "$A" | jq -e '.[] | select(.ifname=="v9")'; echo "e=$?"; echo "$A" | jq -e '.[0].nope'; echo "e=$?"; echo "$A" | jq -e '.[0].mtu'; echo "e=$?"; echo "$A" | jq -e 'length > 5'; echo "e=$?"`,
  `${A}; echo "$A" | jq --arg n v1 '.[] | select(.ifname==$n) | .address'; echo "$A" | jq --argjson m 1500 -c '[.[] | select(.mtu==$m) | .ifname]'`,
  `${A}; echo "$A" | jq -c 'map(.ifname)'; echo "$A" | jq -c 'map({name: .ifname, mtu})'; echo "$A" | jq -c '[.[] | {(.ifname): .mtu}] | add'`,
  `${A}; echo "$A" | jq -c '.[0] | keys, keys_unsorted, (to_entries | map(.key)), has("mtu"), has("x")'`,
  `${A}; echo "$A" | jq -c '.[] | .flags | index("UP"), contains(["UP"]), join(",")'`,
  `${A}; echo "$A" | jq -r '.[] | [.ifname, .mtu, .operstate] | @tsv'; echo "$A" | jq -r '.[] | [.ifname, .mtu, .operstate] | @csv'; echo "$A" | jq -r '.[0].flags | @sh'`,
  `${A}; echo "$A" | jq '.[] | .link_netnsid // "none"'; echo "$A" | jq '.[1].addr_info | length'; echo "$A" | jq -c '[.[].addr_info[].family] | unique, group_by(.) , (sort | reverse)'`,
  `${A}; echo "$A" | jq -r '.[] | if .ifname == "lo" then "loopback" elif .mtu > 1000 then "big" else "small" end'`,
  `${A}; echo "$A" | jq -S '.[0]'; echo "$A" | jq --tab '.[0].flags'; echo "$A" | jq --indent 1 '.[0].addr_info'; echo "$A" | jq -j '.[].ifname'; echo`,
  `${A}; echo "$A" | jq '[.[].mtu] | add, min, max, (add / length)'; echo "$A" | jq 'reduce .[] as $i (0; . + $i.mtu)'`,
  `${A}; echo "$A" | jq -r '.[] | select(.flags | index("UP")) | .ifname'; echo "$A" | jq -r '.[] | select(.ifname | test("^v[0-9]+$")) | .ifname'; echo "$A" | jq -r '.[] | select(.ifname | startswith("v")) | .ifname | ascii_upcase'`,
  `echo '{"a":1} {"a":2}' | jq .a; printf '[1,2]\\n[3]\\n' | jq -c 'map(. * 2)'; printf '1 2 3' | jq -s add; printf '1\\n2\\n' | jq -n '[inputs]' -c`,
  `jq -n '1/3, 0.1, 1e17, 1e16, 1e15, 12345678901234567, 1e-5, 0.0001, 1.5e-7, 100000000000000000000, 3.0, -0, [], {}'`,
  `jq -n '"\\u007f\\u001b é \\t \\"q\\" \\\\"' ; jq -n -r '"a\\tb"'; jq -nc '{"b":1,"a":{"10":1,"2":2}}'`,
  `echo '{"a":1}' | jq '.[] | .x'; echo "rc=$?"; printf '{"a":\\n1}\\n\\n' | jq '.a | .[]'; echo "rc=$?"; echo '"abcdefghijklmnopq"' | jq '.[]'; echo "rc=$?"`,
  `jq -n '"a" + 1'; echo "rc=$?"; jq -n '{} | has(1)'; echo "rc=$?"; jq -n 'true | length'; jq -n '1 | keys'; jq -n '[1] - 1'; jq -n '5 % 0'; jq -n '{"a":1} | error'; jq -n '"x" | error'; echo "rc=$?"`,
  `printf '1\\n2' | jq '.|error'; printf '1\\n2 3' | jq '.|error'; printf '{}\\n\\n{}\\n\\n' | jq error; printf '[\\n1\\n]' | jq error; printf '1 2 3\\n' | jq 'if . == 2 then error("two") else . end'; echo "rc=$?"`,
  `jq -nc '[(1,2) + (10,20)], [(true,false) and (true,false)], [(true,false) or (true,false)], {a:(1,2),b:(3,4)}'`,
  `jq -nc '[1,[2,[3]]] | flatten, flatten(1)'; jq -nc '{"b":2,"a":1} | to_entries, with_entries(select(.value > 1))'; printf '1 2' | jq 'if .==1 then error("x") else . end'; echo "rc=$?"; printf '1 2' | jq -e 'if .==2 then empty else true end'; echo "rc=$?"`,
  `jq -nc '{"b":2,"a":1} | to_entries | from_entries, (map(.value) | add)'; jq -nc '[{"name":"a","value":1},{"k":"b","v":2}] | from_entries'`,
  `jq -nc '"a1b2" | sub("[0-9]";"X"), gsub("[0-9]";"X"), [match("[0-9]";"g").string], capture("(?<d>[0-9])"), [scan("[0-9]")], split(","), test("B";"i")'`,
  `jq -nc '[1,2] | tostring, tojson, (tojson | fromjson), ("12" | tonumber), type, (null | length), ("héllo" | length, utf8bytelength)'`,
  `jq -nc '[range(3)], [range(1;3)], [limit(2; range(9))], first(range(5;9)), isempty(empty), ([1,2] | contains([1])), ("foobar" | contains("bar"))'`,
  `jq -nc '[{"a":2,"b":1},{"a":1,"b":2}] | sort_by(.a), group_by(.a), unique_by(.a), min_by(.a), max_by(.b), (map(.a) | join("-"))'`,
  `jq -nc '[1,null,"a",true] | join(","), map(values), (.[] | scalars)'; jq -nc '"ab" * 3, "ab" * 0, "ab" * 1.5, ({"a":{"b":1}} * {"a":{"c":2}}), ("a,b" / ",")'`,
  `jq -nc '[1,2,3] | .[1:], .[:-1], .[5], .[-1], first, last, (.[1.5])'; jq -nc '"abcdef" | .[2:4], ltrimstr("ab"), rtrimstr("ef"), endswith("f")'`,
  `jq -nc '[.[]?], (try error("x") catch .), (.a.b.c), ([1] | .[0]?), (try (1 | .x) catch "caught")'`,
  `jq -n '[1,2] | foreach .[] as $x (0; . + $x)'; jq -n '. as $x | [$x, 1]' -c; jq -n '{"a":[1,2]} | .a as $l | $l | length'`,
  `echo '{"a":"x"}' | jq -r '.a, .b'; echo '"x"' | jq -r '@json, @text, @base64, @uri, @html'; echo '[1,"a"]' | jq -r '"row: \\(.)", @csv "v: \\(.)"'`,
  `echo '5' | jq -r '. - 1, . * 2, . / 2, . % 3, -., (. | not)'; echo 'null' | jq '.a.b, .[0], length, not'`,
  `echo 'a b' | jq -R .; printf 'x\\ny\\n' | jq -R -c '[., length]'; printf 'x\\ny\\n' | jq -Rs .`,
  `echo '' | jq .; echo "rc=$?"; echo '' | jq -e .; echo "rc=$?"; echo '{}' | jq -rc '.'; echo '[]' | jq 'length'`,
];

describe('jq against Debian jq 1.6: ip -j listings and the filters scripts use', () => sameAsBash(SNIPPETS));

describe('jq outside the modelled language is reported, not guessed', () => {
  it.each([`jq -n 'def f: 1; f'`, `echo '{"a":1}' | jq '.a |= 2'`, `echo 'nope' | jq .`, `jq -n '[1] | paths'`])('%s', (s) => {
    expect(viaNettwin(s).unsupported.length, 'the line is reported as not modelled').toBe(1);
  });
});
