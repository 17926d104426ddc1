// "Cooperative" gestures for a map embedded in a page, as Google Maps does them: on a touch
// screen one finger scrolls the page and two fingers move and zoom the map; a mouse wheel
// scrolls the page and Ctrl (or ⌘) + wheel, which is also what a trackpad pinch sends, zooms the
// map. A hint says so over the map for a moment. Leaflet is handed in by the adapter (a type
// import here), which stays the only module that imports leaflet.
//
// Why not leaflet-gesture-handling 1.2.2 (MIT): it reads a global `L` when it loads (our Leaflet
// is an ES module and never sets one), patches every L.Map on the page with an init hook, keeps
// one module-level "dragging" flag shared by all maps, removes its scroll hint with
// `document.getElementsByClassName` (which cannot see into our shadow root, so the hint would
// stay), and adds 6.2 KB gzip, mostly language tables we do not use (our words come in through
// MapLabels). Its CSS (a `content: attr()` pseudo-element) would work under a strict CSP and in a
// shadow root; the rest is the ~100 lines below.
import type * as Leaflet from 'leaflet';
import { COOPERATIVE_CLASS, HINT_CLASS } from './markers.js';

/** How long a hint stays after the last gesture that called for it. */
const HINT_MS = 1500;
/** A finger that moved less than this is a tap (or a press), not a drag: no hint. */
const DRAG_SLOP_PX = 10;

/** What the adapter hands the gesture handling. */
export interface CooperativeGesturesOptions {
  map: Leaflet.Map;
  /** The map's container (Leaflet's), where the listeners and the hint go. */
  container: HTMLElement;
  /** E.g. `Use two fingers to move the map`. */
  touchHint: string;
  /** E.g. `Use ctrl + scroll to zoom the map`. */
  scrollHint: string;
}

/**
 * Switches Leaflet's one-finger dragging off for touch (on again for a mouse or pen), lets the
 * page scroll under one finger (CSS `touch-action: pan-x pan-y` on the container), cancels the
 * page's own handling of two-finger moves so Leaflet's touch zoom handler moves and zooms the
 * map, and enables Leaflet's wheel zoom only for a wheel with Ctrl or ⌘.
 */
export class CooperativeGestures {
  readonly #map: Leaflet.Map;
  readonly #container: HTMLElement;
  readonly #hint: HTMLElement;
  readonly #touchHint: string;
  readonly #scrollHint: string;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Where the single finger of the current touch went down. */
  #start: { x: number; y: number } | undefined;

  constructor(options: CooperativeGesturesOptions) {
    this.#map = options.map;
    this.#container = options.container;
    this.#touchHint = options.touchHint;
    this.#scrollHint = options.scrollHint;
    this.#hint = this.#container.ownerDocument.createElement('p');
    this.#hint.className = HINT_CLASS;
    // A pointer gesture's hint: screen reader users move the map with the keyboard.
    this.#hint.setAttribute('aria-hidden', 'true');
    this.#hint.hidden = true;
    this.#container.append(this.#hint);
    this.#container.classList.add(COOPERATIVE_CLASS);
    this.#map.scrollWheelZoom.disable();
    // Capture: these run before Leaflet's own listeners on the container and its panes.
    this.#container.addEventListener('pointerdown', this.#onPointerDown, true);
    this.#container.addEventListener('touchstart', this.#onTouchStart, {
      capture: true,
      passive: true,
    });
    // Not passive: a two-finger move is cancelled so the page does not scroll or zoom.
    this.#container.addEventListener('touchmove', this.#onTouchMove, {
      capture: true,
      passive: false,
    });
    this.#container.addEventListener('wheel', this.#onWheel, { capture: true, passive: true });
  }

  /** The hint element (for tests and for placing it). */
  get hint(): HTMLElement {
    return this.#hint;
  }

  /** Removes the listeners, the hint and its timer. */
  destroy(): void {
    clearTimeout(this.#timer);
    this.#container.removeEventListener('pointerdown', this.#onPointerDown, true);
    this.#container.removeEventListener('touchstart', this.#onTouchStart, true);
    this.#container.removeEventListener('touchmove', this.#onTouchMove, true);
    this.#container.removeEventListener('wheel', this.#onWheel, true);
    this.#container.classList.remove(COOPERATIVE_CLASS);
    this.#hint.remove();
  }

  readonly #onPointerDown = (event: PointerEvent): void => {
    // Leaflet's drag starts on this same event: decide first. A touch drag is the page's (two
    // fingers are handled by Leaflet's touch zoom, which pans too); a mouse or pen drags the map.
    if (event.pointerType === 'touch') this.#map.dragging.disable();
    else this.#map.dragging.enable();
  };

  readonly #onTouchStart = (event: TouchEvent): void => {
    // Where touch events come without pointer events first (older WebKit).
    this.#map.dragging.disable();
    const touch = event.touches.length === 1 ? event.touches[0] : undefined;
    this.#start = touch ? { x: touch.clientX, y: touch.clientY } : undefined;
    if (event.touches.length > 1) this.#hide();
  };

  readonly #onTouchMove = (event: TouchEvent): void => {
    if (event.touches.length > 1) {
      // The map's gesture: not the page's scroll or pinch zoom.
      if (event.cancelable) event.preventDefault();
      this.#start = undefined;
      this.#hide();
      return;
    }
    const touch = event.touches[0];
    if (!touch || !this.#start) return;
    if (Math.hypot(touch.clientX - this.#start.x, touch.clientY - this.#start.y) > DRAG_SLOP_PX) {
      this.#show(this.#touchHint);
    }
  };

  readonly #onWheel = (event: WheelEvent): void => {
    // Leaflet's wheel handler sits on the container in the bubbling phase: it sees this event
    // only when enabled here first (and then cancels it, so the browser does not zoom the page).
    if (event.ctrlKey || event.metaKey) {
      this.#map.scrollWheelZoom.enable();
      this.#hide();
    } else {
      this.#map.scrollWheelZoom.disable();
      this.#show(this.#scrollHint);
    }
  };

  #show(text: string): void {
    if (this.#hint.textContent !== text) this.#hint.textContent = text;
    this.#hint.hidden = false;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#hide(), HINT_MS);
  }

  #hide(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#hint.hidden = true;
  }
}
