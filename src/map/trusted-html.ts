// The map's one way into HTML sinks under Trusted Types. Leaflet writes `innerHTML` for its
// controls, the attribution and every divIcon; on a page with
// `require-trusted-types-for 'script'` a plain string there throws. The widget's HTML (constant
// markup, ranks and counts as numbers, the embedder's `tile-attribution`, which is HTML by
// design) goes through a policy named `clinic-locator`, the name the README tells pages to allow.

/** The name a page allows in its `trusted-types` directive for the map's HTML. */
export const POLICY_NAME = 'clinic-locator';

interface Policy {
  createHTML(html: string): unknown;
}

interface TrustedTypesGlobal {
  trustedTypes?: { createPolicy(name: string, rules: { createHTML(s: string): string }): Policy };
}

/**
 * The policy, created on first use (a page without the map never sees it). Module-level, which
 * the conventions otherwise forbid, because a policy name can be created only once per window:
 * every widget of the page must share it. It is immutable once created. `null`: the browser has
 * no Trusted Types, or the page refused the name (then strings are used: if the page also
 * enforces Trusted Types, Leaflet's first `innerHTML` throws and the element reports the map as
 * unavailable).
 */
let policy: Policy | null | undefined;

function policyOrNull(): Policy | null {
  if (policy !== undefined) return policy;
  const tt = (globalThis as TrustedTypesGlobal).trustedTypes;
  try {
    policy = tt ? tt.createPolicy(POLICY_NAME, { createHTML: (html) => html }) : null;
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
