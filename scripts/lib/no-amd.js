// Makes the UMD wrappers of bundled packages blind to a host page's AMD loader. papaparse (and
// any UMD package) asks `typeof define === 'function' && define.amd` first and, on a page with
// RequireJS (Magento 2) or Dojo, hands its factory to the page's `define` instead of filling
// `module.exports`: the bundle then gets an empty module ("….parse is not a function"). Inside
// our bundle no AMD loader is ever meant, so the test is replaced by `false` at build time and the
// CommonJS branch (which Vite converts to ESM) is taken.

/** `typeof define === "function"`, either way round (minified builds write `"function"==typeof define`). */
const AMD_TEST =
  /typeof\s+define\s*===?\s*(['"])function\1|(['"])function\2\s*===?\s*typeof\s+define\b/g;

/** @returns {import('vite').Plugin} */
export function noAmd() {
  return {
    name: 'clinic-locator-no-amd',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]/.test(id) || !/\.[cm]?js$/.test(id.split('?')[0] ?? '')) {
        return undefined;
      }
      if (!AMD_TEST.test(code)) return undefined;
      AMD_TEST.lastIndex = 0;
      return { code: code.replace(AMD_TEST, 'false'), map: null };
    },
  };
}
