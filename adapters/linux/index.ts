/**
 * nettwin/linux: run scripts and labs on the real kernel, inside a throwaway sandbox, and
 * compare them with the simulator.
 */
export { Sandbox, PreconditionError, checkPreconditions, type ExecResult, type SandboxOptions } from './sandbox.js';
export { runScriptInSandbox } from './run-real.js';
export { runScriptReal } from './real-driver.js';
export { diffSteps, formatDiff, normalize, type Disagreement } from './diff-steps.js';
