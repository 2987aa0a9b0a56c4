// Citation.js ships no types; this is the part of its API the citations use.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: 'bibtex' | 'biblatex' | 'data', options?: Record<string, unknown>): string;
    static async(data: unknown): Promise<Cite>;
    data: Record<string, unknown>[];
  }
  export const plugins: { config: { get(name: '@bibtex'): { format: { asciiOnly: boolean; useIdAsLabel: boolean } } } };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
