/**
 * The query editor at /sparql: YASGUI pointed at this endpoint, the example queries one click away,
 * results as a table and as charts, and YASGUI's own shareable links. Bundled by esbuild into
 * dist/assets (no CDN: reading rooms are often offline).
 */
import Yasgui from '@zazuko/yasgui';
import '@zazuko/yasgui/build/yasgui.min.css';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

type Yasr = ConstructorParameters<typeof Yasgui.Yasr>[0] extends unknown ? InstanceType<typeof Yasgui.Yasr> : never;
type BindingValue = { value: string; datatype?: string };

/**
 * A chart view for YASR (which ships only a table and the raw response): a bar chart whenever an answer
 * has a numeric column and a column to label it by, e.g. counts per relation or per source.
 */
class ChartPlugin {
  priority = 5;
  label = 'Chart';
  hideFromSelection = false;
  private chart?: Chart;

  constructor(private readonly yasr: Yasr) {}

  private columns(): { labels: string[]; value: string } | undefined {
    const results = this.yasr.results;
    if (!results || results.getType() !== 'json') return undefined;
    const rows = results.getBindings() as unknown as Record<string, BindingValue | undefined>[];
    if (!rows.length || rows.length > 300) return undefined;
    const variables = results.getVariables();
    const numeric = (v: string) => rows.every((r) => r[v] !== undefined && r[v]!.value !== '' && !Number.isNaN(Number(r[v]!.value)));
    const value = variables.find(numeric);
    const labels = variables.filter((v) => v !== value && !numeric(v));
    return value && labels.length ? { labels, value } : undefined;
  }

  canHandleResults(): boolean {
    return this.columns() !== undefined;
  }

  draw(): void {
    const columns = this.columns();
    if (!columns) return;
    const rows = this.yasr.results!.getBindings() as unknown as Record<string, BindingValue | undefined>[];
    const short = (v: string) => decodeURIComponent(v.replace(/[/#]$/, '').split(/[/#]/).pop() ?? v);
    this.chart?.destroy();
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${columns.value} by ${columns.labels.join(' and ')}`);
    this.yasr.resultsEl.append(canvas);
    this.chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: rows.map((r) => columns.labels.map((l) => short(r[l]?.value ?? '')).join(' · ')),
        datasets: [{ label: columns.value, data: rows.map((r) => Number(r[columns.value]!.value)), backgroundColor: '#8a1c1c' }],
      },
      options: { animation: false, responsive: true, indexAxis: rows.length > 12 ? 'y' : 'x', plugins: { legend: { display: false } } },
    });
  }

  getIcon(): Element {
    const icon = document.createElement('span');
    icon.textContent = '▮';
    return icon;
  }

  destroy(): void {
    this.chart?.destroy();
  }
}

Yasgui.Yasr.registerPlugin('chart', ChartPlugin as unknown as Parameters<typeof Yasgui.Yasr.registerPlugin>[1]);

const container = document.getElementById('yasgui');
if (container) {
  document.querySelector('form.plain-query')?.setAttribute('hidden', '');
  // Same origin as the page, so the CSP's connect-src 'self' holds wherever the server is reached.
  const endpoint = new URL(container.dataset.endpoint ?? '/sparql', location.href).href;
  const yasgui = new Yasgui(container, {
    requestConfig: { endpoint, method: 'POST' },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint }] },
    persistenceId: null,
  });
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a.example')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const tab = yasgui.addTab(true, { name: link.dataset.title ?? 'Query' });
      tab.setQuery(link.dataset.query ?? '');
      tab.query();
      container.scrollIntoView();
    });
  }
}
