import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArticle, parseDate, stripLinks } from '../../src/article/parse.ts';
import type { Article, ParseResult } from '../../src/article/types.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (rel: string): string => readFileSync(root + rel, 'utf8');

function parsed(result: ParseResult): Article {
  if (!result.ok) throw new Error(`expected an article, got: ${result.reason}`);
  return result.article;
}

function parseFile(rel: string): Article {
  const file = rel.split('/').at(-1) as string;
  return parsed(parseArticle({ id: file.replace(/\.[^.]+$/, ''), file, text: read(rel) }));
}

describe('the seed article (scraped web text)', () => {
  const seed = parseFile('seeds/russia-tajikistan-base.txt');

  it('is read as scraped text with the file base name as id', () => {
    expect(seed.id).toBe('russia-tajikistan-base');
    expect(seed.meta.format).toBe('scraped');
  });

  it('takes the title and standfirst from the first two blocks', () => {
    expect(seed.meta.title).toBe(
      'Russia Ready to Activate Tajikistan Military Base Over Fighting in Afghanistan',
    );
    expect(seed.meta.standfirst).toBe(
      'Over 1,000 Afghan soldiers fled into neighboring Tajikistan after fighting with the Taliban near the border',
    );
  });

  it('reads the byline author without link markup', () => {
    expect(seed.meta.authors).toEqual(['Dave DeCamp']);
  });

  it('tells the republisher (Global Research) from the original publisher (Antiwar.com)', () => {
    expect(seed.meta.outlet).toBe('Global Research');
    expect(seed.meta.date).toBe('2021-07-11');
    expect(seed.meta.originalPublisher).toEqual({ name: 'Antiwar.com', date: '2021-07-08' });
    expect(seed.meta.republisher).toEqual({ name: 'Global Research', date: '2021-07-11' });
    expect(seed.meta.published).toBe('2021-07-08');
  });

  it('reads the region, theme and in-depth report lines', () => {
    expect(seed.meta.regions).toEqual(['Asia', 'Russia and FSU']);
    expect(seed.meta.themes).toEqual(['Militarization and WMD']);
    expect(seed.meta.reports).toEqual(['AFGHANISTAN']);
  });

  it("takes the article's address from its URL header line (its links are placeholders)", () => {
    expect(seed.meta.url).toMatch(/^https:\/\/news\.antiwar\.com\/2021\/07\/08\//);
  });

  it('has exactly 6 body paragraphs, numbered from 1', () => {
    expect(seed.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seed.paragraphs.every((p) => p.kind === 'text')).toBe(true);
  });

  it("the seed's ¶1 begins 'Russia said it is prepared' with link markup reduced to its text", () => {
    expect(seed.paragraphs[0]?.text).toMatch(
      /^Russia said it is prepared to activate a military base in Tajikistan in response…?/,
    );
    expect(seed.paragraphs.some((p) => p.text.includes('](') || p.text.includes('['))).toBe(false);
  });

  it('begins each paragraph with the expected words', () => {
    expect(seed.paragraphs.map((p) => p.text.split(' ').slice(0, 3).join(' '))).toEqual([
      'Russia said it',
      'Tajikistan, Russia, and',
      'Russian Foreign Minister',
      'Tajikistan has activated',
      'Russia has been',
      '“The situation is',
    ]);
  });

  it('cuts the site notices before the body and the boilerplate after it', () => {
    const all = seed.paragraphs.map((p) => p.text).join('\n');
    for (const s of [
      '51 languages',
      'Instagram',
      'Note to readers',
      'news editor',
      'Copyright',
      'Disclaimer',
      'Region:',
    ]) {
      expect(all).not.toContain(s);
    }
  });

  it('keeps curly quotes in display text', () => {
    expect(seed.paragraphs[2]?.text).toContain('“We’ll do everything');
  });

  it('splits ¶3 into 2 sentences, the second the whole “We’ll do everything … allies,” he said. sentence', () => {
    const p3 = seed.paragraphs[2];
    expect(p3?.sentences.map((s) => s.index)).toEqual([1, 2]);
    expect(p3?.sentences[0]?.text).toBe(
      'Russian Foreign Minister Sergei Lavrov said Moscow is prepared to help its treaty ally.',
    );
    const s2 = p3?.sentences[1];
    expect(s2?.text.startsWith('“We’ll do everything, including')).toBe(true);
    expect(s2?.text.endsWith('against our allies,” he said.')).toBe(true);
    expect(s2?.paragraph).toBe(3);
    expect(p3?.text.slice(s2?.start, s2?.end)).toBe(s2?.text);
  });

  it('gives every paragraph sentences whose offsets match the display text', () => {
    for (const p of seed.paragraphs) {
      expect(p.sentences.length).toBeGreaterThan(0);
      for (const s of p.sentences) expect(p.text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(seed.paragraphs.map((p) => p.sentences.length)).toEqual([2, 2, 2, 3, 2, 1]);
  });

  it('still ends the body at the boilerplate when the lone * line is missing', () => {
    const text = read('seeds/russia-tajikistan-base.txt').replace(/\n\*\n/, '\n');
    expect(parsed(parseArticle({ id: 's', file: 's.txt', text })).paragraphs).toHaveLength(6);
  });

  it('reads the same article with CRLF line endings, a BOM and NBSPs identically', () => {
    const text =
      '\uFEFF' +
      read('seeds/russia-tajikistan-base.txt').replace(/\n/g, '\r\n').replace(/ the /g, ' the\u00A0');
    const again = parsed(parseArticle({ id: seed.id, file: seed.file, text }));
    expect(again).toEqual(seed);
  });
});

describe('a scraped article written for the tests', () => {
  const a = parseFile('tests/fixtures/articles/river-festival.txt');

  it('splits a byline of two authors joined by "and"', () => {
    expect(a.meta.authors).toEqual(['Ana Lima', 'Tom Reed']);
  });

  it('reads outlet, original publisher and comma-separated themes', () => {
    expect(a.meta.outlet).toBe('Valley Courier');
    expect(a.meta.originalPublisher).toEqual({ name: 'Riverside Post', date: '2022-03-01' });
    expect(a.meta.republisher).toEqual({ name: 'Valley Courier', date: '2022-03-03' });
    expect(a.meta.published).toBe('2022-03-01');
    expect(a.meta.regions).toEqual(['Europe']);
    expect(a.meta.themes).toEqual(['Culture', 'Environment']);
  });

  it('reads a bare address in the header as the URL, and never numbers it as a paragraph', () => {
    const text = read('tests/fixtures/articles/river-festival.txt').replace(
      /^(By .*)$/m,
      '$1\n\n<https://courier.example/2022/03/river-festival>',
    );
    const b = parsed(parseArticle({ id: 'river', file: 'river.txt', text }));
    expect(b.meta.url).toBe('https://courier.example/2022/03/river-festival');
    expect(b.paragraphs.map((p) => p.text)).toEqual(a.paragraphs.map((p) => p.text));
  });

  it('drops the newsletter notice and ends the body at the author bio without a * line', () => {
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[0]?.text).toMatch(/^About 12,000 people/);
    expect(a.paragraphs[2]?.text).toMatch(/^The council said/);
  });

  it('keeps a quote of two sentences as one sentence', () => {
    expect(a.paragraphs[1]?.sentences).toHaveLength(1);
  });
});

describe('Markdown with front matter', () => {
  const md = parseFile('tests/fixtures/articles/harbour-ferry.md');

  it('reads the front matter fields, escaped quotes and comments included', () => {
    expect(md.meta.format).toBe('markdown');
    expect(md.meta.title).toBe('Harbour ferry returns after a "long, quiet winter"');
    expect(md.meta.authors).toEqual(['Mira Castell', "Owen O'Neill"]);
    expect(md.meta.date).toBe('2020-07-03');
    expect(md.meta.published).toBe('2020-07-03');
    expect(md.meta.outlet).toBe('Port Gazette');
    expect(md.meta.url).toBe('https://example.org/news/harbour-ferry');
    expect(md.meta.standfirst).toBe('The little ferry is back, with a new engine and an old captain.');
    expect(md.meta.themes).toEqual(['transport', 'harbours, coasts']);
  });

  it('numbers headings and each list item as body paragraphs; a # title repeat and *** are not', () => {
    expect(md.paragraphs.map((p) => [p.number, p.kind, p.text.split(' ')[0]])).toEqual([
      [1, 'text', 'The'],
      [2, 'heading', 'What'],
      [3, 'list-item', 'A'],
      [4, 'list-item', 'Two'],
      [5, 'list-item', 'Tickets'],
      [6, 'text', 'Captain'],
      [7, 'text', 'Mr.'],
    ]);
  });

  it('joins wrapped lines with a space and reduces links to their text', () => {
    expect(md.paragraphs[0]?.text).toBe(
      'The harbour ferry made its first crossing of the season on Friday, carrying forty-two passengers and one slightly confused dog.',
    );
  });

  it('splits sentences around quotes and abbreviations', () => {
    expect(md.paragraphs[5]?.sentences.map((s) => s.text)).toEqual([
      'Captain Ruth Amsel, who has steered the boat for 31 years, was pleased.',
      '“The engine hums instead of roaring. Nobody has to shout any more,” she said.',
    ]);
    expect(md.paragraphs[6]?.sentences).toHaveLength(1);
  });

  it('only takes a real URL from the url field', () => {
    const text = '---\ntitle: T\nurl: "#"\n---\n\nBody text.';
    expect('url' in parsed(parseArticle({ id: 't', file: 't.md', text })).meta).toBe(false);
  });

  it('accepts a bare author list split on "and"', () => {
    const text =
      "---\ntitle: 'It''s here'\nauthor: A. Writer and B. Editor\ndate: 24 July 2015\n---\n\nBody.";
    const a = parsed(parseArticle({ id: 't', file: 't.md', text }));
    expect(a.meta.title).toBe("It's here");
    expect(a.meta.authors).toEqual(['A. Writer', 'B. Editor']);
    expect(a.meta.date).toBe('2015-07-24');
  });

  it('reports front matter with no closing --- line', () => {
    const r = parseArticle({ id: 'u', file: 'u.md', text: read('tests/fixtures/broken/unclosed.md') });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/never closed/) });
  });

  it('reports an unreadable front matter line with its line number', () => {
    const r = parseArticle({ id: 'b', file: 'b.md', text: read('tests/fixtures/broken/bad-line.md') });
    expect(r).toEqual({
      ok: false,
      reason: expect.stringMatching(/line 3: cannot read "this line has no colon"/),
    });
  });

  it('reports unbalanced quotes in a value', () => {
    const r = parseArticle({ id: 'q', file: 'q.md', text: '---\ntitle: "half open\n---\n\nBody.' });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/unbalanced quotes/) });
  });

  it('reports an article with only front matter as having no body paragraphs', () => {
    const r = parseArticle({ id: 'h', file: 'h.md', text: read('tests/fixtures/broken/header-only.md') });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^no body paragraphs/) });
  });

  it('reads Markdown without front matter that opens with a # heading', () => {
    const a = parsed(
      parseArticle({ id: 'h', file: 'h.md', text: '# A title\n\nFirst.\n\n## Part two\n\nSecond.' }),
    );
    expect(a.meta.title).toBe('A title');
    expect(a.meta.format).toBe('markdown');
    expect(a.paragraphs.map((p) => p.kind)).toEqual(['text', 'heading', 'text']);
  });
});

