import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { asAssignment, expandAssignmentValue as expandValueGen } from '../../../src/shell/assign.js';
import { expandWord as expandWordGen, expandWords as expandWordsGen, UnsupportedExpansion, ExpansionError, type ExpandEnv, type Run } from '../../../src/shell/expand.js';
import { parseShell } from '../../../src/shell/parser.js';
import type { ShellCommand, ShellWord } from '../../../src/shell/ast.js';

function cmds(src: string): ShellCommand[] {
  const r = parseShell(src);
  expect(r.errors).toEqual([]);
  return r.commands;
}

function one(src: string): ShellCommand {
  const c = cmds(src);
  expect(c).toHaveLength(1);
  return c[0]!;
}

/** Variables for expansion; a command substitution runs `echo`-like: it prints its text after `echo `. */
function env(vars: Record<string, string>): ExpandEnv {
  return {
    get: (name) => (Object.hasOwn(vars, name) ? vars[name] : undefined),
    array: (name) => (name === '@' ? [] : undefined),
    keys: () => undefined,
    element: (name, sub) => (sub === '0' && Object.hasOwn(vars, name) ? vars[name] : undefined),
    set: (name, value) => {
      vars[name] = value;
    },
    nounset: false,
    ifs: ' \t\n',
    // biome-ignore lint/correctness/useYield: a substitution that runs no command
    *procsub() {
      return '/dev/fd/63';
    },
    // biome-ignore lint/correctness/useYield: a substitution that runs no command
    *cmdsub(text: string) {
      return `${text.replace(/^echo /, '')}\n`;
    },
  };
}

/** Runs an expansion that yields no command. */
function sync<T>(g: Run<T>): T {
  const r = g.next();
  if (!r.done) throw new Error('expansion ran a command');
  return r.value;
}

const expandWords = (w: ShellWord[], e: ExpandEnv) => sync(expandWordsGen(w, e));
const expandWord = (w: ShellWord, e: ExpandEnv) => sync(expandWordGen(w, e));
const expandAssignmentValue = (w: ShellWord, e: ExpandEnv) => sync(expandValueGen(w, e));

/** Expanded argv of the single command in `src`. */
function argv(src: string, vars: Record<string, string> = {}): string[] | null {
  return expandWords(one(src).words, env(vars));
}

function word(src: string, index: number): ShellWord {
  return one(src).words[index]!;
}

