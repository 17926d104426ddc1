/** The URL parameter `sync-url` uses when it names none. */
export const DEFAULT_URL_PARAM = 'clinic-q';

/**
 * The search kept in the page URL with `sync-url`: read once on load (a deep link), replaced in
 * place after each search the visitor makes (no reload, no history entry).
 */
export class UrlController {
  readonly #attribute: () => string | null;

  /** `attribute` reads the element's `sync-url` (null when it is not set). */
  constructor(attribute: () => string | null) {
    this.#attribute = attribute;
  }

  /** The parameter's name, or undefined when the search is not kept in the URL. */
  get param(): string | undefined {
    const value = this.#attribute();
    return value === null ? undefined : value.trim() || DEFAULT_URL_PARAM;
  }

  /** The search the page URL asks for (`?clinic-q=49503`), if any. */
  linked(): string | undefined {
    const param = this.param;
    return (param && new URLSearchParams(location.search).get(param)?.trim()) || undefined;
  }

  /**
   * The parameter of a link to one clinic (`?clinic=sample-0042`): `clinic`, or `<name>-clinic`
   * when `sync-url` names its own parameter, so two widgets on a page keep theirs apart. It is
   * read whether or not `sync-url` is set: a shared link works on the page that made it.
   */
  get clinicParam(): string {
    const param = this.param;
    return param && param !== DEFAULT_URL_PARAM ? `${param}-clinic` : 'clinic';
  }

  /** The clinic a shared link asks for, if any. */
  linkedClinic(): string | undefined {
    return new URLSearchParams(location.search).get(this.clinicParam)?.trim() || undefined;
  }

  /** A link to this page with clinic `id` selected. */
  clinicLink(id: string): string {
    const url = new URL(location.href);
    url.searchParams.set(this.clinicParam, id);
    return url.href;
  }

  /** With `sync-url`, keeps the selected clinic in the URL (none removes it). */
  writeClinic(id: string | undefined): void {
    if (!this.param) return;
    this.#replace({ [this.clinicParam]: id });
  }

  /** The prefix of the filters' parameters: `clinic-insurance`, or `<name>-insurance`. */
  get #prefix(): string {
    const param = this.param;
    return param && param !== DEFAULT_URL_PARAM ? param : 'clinic';
  }

  /**
   * With `sync-url`, the insurance plan and languages the page URL asks for
   * (`?clinic-insurance=medicare&clinic-languages=es,vi`), applied over the attributes' presets.
   */
  readFilters(apply: (what: 'insurance' | 'languages', value: string) => void): void {
    if (!this.param) return;
    const params = new URLSearchParams(location.search);
    for (const what of ['insurance', 'languages'] as const) {
      const value = params.get(`${this.#prefix}-${what}`);
      if (value !== null) apply(what, value);
    }
  }

  /** With `sync-url`, keeps the plan and languages chosen in the URL (none removes them). */
  writeFilters(filters: { insurance: string; languages: readonly string[] }): void {
    if (!this.param) return;
    this.#replace({
      [`${this.#prefix}-insurance`]: filters.insurance,
      [`${this.#prefix}-languages`]: filters.languages.join(','),
    });
  }

  /** Writes `query` into the URL (an empty query removes the parameter). */
  write(query: string): void {
    const param = this.param;
    if (!param) return;
    this.#replace({ [param]: query });
  }

  /** Sets the parameters given (an empty or missing value removes one), in place, no reload. */
  #replace(values: Record<string, string | undefined>): void {
    const url = new URL(location.href);
    for (const [name, value] of Object.entries(values)) {
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    if (url.href === location.href) return;
    try {
      history.replaceState(history.state, '', url.href);
    } catch {
      // A sandboxed or srcdoc frame may forbid it (SecurityError): the URL is simply not kept.
    }
  }
}
