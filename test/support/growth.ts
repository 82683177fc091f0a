import { expect } from 'vitest';

/**
 * Hostile evidence must cost linear time. These helpers time one piece of work at growing input sizes within a single
 * run and compare the sizes with each other (no absolute limits, so a busy or slow machine does not fail them):
 * linear work grows ~10× per 10× of input, quadratic work ~100×.
 */
export interface GrowthCase {
  readonly name: string;
  /** The adversarial input of about `size` characters. */
  readonly make: (size: number) => string;
  /** The work under test; awaited when it returns a promise. */
  readonly run: (input: string) => unknown;
}

/** Default sizes: 10k, 100k and 1M characters. */
export const GROWTH_SIZES = [10_000, 100_000, 1_000_000] as const;
/**
 * Time grows as size^exponent: 1 for linear work, 2 for quadratic. Linear work measures up to ~1.35 here because a
 * 1M-character input no longer fits the processor's caches and the garbage collector works harder on it.
 */
const MAX_EXPONENT = 1.5;
/**
 * A step this steep is quadratic (measured here: 1.89–2.16 for the quadratic readers this test was written against,
 * at most 1.77 for linear ones whose small size still fits the young generation): stop before a larger size runs
 * for minutes.
 */
const ABORT_EXPONENT = 1.85;

/**
 * CPU time (user + system) of this process, in ms, spent on one run: time other processes held the core no longer
 * counts, as it did with wall-clock time (a busy moment that slowed only the largest size, twice in a row, could fail
 * a linear case); a sibling hyperthread's load can still slow it. Vitest runs each test file in a process of its own
 * (pool 'forks'), so this is the work's own time, its garbage collector's and its compiler threads' included.
 */
async function timeOnce(work: GrowthCase, input: string): Promise<number> {
  const start = process.cpuUsage();
  await work.run(input);
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/** Runs are repeated until a batch lasts this long, so small sizes are not lost in timer noise. */
const BATCH_MS = 40;

/**
 * Time per run: the better of two batches, each repeating the work until it lasts {@link BATCH_MS} (one run when a
 * single run is longer), the batch least disturbed by the garbage collector and the other tests.
 */
async function timePerRun(work: GrowthCase, input: string): Promise<number> {
  let best = Infinity;
  for (let batch = 0; batch < 2; batch++) {
    let runs = 0;
    let elapsed = 0;
    while (elapsed < BATCH_MS) {
      elapsed += await timeOnce(work, input);
      runs++;
    }
    best = Math.min(best, elapsed / runs);
    if (elapsed > 10 * BATCH_MS) break; // one long run is measurement enough, and a quadratic case must not run twice
  }
  return best;
}

/**
 * Times `work` at each size and fails when time grows faster than size^{@link MAX_EXPONENT} from the smallest size to
 * the largest. A step steeper than {@link ABORT_EXPONENT} fails at once, so a quadratic case does not run for hours.
 */
export async function expectLinearGrowth(work: GrowthCase, sizes: readonly number[] = GROWTH_SIZES): Promise<void> {
  // A busy machine can slow one size and not the other: judge a second measurement before failing.
  try {
    await measureGrowth(work, sizes);
  } catch {
    await measureGrowth(work, sizes);
  }
}

async function measureGrowth(work: GrowthCase, sizes: readonly number[]): Promise<void> {
  await work.run(work.make(sizes[0]!)); // warm-up: compile the code paths before timing
  const timings: string[] = [];
  const exponent = (from: { size: number; time: number }, to: { size: number; time: number }) =>
    Math.log(to.time / from.time) / Math.log(to.size / from.size);
  const measured: { size: number; time: number }[] = [];
  for (const size of sizes) {
    const time = await timePerRun(work, work.make(size));
    timings.push(`${size}: ${time.toFixed(3)} ms`);
    const previous = measured.at(-1);
    measured.push({ size, time });
    if (previous && size !== sizes.at(-1)) {
      const step = exponent(previous, { size, time });
      expect(step, `${work.name} grows as size^${step.toFixed(2)} (${timings.join(', ')})`).toBeLessThan(
        ABORT_EXPONENT,
      );
    }
  }
  const overall = exponent(measured[0]!, measured.at(-1)!);
  expect(overall, `${work.name} grows as size^${overall.toFixed(2)} (${timings.join(', ')})`).toBeLessThan(
    MAX_EXPONENT,
  );
}
