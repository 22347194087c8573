/**
 * The trainers' shared options: `--data DIR[:WEIGHT]` (repeatable; how much that folder's
 * questions count, default 1) and `--out FILE`. Without `--data` the given default folders apply.
 */
export interface DataArgs {
  data: string[];
  weights: number[];
  out: string;
}

export function dataArgs(
  argv: readonly string[],
  defaults: { data: string[]; weights: number[]; out: string },
): DataArgs {
  const data: string[] = [];
  const weights: number[] = [];
  let out = defaults.out;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data' && argv[i + 1]) {
      const [dir, weight] = (argv[++i] as string).split(':');
      data.push(dir ?? '');
      weights.push(Number(weight ?? 1) || 1);
    } else if (argv[i] === '--out' && argv[i + 1]) out = argv[++i] as string;
  }
  return data.length > 0 ? { data, weights, out } : { data: defaults.data, weights: defaults.weights, out };
}
