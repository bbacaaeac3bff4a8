/**
 * What the kernel draws at random or by the clock, replaced by fixed placeholders so that a
 * simulator run and a kernel run of the same script compare equal. Applies to text and to
 * `-j` JSON (compact or pretty) alike.
 *
 * Masked:
 * - random MAC addresses (eth_random_addr: locally administered unicast, first octet `x2`,
 *   `x6`, `xa`, `xe`), in `aa:bb:..` form and in ether_ntoa's unpadded form of bridge ids
 *   (`8000.ca:22:48:5f:12:51`) and in brctl's form of them, twelve digits without colons
 *   (`8000.ca22485f1251`). MACs a user chose from the global space, all-zero and broadcast
 *   MACs stay as they are: the model must get those right;
 * - the interface id of fe80:: link-locals (EUI-64 of a random MAC, or random for a tun);
 * - the `tentative` flag of a fresh IPv6 address: DAD runs for a second or two after a link
 *   gets carrier, so whether `ip addr` sees it depends on timing;
 * - bridge timers (`gc_timer`, `forward_delay_timer`, …) and cached routes' `expires Nsec`
 *   (a learned PMTU), which count down in real time;
 * - the seconds left of IPv6 lifetimes (`valid_lft 99sec`, a route's `expires 98sec`): they
 *   count down from a moment DAD's random delay decides (recorded comparisons check them).
 * Every random MAC gets the same placeholder, not a numbered one, on purpose: which port's
 * random MAC a bridge inherits is itself random. For the same reason the `local fe80::…`
 * routes of table local, which the kernel keeps in address order (so in the order of random
 * interface ids), are put in a fixed order once masked.
 */

/** Placeholder for a random MAC address. */
export const MAC_MASK = 'XX:XX:XX:XX:XX:XX';
/** Placeholder for the interface id of a link-local address. */
export const LL_MASK = 'fe80::IID';

const MAC = /\b([0-9a-f]{2})((?::[0-9a-f]{2}){5})\b/g;
const BRIDGE_ID = /\b([0-9a-f]{4})\.([0-9a-f]{1,2})((?::[0-9a-f]{1,2}){5})\b/g;
/** brctl's bridge id: priority, a dot, the MAC as twelve hex digits (sysfs bridge/bridge_id). */
const BRCTL_BRIDGE_ID = /\b([0-9a-f]{4})\.([0-9a-f]{2})[0-9a-f]{10}\b/g;
const LINK_LOCAL = /\bfe80::(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4}\b/g;

/** Locally administered unicast: the kind of address eth_random_addr returns. */
function isRandomMac(firstOctet: string): boolean {
  const b = parseInt(firstOctet, 16);
  return (b & 0x02) !== 0 && (b & 0x01) === 0;
}

/**
 * Replaces random MACs, fe80:: interface ids, DAD's `tentative` flag and running bridge timers
 * with fixed placeholders.
 *
 * @example
 * maskVolatile('link/ether 6e:33:66:df:00:e1 brd ff:ff:ff:ff:ff:ff')
 * // 'link/ether XX:XX:XX:XX:XX:XX brd ff:ff:ff:ff:ff:ff'
 */
export function maskVolatile(text: string): string {
  return text
    .replace(MAC, (m, first: string) => (isRandomMac(first) ? MAC_MASK : m))
    .replace(BRIDGE_ID, (m, prio: string, first: string) => (isRandomMac(first) ? `${prio}.${MAC_MASK}` : m))
    .replace(BRCTL_BRIDGE_ID, (m, prio: string, first: string) => (isRandomMac(first) ? `${prio}.${MAC_MASK}` : m))
    .replace(LINK_LOCAL, LL_MASK)
    .replace(/(scope \S+ (?:\w+ )*?)(?<!dadfailed )tentative /g, '$1')
    .replace(/(?<!"dadfailed":true,)"tentative":true,/g, '')
    .replace(/(?<!"dadfailed": true,)\n *"tentative": true,/g, '')
    .replace(/\b(valid_lft|preferred_lft|expires) -?\d+sec\b/g, '$1 Nsec')
    .replace(/("(?:valid_life_time|preferred_life_time)": ?)(?!4294967295\b)\d+/g, '$1N')
    .replace(/("expires": ?)-?\d+/g, '$1N')
    .replace(/(\w+_timer) +\d+\.\d\d /g, '$1    0.00 ')
    .replace(/("\w+_timer": ?)\d+\.\d\d/g, '$10.00')
    .replace(/ expires \d+sec /g, ' expires Nsec ')
    .replace(/("expires": ?)\d+/g, '$10')
    .replace(LOCAL_LL_ROUTES, sortLines)
    .replace(LOCAL_LL_ROUTES_JSON, sortJsonObjects);
}

/** A run of `local fe80::IID dev D …` lines (text routes, after masking). */
const LOCAL_LL_ROUTES = /^(?:local fe80::IID .*\n){2,}/gm;
/** A run of compact JSON route objects for local fe80::IID routes. */
const LOCAL_LL_ROUTES_JSON = /\{"type":"local","dst":"fe80::IID"[^{}]*\}(?:,\{"type":"local","dst":"fe80::IID"[^{}]*\})+/g;

function sortLines(run: string): string {
  return run
    .slice(0, -1)
    .split('\n')
    .sort()
    .map((l) => `${l}\n`)
    .join('');
}

function sortJsonObjects(run: string): string {
  return (run.match(/\{[^{}]*\}/g) ?? []).sort().join(',');
}
