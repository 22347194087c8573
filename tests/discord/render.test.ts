import { describe, expect, it } from 'vitest';
import type { Answer, Result } from '../../src/answer.ts';
import type { Article } from '../../src/article/types.ts';
import {
  LIMITS,
  embedLength,
  emphasised,
  escapeText,
  fitEmbed,
  fitEmbeds,
  renderAnswer,
  renderContext,
  renderPreview,
  resultEmbed,
  truncate,
  truncateMarkdown,
} from '../../src/discord/render.ts';
import { WEAK_LABEL } from '../../src/discord/layout.ts';

const article: Article = {
  id: 'art',
  file: 'art.md',
  meta: {
    title: 'A *Title*',
    authors: ['Jo'],
    outlet: 'Outlet',
    date: '2021-07-11',
    regions: [],
    themes: [],
    reports: [],
    url: 'https://example.org/a',
    format: 'markdown',
  },
  paragraphs: [1, 2, 3, 4].map((n) => ({
    number: n,
    kind: 'text' as const,
    text: `Paragraph ${n} text.`,
    sentences: [],
  })),
};
const find = (id: string): Article | undefined => (id === 'art' ? article : undefined);

const quote: Result = {
  kind: 'quote',
  text: '“We will do everything to prevent it,” he said.',
  speaker: 'Sergei Lavrov',
  role: 'Foreign Minister',
  citation: { article: 'art', paragraph: 2, sentence: 1 },
  highlight: { start: 1, end: 13 },
  fields: [{ name: 'Date', value: '2021-07-08' }],
};

describe('text helpers', () => {
  it('escapes Markdown and defuses mentions', () => {
    expect(escapeText('**x** _y_ @everyone <@123> <#456> [a](b) ||s||')).toBe(
      '\\*\\*x\\*\\* \\_y\\_ @\u200beveryone <@\u200b123> <\u200b#456> \\[a\\](b) \\|\\|s\\|\\|',
    );
    expect(escapeText('# Heading\n> quote\n- item\n-# small\n1. one\nplain - dash')).toBe(
      '\\# Heading\n\\> quote\n\\- item\n\\-# small\n1\\. one\nplain - dash',
    );
  });

  it('truncates on a word boundary with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('the quick brown fox jumps over', 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut).toBe('the quick brown fox…');
    expect(truncate('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(truncate('😀😀😀😀😀', 4).length).toBeLessThanOrEqual(4);
    expect(truncate('abc\\*def', 5)).not.toMatch(/\\…$/);
  });

  it('keeps bold markers balanced when cutting inside the highlight', () => {
    const cut = truncateMarkdown(`intro **${'word '.repeat(50)}** end`, 60);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect((cut.match(/\*\*/g) ?? []).length % 2).toBe(0);
  });

  it('puts the highlight in bold, spaces outside the markers', () => {
    expect(emphasised({ kind: 'passage', text: 'a big thing', highlight: { start: 1, end: 6 } })).toBe(
      'a **big** thing',
    );
    expect(emphasised({ kind: 'passage', text: 'a_b c', highlight: { start: 4, end: 5 } })).toBe(
      'a\\_b **c**',
    );
    expect(emphasised({ kind: 'passage', text: 'abc', highlight: { start: 2, end: 9 } })).toBe('abc');
  });
});

describe('resultEmbed', () => {
  it('shows speaker, role, passage, citation footer and link', () => {
    const e = resultEmbed(quote, find);
    expect(e.author?.name).toBe('Sergei Lavrov · Foreign Minister');
    expect(e.title).toBe('A \\*Title\\*');
    expect(e.url).toBe('https://example.org/a');
    expect(e.description).toContain('**We will do');
    expect(e.footer?.text).toBe('¶2 · A *Title* · Outlet · 2021-07-11');
    expect(e.fields).toEqual([{ name: 'Date', value: '2021-07-08', inline: true }]);
  });

  it('marks unattributed quotes and narration', () => {
    expect(resultEmbed({ ...quote, speaker: null }, find).author?.name).toContain('Unattributed');
    expect(resultEmbed({ kind: 'narration', text: 'x', speaker: null }, find).author?.name).toContain(
      'narration',
    );
  });

  it('drops invalid URLs rather than failing the message', () => {
    const e = resultEmbed({ ...quote, url: 'javascript:alert(1)' }, find);
    expect(e.url).toBeUndefined();
  });
});

describe('limits', () => {
  const huge: Result = {
    kind: 'passage',
    title: 'T'.repeat(400),
    text: 'word '.repeat(3000),
    speaker: 'S'.repeat(400),
    citation: { article: 'missing', paragraph: 1 },
    fields: Array.from({ length: 40 }, (_, i) => ({ name: `n${i}`.repeat(100), value: 'v'.repeat(2000) })),
  };

  it('clips every part of one embed', () => {
    const e = fitEmbed(resultEmbed(huge, find));
    expect(e.title!.length).toBeLessThanOrEqual(LIMITS.title);
    expect(e.description!.length).toBeLessThanOrEqual(LIMITS.description);
    expect(e.author!.name.length).toBeLessThanOrEqual(LIMITS.author);
    expect(e.fields!.length).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    expect(embedLength(e)).toBeLessThanOrEqual(LIMITS.total);
  });

  it('keeps a whole message within 6000 characters and 10 embeds', () => {
    const embeds = fitEmbeds(Array.from({ length: 14 }, () => resultEmbed(huge, find)));
    expect(embeds.length).toBe(10);
    expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.total);
  });

  it('clips content to 2000', () => {
    const answer: Answer = { command: 'x', ok: false, error: 'e'.repeat(5000) };
    expect(renderAnswer(answer, find).content!.length).toBeLessThanOrEqual(LIMITS.content);
  });
});

