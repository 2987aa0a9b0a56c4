/**
 * Bundles the browser scripts and their stylesheets from npm packages into dist/assets with esbuild,
 * so that no page loads anything from another host. Run by `npm start` and `npm test` first.
 */
import { build } from 'esbuild';

const outdir = new URL('../../../dist/assets/', import.meta.url).pathname;

await build({
  entryPoints: {
    'sparql-editor': new URL('./sparql-editor.ts', import.meta.url).pathname,
    'graph-view': new URL('./graph-view.ts', import.meta.url).pathname,
  },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  outdir,
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
  logLevel: 'warning',
  legalComments: 'linked',
});
process.stderr.write(`browser assets bundled into ${outdir}\n`);
