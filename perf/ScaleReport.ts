/**
 * The results of the scale benchmark, and how they are shown: a Markdown table (a size that could not
 * be built or served says why, as measured) and a log-log plot of each cost against the size, as SVG
 * drawn by Vega-Lite. Pure, apart from Vega's rendering.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';

export interface StageOutcome {
  readonly ok: boolean;
  /** Wall-clock seconds until it finished, or failed. */
  readonly seconds: number;
  /** Peak resident set size, MB. */
  readonly peakRssMb?: number;
  /** What went wrong, from the process's own output, or why it was not started. */
  readonly reason?: string;
  /** Not started at all (the reason says why): nothing was measured. */
  readonly notStarted?: boolean;
}

/** What served the size: the embedded store, or a Virtuoso the build was loaded into. */
export type StoreKind = 'embedded' | 'Virtuoso';

export interface SizeResult {
  readonly scale: number;
  readonly texts?: number;
  readonly entities?: number;
  readonly statements?: number;
  readonly quads?: number;
  readonly generate: StageOutcome;
  readonly build?: StageOutcome & { readonly phases?: Readonly<Record<string, number>> };
  /** Absent in results from before stores were measured: those were embedded. */
  readonly store?: StoreKind;
  /** With an external store: `load-store`, the build put into the store (its peak RSS is our loader's). */
  readonly load?: StageOutcome;
  /** Start-up: from spawning `serve` to the first answered `/readyz`. */
  readonly serve?: StageOutcome;
  /** With an external store: the store's own peak RSS (Virtuoso's, from /proc), MB. */
  readonly storeRssMb?: number;
  /** Disk taken by the generated corpus, the published build, and the store's database once loaded: bytes. */
  readonly disk?: { readonly corpus?: number; readonly build?: number; readonly store?: number };
  /** Milliseconds of each request, first (uncached) answer; `undefined` where it failed. */
  readonly latencies?: Readonly<Record<string, number | string>>;
}

const mb = (n?: number) => (n === undefined ? '' : `${Math.round(n).toLocaleString('en')} MB`);
const bytesToMb = (n?: number) => (n === undefined ? undefined : n / 1024 / 1024);

/**
 * The build time a size would take at least, scaled linearly from the largest smaller size built (the
 * build has grown a little faster than linearly): undefined when none was.
 */
export function buildSecondsAtLeast(scale: number, results: readonly SizeResult[]): { seconds: number; from: number } | undefined {
  const known = results.filter((r) => r.scale < scale && r.build?.ok).sort((a, b) => b.scale - a.scale)[0];
  return known && { seconds: known.build!.seconds * (scale / known.scale), from: known.scale };
}

/**
 * The disk a size would take (corpus, build and store together), scaled from the largest smaller size
 * measured with its disk recorded: everything the benchmark writes grows with the corpus. Undefined
 * when no such size is known.
 */
