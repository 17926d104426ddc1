import { html, nothing, type TemplateResult } from 'lit';
import type { RankedClinic } from '../../domain/rank.js';
import { resultCard, type CardContext } from './result-card.js';

/** The numbered list of the shown results, and "Show more" when there are more. */
export function resultsList(
  results: readonly RankedClinic[],
  shown: number,
  c: CardContext & { onShowMore: () => void },
): TemplateResult | typeof nothing {
  if (!results.length) return nothing;
  const { m } = c;
  const listed = results.slice(0, shown);
  const more = results.length - listed.length;
  return html`<ol part="results" class="results" aria-label=${m.resultsLabel}>
      ${listed.map((result, index) => resultCard(result, index + 1, c))}
    </ol>
    ${
      more > 0
        ? html`<div class="more">
            <span class="showing">${m.showing(listed.length, results.length)}</span>
            <button type="button" part="show-more" @click=${c.onShowMore}>${m.showMore}</button>
          </div>`
        : nothing
    }`;
}
