/**
 * A JUnit XML report (the format CI systems read: one <testsuite> for the lab file, one
 * <testcase> per intent, a <failure> holding the explanation for each that fails). Problems
 * with the file become <error> test cases, so a CI run shows them too.
 */
import type { VerifyReport } from './verify.js';

/** XML 1.0 text: escaped, with characters XML cannot carry removed. */
export function xmlEscape(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const secs = (ms: number) => (ms / 1000).toFixed(3);

/**
 * @example
 * writeFileSync('verify.xml', junitXml(verifyLabSim(spec)));
 */
export function junitXml(r: VerifyReport): string {
  const file = r.file ?? '<intents>';
  const suite = `nettwin verify ${file}${r.mode === 'real' ? ' (real)' : ''}`;
  const a = (s: string) => xmlEscape(s);
  let cases = '';
  let tests: number;
  let failures = 0;
  let errors = 0;
  if (r.problems.length) {
    tests = r.problems.length;
    errors = tests;
    for (const p of r.problems) {
      cases += `    <testcase classname="${a(file)}" name="${a(`line ${p.line}`)}" file="${a(file)}" line="${p.line}" time="0.000">\n`;
      cases += `      <error message="${a(p.message)}" type="bad-intent">${a(`${file}:${p.line}: ${p.message}`)}</error>\n    </testcase>\n`;
    }
  } else {
    tests = r.verdicts.length;
    for (const v of r.verdicts) {
      const open = `    <testcase classname="${a(file)}" name="${a(v.name)}" file="${a(file)}" line="${v.intent.line}" time="${secs(v.timeMs)}"`;
      if (v.holds) {
        cases += `${open}/>\n`;
        continue;
      }
      failures++;
      const body = [v.summary, ...v.why].join('\n');
      cases += `${open}>\n      <failure message="${a(v.summary)}" type="${v.intent.kind}">${a(body)}</failure>\n    </testcase>\n`;
    }
  }
  const counts = `tests="${tests}" failures="${failures}" errors="${errors}"`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="nettwin verify" ${counts} time="${secs(r.timeMs)}">\n` +
    `  <testsuite name="${a(suite)}" ${counts} skipped="0" time="${secs(r.timeMs)}">\n` +
    cases +
    '  </testsuite>\n</testsuites>\n'
  );
}
