/**
 * Turns a seed (or a range of its lines) into the body of a new annotated text: line-break
 * hyphenation mended, lines holding only a page number dropped, trailing spaces and runs of blank
 * lines tidied. The wording is untouched, so the result passes the seed-fidelity check.
 */
export function bodyFromSeed(seed: string, lines?: readonly [number, number]): string {
  let selected = seed.normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
  if (lines) selected = selected.slice(lines[0] - 1, lines[1]);
  return selected
    .filter((line) => !/^\s*\d{1,4}\s*$/.test(line))
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n')
    // Move the rest of a hyphenated word up to the line where it starts.
    .replace(/(\p{L})-\n\s*(\p{Ll}[\p{L}\p{M}]*)[^\S\n]*/gu, '$1$2\n')
    .replace(/\n{3,}/g, '\n\n')
    // Markup characters in the seed itself are escaped.
    .replace(/(\[\[|\]\]|\{\{|\}\}|\\)/g, (m) => m.split('').map((c) => `\\${c}`).join(''))
    .replace(/^(@|%%)/gm, '\\$1')
    .trim() + '\n';
}
