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
