import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Below this width (the widget's own, not the viewport's) the list and the map take turns
 * behind a List | Map switch. The stylesheet's container queries use the same width.
 */
export const NARROW_BELOW_PX = 720;

/**
 * Whether the widget is narrow, from its own width. The stylesheet lays the widget out with
 * container queries; this tells the script, which must know whether a map is on screen (a
 * narrow widget loads its map only once the visitor asks for it).
 */
export class LayoutController implements ReactiveController {
  narrow = false;
  /** The width has been measured (a ResizeObserver reports before the next paint). */
  measured = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  #observer: ResizeObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentBoxSize[0]?.inlineSize ?? this.#host.clientWidth;
      // Zero while hidden (display: none): keep what it was.
      if (width === 0) return;
      const narrow = width < NARROW_BELOW_PX;
      if (narrow === this.narrow && this.measured) return;
      this.narrow = narrow;
      this.measured = true;
      this.#host.requestUpdate();
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}
