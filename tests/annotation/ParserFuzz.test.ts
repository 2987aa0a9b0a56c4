/**
 * Property-based tests of the annotation parser (fast-check): random and mutated annotated texts
 * never crash it, and every rejection names the file, a line and a column inside the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnnotatedText } from '../../src/annotation/AnnotatedTextParser.ts';
import { annotated } from '../support/fixtures.ts';

const valid = annotated('Вы снова поднимаете вопрос о [[ДЦ|democratic-centralists]].\n{{s1 [[В. Смирнов|v-smirnov]] является закостеневшим.}}\n@s1 trotsky criticised v-smirnov date=1928-09\n%% note\n');
const markup = ['[[', ']]', '|', '{{', '}}', '{{s1 ', '@s1 ', '@', '%%', '\\', '\n', '---', ':', '"', 'date=', '=', ' '];

function checkRejections(content: string) {
  const lines = content.split('\n').length;
  const { text, errors } = parseAnnotatedText('t.ann', content);
  expect(text === undefined || errors.length === 0).toBe(true);
  for (const error of errors) {
    expect(error.message).toMatch(/^t\.ann:\d+:\d+: \S/);
    expect(error.at.line).toBeGreaterThanOrEqual(1);
    expect(error.at.line).toBeLessThanOrEqual(lines + 1);
    expect(error.at.column).toBeGreaterThanOrEqual(1);
  }
}

describe('the annotation parser under random input', () => {
  it('never throws on arbitrary text, with or without front matter', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (body) => {
      checkRejections(body);
      checkRejections(annotated(body));
    }), { numRuns: 400 });
  });

  it('never throws on markup soup, and names line and column for every problem', () => {
    const soup = fc.array(fc.oneof(fc.constantFrom(...markup), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(fc.property(soup, (body) => { checkRejections(annotated(body)); }), { numRuns: 400 });
  });

  it('never throws on a valid text with characters inserted, deleted or replaced', () => {
    const mutation = fc.record({ at: fc.nat({ max: valid.length }), remove: fc.nat({ max: 4 }), insert: fc.oneof(fc.constantFrom(...markup), fc.string({ maxLength: 3 })) });
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
      let content = valid;
      for (const m of mutations) content = content.slice(0, m.at) + m.insert + content.slice(m.at + m.remove);
      checkRejections(content);
    }), { numRuns: 500 });
  });
});
