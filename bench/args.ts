/**
 * The value after `flag` on the command line (`--size 10000`), or `fallback` when it is not given.
 *
 * @param flag - the option, with its dashes
 * @param fallback - the value used without it
 */
export function arg(flag: string, fallback: string): string {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
