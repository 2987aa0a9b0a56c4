import { describe, expect, it } from 'vitest';
import { parseAnnotatedText } from '../../src/annotation/AnnotatedTextParser.ts';
import { checkSeedFidelity } from '../../src/annotation/SeedFidelity.ts';
import { bodyFromSeed } from '../../src/annotation/SeedImport.ts';
import { annotated, frontMatterLines as L } from '../support/fixtures.ts';

const seed = 'Группа левых комму-\nнистов  выступила\n\n12\n\nпротив мира.\n';

function check(body: string, lines?: [number, number]) {
  const { text, errors } = parseAnnotatedText('t.ann', annotated(body));
  expect(errors).toEqual([]);
  const withLines = lines ? { ...text!, metadata: { ...text!.metadata, lines } } : text!;
  return checkSeedFidelity(withLines, seed)?.message;
}

describe('checkSeedFidelity', () => {
  it('allows mended hyphenation, dropped page numbers, other white space and markup', () => {
    expect(check('Группа [[левых коммунистов|trotsky]]\nвыступила против мира.\n')).toBeUndefined();
  });

  it('reports a changed word at its line and column', () => {
    expect(check('Группа левых коммунистов\nвыступила за мир.\n')).toBe(
      `t.ann:${L + 2}:11: the wording departs from the seed test.txt: expected 'противмира.…', found 'за мир. …'`);
  });

  it('reports a text that stops short of its seed', () => {
    expect(check('Группа левых коммунистов выступила\n')).toContain("the text ends before its seed test.txt does; missing 'противмира.");
  });

  it('compares with the given line range of the seed only', () => {
    expect(check('против мира.\n', [6, 6])).toBeUndefined();
  });

  it('accepts what import-seed makes of the seed', () => {
    expect(bodyFromSeed(seed)).toBe('Группа левых коммунистов\nвыступила\n\nпротив мира.\n');
    expect(check(bodyFromSeed(seed))).toBeUndefined();
  });
});
