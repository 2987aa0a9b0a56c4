/**
 * SHACL validation of the whole dataset against `ontology/shapes.ttl`, with shacl-engine.
 * What is validated is a union of graphs, since an entity's type lives in the registry graph and the
 * statements about it in the text graphs; the build validates the corpus part by part (see DatasetBuilder).
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

/** Validates data against the shapes, compiled once; `validate` may be called for many partitions. */
export class ShapeValidator {
  readonly #validator: Validator;

  constructor(base: string, shapesTurtle = readFileSync(shapesFile, 'utf8')) {
    this.#validator = new Validator(new Store(parseTurtleAt(shapesTurtle, base)), { factory });
  }

  /** The violations of the union of the quads' graphs (graph names are dropped). */
  async validate(quads: Iterable<Quad>): Promise<ShapeViolation[]> {
    const union = new Store();
    for (const q of quads) union.addQuad(q.subject, q.predicate, q.object);
    const report = await this.#validator.validate({ dataset: union });
    if (report.conforms) return [];
    return report.results.map((result: ValidationResult) => ({
      focusNode: result.focusNode?.term?.value ?? '?',
      path: result.path?.[0]?.predicates?.map((p) => p.value).join('/'),
      message: result.message?.map((m) => m.value).join(' ') || 'violates a shape',
    }));
  }
}

export function validateAgainstShapes(quads: readonly Quad[], base: string, shapesTurtle?: string): Promise<ShapeViolation[]> {
  return new ShapeValidator(base, shapesTurtle).validate(quads);
}