describe('parseShell: tutorial lines', () => {
  it('parses a quoted assignment', () => {
    const c = one('NODE_IP="192.168.0.16"');
    expect(c.words).toHaveLength(1);
    expect(c.text).toBe('NODE_IP="192.168.0.16"');
    const a = asAssignment(c.words[0]!);
    expect(a?.name).toBe('NODE_IP');
    expect(a?.value.text).toBe('"192.168.0.16"');
    expect(expandAssignmentValue(a!.value, env({}))).toBe('192.168.0.16');
  });

  it('parses a command with a variable and double spaces', () => {
    const c = one('sudo ip netns add  $NS1');
    expect(c.words.map((w) => w.text)).toEqual(['sudo', 'ip', 'netns', 'add', '$NS1']);
    expect(c.words[4]!.parts).toEqual([{ kind: 'var', name: 'NS1', quoted: false }]);
    expect(expandWords(c.words, env({ NS1: 'ns1' }))).toEqual(['sudo', 'ip', 'netns', 'add', 'ns1']);
    expect(c.text).toBe('sudo ip netns add  $NS1');
  });

  it('parses the socat tunnel line as a background command', () => {
    const src = 'sudo socat UDP:$TO_NODE_IP:9000,bind=$NODE_IP:9000, TUN:$TUNNEL_IP/16,tun-name=tundudp,iff-no-pi,tun-type=tun &';
    const c = one(src);
    expect(c.background).toBe(true);
    expect(c.joiner).toBeNull();
    expect(c.text).toBe(src.slice(0, -2));
    expect(c.words[2]!.parts).toEqual([
      { kind: 'lit', text: 'UDP:', quoted: false },
      { kind: 'var', name: 'TO_NODE_IP', quoted: false },
      { kind: 'lit', text: ':9000,bind=', quoted: false },
      { kind: 'var', name: 'NODE_IP', quoted: false },
      { kind: 'lit', text: ':9000,', quoted: false },
    ]);
    expect(expandWords(c.words, env({ TO_NODE_IP: '10.0.0.2', NODE_IP: '10.0.0.1', TUNNEL_IP: '172.16.0.1' }))).toEqual([
      'sudo',
      'socat',
      'UDP:10.0.0.2:9000,bind=10.0.0.1:9000,',
      'TUN:172.16.0.1/16,tun-name=tundudp,iff-no-pi,tun-type=tun',
    ]);
  });

  it('parses an output redirection with spaces', () => {
    const c = one('echo 1 > /proc/sys/net/ipv4/ip_forward');
    expect(c.words.map((w) => w.text)).toEqual(['echo', '1']);
    expect(c.redirects).toHaveLength(1);
    expect(c.redirects[0]).toMatchObject({ fd: 1, op: '>', target: { text: '/proc/sys/net/ipv4/ip_forward' } });
  });

  it('parses an && list', () => {
    const [a, b] = cmds('ip netns exec ns1 ping -c1 10.0.0.2 && echo ok');
    expect(a!.text).toBe('ip netns exec ns1 ping -c1 10.0.0.2');
    expect(a!.joiner).toBeNull();
    expect(b!.text).toBe('echo ok');
    expect(b!.joiner).toBe('&&');
  });

  it('parses set -e', () => {
    expect(argv('set -e')).toEqual(['set', '-e']);
  });

  it('parses export with assignments as ordinary words', () => {
    const c = one('export A=1 B="x y"');
    expect(c.words.map((w) => w.text)).toEqual(['export', 'A=1', 'B="x y"']);
    expect(asAssignment(c.words[0]!)).toBeNull();
    expect(asAssignment(c.words[1]!)?.name).toBe('A');
    const b = asAssignment(c.words[2]!)!;
    expect(b.name).toBe('B');
    expect(expandAssignmentValue(b.value, env({}))).toBe('x y');
    expect(expandWords(c.words, env({}))).toEqual(['export', 'A=1', 'B=x y']);
  });
});

describe('parseShell: comments and blank lines', () => {
  it('skips blank and comment lines', () => {
    const c = cmds('#!/bin/bash\n\n   # comment\n\t\nip link\n');
    expect(c).toHaveLength(1);
    expect(c[0]!.line).toBe(5);
  });

  it('treats # as a comment only at a word start', () => {
    expect(argv('echo a#b')).toEqual(['echo', 'a#b']);
    const c = one('echo x # c');
    expect(c.text).toBe('echo x');
    expect(argv('echo x # c')).toEqual(['echo', 'x']);
    expect(argv('echo x;# c')).toEqual(['echo', 'x']);
    expect(argv('echo "#x" \\#y')).toEqual(['echo', '#x', '#y']);
  });

  it('does not continue a comment with a trailing backslash', () => {
    const c = cmds('# comment \\\necho hi');
    expect(c).toHaveLength(1);
    expect(c[0]!.line).toBe(2);
  });
});

