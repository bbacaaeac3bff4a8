/**
 * Which files are lab files: the test every command makes before it loads anything, kept apart
 * from the YAML parser a script does not need.
 */
export function isLabFile(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}
