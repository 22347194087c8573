import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApp } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import { answerLine } from '../../src/console.ts';
import { renderJson } from '../../src/render/text.ts';
import { NASTY_INPUTS } from './inputs.ts';

/**
 * Memory stays flat over many console queries: nothing per query is kept (no cache without a
 * bound, no growing log). CI runs 10,000 queries; SOAK=1 runs 100,000. Same bound for both:
 * heap growth after a full GC below 30 MB (the seed knowledge base itself is a few MB; a leak of
 * even 300 bytes per query would cross the bound at 100,000).
 */

const SOAK = process.env.SOAK === '1';
const QUERIES = SOAK ? 100_000 : 10_000;
const BOUND_MB = 30;

// A full GC on demand, without starting the test runner with --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function settledHeap(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

const MIX: readonly string[] = [
  '/who-said quote:hasty withdrawal',
  '/quotes speaker:Lavrov',
  '/ask question:How many reservists?',
  '/facts topic:soldiers',
  '/who name:CSTO',
  '/check-quote text:We will do everything to support our allies',
  '/summary length:short',
  '/source',
  '/articles',
  '/help',
  '/nope',
  '',
  ...NASTY_INPUTS.map((i) => `/ask question:${i.value.replace(/\n/g, ' ')}`),
];

let app: App;
beforeAll(async () => {
  app = await loadApp({ articlesDir: 'seeds' });
});

describe('memory over many console queries', () => {
  it(
    `heap grows less than ${BOUND_MB} MB over ${QUERIES.toLocaleString('en')} queries`,
    async () => {
      // Warm up first so lazily built structures (stem caches, JIT) are not counted as growth.
      for (let i = 0; i < MIX.length * 5; i++) await answerLine(app, `${MIX[i % MIX.length]} ${i % 7}`);
      const before = settledHeap();
      const started = performance.now();
      let bytes = 0;
      for (let i = 0; i < QUERIES; i++) {
        // A varying suffix makes most queries distinct, as real traffic is.
        const answer = await answerLine(app, `${MIX[i % MIX.length]} ${i % 997}`);
        bytes += renderJson(answer).length;
      }
      const ms = performance.now() - started;
      const growthMb = (settledHeap() - before) / 1024 / 1024;
      console.log(
        `memory: ${QUERIES} queries in ${Math.round(ms)} ms (${((ms * 1000) / QUERIES).toFixed(0)} µs each), heap growth ${growthMb.toFixed(2)} MB, ${Math.round(bytes / 1024)} KiB of JSON`,
      );
      expect(growthMb).toBeLessThan(BOUND_MB);
    },
    SOAK ? 600_000 : 60_000,
  );
});
