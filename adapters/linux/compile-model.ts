/**
 * A whole model (every host, namespace, link, address, route, rule, neighbour, sysctl and link
 * state) compiled for the kernel: where each namespace goes (compile-model-place.ts), then the
 * batches of each wave (compile-model-waves.ts) made of the model's lines
 * (compile-model-lines.ts); the sysctls of wave 3 wait for the kernel's baseline
 * (compile-model-sysctl.ts). This file is the plan they make together.
 */
import type { LabModel } from '../../src/model/lab-model.js';
import { placeNamespaces, type PlannedNs, type Target } from './compile-model-place.js';
import { configureWaves, createWave, type Batch } from './compile-model-waves.js';

/**
 * A compiled model: where each namespace goes and the batches of each wave.
 *
 * @example
 * const plan: ModelPlan = compileModel(k8sLab({ nodes: 2, podsPerNode: 1 }).model);
 * plan.sandboxHosts; // ['node1', 'node2']
 */
export interface ModelPlan {
  mode: 'sandbox' | 'persist';
  /** hosts to open the sandbox with (empty in persist mode) */
  sandboxHosts: string[];
  namespaces: PlannedNs[];
  /** wave 1, in parallel */
  create: Batch[];
  /** wave 2, in parallel */
  configure: Batch[];
  /** wave 3 (without sysctls, which need the kernel's defaults: compileSysctls) */
  finish: Batch[];
  /** what could not be reproduced exactly */
  warnings: string[];
}

export interface CompileModelOptions {
  target?: Target;
  /** namespaces per wave-1 batch (default: an eighth of them, 8 to 128) */
  chunk?: number;
}

/**
 * Compiles a model into batches. Throws CompileError (naming the object) for names that are not
 * safe and for shapes the kernel cannot be given (a veth between named namespaces of two
 * different sandbox hosts).
 *
 * @example
 * const plan = compileModel(k8sLab({ nodes: 2, podsPerNode: 2 }).model, { target: { kind: 'sandbox' } });
 * plan.create[0].lines[0]; // 'netns add pod1'
 */
export function compileModel(lab: LabModel, opts: CompileModelOptions = {}): ModelPlan {
  const target: Target = opts.target ?? { kind: 'sandbox' };
  const placement = placeNamespaces(lab, target);
  const warnings: string[] = [];
  const { create, inside } = createWave(placement, target, opts.chunk, warnings);
  const { configure, finish } = configureWaves(placement, inside, warnings);
  return { mode: target.kind, sandboxHosts: placement.sandboxHosts, namespaces: placement.planned, create, configure, finish, warnings };
}
