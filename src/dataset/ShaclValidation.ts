/**
 * SHACL validation of the whole dataset against `ontology/shapes.ttl`, with shacl-engine.
 * The union of all graphs is validated, since an entity's type lives in the registry graph and the
 * statements about it in the text graphs.
 */
import { readFileSync } from 'node:fs';
import { DataFactory, Store } from 'n3';
import type { Quad } from '@rdfjs/types';
import Validator, { type ValidationResult } from 'shacl-engine/Validator.js';
import { parseTurtleAt, shapesFile } from '../ontology/Ontology.ts';

export interface ShapeViolation {
  readonly focusNode: string;
  readonly path?: string;
  readonly message: string;
}

const factory = { ...DataFactory, dataset: () => new Store() };

export async function validateAgainstShapes(quads: readonly Quad[], base: string, shapesTurtle = readFileSync(shapesFile, 'utf8')): Promise<ShapeViolation[]> {
  const shapes = new Store(parseTurtleAt(shapesTurtle, base));
  const union = new Store();
  for (const q of quads) union.addQuad(q.subject, q.predicate, q.object);
  const validator = new Validator(shapes, { factory });
  const report = await validator.validate({ dataset: union });
  if (report.conforms) return [];
  return report.results.map((result: ValidationResult) => ({
    focusNode: result.focusNode?.term?.value ?? '?',
    path: result.path?.[0]?.predicates?.map((p) => p.value).join('/'),
    message: result.message?.map((m) => m.value).join(' ') || 'violates a shape',
  }));
}
