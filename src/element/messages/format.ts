import type { Units } from '../../domain/units.js';

/** A value made on first use: Intl objects are costly to create, and not all are needed. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * Number and list formatting shared by every language file: each gets formatters for its own
 * locale, so a new language only writes its words. Nothing is created until first used, to keep
 * the widget's start-up task short.
 */
export function formatters(locale: string) {
  const whole = lazy(() => new Intl.NumberFormat(locale));
  const plural = lazy(() => new Intl.PluralRules(locale));
  const oneDecimal = lazy(
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  );
  const length = (unit: 'mile' | 'kilometer') =>
    lazy(
      () =>
        new Intl.NumberFormat(locale, {
          style: 'unit',
          unit,
          unitDisplay: 'long',
          maximumFractionDigits: 1,
        }),
    );
  const lengths = { mi: length('mile'), km: length('kilometer') };
  // Made once, not per call: the filter chips name every language of the clinics on each render,
  // and a DisplayNames costs ~1 ms to create on a mid-range phone.
  const names = lazy(() => new Intl.DisplayNames([locale], { type: 'language' }));
  const list = lazy(() => new Intl.ListFormat(locale, { type: 'conjunction' }));
  const day = lazy(
    () => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }),
  );
  return {
    /** `one` or `other` (etc.) for a count. */
    plural: (count: number) => plural().select(count),
    whole: (value: number) => whole().format(value),
    /** `3.2 mi` */
    distance: (value: number, units: Units) => `${oneDecimal().format(value)} ${units}`,
    /** `25 mi` */
    radius: (value: number, units: Units) => `${whole().format(value)} ${units}`,
    /** `25 miles`, `1.2 kilometers`, in words for the status line. */
    length: (value: number, units: Units) => lengths[units]().format(value),
    /** Language names joined as a list: `English and Spanish`. */
    /** A language's name in this locale (`vi` → `Vietnamese`), the code when unknown. */
    languageName: (code: string) => names().of(code) ?? code,
    /** A `YYYY-MM-DD` date without its year: `Jan 12`, `12 ene`. */
    shortDate: (isoDate: string) => day().format(new Date(`${isoDate}T00:00:00Z`)),
    /** Words joined as a list: `back pain and sciatica`. */
    and: (words: readonly string[]) => list().format(words),
    languageNames: (codes: readonly string[]) =>
      list().format(codes.map((code) => names().of(code) ?? code)),
  };
}
