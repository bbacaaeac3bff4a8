/**
 * nettwin/linux: run scripts and labs on the real kernel, inside a throwaway sandbox, and
 * compare them with the simulator.
 *
 * @example
 * import { runScriptInSandbox, diffSteps, formatDiff } from 'nettwin/linux';
 * const real = await runScriptInSandbox(script, { file: 'x.sh', host: 'host' });
 * process.stdout.write(formatDiff(diffSteps(new Lab().host('host').sh(script), real), real.length));
 *
 * @module nettwin/linux
 */
export { Sandbox, PreconditionError, checkPreconditions, type ExecResult, type SandboxOptions } from './sandbox.js';
export { runScriptInSandbox } from './run-real.js';
export { runScriptReal } from './real-driver.js';
export { diffSteps, formatDiff, normalize, type Disagreement } from './diff-steps.js';
export { diffReport, diffFails, formatDiffReport, type DiffReport, type UnmodelledLine, type SkippedLine, type PartialLine } from './diff-report.js';
export { resolveKernelProfile, type ResolvedProfile } from './kernel-detect.js';
export { materialize, MaterializeError, type Materialized, type MaterializeOptions, type PingOptions, type PingOutcome, type Timings } from './materialize.js';
export { compileOp, batchLine, linkNameProblem, netnsNameProblem, CompileError, type Command } from './compile.js';
export { compileModel, type ModelPlan } from './compile-model.js';
export { describeMapping, type Place, type PlannedNs } from './compile-model-place.js';
export { compileSysctls } from './compile-model-sysctl.js';
export type { Batch } from './compile-model-waves.js';
export { modelFromDumps, type NsDump } from './read-back.js';
export { destroyRecorded, recordedRuns, defaultStatePath, formatDestroy, type DestroyReport, type PersistRun } from './persist.js';
export { requireRealMode, persistProblems, type HostFacts } from './preconditions.js';
export { realArgvProblem } from './guard.js';
export { verifyLabReal } from './verify-real.js';
