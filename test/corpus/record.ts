/**
 * Records the kernel's answers to the corpus (root): each script runs once under
 * test/tools/sbx (bash's own trace, records/NAME.trace) and once through the real driver in a
 * sandbox of its own (every command's exit, stdout, stderr and ping: records/NAME.json).
 *
 * usage: sudo npx tsx test/corpus/record.ts [--missing] [NAME ...]
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { resolveKernelProfile } from '../../adapters/linux/kernel-detect.js';
import { projectRoot } from '../real/cases.js';
import { corpusCases, recordPath, toRecord, type CorpusCase } from './corpus.js';

const SBX = path.join(projectRoot, 'test/tools/sbx');

function trace(c: CorpusCase): Promise<string> {
  return new Promise((resolve) => {
    execFile(SBX, [path.join(projectRoot, c.file)], { timeout: 180_000, maxBuffer: 16 << 20 }, (err, stdout) => {
      const status = err ? `# sbx: ${err.killed ? 'killed after 180 s' : `exit ${(err as { code?: number }).code ?? '?'}`}\n` : '# sbx: exit 0\n';
      resolve(`# kernel ${os.release()}: test/tools/sbx ${c.file}\n${stdout}${status}`);
    });
  });
}

async function record(c: CorpusCase, kernel: Awaited<ReturnType<typeof resolveKernelProfile>>['profile']): Promise<void> {
  fs.writeFileSync(recordPath(c, 'trace'), await trace(c));
  const steps = await runScriptInSandbox(c.text, { file: c.file, host: 'host', kernel });
  fs.writeFileSync(recordPath(c, 'json'), `${JSON.stringify(toRecord(steps), null, 1)}\n`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const missing = args.includes('--missing');
  const names = args.filter((a) => !a.startsWith('--'));
  const kernel = (await resolveKernelProfile('auto')).profile;
  const todo = corpusCases().filter((c) => (names.length ? names.includes(c.name) : !missing || !fs.existsSync(recordPath(c, 'json'))));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const c = todo[next++]!;
      try {
        await record(c, kernel);
        process.stdout.write(`recorded ${c.name}\n`);
      } catch (e) {
        process.stdout.write(`FAILED ${c.name}: ${(e as Error).message}\n`);
        process.exitCode = 1;
      }
    }
  };
  await Promise.all([worker(), worker()]);
}

await main();
