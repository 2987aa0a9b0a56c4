import { describe, expect, it } from 'vitest';
import { readRegistry } from '../../src/annotation/Registry.ts';
import { registryYaml } from '../support/fixtures.ts';

describe('readRegistry', () => {
  it('reads entities with their labels, variants and descriptions', () => {
    const { registry, errors } = readRegistry([{ file: 'r.yaml', content: registryYaml }]);
    expect(errors).toEqual([]);
    expect(registry.entities.get('trotsky')).toMatchObject({
      type: 'Person', label: { ru: 'Лев Троцкий', en: 'Leon Trotsky' }, altLabels: { ru: ['Троцкий', 'Бронштейн'], en: ['Trotsky'] },
    });
  });

  it('rejects an id registered twice, across files', () => {
    const { errors } = readRegistry([{ file: 'a.yaml', content: registryYaml }, { file: 'b.yaml', content: '\ntrotsky:\n  type: Person\n' }]);
    expect(errors.map((e) => e.message)).toContain("b.yaml:2:1: the id 'trotsky' is registered twice (first at a.yaml:2)");
  });

  it('requires both languages, a known type and a note for curated facts', () => {
    const { errors } = readRegistry([{ file: 'r.yaml', content: 'x:\n  type: Human\n  label: { ru: "Икс" }\n  description: { ru: "а", en: "b" }\n  curated: { born: "1879" }\n' }]);
    expect(errors.map((e) => e.message)).toEqual([
      "r.yaml:2:9: x: 'type' must be one of Person, Faction, Document, Position, Event, Place",
      "r.yaml:3:10: x: 'label' must give the text in both languages: { ru: \"…\", en: \"…\" }",
      "r.yaml:5:12: x: 'curated' facts need a 'note' saying where they come from",
    ]);
  });

  it('reads redirects, which must point at registered ids', () => {
    const { registry, errors } = readRegistry([{ file: 'r.yaml', content: registryYaml }], { file: 'redirects.yaml', content: 'trotskii: trotsky\nold: nobody\n' });
    expect(registry.redirects.get('trotskii')).toBe('trotsky');
    expect(errors.map((e) => e.message)).toEqual(["redirects.yaml:2:6: the redirect 'old' must point to a registered id, not 'nobody'"]);
  });
});
