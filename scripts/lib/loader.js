// The classic script an embedder includes: no exports, no globals. It finds its own URL
// synchronously (document.currentScript is only set while a classic script first runs), then
// imports the content-hashed main module beside it. A module URL is evaluated once, so
// including the loader twice is harmless.
//
// Where document.currentScript is null (optimiser plugins that defer or combine scripts), the base
// URL comes from, in order: the script's `data-base-url`, a `<clinic-locator base-url>` on the page,
// or the last script whose src ends in clinic-locator.js.
//
// When the main chunk cannot be loaded or evaluated (a Trusted Types policy that refuses every
// policy name, so Lit cannot render; a network failure), the widget must not vanish silently: the
// loader imports a small fallback module beside it (fallbackSource), fetched only then, that
// defines `<clinic-locator>` as a bare element saying so in plain text and firing `clinic-error`.

/**
 * @param {string} mainFile the hashed main chunk's file name, beside the loader in dist/
 * @param {string} fallbackFile the hashed fallback module's file name (fallbackSource), beside it
 * @returns {string} the loader's source, small and already minified by hand
 */
export function loaderSource(mainFile, fallbackFile) {
  return `/*! clinic-locator loader | MIT | ZIP data (c) GeoNames CC BY 4.0 */
(function(){var d=document,s=d.currentScript,b,e,i,l;if(!s||!/clinic-locator/.test(s.src||'')){l=d.querySelectorAll('script[src]');for(i=l.length-1;i>=0;i--)if(/clinic-locator(\\.min)?\\.js([?#]|$)/.test(l[i].src)){s=l[i];break}}b=s&&s.getAttribute('data-base-url');if(!b){e=d.querySelector('clinic-locator[base-url]');b=e&&e.getAttribute('base-url')}if(b&&!/\\/$/.test(b))b+='/';b=new URL(b||(s&&s.src)||'./',d.baseURI).href;import(new URL(${JSON.stringify(mainFile)},b).href).catch(function(x){var m='clinic-locator: could not load '+${JSON.stringify(mainFile)}+' from '+b;console.error(m,x);import(new URL(${JSON.stringify(fallbackFile)},b).href).then(function(f){f.default(m+': '+(x&&x.message||x))})})})();
`;
}

/**
 * The fallback module the loader imports when the main chunk failed: `default(message)` defines
 * `<clinic-locator>` (unless something already did) as a bare element that shows a plain-text
 * notice (textContent, no HTML sink, in its own shadow root so page CSS cannot hide it) and fires
 * `clinic-error` with `source: 'script'` and `fatal: true`, once per element. No Lit, no HTML.
 * @returns {string} the module's source, small and minified by hand
 */
export function fallbackSource() {
  return `/*! clinic-locator fallback | MIT */
export default function(m){customElements.get('clinic-locator')||customElements.define('clinic-locator',class extends HTMLElement{connectedCallback(){if(this.shadowRoot)return;var p=document.createElement('p');p.setAttribute('role','status');p.textContent=/^es\\b/i.test((this.closest('[lang]')||{}).lang||'')?'El buscador de clínicas no se puede mostrar en esta página.':'The clinic finder cannot be shown on this page.';this.attachShadow({mode:'open'}).append(p);this.dispatchEvent(Object.assign(new Event('clinic-error',{bubbles:!0,composed:!0}),{source:'script',message:m,problems:[],recordLabel:void 0,fatal:!0}))}})}
`;
}
