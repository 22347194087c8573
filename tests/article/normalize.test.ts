import { describe, it, expect } from 'vitest';
import { foldForMatch, normalizeMarkup, normalizeRaw } from '../../src/article/normalize.ts';

describe('normalizeRaw', () => {
  it('strips a leading byte-order mark', () => {
    expect(normalizeRaw('\uFEFFTitle\n\nBody.')).toBe('Title\n\nBody.');
  });

  it('turns CRLF and lone CR line endings into LF', () => {
    expect(normalizeRaw('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it('turns NBSP and other Unicode spaces into plain spaces and collapses runs', () => {
    expect(normalizeRaw('20\u00A0000 people,\u2009thin\u3000wide  and\t\ttabs')).toBe(
      '20 000 people, thin wide and tabs',
    );
  });

  it('removes soft hyphens and zero-width characters', () => {
    expect(normalizeRaw('Vladi\u00ADmir Pu\u200Btin\u200D and \u2060Isra\uFEFFel')).toBe(
      'Vladimir Putin and Israel',
    );
  });

  it('makes whitespace-only lines blank so they separate blocks', () => {
    expect(normalizeRaw('one  \n \u00A0 \ntwo')).toBe('one\n\ntwo');
  });

  it('keeps curly quotes and dashes for display', () => {
    const s = '“We’ll go,” he said — twice.';
    expect(normalizeRaw(s)).toBe(s);
  });
});

describe('foldForMatch', () => {
  it('lowercases and strips diacritics', () => {
    expect(foldForMatch('Māori Ngātiwai CAFÉ')).toBe('maori ngatiwai cafe');
  });

  it('straightens curly quotes, apostrophes and primes', () => {
    expect(foldForMatch('“We’ll” ‘go’ 5′ 6″')).toBe("\"we'll\" 'go' 5' 6\"");
  });

  it('turns every dash into a hyphen and collapses whitespace', () => {
    expect(foldForMatch('  a — b – c‑d \n\n e ')).toBe('a - b - c-d e');
  });

  it('matches the same words whatever their typography', () => {
    expect(foldForMatch('“Hasty withdrawal”')).toBe(foldForMatch('"hasty  WITHDRAWAL"'));
  });
});

describe('normalizeMarkup', () => {
  it('keeps indentation, tabs and space runs that Markdown and YAML read', () => {
    expect(normalizeMarkup('description: >\r\n  folded\r\n\tcode  here\n')).toBe(
      'description: >\n  folded\n\tcode  here\n',
    );
  });

  it('still removes invisible characters and maps odd spaces to a space', () => {
    expect(normalizeMarkup('\uFEFFPu\u200Btin\u00A0said')).toBe('Putin said');
  });
});
