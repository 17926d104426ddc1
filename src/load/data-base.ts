// Where the data files come from when the page says so: the element's `base-url`, kept here by
// the element (a few bytes in its main chunk) and read by data-files.ts when a file is fetched.
// A page whose bundler does not copy the npm package's data files (esbuild, Angular's builder)
// copies them itself and names their folder with `base-url`.

// Module-level, as the data memos are: the files are the same for every widget of the page, so
// the first `base-url` given is where they all come from.
let base: URL | undefined;

/**
 * Fetch the data files from the folder `url` (relative to the page) from now on. Only the first
 * call counts: the files are fetched once per page, for every widget. An empty or unparsable
 * value is ignored.
 */
export function useDataBase(url: string | null | undefined, page: string = document.baseURI): void {
  if (base || !url?.trim()) return;
  try {
    base = new URL(url.trim().replace(/\/?$/, '/'), page);
  } catch {
    // Not a URL: the default stays.
  }
}

/** The folder given with {@link useDataBase}, if any. */
export function dataBase(): URL | undefined {
  return base;
}
