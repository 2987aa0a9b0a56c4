/**
 * YAML read with positions: the front matter of annotated texts and the registry files are YAML,
 * and an error in them must name the line and column where the offending value stands.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { AnnotationError, type SourcePosition } from './SourcePosition.ts';

export type YamlPath = readonly (string | number)[];

export interface YamlSource {
  readonly value: unknown;
  readonly errors: readonly AnnotationError[];
  /** Where the value at `path` stands; falls back to the nearest enclosing node that exists. */
  positionOf(path: YamlPath): SourcePosition;
  /** Where the key `path`'s last element stands (for "unknown key" errors). */
  keyPositionOf(path: YamlPath): SourcePosition;
}

/** `firstLine` is the file line on which `content` starts (front matter starts on line 2). */
export function readYaml(file: string, content: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(content, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + firstLine - 1, column: col };
  };
  const errors = [...doc.errors, ...doc.warnings].map(
    (e) => new AnnotationError(at(e.pos[0]), `YAML: ${e.message.split('\n')[0]}`),
  );
  // Aliases have no use in these files, and an unresolved one makes the YAML library throw.
  visit(doc, { Alias: (_, alias) => { errors.push(new AnnotationError(at(alias.range?.[0] ?? 0), `YAML: an alias (*${alias.source}) is not allowed here; write the value out`)); } });

  const nodeAt = (path: YamlPath): { node: Node | null; key: Node | null } => {
    let node: Node | null = doc.contents as Node | null;
    let key: Node | null = null;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === step);
        if (!pair) break;
        key = pair.key as Node;
        node = (pair.value as Node | null) ?? key;
      } else if (isSeq(node) && typeof step === 'number' && node.items[step]) {
        node = node.items[step] as Node;
        key = node;
      } else break;
    }
    return { node, key };
  };
  const startOf = (node: Node | null): number => node?.range?.[0] ?? 0;

  return {
    value: errors.length ? undefined : doc.toJS(),
    errors,
    positionOf: (path) => at(startOf(nodeAt(path).node)),
    keyPositionOf: (path) => {
      const { node, key } = nodeAt(path);
      return at(startOf(key ?? node));
    },
  };
}
