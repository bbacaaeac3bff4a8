import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { genCommand, genFileName } from '../../../src/cli/gen.js';
import { Lab } from '../../../src/lab.js';

const dirs: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-gen-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const quiet = () => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
};
const read = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );

describe('nettwin gen', () => {
  it('writes DIR/001.sh … and the same seed gives the same files', async () => {
    quiet();
    const a = tmp();
    const b = tmp();
    expect(await genCommand({ seed: 42, count: 12, out: a })).toBe(0);
    expect(await genCommand({ seed: 42, count: 12, out: b })).toBe(0);
    const files = read(a);
    expect(Object.keys(files)).toEqual(Array.from({ length: 12 }, (_, i) => genFileName(i + 1, 12)));
    expect(Object.keys(files)[0]).toBe('001.sh');
    expect(read(b)).toEqual(files);
  });

  it('another seed gives other labs; a shorter batch is a prefix of a longer one', async () => {
    quiet();
    const a = tmp();
    const b = tmp();
    const c = tmp();
    await genCommand({ seed: 1, count: 8, out: a });
    await genCommand({ seed: 2, count: 8, out: b });
    await genCommand({ seed: 1, count: 3, out: c });
    expect(read(b)).not.toEqual(read(a));
    expect(read(c)).toEqual(Object.fromEntries(Object.entries(read(a)).slice(0, 3)));
  });

  it('writes scripts that nettwin runs with every command modelled', async () => {
    quiet();
    const d = tmp();
    await genCommand({ seed: 5, count: 10, out: d });
    for (const [f, text] of Object.entries(read(d))) {
      expect(text.startsWith('#!/bin/bash\n')).toBe(true);
      const steps = new Lab().host('host').sh(text, { file: f });
      expect(steps.length).toBeGreaterThan(0);
      expect(steps.every((s) => s.supported)).toBe(true);
    }
  });

  it('refuses bad options with exit status 2', async () => {
    quiet();
    expect(await genCommand({ seed: 1.5, count: 1, out: tmp() })).toBe(2);
    expect(await genCommand({ seed: 1, count: 0, out: tmp() })).toBe(2);
    expect(await genCommand({ seed: 1, count: 2, out: '' })).toBe(2);
    const file = path.join(tmp(), 'a-file');
    fs.writeFileSync(file, '');
    expect(await genCommand({ seed: 1, count: 1, out: file })).toBe(2);
  });

  it('names files wider for big batches', () => {
    expect(genFileName(7, 20)).toBe('007.sh');
    expect(genFileName(7, 5000)).toBe('0007.sh');
  });
});
