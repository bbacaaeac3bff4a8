/**
 * The checked-in source of the socat table is this machine's socat: `socat -hhh` prints exactly
 * tools/data/socat-hhh.txt, and `socat -V` the same version and features as tools/data/socat-V.txt
 * (the `running on` line names the kernel, which may differ). Read-only: socat only prints help.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { expect, it } from 'vitest';
import { HHH_FILE, VERSION_FILE } from '../../tools/gen-socat-table.js';
import { describeReal } from './require-real.js';

const socat = (arg: string) => execFileSync('socat', [arg], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
const withoutKernel = (v: string) => v.replace(/^ +running on .*\n/m, '');

describeReal('socat help: the source of the generated socat table', () => {
  it('socat -hhh prints tools/data/socat-hhh.txt', () => {
    expect(socat('-hhh')).toBe(fs.readFileSync(HHH_FILE, 'utf8'));
  });

  it('socat -V names the same version and features as tools/data/socat-V.txt', () => {
    const v = socat('-V');
    expect(v).toMatch(/^ +running on /m);
    expect(withoutKernel(v)).toBe(withoutKernel(fs.readFileSync(VERSION_FILE, 'utf8')));
  });
});
