/**
 * Safe links from data. Data is never trusted: only http(s) URLs become `href`s, and phone
 * numbers become `tel:` links only when they are exactly ten US digits.
 */

/** The URL, normalised, when it is an absolute http(s) URL; otherwise undefined. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}

/** Ten digits of a US phone number (a leading country code 1 is dropped), or undefined. */
export function phoneDigits(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const digits = value.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(national) ? national : undefined;
}

/** `(616) 555-0142` for a ten-digit US number; undefined when it is not one. */
export function formatPhone(value: string | undefined): string | undefined {
  const d = phoneDigits(value);
  return d && `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
}

/** `tel:+16165550142` for a ten-digit US number; undefined when it is not one. */
export function telHref(value: string | undefined): string | undefined {
  const d = phoneDigits(value);
  return d && `tel:+1${d}`;
}

/** UTM campaign parameters for outbound links (any may be empty). */
export interface Utm {
  source?: string;
  medium?: string;
  campaign?: string;
}

/**
 * The URL with `utm_source`, `utm_medium` and `utm_campaign` set from `utm` (empty ones are left
 * out; parameters the URL already has are replaced).
 */
export function withUtm(url: string, utm: Utm): string {
  const entries = [
    ['utm_source', utm.source],
    ['utm_medium', utm.medium],
    ['utm_campaign', utm.campaign],
  ].filter((entry): entry is [string, string] => Boolean(entry[1]?.trim()));
  if (!entries.length) return url;
  const parsed = new URL(url);
  for (const [key, value] of entries) parsed.searchParams.set(key, value.trim());
  return parsed.href;
}

/**
 * Directions to a point with Google Maps' public URL scheme (no API key): the visitor's maps
 * app opens on phones. Only the clinic's coordinates are in the link.
 */
export function directionsUrl(lat: number, lon: number): string {
  return `https://www.google.com/maps/dir/?api=1&destination=${lat.toFixed(5)},${lon.toFixed(5)}`;
}
