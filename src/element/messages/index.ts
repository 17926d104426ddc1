import { en } from './en.js';
import { es } from './es.js';
import type { Messages } from './messages.js';

/**
 * The widget's languages, by primary language subtag. To add one: write `xx.ts` beside these
 * (a `Messages` object; TypeScript lists every string it must have) and add it here.
 */
export const LANGUAGES: Readonly<Record<string, Messages>> = { en, es };

/**
 * The messages for a BCP 47 tag (`es-MX` → Spanish); English for an unknown or empty tag.
 */
export function messagesFor(lang: string | null | undefined): Messages {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return LANGUAGES[primary] ?? en;
}
