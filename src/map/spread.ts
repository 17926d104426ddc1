// Where to draw numbered pins so that none hides another's number: pure screen-space geometry,
// no Leaflet, no DOM. The adapter projects each clinic to pixels at the current zoom, asks for
// offsets, and draws each pin that far from its spot (with a thin leader line back to it).

/** A point on screen, in CSS pixels (y grows downwards). */
export interface ScreenPoint {
  x: number;
  y: number;
}

/** How close two pin tips may be, and how far apart spread pins are put. */
export interface SpreadOptions {
  /**
   * Two tips conflict when they are closer than `x` horizontally and `y` vertically: then the
   * pin in front would cover the other's number.
   */
  conflict: ScreenPoint;
  /** Distance between neighbouring tips once spread; at least the conflict box's diagonal. */
  spacing: number;
}

/**
 * For the pins of markers.ts (28×40 at rest, 36×51 selected, the number 26 or 33 px above the
 * tip; the pin whose tip is lower, or the selected one, in front): a pin in front covers another
 * pin's number only when their tips are less than 18 px apart horizontally and 26 px vertically.
 * Two pixels more each way, and a spacing just over the diagonal of that box (34.4 px).
 */
export const PIN_SPREAD: SpreadOptions = { conflict: { x: 20, y: 28 }, spacing: 35 };

/** Up to this many pins share one ring around their spot; more make rings around it. */
const ONE_RING = 12;

function conflicts(a: ScreenPoint, b: ScreenPoint, options: SpreadOptions): boolean {
  return Math.abs(a.x - b.x) < options.conflict.x && Math.abs(a.y - b.y) < options.conflict.y;
}

/** Slots around (0, 0) for `n` pins: one ring, reading order from the upper left, clockwise. */
function ringSlots(n: number, spacing: number): ScreenPoint[] {
  if (n <= ONE_RING) {
    // Neighbours a chord of `spacing` apart.
    const radius = Math.max(spacing / 2, spacing / (2 * Math.sin(Math.PI / n)));
    const start = -Math.PI / 2 - Math.PI / n;
    return Array.from({ length: n }, (_, k) => {
      const angle = start + (2 * Math.PI * k) / n;
      return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
    });
  }
  // Concentric rings `spacing` apart, each as full as its circumference allows.
  const slots: ScreenPoint[] = [];
  let radius = spacing * 1.2;
  while (slots.length < n) {
    const capacity = Math.floor((2 * Math.PI * radius) / spacing);
    const count = Math.min(capacity, n - slots.length);
    for (let k = 0; k < count; k++) {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / count;
      slots.push({ x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    }
    radius += spacing;
  }
  return slots;
}

/**
 * Offsets (in pixels) to draw each pin at so that no pin covers another's number: pins whose
 * tips conflict are gathered, transitively, into groups, and each group is spread on a ring (or
 * rings) around its centroid; a ring that then conflicts with another pin or ring absorbs it and
 * is laid out again. Pins that conflict with nothing get `{ x: 0, y: 0 }`. Deterministic: the
 * same points give the same offsets. O(n²) per round, at most n rounds: fine for a result list.
 */
export function spreadOffsets(
  points: readonly ScreenPoint[],
  options: SpreadOptions = PIN_SPREAD,
): ScreenPoint[] {
  // Each pin with its spot, where it is drawn, and its group (the smallest index in it).
  const pins: Pin[] = points.map((p, index) => ({
    index,
    spot: p,
    at: { x: p.x, y: p.y },
    group: index,
  }));
  for (let round = 0; round < pins.length; round++) {
    let merged = false;
    for (const [i, a] of pins.entries()) {
      for (const b of pins.slice(i + 1)) {
        if (a.group === b.group || !conflicts(a.at, b.at, options)) continue;
        const into = Math.min(a.group, b.group);
        const from = Math.max(a.group, b.group);
        for (const pin of pins) if (pin.group === from) pin.group = into;
        merged = true;
      }
    }
    if (!merged) break;
    const groups = new Map<number, Pin[]>();
    for (const pin of pins) {
      const members = groups.get(pin.group);
      if (members) members.push(pin);
      else groups.set(pin.group, [pin]);
    }
    for (const members of groups.values()) {
      if (members.length > 1) spreadGroup(members, options);
    }
  }
  return pins.map((pin) => ({ x: pin.at.x - pin.spot.x, y: pin.at.y - pin.spot.y }));
}

interface Pin {
  index: number;
  spot: ScreenPoint;
  at: ScreenPoint;
  group: number;
}

/**
 * Positions for one group of pins around their centroid, on a ring (or rings). Pins at one spot
 * take the slots clockwise from the upper left in index order (the list's order, when the points
 * come in rank order); pins a little apart keep their west-to-east order.
 */
function spreadGroup(members: readonly Pin[], options: SpreadOptions): void {
  let cx = 0;
  let cy = 0;
  for (const pin of members) {
    cx += pin.spot.x;
    cy += pin.spot.y;
  }
  cx /= members.length;
  cy /= members.length;
  const slots = ringSlots(members.length, options.spacing);
  const oneSpot = members.every((pin) => Math.hypot(pin.spot.x - cx, pin.spot.y - cy) < 1);
  const westToEast = (a: ScreenPoint, b: ScreenPoint): number => a.x - b.x || a.y - b.y;
  const order = oneSpot
    ? [...members].sort((a, b) => a.index - b.index)
    : [...members].sort((a, b) => westToEast(a.spot, b.spot) || a.index - b.index);
  if (!oneSpot) slots.sort(westToEast);
  for (const [k, pin] of order.entries()) {
    const slot = slots[k] ?? { x: 0, y: 0 };
    pin.at = { x: cx + slot.x, y: cy + slot.y };
  }
}
