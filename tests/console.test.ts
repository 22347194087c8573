import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { loadApp } from '../src/app.ts';
import { runConsole } from '../src/console.ts';

let app: App;
beforeAll(async () => {
  app = await loadApp({ articlesDir: 'seeds' });
});

async function run(argv: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runConsole({ argv, stdin: Readable.from([input]), stdout, stderr, env: {} }, app);
  return { code, stdout: out, stderr: err };
}

describe('console front end', () => {
  it('answers one command given on the command line and exits 0', async () => {
    const { code, stdout } = await run(['/source']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Russia Ready to Activate Tajikistan Military Base Over Fighting in Afghanistan',
    );
    expect(stdout).toContain('Dave DeCamp');
    expect(stdout).toContain('Global Research');
    expect(stdout).toContain('Antiwar.com');
  });

  it('prints one JSON object per input line, in input order, and nothing else on stdout', async () => {
    const lines = [
      '/who-said quote:hasty withdrawal',
      '/nope',
      '',
      '/quotes speaker:Lavrov',
      'garbage \u0000 line',
    ];
    const { code, stdout } = await run(['--json'], `${lines.join('\n')}\n`);
    expect(code).toBe(0);
    const out = stdout.trimEnd().split('\n');
    expect(out).toHaveLength(lines.length);
    const objects = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects[0]).toMatchObject({ command: 'who-said', ok: true });
    expect(objects[0]?.['results']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          speaker: 'Sergei Lavrov',
          citation: expect.objectContaining({ article: 'russia-tajikistan-base', paragraph: 5 }),
        }),
      ]),
    );
    expect(objects[1]).toMatchObject({ ok: false, error: expect.stringContaining('Unknown command') });
    expect(objects[2]).toMatchObject({ ok: false });
    expect(objects[3]).toMatchObject({ command: 'quotes', ok: true });
    expect(objects[4]).toMatchObject({ ok: false });
  });

  it('gives scores in 0..1 and results best first', async () => {
    const { stdout } = await run([
      '--json',
      '/who-said quote:we will do everything to prevent aggressive encroachments',
    ]);
    const answer = JSON.parse(stdout) as {
      results: { score: number; speaker: string; citation: { paragraph: number; sentence: number } }[];
    };
    const first = answer.results[0];
    expect(first).toMatchObject({ speaker: 'Sergei Lavrov', citation: { paragraph: 3, sentence: 2 } });
    for (const r of answer.results) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
  });

  it('reports bad input with exit code 1 in one-shot mode', async () => {
    const { code, stdout } = await run(['/who-said']);
    expect(code).toBe(1);
    expect(stdout).toContain('needs the option quote');
  });

  it('explains an unknown flag on stderr', async () => {
    const { code, stderr } = await run(['--colour']);
    expect(code).toBe(1);
    expect(stderr).toContain('Unknown flag --colour');
  });

  it('reads commands from stdin in text mode, skipping blank lines', async () => {
    const { stdout } = await run([], '/articles\n\n/help command:who-said\n');
    expect(stdout).toContain('russia-tajikistan-base');
    expect(stdout).toContain('/who-said quote:…');
  });
});

describe('console against a folder with problems', () => {
  it('names a broken article on stderr and still answers from the others', async () => {
    const { mkdtemp, writeFile, copyFile } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-console-'));
    await copyFile('seeds/russia-tajikistan-base.txt', path.join(dir, 'good.txt'));
    await writeFile(path.join(dir, 'empty.txt'), '');
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await runConsole({
      argv: ['--articles', dir, '--json', '/articles'],
      stdin: Readable.from(['']),
      stdout,
      stderr,
      env: {},
    });
    expect(code).toBe(0);
    expect(err).toContain('empty.txt');
    expect(JSON.parse(out)).toMatchObject({
      ok: true,
      results: [expect.objectContaining({ title: expect.stringContaining('Russia Ready') })],
    });
  });
});
