/** readTextFile: what it reads, what it refuses (before opening where it must), and that it never blocks. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileRefused, readTextFile } from '../../../src/files/read-text.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, body: string | Buffer) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, body);
  return f;
};
const reason = (p: string, opts = {}) => {
  try {
    readTextFile(p, opts);
  } catch (e) {
    if (e instanceof FileRefused) return e.reason;
    throw e;
  }
  return 'read';
};

describe('readTextFile', () => {
  it('reads a UTF-8 text file, a symbolic link to one, and an empty file', () => {
    const f = file('ok.sh', 'ip link\n# é ü 한국어\n');
    expect(readTextFile(f)).toBe('ip link\n# é ü 한국어\n');
    fs.symlinkSync(f, path.join(dir, 'link.sh'));
    expect(readTextFile(path.join(dir, 'link.sh'))).toBe('ip link\n# é ü 한국어\n');
    expect(readTextFile(file('empty.sh', ''))).toBe('');
  });

  it('refuses what is not a regular file before opening it: a FIFO returns at once', () => {
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const t0 = performance.now();
    expect(reason(fifo)).toBe('a FIFO (named pipe), not a regular file');
    expect(performance.now() - t0).toBeLessThan(60_000); // ends (a hang would not); how fast is not this test's question
    expect(reason('/dev/zero')).toBe('a character device, not a regular file');
    expect(reason('/dev/null')).toBe('a character device, not a regular file');
    expect(reason(dir)).toBe('a directory, not a file');
    expect(reason(path.join(dir, 'nope'))).toBe('no such file');
    expect(reason(path.join(dir, 'ok.sh', 'x'))).toBe('a part of the path is not a directory');
  });

  it("refuses the kernel's pseudo files, whatever stat says of their size", () => {
    expect(reason('/proc/self/environ')).toBe("a file of the kernel's proc file system, not a script");
    expect(reason('/proc/self/cmdline')).toBe("a file of the kernel's proc file system, not a script");
    expect(reason('/sys/class/net/lo/mtu')).toBe("a file of the kernel's sysfs file system, not a script");
  });

  it('refuses a file over the size limit from its size, without reading it', () => {
    const f = path.join(dir, 'sparse');
    fs.closeSync(fs.openSync(f, 'w'));
    fs.truncateSync(f, 100 * 1024 * 1024);
    expect(reason(f)).toBe('larger than 8 MiB (104857600 bytes)');
    expect(reason(file('eleven', 'x'.repeat(11)), { maxBytes: 10 })).toBe('larger than 10 bytes (11 bytes)');
    expect(readTextFile(file('ten', 'x'.repeat(10)), { maxBytes: 10 })).toBe('x'.repeat(10));
  });

  it('refuses binary content and long lines, naming the line', () => {
    expect(reason(file('nul', Buffer.from('ip link\n\0\n')))).toBe('a binary file (it contains NUL bytes), not text');
    expect(reason(file('latin1', Buffer.from([0x23, 0x20, 0xe9, 0x0a])))).toBe('not UTF-8 text (a binary file?)');
    expect(reason(file('long', `a\nb\n${'x'.repeat(101)}\n`), { maxLineBytes: 100 })).toBe('line 3 is longer than 100 bytes');
    expect(readTextFile(file('fits', `${'x'.repeat(100)}\n`), { maxLineBytes: 100 })).toBe(`${'x'.repeat(100)}\n`);
  });

  it('never quotes the content in its message', () => {
    const secret = 'nettwin-secret-0123';
    for (const body of [Buffer.from(`${secret}\0`), Buffer.from(`${secret}\xff`, 'latin1'), Buffer.from(`${secret.repeat(10)}\n`)]) {
      try {
        readTextFile(file('s', body), { maxLineBytes: 50 });
        throw new Error('read');
      } catch (e) {
        expect((e as Error).message).not.toContain(secret);
      }
    }
  });
});