describe('parseShell: continuations and line numbers', () => {
  it('joins backslash-newline continuations and keeps the start line', () => {
    const c = cmds('echo first\nsudo ip link add veth0 \\\n    type veth \\\n    peer name veth1\necho last\n');
    expect(c.map((x) => [x.line, x.endLine])).toEqual([
      [1, 1],
      [2, 4],
      [5, 5],
    ]);
    expect(c[1]!.text).toBe('sudo ip link add veth0 type veth peer name veth1');
    expect(expandWords(c[1]!.words, env({}))).toEqual(['sudo', 'ip', 'link', 'add', 'veth0', 'type', 'veth', 'peer', 'name', 'veth1']);
  });

  it('joins a continuation inside a word without a space', () => {
    const c = one('echo ab\\\ncd');
    expect(c.text).toBe('echo abcd');
    expect(expandWords(c.words, env({}))).toEqual(['echo', 'abcd']);
  });

  it('joins a continuation inside double quotes but not single quotes', () => {
    expect(argv('echo "a\\\nb"')).toEqual(['echo', 'ab']);
    expect(argv("echo 'a\\\nb'")).toEqual(['echo', 'a\\\nb']);
  });

  it('reports the lines of commands after multi-line strings', () => {
    const c = cmds('echo "a\nb"\necho c');
    expect(c.map((x) => [x.line, x.endLine])).toEqual([
      [1, 2],
      [3, 3],
    ]);
  });

  it('tolerates CRLF line endings', () => {
    const c = cmds('A=1\r\nip link set \\\r\n  lo up\r\n');
    expect(c.map((x) => x.text)).toEqual(['A=1', 'ip link set lo up']);
    expect(c[1]!.endLine).toBe(3);
    expect(expandWords(c[1]!.words, env({}))).toEqual(['ip', 'link', 'set', 'lo', 'up']);
  });
});

describe('parseShell: quoting and escapes', () => {
  it('keeps single quotes literal', () => {
    expect(word("echo '$A'", 1).parts).toEqual([{ kind: 'lit', text: '$A', quoted: true }]);
    expect(argv('echo \'$A \\n "x"\'', { A: 'v' })).toEqual(['echo', '$A \\n "x"']);
  });

  it('escapes the next character outside quotes', () => {
    expect(argv('echo \\$A a\\ b \\\\')).toEqual(['echo', '$A', 'a b', '\\']);
  });

  it('inside double quotes escapes only $ ` " \\ and newline', () => {
    expect(argv('echo "\\$ \\` \\" \\\\ \\n \\a"')).toEqual(['echo', '$ ` " \\ \\n \\a']);
  });

  it('keeps an empty quoted word', () => {
    expect(argv('echo "" \'\' x')).toEqual(['echo', '', '', 'x']);
  });

  it('concatenates adjacent parts', () => {
    expect(word('echo "${A}b"', 1).parts).toEqual([
      { kind: 'lit', text: '', quoted: true },
      { kind: 'var', name: 'A', quoted: true },
      { kind: 'lit', text: 'b', quoted: true },
    ]);
    expect(argv('echo "${A}b"', { A: 'a' })).toEqual(['echo', 'ab']);
    expect(argv('echo pre"$A"\'q\'post', { A: 'x y' })).toEqual(['echo', 'prex yqpost']);
  });

  it("handles $'...' ANSI-C strings", () => {
    expect(argv("echo $'a\\tb\\x41\\n'")).toEqual(['echo', 'a\tbA\n']);
  });
});

describe('parseShell: separators', () => {
  it('recognises operators without spaces', () => {
    const c = cmds('a&&b||c|d;e&f');
    expect(c.map((x) => [x.text, x.joiner, x.background])).toEqual([
      ['a', null, false],
      ['b', '&&', false],
      ['c', '||', false],
      ['d', '|', false],
      ['e', ';', true],
      ['f', null, false],
    ]);
  });

  it('starts a new list on each line', () => {
    const c = cmds('a; b\nc');
    expect(c.map((x) => x.joiner)).toEqual([null, ';', null]);
  });

  it('allows a trailing ; or & and a trailing newline', () => {
    expect(cmds('a;\n').map((x) => x.text)).toEqual(['a']);
    const c = one('sleep 1 &');
    expect(c.background).toBe(true);
    expect(c.text).toBe('sleep 1');
  });

  it('continues a list after && || | at end of line', () => {
    const c = cmds('a &&\n\n  b ||\n c |\n d');
    expect(c.map((x) => [x.text, x.joiner, x.line])).toEqual([
      ['a', null, 1],
      ['b', '&&', 3],
      ['c', '||', 4],
      ['d', '|', 5],
    ]);
  });

  it('treats |& as a pipe that also carries stderr', () => {
    const [a, b] = cmds('a |& b');
    expect(a!.redirects).toMatchObject([{ fd: 2, op: '>&', target: { text: '1' } }]);
    expect(b!.joiner).toBe('|');
  });

  it('does not split on operators inside quotes', () => {
    expect(argv('echo "a;b" \'c&&d\' e\\|f')).toEqual(['echo', 'a;b', 'c&&d', 'e|f']);
  });
});

