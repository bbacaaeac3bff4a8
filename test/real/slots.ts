/**
 * A small pool for kernel sandboxes: each comparison owns one while it runs; two at a time keeps
 * a 2-core machine responsive.
 */
const SANDBOXES_AT_ONCE = 2;
let busy = 0;
const queue: Array<() => void> = [];

export async function withSandboxSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (busy < SANDBOXES_AT_ONCE) busy++;
  else await new Promise<void>((resolve) => queue.push(resolve));
  try {
    return await fn();
  } finally {
    // hand the slot straight to the next waiter, or free it
    const next = queue.shift();
    if (next) next();
    else busy--;
  }
}
