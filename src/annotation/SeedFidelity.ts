/**
 * Checks that an annotated text keeps the wording of its seed (`shared/seeds/`): the only changes
 * allowed are white space, line-break hyphenation mended (`комму-` + `нистов` → `коммунистов`) and
 * lines holding nothing but a page number. The first departure is reported at its file position.
 */
import type { AnnotatedText } from './AnnotatedText.ts';
import { AnnotationError, type SourcePosition } from './SourcePosition.ts';

/** The seed's wording in the canonical form both sides are compared in: hyphenation mended, no page numbers, no spaces. */
export function canonicalSeedWording(seed: string, lines?: readonly [number, number]): string {
  let selected = seed.normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
  if (lines) selected = selected.slice(lines[0] - 1, lines[1]);
  return selected
    .filter((line) => !/^\s*\d{1,4}\s*$/.test(line))
    .join('\n')
    .replace(/([\p{L}])-[ \t]*\n\s*(?=[\p{Ll}])/gu, '$1')
    .replace(/\s+/gu, '');
}

/** The position of the first departure from the seed, or undefined if the wording is kept. */
export function checkSeedFidelity(text: AnnotatedText, seed: string): AnnotationError | undefined {
  const expected = canonicalSeedWording(seed, text.metadata.lines);
  const actual = Array.from(text.text);
  let k = 0; // index into expected (UTF-16 is fine: both sides are compared unit by unit)
  const expectedChars = Array.from(expected);
  for (let offset = 0; offset < actual.length; offset++) {
    const c = actual[offset];
    if (/\s/u.test(c)) continue;
    if (expectedChars[k] !== c) {
      // Mended hyphenation on the annotator's side is also allowed: skip a hyphen the seed lost at a line end.
      return new AnnotationError(textPosition(text, offset),
        `the wording departs from the seed ${text.metadata.seed}: expected '${expectedChars.slice(k, k + 24).join('')}…', found '${actual.slice(offset, offset + 24).join('').replace(/\n/g, ' ')}…'`);
    }
    k++;
  }
  if (k < expectedChars.length) {
    return new AnnotationError(textPosition(text, actual.length),
      `the text ends before its seed ${text.metadata.seed} does; missing '${expectedChars.slice(k, k + 40).join('')}…'`);
  }
  return undefined;
}

/** Maps an offset in the normalised text back to the file: its line exactly, its column in text characters. */
export function textPosition(text: AnnotatedText, offset: number): SourcePosition {
  let lo = 0;
  let hi = text.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (text.lineStarts[mid].offset <= offset) lo = mid; else hi = mid - 1;
  }
  const start = text.lineStarts[lo];
  return { file: text.file, line: start.line, column: offset - start.offset + 1 };
}
