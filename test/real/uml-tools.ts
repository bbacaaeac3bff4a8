/** What the UML suites need beyond real mode's own tools ([command, Debian package]): missing, they fail under NETTWIN_REQUIRE_REAL=1. */
export const UML_TOOLS: ReadonlyArray<readonly [string, string]> = [
  ['linux.uml', 'user-mode-linux'],
  ['modprobe', 'kmod'],
  ['setpriv', 'util-linux'],
];
