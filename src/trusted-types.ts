// The widget's one way into the sinks Trusted Types guard, outside Lit (which has its own
// policy, `clinic-locator-lit`). On a page with `require-trusted-types-for 'script'` a plain
// string in them throws:
// - HTML: Leaflet writes `innerHTML` for its controls, the attribution and every divIcon. The
//   map's HTML (constant markup, ranks and counts as numbers, the embedder's `tile-attribution`,
//   which is HTML by design) comes here.
// - Script text: the `structured-data` attribute writes a `<script type="application/ld+json">`,
//   and a script element's text is a sink even when its type is not JavaScript. Only the JSON-LD
//   the widget serialises comes here.
// Both go through one policy named `clinic-locator`, the name the README tells pages to allow: a
// window creates a name once, so the map and the structured data share it.

/** The name a page allows in its `trusted-types` directive for the widget's HTML and JSON-LD. */
export const POLICY_NAME = 'clinic-locator';

interface Policy {
  createHTML(html: string): unknown;
  createScript(script: string): unknown;
}

interface TrustedTypesGlobal {
  trustedTypes?: {
    createPolicy(
      name: string,
      rules: { createHTML(s: string): string; createScript(s: string): string },
    ): Policy;
  };
}

/**
 * The policy, created on first use (a page without the map or structured data never sees it). Module-level, which
 * the conventions otherwise forbid, because a policy name can be created only once per window:
 * every widget of the page must share it. It is immutable once created. `null`: the browser has
 * no Trusted Types, or the page refused the name (then strings are used: if the page also
 * enforces Trusted Types, Leaflet's first `innerHTML` throws and the element reports the map as
 * unavailable; the structured data is left out and reported).
 */
let policy: Policy | null | undefined;

function policyOrNull(): Policy | null {
  if (policy !== undefined) return policy;
  const tt = (globalThis as TrustedTypesGlobal).trustedTypes;
  try {
    const identity = (text: string) => text;
    policy = tt
      ? tt.createPolicy(POLICY_NAME, { createHTML: identity, createScript: identity })
      : null;
  } catch {
    policy = null;
  }
  return policy;
}

/**
 * `html` as TrustedHTML where the browser has Trusted Types, else as it is. Typed as a string
 * because that is what Leaflet's options and `innerHTML` are typed as; both accept TrustedHTML.
 * Only the widget's own markup may come here, never text typed by a visitor or read from data.
 */
export function trustedHtml(html: string): string {
  const p = policyOrNull();
  return p ? (p.createHTML(html) as string) : html;
}

/**
 * `json` as TrustedScript where the browser has Trusted Types, else as it is, for the text of the
 * widget's `application/ld+json` script. Typed as a string, as `textContent` is; it accepts
 * TrustedScript. Only JSON the widget serialised may come here.
 */
export function trustedScript(json: string): string {
  const p = policyOrNull();
  return p ? (p.createScript(json) as string) : json;
}
