/** Small, made-on-purpose inputs for the unit tests: a registry and an annotated text around them. */
import { readRegistry, type Registry } from '../../src/annotation/Registry.ts';

export const registryYaml = `
trotsky:
  type: Person
  label: { ru: "Лев Троцкий", en: "Leon Trotsky" }
  altLabel: { ru: [Троцкий, Бронштейн], en: [Trotsky] }
  description: { ru: "Революционер.", en: "Revolutionary." }
v-smirnov:
  type: Person
  label: { ru: "Владимир Смирнов", en: "Vladimir Smirnov" }
  altLabel: { ru: [В. Смирнов], en: [V. Smirnov] }
  description: { ru: "Децист.", en: "A Decist." }
democratic-centralists:
  type: Faction
  label: { ru: "Группа демократического централизма", en: "Democratic Centralists" }
  altLabel: { ru: [ДЦ], en: [DC] }
  description: { ru: "Оппозиционная группа.", en: "An opposition group." }
two-parties:
  type: Position
  label: { ru: "Вторая партия", en: "A second party" }
  description: { ru: "Позиция.", en: "A position." }
letter:
  type: Document
  label: { ru: "Письмо", en: "Letter" }
  description: { ru: "Письмо.", en: "A letter." }
`;

export function fixtureRegistry(): Registry {
  const { registry, errors } = readRegistry([{ file: 'registry.yaml', content: registryYaml }]);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  return registry;
}

export const frontMatter = `---
id: test-letter
title: { ru: "Письмо", en: "Letter" }
language: ru
seed: test.txt
source: "A test."
licence: "CC0"
reliability: { level: high, note: { ru: "Тест.", en: "A test." } }
---
`;

/** An annotated text with the given body under a valid front matter. */
export function annotated(body: string): string {
  return frontMatter + body;
}

export const frontMatterLines = frontMatter.split('\n').length - 1;
