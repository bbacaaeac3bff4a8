/**
 * What real mode lets curl and python3 do: curl only to a literal address over http://,
 * writing only /dev/null; python3 only `-m http.server` with a port and a literal bind address.
 * Everything else is refused before it reaches argv (both modes skip it).
 */
import { describe, expect, it } from 'vitest';
import { argvVerdict } from '../../../src/exec/kernel-argv.js';

const verdict = (line: string) => {
  const [p, ...argv] = line.split(' ');
  return argvVerdict(p!, argv)?.why ?? null;
};

describe('curl and python3 argv checks', () => {
  it('lets the service checks of the tutorials through', () => {
    for (const line of [
      'curl -s http://10.0.0.2/',
      'curl -s -o /dev/null -w %{http_code} http://10.0.0.2:8080/index.html',
      'curl -sS -m 2 10.96.0.10:80',
      'curl -sI --connect-timeout 1 http://192.168.1.1:8000/a?b=c',
      'python3 -m http.server',
      'python3 -m http.server 8000 --bind 127.0.0.1',
      'python3 -m http.server -b 10.0.0.1 80',
      'curl -s -g -o /dev/null -w %{http_code} http://[2001:db8::1]:8000/',
      'curl -s -6 http://[::1]/',
      'python3 -m http.server 8000 --bind ::',
      'python3 -m http.server --bind 2001:db8::2',
    ]) {
      expect(verdict(line), line).toBeNull();
    }
  });

  it('refuses names, other schemes, files and other programs', () => {
    for (const line of [
      'curl -s http://example.com/',
      'curl -s file:///etc/passwd',
      'curl -s -o /tmp/x http://10.0.0.2/',
      'curl -s -w @/etc/passwd http://10.0.0.2/',
      'curl -s -w %{local_ip} http://10.0.0.2/',
      'curl -s -K /etc/curlrc http://10.0.0.2/',
      'curl -s --data-binary @/etc/shadow http://10.0.0.2/',
      'curl -s http://10.0.0.2/ http://10.0.0.3/',
      'curl -s',
      'python3 -c print(1)',
      'python3 /tmp/x.py',
      'python3 -m http.server --directory /',
      'python3 -m http.server -d /etc 8000',
      'python3 -m http.server --cgi',
      'python3 -m http.server --bind localhost',
      'python3 -m http.server --bind beef',
      'curl -s http://[fe80::1%eth0]/',
      'curl -s http://[2001:db8::1/',
      'python3 -m pip install x',
    ]) {
      expect(verdict(line), line).not.toBeNull();
    }
  });
});
