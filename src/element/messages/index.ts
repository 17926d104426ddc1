import { en } from './en.js';
import type { CoreMessages, Messages } from './messages.js';

/**
 * The widget's languages besides English (built in), by primary language subtag, each its own
 * lazily loaded chunk. To add one: write `xx.ts` beside these (a `Messages` object; TypeScript
 * lists every string it must have) and add a line here.
 */
const LOADERS: Readonly<Record<string, () => Promise<Messages>>> = {
  es: () => import('./es.js').then((module) => module.es),
};

/** Every language the widget speaks. */
export const LANGUAGES: readonly string[] = ['en', ...Object.keys(LOADERS)];

// Loaded language modules: immutable code and strings, shared by every widget on the page.
const loaded = new Map<string, Promise<Messages>>();

/** The primary language subtag of a BCP 47 tag (`es-MX` → `es`), lower case. */
export function primaryLanguage(lang: string | null | undefined): string {
  return (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * The messages for a BCP 47 tag: English at once for English or an unknown tag (without the
 * results' strings, which load with the results), else a promise of the language's strings
 * (loaded once per page).
 */
export function messagesFor(lang: string | null | undefined): CoreMessages | Promise<Messages> {
  const code = primaryLanguage(lang);
  const load = LOADERS[code];
  if (!load) return en;
  let messages = loaded.get(code);
  if (!messages) {
    messages = load();
    loaded.set(code, messages);
    messages.catch(() => loaded.delete(code));
  }
  return messages;
}
