import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../../src/article/parse.ts';
import type { Article, ParseResult } from '../../src/article/types.ts';

const fixture = fileURLToPath(new URL('../fixtures/formats/constructs.md', import.meta.url));

function parsed(result: ParseResult): Article {
  if (!result.ok) throw new Error(`expected an article, got: ${result.reason}`);
  return result.article;
}

/** Parses a Markdown body under a minimal front matter; returns "kind: text" per paragraph. */
function body(markdown: string): string[] {
  const a = parsed(parseArticle({ id: 'm', file: 'm.md', text: `---\ntitle: T\n---\n\n${markdown}` }));
  return a.paragraphs.map((p) => `${p.kind}: ${p.text}`);
}

describe('Markdown constructs, read as CommonMark / GFM', () => {
  it('gives each item of an ordered list its own paragraph', () => {
    expect(body('1. Ferries first.\n2. Buses second.\n3. Trams last.\n')).toEqual([
      'list-item: Ferries first.',
      'list-item: Buses second.',
      'list-item: Trams last.',
    ]);
  });

  it('keeps a nested list item as its own paragraph after its parent', () => {
    expect(body('- The parent point\n  - A detail under it\n- The next point\n')).toEqual([
      'list-item: The parent point',
      'list-item: A detail under it',
      'list-item: The next point',
    ]);
  });

  it('keeps a code fence as one paragraph with its characters untouched', () => {
    expect(body('```\nrate = a_b * c_d * 2\n```\n')).toEqual(['code: rate = a_b * c_d * 2']);
  });

  it('reads setext headings as headings', () => {
    expect(body('Morning\n=======\n\nThe sun rose.\n\nEvening\n-------\n\nIt set.\n')).toEqual([
      'heading: Morning',
      'text: The sun rose.',
      'heading: Evening',
      'text: It set.',
    ]);
  });

  it('gives each table row a paragraph with its cells named by the header', () => {
    expect(body('| Town | Votes |\n| --- | ---: |\n| Ostby | 1,204 |\n| Vail | 988 |\n')).toEqual([
      'table-row: Town: Ostby; Votes: 1,204',
      'table-row: Town: Vail; Votes: 988',
    ]);
  });

  it('reduces reference links (full and shortcut) to their text and hides the definitions', () => {
    expect(
      body(
        'Read [the ruling][r] and [the appeal].\n\n[r]: https://a.example/r\n[the appeal]: https://a.example/a\n',
      ),
    ).toEqual(['text: Read the ruling and the appeal.']);
  });

  it('keeps the text of an HTML block, one paragraph per block element, comments dropped', () => {
    expect(
      body(
        '<div class="box">\n<p>First &amp; boxed.</p>\n<p>Second.</p>\n</div>\n\n<!-- an editor note -->\n\nAfter.\n',
      ),
    ).toEqual(['text: First & boxed.', 'text: Second.', 'text: After.']);
  });

  it('decodes character references and honours backslash escapes', () => {
    expect(
      body(
        'Fish &amp; chips, &eacute;t&eacute; &mdash; 5 &lt; 6.\n\nA \\*starred\\* word, \\_not\\_ emphasis.\n',
      ),
    ).toEqual(['text: Fish & chips, été — 5 < 6.', 'text: A *starred* word, _not_ emphasis.']);
  });

  it('removes emphasis and inline code marks but keeps a lone tilde and a literal <word>', () => {
    expect(body('**Bold** and _light_ and `code`, about ~40 people, see <note-1>.\n')).toEqual([
      'text: Bold and light and code, about ~40 people, see <note-1>.',
    ]);
  });

  it('reads each paragraph of a blockquote as a quoted paragraph', () => {
    expect(body('> “First,” she said.\n>\n> “Second.”\n')).toEqual([
      'blockquote: “First,” she said.',
      'blockquote: “Second.”',
    ]);
  });
});

describe('front matter read with yaml', () => {
  const a = parsed(parseArticle({ id: 'constructs', file: fixture, text: readFileSync(fixture, 'utf8') }));

  it('reads a folded block scalar as the standfirst', () => {
    expect(a.meta.standfirst).toBe('The plan spends more on roads and less on parking.');
  });

  it('reads a nested source map as the outlet and its address as the link', () => {
    expect(a.meta.outlet).toBe('Valley Ledger');
    expect(a.meta.url).toBe('https://ledger.example.org/2024/03/05/spending-plan');
  });

  it('reads authors given as maps with a name', () => {
    expect(a.meta.authors).toEqual(['Tomas Berg', 'Hana Sato']);
  });

  it('takes a setext title repeating the front matter title as header, not ¶1', () => {
    expect(a.meta.title).toBe('Council sets out its spending plan');
    expect(a.paragraphs[0]?.text).toMatch(/^The council published its plan/);
  });

  it('numbers every construct of the fixture in order', () => {
    expect(a.paragraphs.map((p) => p.kind)).toEqual([
      'text',
      'heading',
      'list-item',
      'list-item',
      'list-item',
      'table-row',
      'table-row',
      'code',
      'text',
      'blockquote',
      'blockquote',
      'text',
    ]);
    expect(a.paragraphs.at(-1)?.text).toBe(
      'The full plan is on the council website, and the treasurer called it *balanced*.',
    );
  });

  it('reports a duplicate key with its file line', () => {
    const r = parseArticle({ id: 'd', file: 'd.md', text: '---\ntitle: A\ntitle: B\n---\n\nBody.' });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^front matter line 3: duplicate key/) });
  });

  it('reports badly indented YAML by line instead of guessing', () => {
    const r = parseArticle({ id: 'i', file: 'i.md', text: '---\ntitle: A\n\tauthor: tabbed\n---\n\nBody.' });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^front matter line \d+: /) });
  });

  it('reads front matter whose closing line has trailing spaces', () => {
    const r = parsed(parseArticle({ id: 't', file: 't.md', text: '---\ntitle: Spaced\n---   \n\nBody.' }));
    expect(r.meta.title).toBe('Spaced');
  });
});