describe('parseShell: redirections', () => {
  it('parses fd and attached targets', () => {
    const c = one('cmd 2>/dev/null >>log <in 3>&1 2>>err >&2');
    expect(c.words.map((w) => w.text)).toEqual(['cmd']);
    expect(c.redirects.map((r) => [r.fd, r.op, r.target.text])).toEqual([
      [2, '>', '/dev/null'],
      [1, '>>', 'log'],
      [0, '<', 'in'],
      [3, '>&', '1'],
      [2, '>>', 'err'],
      [1, '>&', '2'],
    ]);
  });

  it('expands &> into two redirections', () => {
    expect(one('cmd &>x').redirects.map((r) => [r.fd, r.op, r.target.text])).toEqual([
      [1, '>', 'x'],
      [2, '>&', '1'],
    ]);
    expect(one('cmd &>>x').redirects.map((r) => [r.fd, r.op, r.target.text])).toEqual([
      [1, '>>', 'x'],
      [2, '>&', '1'],
    ]);
    expect(one('cmd >&file').redirects.map((r) => [r.fd, r.op, r.target.text])).toEqual([
      [1, '>', 'file'],
      [2, '>&', '1'],
    ]);
  });

  it('only treats bare digits as an fd', () => {
    const c = one('echo a2>x 2 >y');
    expect(c.words.map((w) => w.text)).toEqual(['echo', 'a2', '2']);
    expect(c.redirects.map((r) => [r.fd, r.target.text])).toEqual([
      [1, 'x'],
      [1, 'y'],
    ]);
  });

  it('allows redirections before the command', () => {
    const c = one('>/dev/null 2>&1 ip link');
    expect(c.words.map((w) => w.text)).toEqual(['ip', 'link']);
    expect(c.redirects).toHaveLength(2);
  });

  it('reports a missing target like bash', () => {
    expect(parseShell('echo >\n').errors).toEqual([{ line: 1, message: "syntax error near unexpected token `newline'" }]);
    expect(parseShell('echo >').errors).toEqual([{ line: 1, message: "syntax error near unexpected token `newline'" }]);
  });
});

