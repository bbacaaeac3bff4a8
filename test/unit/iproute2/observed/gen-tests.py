# Turns /tmp/dt/cN.json (written by diff-real.mts) into ../observed-*.test.ts. Developer tool.
import json, sys
files = {
 'c1': ('basics', 'argument errors, global options, a bridge with a namespace and its teardown'),
 'c2': ('link', '`ip link` add/set/delete, link types, `ip netns`'),
 'c3': ('addr', '`ip address` add/change/replace/delete/flush and its selectors'),
 'c4': ('route', '`ip route` add/append/prepend/replace/change/delete/flush/show/get'),
 'c5': ('neigh-rule-tuntap', '`ip neigh`, `ip rule`, `ip tuntap`'),
 'c6': ('vxlan-bridge', 'VXLAN options, `bridge fdb` and `bridge link`'),
 'c7': ('seed', 'the seed tutorial\'s commands, with `ip -n` in place of `ip netns exec`'),
 'c8': ('options', 'option errors: missing values, duplicates, abbreviations, global options'),
}
def q(s):
    return json.dumps(s, ensure_ascii=False).replace("'", "\\'")
def lit(s):
    # single-quoted TS string literal
    return "'" + json.dumps(s, ensure_ascii=False)[1:-1].replace("\\\"", '"').replace("'", "\\'") + "'"
for key,(name,desc) in files.items():
    recs = json.load(open(f'/tmp/dt/{key}.json'))
    groups = {}
    for r in recs: groups.setdefault(r['g'], []).append(r)
    out = []
    out.append('/**')
    out.append(f' * {desc}.')
    out.append(' * Every expectation below was observed on iproute2 6.1 / kernel 6.18 in the sandbox')
    out.append(' * (test/tools/sbx, a fresh network namespace per sequence). Steps without an expectation')
    out.append(" * are show commands (the renderers' tests cover them) or follow from an unsupported step.")
    out.append(' */')
    out.append("import { describe, it } from 'vitest';")
    out.append("import { replay, type Step } from './replay.js';")
    out.append('')
    out.append(f"describe('{name} (observed on iproute2 6.1 / kernel 6.18)', () => {{")
    for g, rs in sorted(groups.items()):
        out.append(f"  it('sequence {g + 1}: {rs[0]['cmd'].replace(chr(39), '')} …', () => {{")
        out.append('    const steps: Step[] = [')
        for r in rs:
            cmd = r['cmd']; real = r['real']; st = r.get('status')
            if st == 'unsup':
                out.append(f"      [{lit(cmd)}, 'unsupported'],")
            elif st == 'diff' or (r['kind'] == 'show' and real['stdout'] != ''):
                out.append(f"      [{lit(cmd)}],")
            else:
                so = real['stdout']
                if so:
                    out.append(f"      [{lit(cmd)}, {real['exit']}, {lit(real['stderr'])}, {lit(so)}],")
                else:
                    out.append(f"      [{lit(cmd)}, {real['exit']}, {lit(real['stderr'])}],")
        out.append('    ];')
        out.append('    replay(steps);')
        out.append('  });')
    out.append('});')
    open(f'/work/main/test/unit/iproute2/observed-{name}.test.ts','w').write('\n'.join(out)+'\n')
