/**
 * W3C Web Annotation selectors for a span of a normalised text: a TextQuoteSelector (the exact words
 * with a little context either side) and a TextPositionSelector (code-point offsets).
 */
export interface TextQuote { readonly exact: string; readonly prefix: string; readonly suffix: string }
export interface TextSpanSelectors { readonly quote: TextQuote; readonly start: number; readonly end: number }

const contextLength = 32;

/** The text as code points, made once per text: offsets count code points, not UTF-16 units. */
export type CodePoints = readonly string[];

export function selectorsFor(codePoints: CodePoints, start: number, end: number): TextSpanSelectors {
  return {
    start,
    end,
    quote: {
      exact: codePoints.slice(start, end).join(''),
      prefix: codePoints.slice(Math.max(0, start - contextLength), start).join(''),
      suffix: codePoints.slice(end, end + contextLength).join(''),
    },
  };
}
