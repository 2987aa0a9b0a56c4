/**
 * The query editor at /sparql: YASGUI pointed at this endpoint, the example queries one click away,
 * results as a table and as charts, and YASGUI's own shareable links. Bundled by esbuild into
 * dist/assets (no CDN: reading rooms are often offline).
 */
import Yasgui from '@zazuko/yasgui';
import '@zazuko/yasgui/build/yasgui.min.css';

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