describe('parseShell: parameters and unsupported expansions', () => {
  it('parses $NAME, ${NAME} and defaults', () => {
    expect(word('echo $A', 1).parts).toEqual([{ kind: 'var', name: 'A', quoted: false }]);
    expect(word('echo ${A}', 1).parts).toEqual([{ kind: 'var', name: 'A', quoted: false }]);
    const d = word('echo ${A:-def}', 1).parts[0]!;
    expect(d).toMatchObject({ kind: 'var', name: 'A', op: ':-', default: { text: 'def' } });
    const e = word('echo ${A-def}', 1).parts[0]!;
    expect(e).toMatchObject({ kind: 'var', name: 'A', op: '-', default: { text: 'def' } });
  });

  it('parses special and positional parameters', () => {
    const names = one('echo $1 $9 $? $$ $# $@ $* ${10}')
      .words.slice(1)
      .map((w) => w.parts[0]);
    expect(names).toEqual(['1', '9', '?', '$', '#', '@', '*', '10'].map((name) => ({ kind: 'var', name, quoted: false })));
    expect(word('echo $10', 1).parts).toEqual([
      { kind: 'var', name: '1', quoted: false },
      { kind: 'lit', text: '0', quoted: false },
    ]);
  });

  it('keeps a $ that starts nothing as a literal', () => {
    expect(argv('echo $ $. a$ "$" "x$"')).toEqual(['echo', '$', '$.', 'a$', '$', 'x$']);
  });

  it('parses command substitutions, arithmetic and parameter operators into parts', () => {
    const c = one('echo $(ip -o link | grep "$(echo x)") `date` $((1 + (2 * 3))) ${#A} ${A/x/y} "in $(pwd) q"');
    const kinds = c.words.slice(1).map((w) => w.parts.filter((p) => p.kind !== 'lit').map((p) => [p.kind, 'text' in p ? p.text : 'op' in p ? p.op : '']));
    expect(kinds).toEqual([[['cmdsub', 'ip -o link | grep "$(echo x)"']], [['cmdsub', 'date']], [['arith', '1 + (2 * 3)']], [['var', 'len']], [['var', '/']], [['cmdsub', 'pwd']]]);
    expect(expandWords(c.words.slice(3, 5), env({ A: 'axa' }))).toEqual(['7', '3']);
    expect(expandWord(c.words[5]!, env({ A: 'axa' }))).toEqual(['aya']);
  });

  it('expands braces', () => {
    expect(expandWords(one('ip netns add ns{1,2}').words, env({}))).toEqual(['ip', 'netns', 'add', 'ns1', 'ns2']);
    expect(argv("awk '{print $1,$2}' {} x{y}")).toEqual(['awk', '{print $1,$2}', '{}', 'x{y}']);
    expect(argv('echo {1..3} {a..c}{x,"y z"} {01..3} {3..1} "{1,2}"')).toEqual(['echo', '1', '2', '3', 'ax', 'ay z', 'bx', 'by z', 'cx', 'cy z', '01', '02', '03', '3', '2', '1', '{1,2}']);
  });

  it('expands a leading ~ from HOME', () => {
    expect(argv('cd ~/x ~ a~', { HOME: '/root' })).toEqual(['cd', '/root/x', '/root', 'a~']);
    expect(argv('cd ~/x', {})).toEqual(['cd', '~/x']);
  });
});

describe('expandWord', () => {
  it('splits unquoted expansions on blanks', () => {
    expect(argv('echo $X', { X: 'a b' })).toEqual(['echo', 'a', 'b']);
    expect(argv('echo "$X"', { X: 'a b' })).toEqual(['echo', 'a b']);
    expect(argv('echo x$X', { X: ' a\tb\n' })).toEqual(['echo', 'x', 'a', 'b']);
    expect(argv('echo $X"y"', { X: 'a ' })).toEqual(['echo', 'a', 'y']);
    expect(argv('echo ${X}c', { X: 'a  b' })).toEqual(['echo', 'a', 'bc']);
  });

  it('drops empty unquoted expansions but keeps quoted ones', () => {
    expect(argv('echo $E $U x', { E: '' })).toEqual(['echo', 'x']);
    expect(argv('echo "$E" "$U"', { E: '' })).toEqual(['echo', '', '']);
    expect(argv('echo a$E', { E: '' })).toEqual(['echo', 'a']);
    expect(argv('echo $X', { X: '   ' })).toEqual(['echo']);
  });

  it('applies :- and - defaults', () => {
    expect(argv('echo ${A:-d} ${A-d}', {})).toEqual(['echo', 'd', 'd']);
    expect(argv('echo ${A:-d} ${A-d}', { A: '' })).toEqual(['echo', 'd']);
    expect(argv('echo ${A:-d} ${A-d}', { A: 'v' })).toEqual(['echo', 'v', 'v']);
    expect(argv('echo ${A:-$B}', { B: 'x y' })).toEqual(['echo', 'x', 'y']);
    expect(argv('echo "${A:-$B}"', { B: 'x y' })).toEqual(['echo', 'x y']);
  });

  it('splits unquoted default text but not quoted default text, like bash', () => {
    expect(argv('echo ${A:-a   b}x', {})).toEqual(['echo', 'a', 'bx']);
    expect(argv('echo ${A:-"p q"}', {})).toEqual(['echo', 'p q']);
    expect(argv('echo "${A:-\'x y\'}"', {})).toEqual(['echo', "'x y'"]);
  });

  it('does not glob', () => {
    expect(argv('ls *.conf ?')).toEqual(['ls', '*.conf', '?']);
  });

  it('refuses a part nettwin does not expand (output process substitution), names an input one by its file', () => {
    expect(() => expandWord(word('tee >(ls) x', 1), env({}))).toThrow(UnsupportedExpansion);
    expect(expandWord(word('diff <(ls) x', 1), env({}))).toEqual(['/dev/fd/63']);
    expect(expandWord(word('echo a$(echo b)', 1), env({}))).toEqual(['ab']);
  });
});

