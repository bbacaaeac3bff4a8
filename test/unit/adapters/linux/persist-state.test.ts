/** What destroy accepts as a state file (no kernel): only runs with a nettwin prefix and names that carry it. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readState, recordRun, stateProblem, StateFileError } from '../../../../adapters/linux/persist-state.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-state-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const run = (over: Record<string, unknown> = {}) => ({ id: 'ab12', prefix: 'nt1-ab12-', created: 'now', pid: 42, namespaces: ['nt1-ab12-0', 'nt1-ab12-1'], mapping: { a: 'nt1-ab12-0' }, ...over });

describe('stateProblem', () => {
  it('accepts what nettwin writes', () => {
    expect(stateProblem({ version: 1, runs: [] })).toBeNull();
    expect(stateProblem({ version: 1, runs: [run(), run({ id: 'cd34', prefix: 'x-cd34-', namespaces: ['x-cd34-a'], mapping: {} })] })).toBeNull();
    expect(stateProblem({ version: 1, runs: [run({ inodes: { 'nt1-ab12-0': { dev: '4', ino: '4026532175', ctime: '1796594612000000000' } } })] })).toBeNull();
  });

  it.each<[string, unknown, RegExp]>([
    ['not a state', { hello: 1 }, /no "version": 1/],
    ['an empty prefix', { version: 1, runs: [run({ prefix: '' })] }, /prefix "" is not a nettwin run prefix/],
    ['a prefix without the id', { version: 1, runs: [run({ prefix: 'nt1-' })] }, /prefix "nt1-"/],
    ['a name outside the prefix', { version: 1, runs: [run({ namespaces: ['nt1-ab12-0', 'default'] })] }, /holds "default", which is not a name of run nt1-ab12-/],
    ['the prefix alone as a name', { version: 1, runs: [run({ namespaces: ['nt1-ab12-'] })] }, /holds "nt1-ab12-"/],
    ['a path as a name', { version: 1, runs: [run({ namespaces: ['nt1-ab12-/../../x'] })] }, /which is not a name of run/],
    ['a name twice', { version: 1, runs: [run({ namespaces: ['nt1-ab12-0', 'nt1-ab12-0'] })] }, /twice/],
    ['a mapping outside the run', { version: 1, runs: [run({ mapping: { a: 'other' } })] }, /mapping names a namespace/],
    ['inodes of another name', { version: 1, runs: [run({ inodes: { other: { dev: '1', ino: '2', ctime: '3' } } })] }, /inodes names "other"/],
    ['inodes that are not numbers', { version: 1, runs: [run({ inodes: { 'nt1-ab12-0': { dev: 'x', ino: '2', ctime: '3' } } })] }, /not a device, inode and time/],
    ['two runs with one prefix', { version: 1, runs: [run(), run()] }, /two runs have the prefix/],
  ])('refuses %s', (_, s, why) => {
    expect(stateProblem(s)).toMatch(why);
  });
});

describe('readState', () => {
  it('no file is no runs; anything else that is not a state is refused, and recordRun does not overwrite it', () => {
    expect(readState(path.join(dir, 'none.json'))).toEqual({ version: 1, runs: [] });
    const passwd = path.join(dir, 'passwd');
    fs.writeFileSync(passwd, 'root:x:0:0:root:/root:/bin/bash\n');
    expect(() => readState(passwd)).toThrow(StateFileError);
    expect(() => recordRun(run(), passwd)).toThrow(/not a nettwin state file \(not JSON\)/);
    expect(fs.readFileSync(passwd, 'utf8')).toBe('root:x:0:0:root:/root:/bin/bash\n');
    expect(() => readState(dir)).toThrow(/a directory, not a file/);
  });

  it('recordRun refuses a run it would not accept back', () => {
    expect(() => recordRun(run({ prefix: '' }), path.join(dir, 'state.json'))).toThrow(StateFileError);
    expect(fs.existsSync(path.join(dir, 'state.json'))).toBe(false);
    recordRun(run(), path.join(dir, 'state.json'));
    expect(readState(path.join(dir, 'state.json')).runs.map((r) => r.prefix)).toEqual(['nt1-ab12-']);
  });
});
