/**
 * Checks annotated texts against the registry and the ontology: every id must be registered, every
 * relation must exist and join entities of the classes its domain and range allow, and text ids must
 * be unique. Pure: it returns the problems, it throws nothing.
 */
import type { AnnotatedText } from './AnnotatedText.ts';
import type { Registry } from './Registry.ts';
import { AnnotationError, type SourcePosition } from './SourcePosition.ts';
import type { RelationSignature } from '../ontology/Ontology.ts';

export function checkAnnotations(
  texts: readonly AnnotatedText[], registry: Registry, relations: ReadonlyMap<string, RelationSignature>,
): AnnotationError[] {
  const errors: AnnotationError[] = [];
  const textIds = new TextIds();
  for (const text of texts) errors.push(...textIds.check(text), ...checkText(text, registry, relations));
  return errors;
}

/** The texts' ids seen so far: a text whose id another text already has is an error. */
export class TextIds {
  readonly #files = new Map<string, string>();
  check({ metadata, metadataAt, file }: AnnotatedText): AnnotationError[] {
    const first = this.#files.get(metadata.id);
    if (first) return [new AnnotationError(metadataAt.id, `the text id '${metadata.id}' is used by ${first} too`)];
    this.#files.set(metadata.id, file);
    return [];
  }
}

/** What one text says, checked against the registry and the ontology's relations. */
export function checkText(text: AnnotatedText, registry: Registry, relations: ReadonlyMap<string, RelationSignature>): AnnotationError[] {
  const errors: AnnotationError[] = [];
  const unknown = (id: string, at: SourcePosition) => {
    const renamed = registry.redirects.get(id);
    errors.push(new AnnotationError(at, renamed
      ? `'${id}' was renamed: use '${renamed}'`
      : `unknown entity id '${id}': register it in data/registry/ first${suggest(id, registry)}`));
  };
  const { metadata, metadataAt } = text;
  for (const key of ['author', 'document', 'partOf'] as const) {
    const id = metadata[key];
    if (id === undefined) continue;
    const entity = registry.entities.get(id);
    if (!entity) unknown(id, metadataAt[key]);
    else if (key === 'author' && entity.type !== 'Person' && entity.type !== 'Faction') errors.push(new AnnotationError(metadataAt[key], `the author '${id}' is a ${entity.type}, not a Person or Faction`));
    else if (key !== 'author' && entity.type !== 'Document') errors.push(new AnnotationError(metadataAt[key], `'${key}' must name a Document, but '${id}' is a ${entity.type}`));
  }
  for (const mention of text.mentions) {
    if (!registry.entities.has(mention.entityId)) unknown(mention.entityId, mention.idAt);
  }
  for (const statement of text.statements) {
    const signature = relations.get(statement.relation);
    if (!signature) {
      errors.push(new AnnotationError(statement.at.relation, `unknown relation '${statement.relation}'; the ontology has ${[...relations.keys()].sort().join(', ')}`));
    }
    for (const role of ['subject', 'object'] as const) {
      const id = statement[role];
      const entity = registry.entities.get(id);
      if (!entity) { unknown(id, statement.at[role]); continue; }
      const allowed = signature && (role === 'subject' ? signature.domain : signature.range);
      if (allowed && !allowed.includes(entity.type)) {
        errors.push(new AnnotationError(statement.at[role],
          `'${statement.relation}' takes ${role === 'subject' ? 'a subject' : 'an object'} of class ${allowed.join(' or ')}, but '${id}' is a ${entity.type}`));
      }
    }
    if (statement.subject === statement.object) errors.push(new AnnotationError(statement.at.object, `a statement cannot relate '${statement.subject}' to itself`));
    if (statement.from && statement.to && statement.from > statement.to) {
      errors.push(new AnnotationError(statement.at.options.to, `'to' (${statement.to}) is before 'from' (${statement.from})`));
    }
  }
  return errors;
}

/** "did you mean" for a mistyped id: registered ids sharing the longest prefix. */
function suggest(id: string, registry: Registry): string {
  let best: string[] = [];
  let bestLength = 2;
  for (const candidate of registry.entities.keys()) {
    let n = 0;
    while (n < id.length && id[n] === candidate[n]) n++;
    if (n > bestLength) { best = [candidate]; bestLength = n; } else if (n === bestLength && n > 2) best.push(candidate);
  }
  return best.length && best.length <= 3 ? ` (did you mean ${best.map((b) => `'${b}'`).join(' or ')}?)` : '';
}
