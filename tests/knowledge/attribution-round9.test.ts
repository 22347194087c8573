import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

function speakerOf(paragraphs: string[], words: string): string | null | undefined {
  const q = extractKnowledge(makeArticle(paragraphs)).quotes.find((x) => x.text.includes(words));
  return q === undefined ? undefined : q.speaker;
}

describe('who-said: an attribution after a quote that ends in "!" or "?"', () => {
  it('names the writer of "“…!” Surname tweeted" once the full name is known', () => {
    const paragraphs = [
      'Harbour master Odalys Perrault closed the pier on Friday.',
      '"Keep the boats off the pier tonight!" Perrault tweeted.',
    ];
    expect(speakerOf(paragraphs, 'Keep the boats off')).toBe('Odalys Perrault');
  });

  it('names the asker of "“…?” Full Name asked"', () => {
    expect(
      speakerOf(['"Who is going to pay for the new pier?" Odalys Perrault asked.'], 'pay for the new pier'),
    ).toBe('Odalys Perrault');
  });

  it('reads past an auxiliary and a date ("had tweeted on Monday")', () => {
    const paragraphs = [
      'Odalys Perrault runs the harbour.',
      '"The pier stays shut!" Perrault had tweeted on Monday.',
    ];
    expect(speakerOf(paragraphs, 'The pier stays shut')).toBe('Odalys Perrault');
  });

  it('does not give the quote to a person the next sentence only talks about', () => {
    const paragraphs = ['"The pier stays shut!" The next day Odalys Perrault reopened it for the ferry.'];
    expect(speakerOf(paragraphs, 'The pier stays shut')).not.toBe('Odalys Perrault');
  });
});

describe('who-said: a public body dated between subject and verb', () => {
  it('gives the quote to "the … ministry on Monday urged …, warning “…”"', () => {
    const paragraphs = [
      'The Norvish fisheries ministry on Monday urged trawlers to stay in port, warning "the storm will not spare anyone at sea."',
    ];
    expect(speakerOf(paragraphs, 'the storm will not spare')).toBe('the Norvish fisheries ministry');
  });

  it('reads past "on Tuesday night" too', () => {
    const paragraphs = ['The town council on Tuesday night said the ferry would "run again by spring."'];
    expect(speakerOf(paragraphs, 'run again by spring')).toBe('the town council');
  });
});

describe('who-said: the person a group singles out with ", including …,"', () => {
  it('names the doctor in "Local doctors, including Dr. X, have warned … “…”"', () => {
    const paragraphs = [
      'Local doctors, including Dr. Odalys Perrault, have warned the town could "run short of beds by March".',
    ];
    expect(speakerOf(paragraphs, 'run short of beds')).toBe('Odalys Perrault');
  });

  it('reads past the role words before the name', () => {
    const paragraphs = [
      'Health officials, including the county medical officer Dr. Odalys Perrault, said the wards "cannot take many more patients".',
    ];
    expect(speakerOf(paragraphs, 'cannot take many more')).toBe('Odalys Perrault');
  });

  it('does not give the quote to a person the group includes when others speak', () => {
    const paragraphs = [
      'Several people, including Mayor Odalys Perrault, were hurt when the pier "simply folded," witnesses said.',
    ];
    expect(speakerOf(paragraphs, 'simply folded')).not.toBe('Odalys Perrault');
  });
});

describe('who-said: a body that issues a statement, then a participle reports it', () => {
  it('gives "Police also released a statement, saying … “…”" to the police', () => {
    const paragraphs = [
      'Police also released a statement, saying the crowd had thrown "bottles and burning rags".',
    ];
    expect(speakerOf(paragraphs, 'bottles and burning rags')).toBe('police');
  });

  it('gives it to a described council too', () => {
    const paragraphs = [
      'The town council issued a brief statement, saying the ferry would "run again by spring."',
    ];
    expect(speakerOf(paragraphs, 'run again by spring')).toBe('the town council');
  });

  it('does not read a released photo as a statement', () => {
    const paragraphs = ['Police released a photo of the van, saying it was "probably stolen from a depot".'];
    expect(speakerOf(paragraphs, 'probably stolen')).not.toBe('police');
  });
});
