/**
 * The README's library example for lab files, through the package's entry point: code can load
 * a YAML lab (loadLabFile, LabSpec), check its intents and name its namespaces as the CLI does.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { expandNsNames, formatReport, type LabSpec, LabFileError, loadLabFile, parseLab, resolveNsName, verifyLabSim } from '../../../src/index.js';

const ROOT = join(import.meta.dirname, '../../..');

it('loadLabFile and verifyLabSim from nettwin: the README example', () => {
  const spec: LabSpec = loadLabFile(join(ROOT, 'examples/seed/verify.yaml'));
  expect(spec.hosts.map((h) => h.name)).toEqual(['node1', 'node2']);
  const report = verifyLabSim(spec);
  expect(report.holds).toBe(true);
  expect(formatReport(report)).toMatch(/9 intents hold/);
});

it('LabFileError names the file and line; parseLab checks text', () => {
  expect(() => parseLab('hosts:\n  h1:\n    nicz: {}\n', 'lab.yaml')).toThrow(LabFileError);
  try {
    parseLab('hosts:\n  h1:\n    nicz: {}\n', 'lab.yaml');
  } catch (e) {
    expect((e as LabFileError).line).toBe(3);
  }
  expect(parseLab('hosts: { h1: { nics: { eth0: 10.0.0.1/24 } } }', 'lab.yaml').hosts[0]!.nics[0]!.addrs[0]!.text).toBe('10.0.0.1/24');
});

it('namespace names resolve as the CLI resolves them', () => {
  expect(resolveNsName(['node1', 'node1/NS1'], 'NS1')).toEqual({ kind: 'ok', path: 'node1/NS1' });
  expect(expandNsNames(['a', 'a/X', 'b', 'b/X'], '*/X')).toEqual({ kind: 'ok', paths: ['a/X', 'b/X'] });
});
