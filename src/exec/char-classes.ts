/**
 * POSIX's character classes (`[:alpha:]` …) as ranges of the C locale, the one table bash's
 * patterns (src/shell/pattern.ts) and the text tools' regular expressions
 * (src/programs/text/regex.ts) read.
 */
export const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
};