describe('asAssignment / expandAssignmentValue', () => {
  it('recognises NAME=value', () => {
    const a = asAssignment(word('X=a$B"c d" cmd', 0))!;
    expect(a.name).toBe('X');
    expect(a.value.text).toBe('a$B"c d"');
    expect(a.value.parts).toEqual([
      { kind: 'lit', text: 'a', quoted: false },
      { kind: 'var', name: 'B', quoted: false },
      { kind: 'lit', text: 'c d', quoted: true },
    ]);
    expect(expandAssignmentValue(a.value, env({ B: '1  2' }))).toBe('a1  2c d');
  });

  it('handles empty values', () => {
    const a = asAssignment(word('X=', 0))!;
    expect(a.name).toBe('X');
    expect(a.value.parts).toEqual([]);
    expect(expandAssignmentValue(a.value, env({}))).toBe('');
  });

  it('does not split assignment expansions', () => {
    const a = asAssignment(word('IPS=$X', 0))!;
    expect(expandAssignmentValue(a.value, env({ X: 'a b' }))).toBe('a b');
  });

  it('rejects non-assignments', () => {
    for (const src of ['echo', '"A"=1', 'A\\=1', '1A=2', '=x', 'a-b=c']) {
      expect(asAssignment(word(src, 0))).toBeNull();
    }
  });

  it('expands command substitutions in values', () => {
    const a = asAssignment(word('IP=$(echo 10.0.0.1)', 0))!;
    expect(a.name).toBe('IP');
    expect(expandAssignmentValue(a.value, env({}))).toBe('10.0.0.1');
    expect(asAssignment(word('A+=1', 0))).toMatchObject({ name: 'A', append: true });
  });

  it('keeps leading assignments among the words', () => {
    const c = one('LANG=C FOO="a b" ip link');
    expect(c.words.map((w) => asAssignment(w)?.name ?? null)).toEqual(['LANG', 'FOO', null, null]);
  });
});

