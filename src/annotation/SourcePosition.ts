/**
 * Where something stands in an input file, and the error type that carries it: every problem the
 * build finds in the data is reported as file, line and column (1-based), with what was expected.
 */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export class AnnotationError extends Error {
  constructor(
    readonly at: SourcePosition,
    readonly problem: string,
  ) {
    super(`${at.file}:${at.line}:${at.column}: ${problem}`);
    this.name = 'AnnotationError';
  }
}

/** Thrown when a run found problems: all of them, in file order, so an editor can fix them in one go. */
export class AnnotationErrors extends Error {
  constructor(readonly errors: readonly AnnotationError[]) {
    super(`${errors.length} problem${errors.length === 1 ? '' : 's'} in the data:\n` + errors.map((e) => e.message).join('\n'));
    this.name = 'AnnotationErrors';
  }
}

export function byPosition(a: AnnotationError, b: AnnotationError): number {
  return a.at.file.localeCompare(b.at.file) || a.at.line - b.at.line || a.at.column - b.at.column;
}
