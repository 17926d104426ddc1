import type { Units } from '../../domain/units.js';

/**
 * Number and list formatting shared by every language file: each gets formatters for its own
 * locale, so a new language only writes its words.
 */
export function formatters(locale: string) {
  const whole = new Intl.NumberFormat(locale);
  const oneDecimal = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const lengths = {
    mi: new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'mile',
      unitDisplay: 'long',
      maximumFractionDigits: 1,
    }),
    km: new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'kilometer',
      unitDisplay: 'long',
      maximumFractionDigits: 1,
    }),
  };
  return {
    plural: new Intl.PluralRules(locale),
    whole: (value: number) => whole.format(value),
    /** `3.2 mi` */
    distance: (value: number, units: Units) => `${oneDecimal.format(value)} ${units}`,
    /** `25 mi` */
    radius: (value: number, units: Units) => `${whole.format(value)} ${units}`,
    /** `25 miles`, `1.2 kilometers`, in words for the status line. */
    length: (value: number, units: Units) => lengths[units].format(value),
    /** Language names joined as a list: `English and Spanish`. */
    languageNames: (codes: readonly string[]) => {
      const names = new Intl.DisplayNames([locale], { type: 'language' });
      const list = new Intl.ListFormat(locale, { type: 'conjunction' });
      return list.format(codes.map((code) => names.of(code) ?? code));
    },
  };
}
