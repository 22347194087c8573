import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/app.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';

/**
 * A damaged, edited or hostile cache folder never aborts a start, never hangs it and never serves
 * other knowledge than the articles hold: whatever is doubtful is rebuilt, with a warning that
 * names the file.
 */

const ARTICLES: Record<string, string> = {
  'bridge.txt': `Old bridge closes for repairs\n\nBy Ana Ruiz\n\nThe council closed the old stone bridge on Monday after engineers found cracks in two arches.\n\n“We will not take risks with people's safety,” said Mayor Tom Keane.\n\nRepairs will cost £2.4 million and take eight months, the council said.\n`,
  'school.md': `---\ntitle: School gets new roof\n---\n\nThe primary school on Elm Street reopened on Tuesday with a new roof.\n\n“The children are thrilled,” head teacher Jo Park said. “So are the parents.”\n\nAbout 320 pupils attend the school.\n`,
  'market.txt': `Market moves to the square\n\nThe weekly farmers' market will move to the town square from June, organisers said.\n\nStallholder Ben Ode said the new site was “bright, busy and close to the station.”\n`,
};

let dir: string;
let cache: string;
let folder: string;
let truth: string;
let pristine: Map<string, Buffer>;

const knowledgeJson = (k: { article: { id: string } }[]): string =>
  JSON.stringify([...k].sort((a, b) => (a.article.id < b.article.id ? -1 : 1)));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-cache-articles-'));
  cache = await mkdtemp(path.join(os.tmpdir(), 'newsroom-cache-hostile-'));
  for (const [name, text] of Object.entries(ARTICLES)) await writeFile(path.join(dir, name), text);
  await buildKnowledge(dir, { cacheDir: cache });
  folder = path.join(cache, (await readdir(cache))[0] ?? '');
  pristine = new Map();
  for (const name of await readdir(folder)) pristine.set(name, await readFile(path.join(folder, name)));
  const fresh = await loadKnowledge(dir, { cacheDir: null });
  truth = knowledgeJson(fresh.knowledge);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
});

async function restore(): Promise<void> {
  for (const name of await readdir(folder))
    if (!pristine.has(name)) await rm(path.join(folder, name), { force: true });
  for (const [name, bytes] of pristine) await writeFile(path.join(folder, name), bytes);
}

/** Loads with the damaged folder: every article, exactly as the articles say. */
async function loadsEverything(): Promise<string[]> {
  const warnings: string[] = [];
  const loaded = await loadKnowledge(dir, { cacheDir: cache, onWarning: (m) => warnings.push(m) });
  expect(loaded.knowledge).toHaveLength(Object.keys(ARTICLES).length);
  expect(knowledgeJson(loaded.knowledge)).toBe(truth);
  return warnings;
}

const entryNames = (): string[] => [...pristine.keys()].filter((n) => n.endsWith('.json'));

/** A corruption: a byte range overwritten, zeroed, cut off, or bytes inserted. */
const corruption = fc.record({
  kind: fc.constantFrom('overwrite', 'zero', 'truncate', 'insert'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 1, max: 64 }),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
});

function corrupt(original: Buffer, c: CorruptionValue): Buffer {
  const at = Math.min(original.length - 1, Math.floor(c.at * original.length));
  const out = Buffer.from(original);
  switch (c.kind) {
    case 'overwrite':
      Buffer.from(c.bytes).copy(out, at);
      return out;
    case 'zero':
      out.fill(0, at, Math.min(out.length, at + c.length));
      return out;
    case 'truncate':
      return out.subarray(0, at);
    default:
      return Buffer.concat([out.subarray(0, at), Buffer.from(c.bytes), out.subarray(at)]);
  }
}
type CorruptionValue = { kind: string; at: number; length: number; bytes: Uint8Array };

