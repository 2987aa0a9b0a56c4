// shacl-engine ships no types; this is the part of its API the build uses.
declare module 'shacl-engine/Validator.js' {
  import type { DatasetCore, DataFactory, Term } from '@rdfjs/types';
  export interface ValidationResult {
    focusNode?: { term?: Term };
    path?: { predicates?: Term[] }[];
    message?: Term[];
  }
  export default class Validator {
    constructor(shapes: DatasetCore, options: { factory: DataFactory & { dataset: () => DatasetCore } });
    validate(data: { dataset: DatasetCore }): Promise<{ conforms: boolean; results: ValidationResult[] }>;
  }
}