describe('parseShell: compound constructs', () => {
  it('makes an if/fi construct one command', () => {
    const c = cmds('echo a\nif [ -d /x ]; then\n  echo "fi"\n  if true; then :; fi\nelse\n  echo no\nfi\necho b');
    expect(c.map((x) => [x.compound ?? null, x.line, x.endLine])).toEqual([
      [null, 1, 1],
      ['if', 2, 7],
      [null, 8, 8],
    ]);
    expect(c[1]!.words[0]!.text).toBe('if');
    expect(c[1]!.text.split('\n')).toHaveLength(6);
  });

  it('handles loops, case, and trailing redirects and pipes', () => {
    const src = 'for i in 1 2; do\n case $i in\n  1) echo one;;\n  (2|3) echo two ;;\n  *) if x; then y; fi ;;\n esac\ndone 2>&1 | tee log\nwhile true; do sleep 1; done &\nuntil false; do :; done';
    const c = cmds(src);
    expect(c.map((x) => [x.compound ?? null, x.line, x.endLine, x.joiner, x.background])).toEqual([
      ['for', 1, 7, null, false],
      [null, 7, 7, '|', false],
      ['while', 8, 8, null, true],
      ['until', 9, 9, null, false],
    ]);
    expect(c[0]!.redirects.map((r) => [r.fd, r.op, r.target.text])).toEqual([[2, '>&', '1']]);
  });

  it('handles function definitions', () => {
    const c = cmds('f() {\n  ip link\n}\nsetup () { echo; }\nfunction g {\n  x\n}\nfunction h() (\n echo\n)\nf');
    expect(c.map((x) => [x.compound ?? null, x.words[0]!.text, x.line, x.endLine])).toEqual([
      ['function', 'f', 1, 3],
      ['function', 'setup', 4, 4],
      ['function', 'function', 5, 7],
      ['function', 'function', 8, 10],
      [null, 'f', 11, 11],
    ]);
  });

  it('handles a function body on the next line', () => {
    const c = cmds('f()\n{\n  x\n}\ny');
    expect(c.map((x) => [x.compound ?? null, x.line, x.endLine])).toEqual([
      ['function', 1, 4],
      [null, 5, 5],
    ]);
  });

  it('handles groups, subshells, arithmetic and [[', () => {
    const c = cmds('{ echo a; } > f; ( cd /; ls ) &\n((i++)) && [[ $a < b ]] || x');
    expect(c.map((x) => [x.compound ?? null, x.text, x.joiner, x.background])).toEqual([
      ['{', '{ echo a; } > f', null, false],
      ['(', '( cd /; ls )', ';', true],
      ['((', '((i++))', null, false],
      ['[[', '[[ $a < b ]]', '&&', false],
      [null, 'x', '||', false],
    ]);
    expect(c[0]!.redirects).toHaveLength(1);
  });

  it('does not treat keywords as keywords outside command position', () => {
    expect(argv('echo if then fi done { }')).toEqual(['echo', 'if', 'then', 'fi', 'done', '{', '}']);
    expect(one('"if" x').compound).toBeUndefined();
  });

  it('makes a heredoc command one command including its body', () => {
    const c = cmds('cat <<EOF > /etc/x.conf\nline $A\n  EOF not yet\nEOF\necho after');
    expect(c.map((x) => [x.compound ?? null, x.line, x.endLine])).toEqual([
      [null, 1, 4],
      [null, 5, 5],
    ]);
    expect(c[0]!.text).toBe('cat <<EOF > /etc/x.conf\nline $A\n  EOF not yet\nEOF');
    expect(c[0]!.words.map((w) => w.text)).toEqual(['cat']);
    expect(c[0]!.redirects.map((r) => [r.fd, r.op, r.target.text])).toEqual([
      [0, '<<', 'EOF'],
      [1, '>', '/etc/x.conf'],
    ]);
    expect(c[0]!.redirects[0]!.heredoc).toEqual({ body: 'line $A\n  EOF not yet\n', expand: true, line: 2 });
  });

  it('handles <<- with tabs, quoted delimiters and commands after the heredoc operator', () => {
    const c = cmds("cat <<-'END'; echo same\n\tbody\n\tEND\necho next");
    expect(c.map((x) => [x.compound ?? null, x.text, x.line, x.endLine])).toEqual([
      [null, "cat <<-'END'\n\tbody\n\tEND", 1, 3],
      [null, 'echo same', 1, 1],
      [null, 'echo next', 4, 4],
    ]);
  });

  it('skips heredoc bodies inside constructs', () => {
    const c = cmds('if true; then\n cat <<EOF\nfi\nEOF\nfi\necho z');
    expect(c.map((x) => [x.compound ?? null, x.line, x.endLine])).toEqual([
      ['if', 1, 5],
      [null, 6, 6],
    ]);
  });

  it('lets an unterminated heredoc run to end of file', () => {
    const c = cmds('cat <<EOF\na\nb');
    expect(c).toHaveLength(1);
    expect(c[0]!.endLine).toBe(3);
  });

  it('marks here-strings', () => {
    expect(one('grep x <<< "$A"').redirects.map((r) => [r.fd, r.op, r.target.text])).toEqual([[0, '<<<', '"$A"']]);
  });
});

