import type { Answer, Result } from '../answer.ts';
import type { Article } from '../article/types.ts';
import { formatCitation } from './citation.ts';

/** Looks an article up by id so citations can show its title, outlet and date. */
export type ArticleFinder = (id: string) => Article | undefined;

function emphasise(result: Result): string {
  const h = result.highlight;
  if (!h || h.start < 0 || h.end > result.text.length || h.start >= h.end) return result.text;
  if (h.start === 0 && h.end === result.text.length) return result.text;
  return `${result.text.slice(0, h.start)}**${result.text.slice(h.start, h.end)}**${result.text.slice(h.end)}`;
}

/** The sentence holding the answer (the highlight), else the whole passage. */
function highlightedSentence(result: Result): string {
  const h = result.highlight;
  if (!h || h.start < 0 || h.end > result.text.length || h.start >= h.end) return result.text;
  return result.text.slice(h.start, h.end).trim();
}

function headline(result: Result): string {
  switch (result.kind) {
    case 'quote': {
      const who = result.speaker ?? 'unattributed';
      return `${result.text} — ${who}${result.role ? `, ${result.role}` : ''}`;
    }
    case 'claim':
      return `${result.speaker ?? 'Someone'} (reported): ${result.text}`;
    case 'passage':
      if (result.answer !== undefined && result.answer.trim() !== '') {
        const where = result.citation ? ` (¶${result.citation.paragraph})` : '';
        return `Answer: ${result.answer}${where}\n   ${highlightedSentence(result)}`;
      }
      return result.title ? `${result.title}: ${emphasise(result)}` : emphasise(result);
    default:
      return result.title ? `${result.title}: ${emphasise(result)}` : emphasise(result);
  }
}

/** One result as indented console lines. */
export function renderResultText(result: Result, index: number, find: ArticleFinder): string {
  const lines = [`${index + 1}. ${result.title && result.text === '' ? result.title : headline(result)}`];
  for (const field of result.fields ?? []) lines.push(`   ${field.name}: ${field.value}`);
  const tail: string[] = [];
  if (result.citation)
    tail.push(formatCitation(result.citation, find(result.citation.article), { author: true }));
  if (result.score !== undefined) tail.push(`confidence ${Math.round(result.score * 100)}%`);
  if (tail.length > 0) lines.push(`   ${tail.join('  ·  ')}`);
  if (result.url) lines.push(`   ${result.url}`);
  return lines.join('\n');
}

/** An answer as plain console text (what a person reads in a terminal). */
export function renderText(answer: Answer, find: ArticleFinder): string {
  if (!answer.ok) {
    const more =
      answer.suggestions && answer.suggestions.length > 0
        ? `\n   Suggestions: ${answer.suggestions.join(', ')}`
        : '';
    return `Error: ${answer.error}${more}`;
  }
  const parts: string[] = [];
  if (answer.message) parts.push(answer.message);
  answer.results.forEach((r, i) => parts.push(renderResultText(r, i, find)));
  if (answer.suggestions && answer.suggestions.length > 0)
    parts.push(`Suggestions: ${answer.suggestions.join(', ')}`);
  if (parts.length === 0) parts.push('Nothing found.');
  return parts.join('\n');
}

/** An answer as the console's one-line JSON contract (DESIGN.md section 2). */
export function renderJson(answer: Answer): string {
  const body = answer.ok
    ? {
        command: answer.command,
        ok: true,
        results: answer.results,
        ...(answer.message !== undefined ? { message: answer.message } : {}),
        ...(answer.suggestions !== undefined ? { suggestions: answer.suggestions } : {}),
      }
    : {
        command: answer.command,
        ok: false,
        error: answer.error,
        ...(answer.suggestions !== undefined ? { suggestions: answer.suggestions } : {}),
      };
  // JSON.stringify escapes U+2028/2029 only since ES2019 in strings; that is enough for one line.
  return JSON.stringify(body);
}