export function diskNeeded(scale: number, results: readonly SizeResult[]): { bytes: number; from: number } | undefined {
  const known = results.filter((r) => r.scale < scale && r.disk?.corpus !== undefined && r.disk.build !== undefined).sort((a, b) => b.scale - a.scale)[0];
  if (!known) return undefined;
  const { corpus = 0, build = 0, store = 0 } = known.disk!;
  return { bytes: (corpus + build + store) * (scale / known.scale), from: known.scale };
}
const seconds = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} s`;

/** One row per size; a failed stage names the reason and the later stages are left empty. */
export function resultsTable(results: readonly SizeResult[], latencyNames: readonly string[]): string {
  const head = ['scale', 'texts', 'entities', 'statements', 'quads', 'store', 'generate', 'build', 'build peak RSS', 'build on disk', 'load', 'loader peak RSS', 'store on disk', 'start-up', 'server RSS', 'store RSS',
    ...latencyNames.map((n) => `${n} (ms)`)];
  const rows = results.map((r) => {
    const stage = (s?: StageOutcome) => (!s ? '' : s.ok ? seconds(s.seconds)
      : s.notStarted ? `**not started**: ${s.reason ?? 'unknown'}` : `**failed after ${seconds(s.seconds)}**: ${s.reason ?? 'unknown'}`);
    return [
      `${r.scale}×`, r.texts?.toLocaleString('en') ?? '', r.entities?.toLocaleString('en') ?? '', r.statements?.toLocaleString('en') ?? '',
      r.quads?.toLocaleString('en') ?? '', r.store ?? (r.serve ? 'embedded' : ''), stage(r.generate), stage(r.build), mb(r.build?.peakRssMb), mb(bytesToMb(r.disk?.build)),
      stage(r.load), mb(r.load?.peakRssMb), mb(bytesToMb(r.disk?.store)), stage(r.serve), mb(r.serve?.peakRssMb), mb(r.storeRssMb),
      ...latencyNames.map((n) => {
        const v = r.latencies?.[n];
        return v === undefined ? '' : typeof v === 'number' ? String(Math.round(v)) : v;
      }),
    ];
  });
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

/** Where a build's time goes: its phases, in seconds, as the build reports them. */
export function phasesTable(results: readonly SizeResult[]): string {
  const measured = results.filter((r) => r.build?.phases);
  const phases = [...new Set(measured.flatMap((r) => Object.keys(r.build!.phases!)))];
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(['scale', ...phases.map((p) => `${p} (s)`)]), line(['---', ...phases.map(() => '---')]),
    ...measured.map((r) => line([`${r.scale}×`, ...phases.map((p) => { const ms = r.build!.phases![p]; return ms === undefined ? '' : (ms / 1000).toFixed(1); })]))].join('\n') + '\n';
}

interface PlotPoint { readonly scale: number; readonly cost: string; readonly value: number; readonly unit: string }

/** The measured points only: a failed stage has no point (the table says why). */
export function plotPoints(results: readonly SizeResult[], latencyNames: readonly string[]): PlotPoint[] {
  const points: PlotPoint[] = [];
  const add = (scale: number, cost: string, unit: string, value: number | undefined) => {
    if (value !== undefined && value > 0) points.push({ scale, cost, unit, value });
  };
  for (const r of results) {
    if (r.build?.ok) { add(r.scale, 'build time', 's', r.build.seconds); add(r.scale, 'build peak RSS', 'MB', r.build.peakRssMb); }
    // What is served from Virtuoso is a line of its own: its costs do not continue the embedded store's.
    const on = r.store === 'Virtuoso' ? ' (Virtuoso)' : '';
    if (r.load?.ok) { add(r.scale, 'store load time', 's', r.load.seconds); add(r.scale, 'loader peak RSS', 'MB', r.load.peakRssMb); }
    if (r.serve?.ok) { add(r.scale, `start-up time${on}`, 's', r.serve.seconds); add(r.scale, `server RSS${on}`, 'MB', r.serve.peakRssMb); }
    add(r.scale, 'Virtuoso RSS', 'MB', r.storeRssMb);
    for (const name of latencyNames) {
      const v = r.latencies?.[name];
      if (typeof v === 'number') add(r.scale, `${name}${on}`, 'ms', v);
    }
  }
  return points;
}

/**
 * A log-log plot per unit (seconds, megabytes, milliseconds), one line per cost. The x axis spans every
 * size tried, so the sizes that failed show as the lines' missing end.
 */
export async function growthPlot(points: readonly PlotPoint[], sizesTried: readonly number[]): Promise<string> {
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Cost against corpus size (synthetic corpus; multiples of the real one)',
    data: { values: [...points] },
    facet: { column: { field: 'unit', type: 'nominal', title: null, sort: ['s', 'MB', 'ms'] } },
    resolve: { scale: { y: 'independent', color: 'independent' } },
    spec: {
      width: 260, height: 220,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'scale', type: 'quantitative', scale: { type: 'log', domain: [Math.min(...sizesTried), Math.max(...sizesTried)] }, title: 'size (× the real corpus)' },
        y: { field: 'value', type: 'quantitative', scale: { type: 'log' }, title: null },
        color: { field: 'cost', type: 'nominal', title: null, legend: { orient: 'bottom', columns: 1, labelLimit: 400 } },
      },
    },
    config: { background: 'white', font: 'sans-serif' },
  };
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  return view.toSVG();
}
