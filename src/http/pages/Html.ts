/**
 * HTML is written as htm tagged templates rendered by Preact on the server: every value placed in a
 * template is escaped by the renderer, so data never becomes markup. This module is the one place
 * pages come from.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

export { html };
export type Markup = VNode | string | null | undefined | false | Markup[];

export function renderDocument(page: VNode): string {
  return `<!DOCTYPE html>\n${render(page)}`;
}

/** JSON for a `<script type="application/ld+json">` block: escaped so that no `</script>` can end it early. */
export function jsonForScript(value: unknown): { __html: string } {
  return { __html: JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026') };
}
