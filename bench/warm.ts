/**
 * Measures a warm start in a fresh process (what a restart costs): load the knowledge of a
 * folder from the cache and build the indexes. Prints one JSON line: { ms, rssMb, articles }.
 * Usage: tsx bench/warm.ts ARTICLES_DIR CACHE_DIR
 */
import { buildKnowledge } from '../src/app.ts';

const [dir, cacheDir] = process.argv.slice(2);
if (!dir || !cacheDir) {
  process.stderr.write('usage: tsx bench/warm.ts ARTICLES_DIR CACHE_DIR\n');
  process.exit(2);
}
const started = performance.now();
const { kb } = await buildKnowledge(dir, { cacheDir });
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ ms, rssMb: process.memoryUsage().rss / 1024 / 1024, articles: kb.articles.length })}\n`,
);