describe('plain text', () => {
  const a = parseFile('tests/fixtures/articles/library-notes.txt');

  it('uses the first line as the title and every other block as a paragraph', () => {
    expect(a.meta.format).toBe('plain');
    expect(a.meta.title).toBe('Town library reopens its reading room');
    expect(a.meta.authors).toEqual([]);
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[1]?.text).toBe(
      'Volunteers moved about 4,000 books back onto the shelves over the weekend. The oldest shelf, built in 1911, was kept.',
    );
  });

  it('keeps "a.m." and "p.m." inside one sentence', () => {
    expect(a.paragraphs[2]?.sentences).toHaveLength(1);
  });

  it('does not mistake a body sentence starting with "By" for a byline', () => {
    const text = 'A title\n\nBy noon the square was full.\n\nThen it rained.';
    const b = parsed(parseArticle({ id: 'p', file: 'p.txt', text }));
    expect(b.meta.format).toBe('plain');
    expect(b.paragraphs).toHaveLength(2);
  });

  it('reports a title with no body', () => {
    expect(parseArticle({ id: 'p', file: 'p.txt', text: 'Just a title\n' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/^no body paragraphs/),
    });
  });

  it('reports an empty text without throwing', () => {
    expect(parseArticle({ id: 'e', file: 'e.txt', text: ' \n\n ' })).toEqual({
      ok: false,
      reason: 'empty file',
    });
  });
});

