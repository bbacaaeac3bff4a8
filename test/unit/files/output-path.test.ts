/** Output paths: refused under /proc, /sys, /dev (also through links), folders made level by level, files written only as regular files. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeOutputDir, OutputRefused, outputPathProblem, writeOutputFile } from '../../../src/files/output-path.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-out-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('outputPathProblem', () => {
  it("refuses the kernel's trees, lexically and through symbolic links", () => {
    for (const p of ['/proc', '/proc/nope', '/proc/self/fd/x', '/sys/x/y/z', '/dev/null', '/dev/shm/x', '/proc/../proc/x']) {
      expect(outputPathProblem(p), p).toMatch(/^under \/(proc|sys|dev), which belongs to the kernel/);
    }
    fs.symlinkSync('/proc/self', path.join(dir, 'me'));
    expect(outputPathProblem(path.join(dir, 'me', 'a', 'b'))).toMatch(/^under \/proc \(through a symbolic link\)/);
    expect(outputPathProblem('/process-not-proc/x')).toBeNull();
    expect(outputPathProblem(path.join(dir, 'new', 'deeper'))).toBeNull();
  });

  it('refuses a path through a file, and an empty path', () => {
    fs.writeFileSync(path.join(dir, 'file'), '');
    expect(outputPathProblem(path.join(dir, 'file', 'x'))).toBe(`${path.join(dir, 'file')} is not a directory`);
    expect(outputPathProblem('')).toBe('an empty path');
  });
});

describe('makeOutputDir and writeOutputFile', () => {
  it('make nested folders, then write and overwrite a file', () => {
    const d = path.join(dir, 'a', 'b', 'c');
    makeOutputDir(d);
    makeOutputDir(d);
    writeOutputFile(path.join(d, 'x.txt'), 'first, longer\n');
    writeOutputFile(path.join(d, 'x.txt'), 'second\n');
    expect(fs.readFileSync(path.join(d, 'x.txt'), 'utf8')).toBe('second\n');
  });

  it('refuse at once, without blocking, under /proc and on a FIFO', () => {
    const t0 = performance.now();
    expect(() => makeOutputDir('/proc/nope/deeper')).toThrow(OutputRefused);
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(() => writeOutputFile(fifo, 'x')).toThrow(/a FIFO \(named pipe\), not a regular file/);
    expect(() => writeOutputFile('/dev/null', 'x')).toThrow(/under \/dev/);
    expect(() => makeOutputDir(path.join(dir, 'a', 'b', 'c', 'x.txt'))).toThrow(/not a directory/);
    expect(performance.now() - t0).toBeLessThan(60_000); // ends (a hang would not); how fast is not this test's question
  });
});
