/**
 * Which commands both modes run only once IPv6 duplicate address detection is over: those
 * that show IPv6 state (routes, addresses, neighbours, rules with -6; every family's routes
 * with `table all`) and pings over IPv6.
 */
import { describe, expect, it } from 'vitest';
import { waitsForDad } from '../../../src/exec/dad-wait.js';

describe('waitsForDad', () => {
  it('is true for IPv6 listings and IPv6 pings', () => {
    expect(waitsForDad('ip', ['route', 'show', 'table', 'all'])).toBe(true);
    expect(waitsForDad('ip', ['-6', 'r'])).toBe(true);
    expect(waitsForDad('ip', ['-6', 'addr'])).toBe(true);
    expect(waitsForDad('ip', ['-6', 'neigh', 'show'])).toBe(true);
    expect(waitsForDad('ip', ['-6', 'route', 'get', '2001:db8::1'])).toBe(true);
    expect(waitsForDad('ip', ['-n', 'x', '-f', 'inet6', 'route'])).toBe(true);
    expect(waitsForDad('ip', ['-j', 'route', 'list', 'table', '0'])).toBe(true);
    expect(waitsForDad('ping', ['-c', '1', '2001:db8::1'])).toBe(true);
    expect(waitsForDad('ping', ['-6', '-c', '1', 'localhost'])).toBe(true);
    expect(waitsForDad('ping6', ['-c', '1', '::1'])).toBe(true);
  });

  it('is false for changes, IPv4-only listings and other commands', () => {
    expect(waitsForDad('ip', ['-6', 'addr', 'add', '2001:db8::1/64', 'dev', 'v0'])).toBe(false);
    expect(waitsForDad('ip', ['route'])).toBe(false);
    expect(waitsForDad('ip', ['route', 'show', 'table', 'local'])).toBe(false);
    expect(waitsForDad('ip', ['addr', 'show'])).toBe(false);
    expect(waitsForDad('ping', ['-c', '1', '10.0.0.1'])).toBe(false);
    expect(waitsForDad('bridge', ['link'])).toBe(false);
  });
});
