// The pin spreading geometry on its own: pure screen-space arithmetic.
import { expect } from '@open-wc/testing';
import { PIN_SPREAD, spreadOffsets, type ScreenPoint } from '../../src/map/spread.js';

const drawn = (points: ScreenPoint[]): ScreenPoint[] =>
  spreadOffsets(points).map((o, i) => ({ x: points[i]!.x + o.x, y: points[i]!.y + o.y }));

/** Every pair of drawn tips is out of each other's conflict box. */
function noConflicts(tips: ScreenPoint[]): boolean {
  return tips.every((a, i) =>
    tips
      .slice(i + 1)
      .every(
        (b) =>
          Math.abs(a.x - b.x) >= PIN_SPREAD.conflict.x - 1e-9 ||
          Math.abs(a.y - b.y) >= PIN_SPREAD.conflict.y - 1e-9,
      ),
  );
}

describe('spreadOffsets()', () => {
  it('leaves pins that do not overlap where they are', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 0, y: 100 },
      { x: 21, y: 0 }, // beside the first, by more than the conflict width
    ];
    expect(spreadOffsets(points)).to.deep.equal(points.map(() => ({ x: 0, y: 0 })));
    expect(spreadOffsets([])).to.deep.equal([]);
    expect(spreadOffsets([{ x: 5, y: 5 }])).to.deep.equal([{ x: 0, y: 0 }]);
  });

  it('spreads pins at one spot on a ring around it, in reading order', () => {
    const spot = { x: 200, y: 300 };
    for (const n of [2, 3, 5, 8, 12, 20]) {
      const tips = drawn(Array.from({ length: n }, () => ({ ...spot })));
      expect(noConflicts(tips), `${n} pins`).to.be.true;
      // Centred on the spot.
      const cx = tips.reduce((sum, t) => sum + t.x, 0) / n;
      const cy = tips.reduce((sum, t) => sum + t.y, 0) / n;
      expect(Math.abs(cx - spot.x), `${n} pins`).to.be.below(n > 12 ? 40 : 1e-6);
      expect(Math.abs(cy - spot.y), `${n} pins`).to.be.below(n > 12 ? 40 : 1e-6);
    }
    // Two: side by side, the first on the left.
    const [a, b] = drawn([spot, spot]);
    expect(a!.y).to.be.closeTo(b!.y, 1e-9);
    expect(a!.x).to.be.below(b!.x);
  });

  it('keeps the east–west order of pins a few pixels apart', () => {
    const tips = drawn([
      { x: 100, y: 100 },
      { x: 96, y: 101 },
      { x: 104, y: 99 },
    ]);
    expect(noConflicts(tips)).to.be.true;
    expect(tips[1]!.x).to.be.below(tips[0]!.x + 1);
    expect(tips[2]!.x).to.be.above(tips[1]!.x);
  });

  it('merges a ring with a neighbour it would cover, until nothing conflicts', () => {
    // Four at one spot, and one pin where their ring is drawn.
    const points = [
      { x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 24, y: 0 },
      { x: 300, y: 300 },
    ];
    const tips = drawn(points);
    expect(noConflicts(tips)).to.be.true;
    // The far pin stays put.
    expect(tips[5]).to.deep.equal({ x: 300, y: 300 });
  });

  it('is deterministic', () => {
    const points = Array.from({ length: 10 }, (_, i) => ({ x: (i * 7) % 13, y: (i * 5) % 11 }));
    expect(spreadOffsets(points)).to.deep.equal(spreadOffsets(points));
    expect(noConflicts(drawn(points))).to.be.true;
  });
});
