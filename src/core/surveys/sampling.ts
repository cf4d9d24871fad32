// EIT part 2: the assessor draws a random sample of the agency's contact list, plus ordered replacement
// reserves for contacts who cannot be reached. The draw must be reproducible by anyone holding the seed
// and the contact list (an agency disputing its sample, an auditor), so:
//   - contacts are sorted by id first: the order the list was uploaded or read in does not matter;
//   - randomness comes only from a seeded generator implemented here (no Math.random, no library whose
//     algorithm could change under us), and the result names the algorithm version it used.
import { createHash } from 'node:crypto';
import { invalid } from '../errors.ts';

/** Recorded with every draw; bump it if the algorithm below ever changes, never change it in place. */
export const SAMPLING_ALGORITHM = 'sha256-sfc32-fisher-yates-v1';

/** Bytes a new seed must carry: 128 bits make a guessed or colliding seed practically impossible. */
export const SEED_MIN_BYTES = 16;

export interface DrawInput {
  contacts: readonly { id: string }[];
  /** How many contacts to select (at least the framework's part-2 minimum). */
  size: number;
  /** How many ordered replacements to draw after the selection. */
  reserves: number;
  seed: string;
}

export interface Sample {
  /** In draw order. */
  selected: string[];
  /** In the order they are to be used: the first unreachable contact is replaced by reserves[0], and so on. */
  reserves: string[];
  /** More contacts were asked for than the list holds: everyone is selected. */
  insufficient: boolean;
  /** How many selections (then reserves) the list could not provide. */
  shortfall: { selected: number; reserves: number };
  algorithm: typeof SAMPLING_ALGORITHM;
}

export function drawSample(input: DrawInput): Sample {
  const { size, reserves, seed } = input;
  if (!Number.isInteger(size) || size < 0 || !Number.isInteger(reserves) || reserves < 0)
    throw invalid(
      'invalid_sample_size',
      'จำนวนตัวอย่างและตัวสำรองต้องเป็นจำนวนเต็มไม่ติดลบ',
      'The sample size and the number of reserves must be whole numbers, not negative',
      { size, reserves },
    );
  if (seed.length === 0)
    throw invalid('invalid_sample_seed', 'ต้องระบุค่าเริ่มต้นของการสุ่ม (seed)', 'A seed is required');

  // A contact listed twice must not double its chance: the set of ids is what is sampled.
  const ids = [...new Set(input.contacts.map((c) => c.id))].sort(compareCodeUnits);
  const wanted = Math.min(ids.length, size + reserves);
  const drawn = partialShuffle(ids, wanted, seededGenerator(seed));
  const selectedCount = Math.min(size, ids.length);
  return {
    selected: drawn.slice(0, selectedCount),
    reserves: drawn.slice(selectedCount, wanted),
    insufficient: size > ids.length,
    shortfall: { selected: size - selectedCount, reserves: reserves - (wanted - selectedCount) },
    algorithm: SAMPLING_ALGORITHM,
  };
}

/** A new seed from random bytes the caller supplies (crypto.randomBytes in the service): hex, to be recorded. */
export function newSeed(randomBytes: Uint8Array): string {
  if (randomBytes.length < SEED_MIN_BYTES)
    throw invalid(
      'seed_too_short',
      `ค่าเริ่มต้นของการสุ่มต้องมีอย่างน้อย ${SEED_MIN_BYTES} ไบต์`,
      `A seed needs at least ${SEED_MIN_BYTES} random bytes`,
    );
  return Buffer.from(randomBytes).toString('hex');
}

// Plain code-unit order: localeCompare would depend on the machine's ICU data and locale.
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The first `count` positions of a Fisher–Yates shuffle: each ordered selection of `count` distinct items
 * is equally likely, so the sample is uniform without replacement and the reserves are a uniform draw
 * from the rest.
 */
function partialShuffle(items: readonly string[], count: number, next: () => number): string[] {
  const pool = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + uniformBelow(pool.length - i, next);
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, count);
}

/** An unbiased integer in [0, n) from 32-bit outputs: rejection removes the modulo bias. */
export function uniformBelow(n: number, next: () => number): number {
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`uniformBelow: bad bound ${n}`);
  const limit = 2 ** 32 - (2 ** 32 % n);
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator, from PractRand): 128 bits of state, passes
 * PractRand/BigCrush, a dozen lines — small enough to re-implement from this comment anywhere. The state is
 * the first 16 bytes of SHA-256(seed) read as four big-endian uint32 (a, b, c, counter); the first 12
 * outputs are discarded to mix the state, as the generator's author recommends.
 * Returns a function giving uint32 values. Not for secrets: it is predictable by design (reproducibility).
 */
export function seededGenerator(seed: string): () => number {
  const digest = createHash('sha256').update(seed, 'utf8').digest();
  let a = digest.readUInt32BE(0);
  let b = digest.readUInt32BE(4);
  let c = digest.readUInt32BE(8);
  let counter = digest.readUInt32BE(12);
  const next = () => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}