describe('renderAnswer', () => {
  it('answers one quote in one embed: block quote, speaker line, the citation line once, a context button', () => {
    const body = renderAnswer({ command: 'who-said', ok: true, results: [quote] }, find, {
      input: { quote: 'do everything' },
    });
    expect(body.ephemeral).toBe(false);
    expect(body.embeds).toHaveLength(1);
    const description = body.embeds[0]?.description ?? '';
    expect(description).toContain('> “**We will do e**verything to prevent it,” he said.');
    expect(description).toContain('— **Sergei Lavrov**, Foreign Minister');
    expect(description).toContain('[A \\*Title\\*](https://example.org/a) · ¶2 · Outlet · 2021-07-11');
    expect(body.content).toBe('**Who said** “do everything”?');
    expect(body.components[0]?.components[0]).toMatchObject({
      custom_id: 'ctx:2:art',
      label: 'Show context ¶2',
    });
  });

  it('misses and errors are private; hide is private; help is private; a check-quote miss is public', () => {
    expect(renderAnswer({ command: 'x', ok: true, results: [], message: 'nothing' }, find).ephemeral).toBe(
      true,
    );
    expect(renderAnswer({ command: 'x', ok: false, error: 'bad' }, find).ephemeral).toBe(true);
    expect(renderAnswer({ command: 'x', ok: true, results: [quote] }, find, { hide: true }).ephemeral).toBe(
      true,
    );
    expect(renderAnswer({ command: 'help', ok: true, results: [quote] }, find).ephemeral).toBe(true);
    const absent = renderAnswer(
      { command: 'check-quote', ok: true, results: [], message: 'Not in the articles.' },
      find,
      {
        input: { text: 'made up' },
      },
    );
    expect(absent.ephemeral).toBe(false);
    expect(absent.embeds[0]?.title).toBe('❌ Not in the articles');
    expect(absent.content).toBe('You posted: “made up”');
  });

  it('does not restate the input on a private reply', () => {
    const body = renderAnswer({ command: 'ask', ok: true, results: [quote] }, find, {
      hide: true,
      input: { question: 'Why?' },
    });
    expect(body.content).toBeUndefined();
  });

  it('numbers a list densely, ten to a page, with "Page N/M · K quotes" and Previous/Next', () => {
    const results = Array.from({ length: 23 }, (_, i) => ({
      ...quote,
      citation: { article: 'art', paragraph: i + 1 },
    }));
    const answer: Answer = { command: 'quotes', ok: true, results };
    const page = renderAnswer(answer, find, { page: 2, pageState: 'abcdefghij' });
    expect(page.embeds).toHaveLength(1);
    expect(page.embeds[0]?.footer?.text).toBe('Page 3/3 · 23 quotes');
    const description = page.embeds[0]?.description ?? '';
    expect(description.match(/^\*\*\d+\.\*\* /gm)).toHaveLength(3);
    expect(description).toMatch(/^\*\*21\.\*\* /m);
    expect(description.split('Sergei Lavrov').length - 1).toBe(1);
    const ids = page.components.flatMap((r) =>
      r.components.map((c) => ('custom_id' in c ? c.custom_id : '')),
    );
    expect(ids).toContain('pg:abcdefghij:1:p');
    expect(ids).toContain('pg:abcdefghij:2:n');
    const noState = renderAnswer(answer, find);
    expect(noState.embeds[0]?.footer?.text).toBe('Showing 10 of 23 quotes');
  });

  it('states the short answer of /ask first, one passage a page, "More passages" for the rest', () => {
    const passage: Result = {
      kind: 'passage',
      text: 'It has 20 boats. Other things.',
      highlight: { start: 0, end: 16 },
      citation: { article: 'art', paragraph: 3 },
      score: 0.9,
      answer: '20 boats',
    };
    const answer: Answer = {
      command: 'ask',
      ok: true,
      results: [passage, { ...passage, answer: undefined as never }],
    };
    const body = renderAnswer(answer, find, {
      pageState: 'abcdefghij',
      input: { question: 'How many boats?' },
    });
    expect(body.content).toBe('**Q:** How many boats?');
    const description = body.embeds[0]?.description ?? '';
    expect(description.split('\n')[0]).toBe('### 20 boats');
    expect(description).toContain('> **It has 20 boats.** Other things.');
    const labels = body.components.flatMap((r) => r.components.map((c) => ('label' in c ? c.label : '')));
    expect(labels).toContain('More passages ▶');
  });

  it('handles an /ask passage without a short answer as before', () => {
    const passage: Result = {
      kind: 'passage',
      text: 'It has 20 boats.',
      citation: { article: 'art', paragraph: 3 },
      score: 0.9,
    };
    const description =
      renderAnswer({ command: 'ask', ok: true, results: [passage] }, find).embeds[0]?.description ?? '';
    expect(description.startsWith('> It has 20 boats.')).toBe(true);
  });

  it('shows close alternatives of /who-said under the answer, in the same embed', () => {
    const other: Result = {
      ...quote,
      speaker: 'Maria Zakharova',
      role: 'Spokeswoman',
      citation: { article: 'art', paragraph: 4 },
    };
    const body = renderAnswer({ command: 'who-said', ok: true, results: [quote, other] }, find);
    expect(body.embeds).toHaveLength(1);
    const description = body.embeds[0]?.description ?? '';
    expect(description).toContain('— **Sergei Lavrov**, Foreign Minister');
    expect(description).toMatch(
      /\*\*Also close:\*\*\n\*\*2\.\*\* .*— \*\*Maria Zakharova\*\*, Spokeswoman · ¶4/,
    );
  });

  it('labels a weak match with the one wording', () => {
    const weak = { ...quote, score: 0.5 };
    expect(
      renderAnswer({ command: 'who-said', ok: true, results: [weak] }, find).embeds[0]?.description,
    ).toContain(WEAK_LABEL);
  });

  it('escapes suggestions and messages', () => {
    const body = renderAnswer(
      { command: 'x', ok: true, results: [], message: '@here *hi*', suggestions: ['<@1>'] },
      find,
    );
    const text = JSON.stringify(body);
    expect(text).not.toContain('@here');
    expect(text).not.toContain('<@1>');
  });
});

describe('preview and context', () => {
  it('previews a quote card privately with a post button', () => {
    const body = renderPreview({ command: 'pull-quote', ok: true, results: [quote] }, find, 'abcdefghij');
    expect(body.ephemeral).toBe(true);
    expect(body.embeds[0]?.description).not.toContain('**');
    expect(body.components[0]?.components[0]).toMatchObject({
      custom_id: 'post:abcdefghij',
      label: 'Post to channel',
    });
  });

  it('shows the neighbouring paragraphs, the cited one in bold', () => {
    const body = renderContext(article, 1);
    expect(body.ephemeral).toBe(true);
    expect(body.embeds[0]?.description).toBe('**¶1** Paragraph 1 text.\n\n*¶2* Paragraph 2 text.');
    expect(renderContext(article, 9).content).toContain('no paragraph');
  });
});
