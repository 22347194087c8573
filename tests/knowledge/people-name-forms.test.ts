import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import {
  familyNameFirst,
  givenName,
  givenNameFirstAsian,
  surnameOf,
} from '../../src/knowledge/people/naming.ts';
import { makeArticle } from './make-article.ts';

const speakerOf = (paragraphs: string[], words: string): string | null | undefined =>
  extractKnowledge(makeArticle(paragraphs)).quotes.find((q) => q.text.includes(words))?.speaker;
const people = (paragraphs: string[]): string[] =>
  extractKnowledge(makeArticle(paragraphs))
    .entities.filter((e) => e.kind === 'person')
    .map((e) => e.name);

describe('names with particles', () => {
  it('keeps a run of lower-case particles inside the name', () => {
    expect(people(['Marta van der Linde, 52, runs the mill with her cousin.'])).toContain(
      'Marta van der Linde',
    );
    expect(people(['The ruling was written by Judge Inés de la Fuente on Monday.'])).toContain(
      'Inés de la Fuente',
    );
  });

  it('reads a capitalised particle opening a sentence as the start of the surname', () => {
    const paragraphs = [
      'Marta van der Linde, 52, runs the mill with her cousin.',
      'Van der Linde said the wheel was older than the house. "It turns slowly," she said.',
    ];
    expect(speakerOf(paragraphs, 'turns slowly')).toBe('Marta van der Linde');
    expect(people(paragraphs)).not.toContain('der Linde');
  });

  it('tells relatives sharing a particle surname apart by their given names', () => {
    const paragraphs = [
      'Tomas van der Linde founded the mill. "We began with one stone," Tomas van der Linde said.',
      'His niece, Saskia van der Linde, now runs it. "I kept the stone," Saskia van der Linde said.',
    ];
    expect(speakerOf(paragraphs, 'one stone')).toBe('Tomas van der Linde');
    expect(speakerOf(paragraphs, 'kept the stone')).toBe('Saskia van der Linde');
  });

  it('gives the surname with its particles', () => {
    expect(surnameOf(['Marta', 'van', 'der', 'Linde'])).toBe('van der Linde');
    expect(surnameOf(['Inés', 'de', 'la', 'Fuente'])).toBe('de la Fuente');
    expect(surnameOf(['Ada', 'Lind'])).toBe('Lind');
  });
});

describe('family names first', () => {
  it('reads a family name that is also a place word, before a hyphenated given name, as a person', () => {
    const paragraphs = ['The chairwoman, Park Min-seo, opened the meeting. "We start late," Park said.'];
    expect(people(paragraphs)).toContain('Park Min-seo');
    expect(speakerOf(paragraphs, 'start late')).toBe('Park Min-seo');
  });

  it('reads a hyphenated given name before a family name that is also a place word', () => {
    const paragraphs = [
      'The engineer Min-ji Park led the survey. "We measured every beam," Park said.',
      'Tom Hale, the site manager, agreed with her.',
    ];
    expect(people(paragraphs)).toContain('Min-ji Park');
    expect(speakerOf(paragraphs, 'every beam')).toBe('Min-ji Park');
  });

  it('takes the first word as the surname and the second as the given name', () => {
    expect(familyNameFirst(['Kim', 'Ha-eun'])).toBe(true);
    expect(surnameOf(['Kim', 'Ha-eun'])).toBe('Kim');
    expect(givenName(['Kim', 'Ha-eun'])).toBe('Ha-eun');
  });

  it('leaves Western names that begin with such a word alone', () => {
    expect(familyNameFirst(['Kim', 'Carter'])).toBe(false);
    expect(familyNameFirst(['Lee', 'Evans'])).toBe(false);
    expect(surnameOf(['Kim', 'Carter'])).toBe('Carter');
    expect(givenNameFirstAsian(['Jean-Pierre', 'Park'])).toBe(false);
  });

  it('does not take a family name for a woman’s given name when he follows', () => {
    const paragraphs = [
      'The harbour chief, Kim Dong-hyun, spoke after the mayor, Ana Ruiz. He called the delay "a scandal."',
    ];
    expect(speakerOf(paragraphs, 'a scandal')).toBe('Kim Dong-hyun');
  });

  it('keeps a family-first name that opens a sentence whole', () => {
    const paragraphs = [
      'Relatives waited outside the hall.',
      'Wang Lihong, whose brother was on board, said the list came late. "Nobody called," Wang said.',
    ];
    expect(speakerOf(paragraphs, 'Nobody called')).toBe('Wang Lihong');
  });
});
