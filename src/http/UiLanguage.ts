/** The reader's language for pages: `?lang=`, else the remembered choice (a cookie), else Accept-Language. */
import Negotiator from 'negotiator';
import type { RequestHeaders } from './Negotiation.ts';
import type { UiLanguage } from './pages/Layout.ts';

export const languageCookie = 'lang';

/** A request's headers and, from Express, its parsed query string. */
export interface LanguageRequest extends RequestHeaders { readonly query?: { readonly lang?: unknown } }

export function uiLanguage(req: LanguageRequest): UiLanguage {
  const asked = typeof req.query?.lang === 'string' ? req.query.lang : undefined;
  if (asked === 'en' || asked === 'ru') return asked;
  const cookie = /(?:^|;\s*)lang=(en|ru)(?:;|$)/.exec(req.headers.cookie ?? '')?.[1];
  if (cookie === 'en' || cookie === 'ru') return cookie;
  const preferred = new Negotiator({ headers: { 'accept-language': req.headers['accept-language'] ?? 'en' } }).language(['en', 'ru']);
  return preferred === 'ru' ? 'ru' : 'en';
}
