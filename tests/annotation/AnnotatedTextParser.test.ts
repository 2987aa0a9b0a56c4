import { describe, expect, it } from 'vitest';
import { parseAnnotatedText } from '../../src/annotation/AnnotatedTextParser.ts';
import { annotated, frontMatterLines } from '../support/fixtures.ts';

const L = frontMatterLines; // the body's first line is L + 1

function parseBody(body: string) {
  return parseAnnotatedText('t.ann', annotated(body));
}

function errorsOf(body: string): string[] {
  return parseBody(body).errors.map((e) => e.message);
}

describe('parseAnnotatedText', () => {
  it('strips the markup and keeps the wording as the normalised text', () => {
    const { text, errors } = parseBody('{{s1 [[В. Смирнов|v-smirnov]] критикует [[ДЦ|democratic-centralists]].}}\n@s1 v-smirnov criticised democratic-centralists date=1928-09\n%% a comment\nКонец.\n');
    expect(errors).toEqual([]);
    expect(text!.text).toBe('В. Смирнов критикует ДЦ.\nКонец.\n');
    expect(text!.metadata.id).toBe('test-letter');
  });

  it('records mentions and spans as code-point offsets into the normalised text', () => {
    const { text } = parseBody('😀 {{s1 [[Троцкий|trotsky]] и [[ДЦ|democratic-centralists]]}}\n@s1 trotsky criticised democratic-centralists\n');
    // The emoji is one code point (two UTF-16 units): offsets count it once.
    expect(text!.mentions.map((m) => [m.entityId, m.start, m.end])).toEqual([['trotsky', 2, 9], ['democratic-centralists', 12, 14]]);
    expect(text!.spans).toEqual([expect.objectContaining({ id: 's1', start: 2, end: 14 })]);
  });

  it('parses a statement with its options and numbers further statements on the same span', () => {
    const { text } = parseBody('{{s1 Текст.}}\n@s1 trotsky criticised v-smirnov certainty=probable note="он \\"склочник\\""\n@s1 trotsky opposed two-parties from=1928 to=1929-01 calendar=julian\n');
    expect(text!.statements).toMatchObject([
      { id: 's1', subject: 'trotsky', relation: 'criticised', object: 'v-smirnov', certainty: 'probable', note: 'он "склочник"', calendar: 'gregorian' },
      { id: 's1-2', relation: 'opposed', from: '1928', to: '1929-01', calendar: 'julian', certainty: 'certain' },
    ]);
  });

  it('keeps escaped markup characters as text', () => {
    const { text, errors } = parseBody('a \\[[b\\]] \\{{c\\}} d\n\\@ e\n');
    expect(errors).toEqual([]);
    expect(text!.text).toBe('a [[b]] {{c}} d\n@ e\n');
  });

  it('maps each line of the text back to its line in the file, skipping statement and comment lines', () => {
    const { text } = parseBody('{{s1 a}}\n@s1 trotsky criticised v-smirnov\n%% note\nb\n');
    expect(text!.lineStarts).toEqual([{ offset: 0, line: L + 1 }, { offset: 2, line: L + 4 }, { offset: 4, line: L + 5 }]);
  });

  describe('rejects bad input with file, line and column', () => {
    const cases: [string, string, string][] = [
      ['an unclosed mention', 'x [[Троцкий\n', `t.ann:${L + 1}:3: this mention is never closed`],
      ['a mention without an id', 'x [[Троцкий]]\n', `t.ann:${L + 1}:12: a mention needs its entity id`],
      ['a stray closing bracket', 'x ]] y\n', `t.ann:${L + 1}:3: ']]' closes no mention`],
      ['nested mentions', '[[a [[b|trotsky]]|trotsky]]\n', `t.ann:${L + 1}:5: a mention cannot contain another mention`],
      ['a bad entity id', '[[a|Trotsky]]\n', `t.ann:${L + 1}:5: expected an entity id`],
      ['an unclosed span', '{{s1 текст\n', `t.ann:${L + 1}:1: the span 's1' is never closed`],
      ['a stray span end', 'текст}}\n', `t.ann:${L + 1}:6: '}}' closes no statement span`],
      ['a span without id', '{{ текст}}\n', `t.ann:${L + 1}:1: expected a span id and a space after '{{'`],
      ['a span without statement', '{{s1 текст}}\n', `t.ann:${L + 1}:1: the span 's1' has no statement`],
      ['a duplicate span id', '{{s1 a}} {{s1 b}}\n@s1 trotsky criticised v-smirnov\n', `t.ann:${L + 1}:10: the span id 's1' is used twice`],
      ['a statement before its span', '@s1 trotsky criticised v-smirnov\n{{s1 a}}\n', `t.ann:${L + 1}:1: '@s1' names no statement span closed before this line`],
      ['a short statement', '{{s1 a}}\n@s1 trotsky criticised\n', `t.ann:${L + 2}:1: expected a statement '@span subject relation object`],
      ['an unknown option', '{{s1 a}}\n@s1 trotsky criticised v-smirnov when=1928\n', `t.ann:${L + 2}:34: expected an option date=…`],
      ['a bad date', '{{s1 a}}\n@s1 trotsky criticised v-smirnov date=1928-13\n', `t.ann:${L + 2}:34: 'date' must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not '1928-13'`],
      ['a bad day', '{{s1 a}}\n@s1 trotsky criticised v-smirnov date=1929-02-29\n', `t.ann:${L + 2}:34: 'date' must be a date`],
      ['date with a period', '{{s1 a}}\n@s1 trotsky criticised v-smirnov date=1928 from=1927\n', `t.ann:${L + 2}:34: give either 'date'`],
      ['a bad certainty', '{{s1 a}}\n@s1 trotsky criticised v-smirnov certainty=maybe\n', `t.ann:${L + 2}:34: 'certainty' must be certain, probable or uncertain`],
      ['an unclosed quote', '{{s1 a}}\n@s1 trotsky criticised v-smirnov note="x\n', `t.ann:${L + 2}:39: this quoted value is never closed`],
    ];
    it.each(cases)('%s', (_, body, expected) => {
      expect(errorsOf(body).join('\n')).toContain(expected);
    });

    it('reports every problem of a file in one run', () => {
      expect(errorsOf('x ]] y\n{{s1 a\n[[b\n')).toHaveLength(3);
    });

    it('checks the front matter: missing keys, unknown keys, bad values, with their positions', () => {
      const { errors } = parseAnnotatedText('f.ann', '---\nid: Bad Id\nlanguage: de\nseed: x\ncolour: red\n---\ntext\n');
      const messages = errors.map((e) => e.message).join('\n');
      expect(messages).toContain("f.ann:2:5: 'id' must be an id");
      expect(messages).toContain("f.ann:3:11: 'language' must be 'ru' or 'en'");
      expect(messages).toContain("f.ann:5:1: unknown front-matter key 'colour'");
      expect(messages).toContain("lacks the required key 'source'");
      expect(messages).toContain("lacks 'title'");
    });

    it('requires the front matter to open and close', () => {
      expect(parseAnnotatedText('f.ann', 'text').errors[0].message).toBe("f.ann:1:1: expected '---' opening the front matter on the first line");
      expect(parseAnnotatedText('f.ann', '---\nid: x\n').errors[0].message).toContain('never closed');
    });

    it('reports YAML syntax errors at their position', () => {
      const { errors } = parseAnnotatedText('f.ann', '---\nid: [unclosed\n---\n');
      expect(errors[0].message).toMatch(/^f\.ann:\d+:\d+: YAML: /);
    });

    it('refuses a YAML alias, even one that names no anchor, at its position (found by the fuzz test)', () => {
      const { errors } = parseAnnotatedText('f.ann', '---\nid: *test-letter\n---\n');
      expect(errors.map((e) => e.message)).toContain('f.ann:2:5: YAML: an alias (*test-letter) is not allowed here; write the value out');
    });
  });
});
