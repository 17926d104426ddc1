// The classic script an embedder includes: no exports, no globals. It finds its own URL
// synchronously (document.currentScript is only set while a classic script first runs), then
// imports the content-hashed main module beside it. A module URL is evaluated once, so
// including the loader twice is harmless.
//
// Where document.currentScript is null (optimiser plugins that defer or combine scripts), the base
// URL comes from, in order: the script's `data-base-url`, a `<clinic-locator base-url>` on the page,
// or the last script whose src ends in clinic-locator.js.

/**
 * @param {string} mainFile the hashed main chunk's file name, beside the loader in dist/
 * @returns {string} the loader's source, small and already minified by hand
 */
export function loaderSource(mainFile) {
  return `/*! clinic-locator loader | MIT | ZIP data (c) GeoNames CC BY 4.0 */
(function(){var d=document,s=d.currentScript,b,e,i,l;if(!s||!/clinic-locator/.test(s.src||'')){l=d.querySelectorAll('script[src]');for(i=l.length-1;i>=0;i--)if(/clinic-locator(\\.min)?\\.js([?#]|$)/.test(l[i].src)){s=l[i];break}}b=s&&s.getAttribute('data-base-url');if(!b){e=d.querySelector('clinic-locator[base-url]');b=e&&e.getAttribute('base-url')}if(b&&!/\\/$/.test(b))b+='/';b=new URL(b||(s&&s.src)||'./',d.baseURI).href;import(new URL(${JSON.stringify(mainFile)},b).href).catch(function(x){console.error('clinic-locator: could not load '+${JSON.stringify(mainFile)}+' from '+b,x)})})();
`;
}