describe('parseShell: errors', () => {
  it('reports an unterminated double quote like bash and drops the partial list', () => {
    const r = parseShell('echo a\necho b; echo "c\nd\n');
    expect(r.errors).toEqual([{ line: 2, message: 'unexpected EOF while looking for matching `"\'' }]);
    expect(r.commands.map((c) => c.text)).toEqual(['echo a']);
  });

  it('reports other unterminated quotes and substitutions', () => {
    expect(parseShell("echo 'a").errors).toEqual([{ line: 1, message: "unexpected EOF while looking for matching `''" }]);
    expect(parseShell('echo `a').errors).toEqual([{ line: 1, message: "unexpected EOF while looking for matching ``'" }]);
    expect(parseShell('echo ${A\nb').errors).toEqual([{ line: 1, message: "unexpected EOF while looking for matching `}'" }]);
    expect(parseShell('echo $(a\nb\n').errors).toEqual([{ line: 3, message: "unexpected EOF while looking for matching `)'" }]);
  });

  it('reports unexpected tokens and stops like a non-interactive bash', () => {
    const r = parseShell('echo a\necho b; fi\necho c');
    expect(r.errors).toEqual([{ line: 2, message: "syntax error near unexpected token `fi'" }]);
    expect(r.commands.map((c) => c.text)).toEqual(['echo a']);
    expect(parseShell('echo a;;').errors[0]!.message).toBe("syntax error near unexpected token `;;'");
    expect(parseShell(')').errors[0]!.message).toBe("syntax error near unexpected token `)'");
    expect(parseShell('; x').errors[0]!.message).toBe("syntax error near unexpected token `;'");
    expect(parseShell('if true; then echo; fi foo').errors[0]!.message).toBe("syntax error near unexpected token `foo'");
  });

  it('reports an unterminated construct or list at end of file', () => {
    expect(parseShell('echo a\nif x; then\n echo\n').errors).toEqual([{ line: 4, message: 'syntax error: unexpected end of file' }]);
    expect(parseShell('a &&\n').errors).toEqual([{ line: 2, message: 'syntax error: unexpected end of file' }]);
  });
});

describe('parseShell: robustness', () => {
  it('never throws and keeps lines in range', () => {
    const alphabet = fc.constantFrom(
      'a',
      'b',
      ' ',
      '\t',
      '\n',
      '\r\n',
      '"',
      "'",
      '`',
      '$',
      '\\',
      '{',
      '}',
      '(',
      ')',
      ';',
      '&',
      '|',
      '<',
      '>',
      '#',
      '=',
      '$(',
      '${',
      ':-',
      '<<',
      'EOF',
      'if ',
      'fi',
      'then ',
      'do ',
      'done',
      'case ',
      'esac',
      ';;',
      '2>',
      '&>',
      '~',
      ',',
      '[[',
    );
    const script = fc.oneof(
      fc.string(),
      fc.array(alphabet, { maxLength: 60 }).map((xs) => xs.join('')),
    );
    fc.assert(
      fc.property(script, (src) => {
        const lineCount = src.split('\n').length;
        const r = parseShell(src);
        for (const c of r.commands) {
          expect(c.line).toBeGreaterThanOrEqual(1);
          expect(c.line).toBeLessThanOrEqual(lineCount);
          expect(c.endLine).toBeGreaterThanOrEqual(c.line);
          expect(c.endLine).toBeLessThanOrEqual(lineCount);
          try {
            expandWords(c.words, { ...env({}), get: () => 'x y' });
          } catch (e) {
            // a bad arithmetic expression or a process substitution is reported, not a crash
            if (!(e instanceof UnsupportedExpansion) && !(e instanceof ExpansionError)) throw e;
          }
        }
        for (const e of r.errors) {
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(lineCount);
          expect(e.message).not.toMatch(/internal parser error/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('for loops run their body once per word', () => {
  it('expands the words, sets the variable, numbers the body by its own lines', async () => {
    const { Lab } = await import('../../../src/lab.js');
    const steps = new Lab().host('h').sh('for ns in a b; do ip netns add $ns; done\nfor ns in a b\ndo\n  ip -n $ns link set lo up\ndone\nip netns list\n');
    expect(steps.map((s) => [s.line, s.command, s.exit])).toEqual([
      [1, 'ip netns add a', 0],
      [1, 'ip netns add b', 0],
      [4, 'ip -n a link set lo up', 0],
      [4, 'ip -n b link set lo up', 0],
      [6, 'ip netns list', 0],
    ]);
    expect(steps[4].stdout).toBe('b\na\n');
  });
});
