/**
 * A TEI text written by hand, made on purpose: the wording of the fixture seed, entities named both by
 * bare registry id and by IRI under another base, several passive participants, a mutual relation, an
 * Old Style period and a note over two lines. And a helper to find where a piece of it stands.
 */
export const teiFixture = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="ru">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title xml:lang="ru">Письмо</title>
        <title xml:lang="en">Letter</title>
        <author ref="trotsky">Л. Троцкий</author>
      </titleStmt>
      <publicationStmt>
        <publisher>A test.</publisher>
        <idno type="text">tei-letter</idno>
        <availability><licence>CC0</licence></availability>
      </publicationStmt>
      <notesStmt>
        <note type="reliability" subtype="high">
          <p xml:lang="en">A test.</p>
          <p xml:lang="ru">Тест.</p>
        </note>
      </notesStmt>
      <sourceDesc>
        <bibl type="source">A
          test.</bibl>
        <bibl type="seed"><idno type="seed">fixture.txt</idno></bibl>
        <bibl type="document"><title ref="https://example.org/kg/id/document/letter">Письмо</title></bibl>
      </sourceDesc>
    </fileDesc>
    <profileDesc>
      <creation><date when="1928-09-22"/></creation>
      <langUsage><language ident="ru">Russian</language></langUsage>
      <calendarDesc><calendar xml:id="julian"><p>Old Style.</p></calendar></calendarDesc>
    </profileDesc>
  </teiHeader>
  <text>
    <body>
      <ab xml:space="preserve">Вы снова поднимаете вопрос о <orgName ref="democratic-centralists">ДЦ</orgName>. 😀 <seg xml:id="s1"><persName ref="https://example.org/kg/id/person/v-smirnov">В. Смирнов</persName> является закостеневшим представителем благочестия.</seg>
</ab>
    </body>
  </text>
  <standOff>
    <listRelation>
      <relation name="criticised" active="trotsky" passive="v-smirnov democratic-centralists" ana="#s1" when="1928-09"/>
      <relation name="memberOf" active="v-smirnov" passive="democratic-centralists" ana="#s1" from-custom="1919" to-custom="1928" datingMethod="#julian" cert="medium"><desc>A  made-up
        note.</desc></relation>
      <relation name="allianceWith" mutual="trotsky democratic-centralists" ana="#s1" cert="low"/>
    </listRelation>
  </standOff>
</TEI>
`;

/** The line and column (1-based, in code points) where `needle` starts in `content`, plus `skip` code points. */
export function positionIn(content: string, needle: string, skip = 0): { line: number; column: number } {
  const index = content.indexOf(needle);
  if (index < 0) throw new Error(`'${needle}' is not in the content`);
  const before = Array.from(content.slice(0, index)).concat(Array.from(needle).slice(0, skip));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.filter((c) => c === '\n').length + 1, column: before.length - lineStart + 1 };
}
