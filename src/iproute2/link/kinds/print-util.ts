/** Printing helpers the kinds' print_opt share (lib/json_print.c, ip/iplink_bridge.c). */
import type { ShowCtx } from '../show-ctx.js';

/** A JSON boolean printed as `on`/`off` in text (print_on_off). */
export function onOff(c: ShowCtx, key: string, label: string, v: boolean): void {
  c.p.any(key, `${label} ${v ? 'on' : 'off'} `, v);
}

/** `%#llx` in text, the same string in JSON (print_0xhex). */
export function hex0x(c: ShowCtx, key: string, label: string, v: number): void {
  const s = v === 0 ? '0' : `0x${v.toString(16)}`;
  c.p.any(key, `${label} ${s} `, s);
}

/** _bridge_print_timer: `name %4i.%.2i ` in text, a bare `0.00` number in JSON. */
export function timer(c: ShowCtx, key: string, centis: number): void {
  const s = `${Math.floor(centis / 100)}.${String(centis % 100).padStart(2, '0')}`;
  if (c.p.json) c.p.jsonRaw(key, s);
  else c.p.text(`${key} ${s.padStart(7)} `);
}