describe('parseDate', () => {
  it.each([
    ['July 11, 2021', '2021-07-11'],
    ['8 July 2021', '2021-07-08'],
    ['24 July 2015', '2015-07-24'],
    ['2015-07-24', '2015-07-24'],
    ['2015-07-24T10:30:00Z', '2015-07-24'],
    ['Jul. 3, 2020', '2020-07-03'],
    ['Sept. 25, 2018', '2018-09-25'],
    ['Thu 3 Jan 2019', '2019-01-03'],
    ['Thursday, January 3rd, 2019', '2019-01-03'],
    ['3 Jan 2019 10.42 GMT', '2019-01-03'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['February 30, 2021', 'Smarch 3, 2020', 'yesterday', '2021-13-01'])('rejects %s', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });
});

describe('stripLinks', () => {
  it('keeps link text and drops the target, parentheses in URLs included', () => {
    expect(stripLinks('By [Dave DeCamp](#) and [X](https://en.wikipedia.org/wiki/X_(band) "t").')).toBe(
      'By Dave DeCamp and X.',
    );
  });

  it('leaves bracketed words that are not links alone', () => {
    expect(stripLinks('this [attack] is alien')).toBe('this [attack] is alien');
  });
});

describe('robustness', () => {
  const pieces = fc.constantFrom(
    '\n',
    '\n\n',
    '---\n',
    '# ',
    '## ',
    '- ',
    '* ',
    '*\n',
    'By [Ana Lima](#)\n',
    'Region: Asia\n',
    'Global Research, July 11, 2021\n',
    'title: "x\\"y"\n',
    '“',
    '”',
    '"',
    'U.S. ',
    'Mr. ',
    'It is. ',
    'The original source of this article is X\n',
    '\uFEFF',
    '\r\n',
    '\u00A0',
    '[',
    '](',
    ')',
  );
  const articleText = fc
    .array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 40 })
    .map((a) => a.join(''));

  it('never throws and keeps sentence offsets exact, whatever the text', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const r = parseArticle({ id: 'f', file: 'f.txt', text });
        if (!r.ok) return r.reason.length > 0 && !r.reason.startsWith('internal');
        return r.article.paragraphs.every(
          (p, i) =>
            p.number === i + 1 &&
            p.text.length > 0 &&
            p.sentences.every(
              (s, k) =>
                s.index === k + 1 && s.paragraph === p.number && p.text.slice(s.start, s.end) === s.text,
            ),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a long broken front matter line short in the reason', () => {
    const r = parseArticle({ id: 'l', file: 'l.md', text: `---\n${'x'.repeat(5000)}\n---\n\nBody.` });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeLessThan(200);
  });
});

describe('format detection', () => {
  it('does not take a dated body sentence for a source/date line', () => {
    const text =
      'Council news\n\nThe vote happened on\nMarch 3, 2022\n\nMeeting on March 3, 2022\n\nIt passed.';
    const a = parsed(parseArticle({ id: 'c', file: 'c.txt', text }));
    expect(a.meta.format).toBe('plain');
    expect(a.paragraphs).toHaveLength(3);
  });

  it('reads a dateline with only a date and a byline with a date', () => {
    const text = 'Title here\n\nBy Jo Bloggs, 5 May 2020\n\nThe first paragraph.';
    const a = parsed(parseArticle({ id: 'd', file: 'd.txt', text }));
    expect(a.meta.format).toBe('scraped');
    expect(a.meta.authors).toEqual(['Jo Bloggs']);
    expect(a.meta.date).toBe('2020-05-05');
    expect(a.paragraphs.map((p) => p.text)).toEqual(['The first paragraph.']);
  });

  it('treats the block under the title as body when no header line follows it', () => {
    const text = 'Title here\n\nFirst paragraph.\n\nSecond paragraph.';
    expect(parsed(parseArticle({ id: 'p', file: 'p.txt', text })).paragraphs).toHaveLength(2);
  });
});