describe('a damaged cache', () => {
  it('random corruption of any byte range of the snapshot never crashes or serves less', async () => {
    const original = pristine.get('snapshot.bin') as Buffer;
    await fc.assert(
      fc.asyncProperty(corruption, async (c) => {
        await restore();
        const damaged = corrupt(original, c);
        if (damaged.equals(original)) return;
        await writeFile(path.join(folder, 'snapshot.bin'), damaged);
        const warnings = await loadsEverything();
        expect(warnings.join('\n')).toMatch(/snapshot\.bin|^$/);
      }),
      { seed: 20261201, numRuns: 100 },
    );
    await restore();
  }, 120_000);

  it('random corruption of a per-file cache entry never crashes or serves other knowledge', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...entryNames()), corruption, async (name, c) => {
        await restore();
        // Without the snapshot, so the entries themselves are read.
        await rm(path.join(folder, 'snapshot.bin'));
        const original = pristine.get(name) as Buffer;
        const damaged = corrupt(original, c);
        if (damaged.equals(original)) return;
        await writeFile(path.join(folder, name), damaged);
        const warnings = await loadsEverything();
        expect(warnings.join('\n')).toContain(name);
      }),
      { seed: 20261202, numRuns: 50 },
    );
    await restore();
  }, 120_000);

  it('a header length past 2^31 or a negative byte count is a warning, not an abort or an empty start', async () => {
    const original = pristine.get('snapshot.bin') as Buffer;
    const huge = Buffer.from(original);
    huge.writeUInt32LE(0xfffffff0, 8);
    await restore();
    await writeFile(path.join(folder, 'snapshot.bin'), huge);
    expect((await loadsEverything()).join('\n')).toContain('snapshot.bin');
    const headerLength = original.readUInt32LE(8);
    const header = original.subarray(44, 44 + headerLength).toString('utf8');
    const negative = header.replace(/"knowledgeBytes":\d+/, (m) =>
      `"knowledgeBytes":-${m.length - 17}`.padEnd(m.length, '0'),
    );
    expect(negative.length).toBe(header.length);
    await writeFile(
      path.join(folder, 'snapshot.bin'),
      Buffer.concat([original.subarray(0, 44), Buffer.from(negative), original.subarray(44 + headerLength)]),
    );
    expect((await loadsEverything()).join('\n')).toContain('snapshot.bin');
    await restore();
  });

  it('valid-looking entry JSON with a changed speaker or a paragraph past the article is not served', async () => {
    await restore();
    await rm(path.join(folder, 'snapshot.bin'));
    for (const name of entryNames()) {
      const text = (pristine.get(name) as Buffer).toString('utf8');
      const json = text.slice(text.indexOf('\n') + 1);
      const edited = json
        .replace(/"speaker":"[^"]+"/, '"speaker":"Someone Else"')
        .replace(/"paragraph":\d+/, '"paragraph":99999');
      await writeFile(path.join(folder, name), `${text.slice(0, 64)}\n${edited}`);
    }
    const warnings = await loadsEverything();
    expect(warnings).toHaveLength(1);
    await restore();
  });
});

describe('a hostile cache folder', () => {
  it('a FIFO in place of the snapshot or an entry does not hang the start', async () => {
    await restore();
    await rm(path.join(folder, 'snapshot.bin'));
    execFileSync('mkfifo', [path.join(folder, 'snapshot.bin')]);
    const [entry] = entryNames();
    await rm(path.join(folder, entry as string));
    execFileSync('mkfifo', [path.join(folder, entry as string)]);
    const warnings = await loadsEverything();
    expect(warnings.join('\n')).toContain('snapshot.bin');
    await rm(path.join(folder, 'snapshot.bin'));
    await rm(path.join(folder, entry as string), { force: true });
    await restore();
  });

  it('temp files left by killed writes are removed at start; a live writer’s are kept', async () => {
    await restore();
    const dead = path.join(folder, 'abc.json.999999999.tmp');
    const old = path.join(folder, `snapshot.bin.${process.ppid}.tmp`);
    const live = path.join(folder, `def.json.${process.ppid}.tmp`);
    for (const f of [dead, old, live]) await writeFile(f, 'partial');
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(old, hourAgo, hourAgo);
    await loadsEverything();
    const left = await readdir(folder);
    expect(left).not.toContain(path.basename(dead));
    expect(left).not.toContain(path.basename(old));
    expect(left).toContain(path.basename(live));
    await rm(live);
    expect((await stat(path.join(folder, 'snapshot.bin'))).isFile()).toBe(true);
  });
});
