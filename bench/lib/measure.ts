// Timing helpers shared by the Node benchmarks: medians over many runs, never a single sample.
import { performance } from 'node:perf_hooks';

/** One measured case: the median time per operation and the spread across runs. */
export interface Timing {
  /** Median milliseconds per operation over the runs. */
  median: number;
  /** 10th and 90th percentile milliseconds per operation. */
  p10: number;
  p90: number;
  /** Number of runs the median is taken over. */
  runs: number;
}

/** The q-th quantile (0..1) of numbers, by nearest rank on a sorted copy. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] ?? NaN
  );
}

/** Summarises per-operation samples (milliseconds). */
export function summarise(samples: readonly number[]): Timing {
  return {
    median: quantile(samples, 0.5),
    p10: quantile(samples, 0.1),
    p90: quantile(samples, 0.9),
    runs: samples.length,
  };
}

// Results land here so the optimiser cannot drop the work being measured.
let sink = 0;
/** Keeps a value alive (and cheap to keep). */
export function consume(value: unknown): void {
  if (value !== undefined && value !== null) sink ^= 1;
}
export function sinkValue(): number {
  return sink;
}

/**
 * Times `op(i)`: warms up, then `runs` runs, each of as many calls as fit in about `runMs`
 * (at least one), and returns the median time per call. `i` counts calls, so callers can cycle
 * through inputs.
 */
export function time(
  op: (i: number) => unknown,
  {
    runs = 25,
    runMs = 20,
    warmupMs = 100,
  }: { runs?: number; runMs?: number; warmupMs?: number } = {},
): Timing {
  let i = 0;
  const warmEnd = performance.now() + warmupMs;
  let calls = 0;
  while (performance.now() < warmEnd || calls < 3) {
    consume(op(i++));
    calls++;
  }
  // Calls per run from the warm-up rate.
  const perCall = warmupMs / Math.max(1, calls);
  const batch = Math.max(1, Math.floor(runMs / Math.max(perCall, 1e-6)));
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    for (let b = 0; b < batch; b++) consume(op(i++));
    samples.push((performance.now() - start) / batch);
  }
  return summarise(samples);
}

/** Milliseconds, at a precision that suits the size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  if (value >= 0.1) return `${value.toFixed(2)} ms`;
  if (value >= 0.001) return `${(value * 1000).toFixed(2)} µs`;
  return `${(value * 1e6).toFixed(0)} ns`;
}

/** "3.2× faster" / "1.5× slower" for ours against a peer (both medians). */
export function ratio(ours: number, peer: number): string {
  if (!(ours > 0) || !(peer > 0)) return '–';
  return peer >= ours
    ? `${(peer / ours).toFixed(1)}× faster`
    : `${(ours / peer).toFixed(1)}× slower`;
}

/** Kilobytes with one decimal. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** A Markdown table. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Times single calls of `op` on inputs that `setup` makes untimed before each call (e.g. a fresh
 * array, so no per-array cache helps): `runs` samples, median per call.
 */
export function timeEach<T>(
  setup: (i: number) => T,
  op: (input: T, i: number) => unknown,
  runs = 25,
): Timing {
  for (let i = 0; i < 3; i++) consume(op(setup(i), i));
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = setup(i);
    const start = performance.now();
    consume(op(input, i));
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}
