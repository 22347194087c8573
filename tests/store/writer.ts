/**
 * A child process for the crash and concurrency tests: opens the store in DATA_DIR (argv[2]) and
 * adds `count` articles named `<prefix>-<n>` (argv[3], argv[4]), printing each id once committed.
 */
import { createHash } from 'node:crypto';
import { openStore } from '../../src/store/db.ts';

const [dataDir = '', prefix = 'w', countText = '1000'] = process.argv.slice(2);
const opened = openStore(dataDir, { busyTimeoutMs: 10_000 });
if (!opened.ok) {
  process.stderr.write(`${opened.reason}\n`);
  process.exit(2);
}
const store = opened.value;
process.stdout.write('ready\n');
for (let n = 0; n < Number(countText); n++) {
  const id = `${prefix}-${n}`;
  // Bodies of varied size, so a kill can land in the middle of a multi-page write.
  const raw = `# ${id}\n\n${`Paragraph of article ${id}. `.repeat(50 + ((n * 7919) % 400))}`;
  const inserted = store.insertArticle({
    articleId: id,
    scope: 'guild-1',
    fileName: `${id}.md`,
    title: id,
    sourceUrl: null,
    canonicalUrl: null,
    fetchedAt: new Date().toISOString(),
    contentHash: createHash('sha256').update(raw).digest('hex'),
    raw,
    addedBy: prefix,
  });
  if (!inserted.ok) {
    process.stderr.write(`${inserted.reason}\n`);
    process.exit(3);
  }
  process.stdout.write(`${id}\n`);
}
store.close();
