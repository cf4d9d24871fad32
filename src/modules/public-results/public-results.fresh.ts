// Which publication is in effect, as the public routes ask it on every request: kept by one instance for
// `freshMs` (config PUBLIC_RESULTS_FRESH_MS, default 1 s) so that a busy public site does not ask the database
// several times per request (issue 11 §5). What is kept was read at a time when it was in effect, so it is
// never early: a publication under embargo shows when the window after its time ends, never before; a
// correction or the audit checkpoint shows at most `freshMs` late — as any cache honouring the answers'
// Cache-Control (public, max-age=300) would. "Not published" is kept the same way. 0 asks every time.
import type { AppDeps } from '../../app/context.ts';
import { createMemo } from './public-results.memo.ts';
import {
  listYears,
  type PublishedYear,
  previousPublication,
  publishedYear,
} from './public-results.service.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;
type Outcome<T> = { value: T } | { error: unknown };

export function freshness(deps: Deps, freshMs: number) {
  const memo = freshMs > 0 ? createMemo({ ttlMs: freshMs, maxEntries: 10_000 }) : null;
  /** The answer of `read`, kept for the window (errors too: an unpublished year is asked for as often). */
  const kept = async <T>(key: string, read: () => Promise<T>): Promise<T> => {
    if (!memo) return read();
    const outcome = await memo.get<Outcome<T>>(key, () =>
      read().then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
    );
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  };
  /** What `kept` holds for `key` now, without waiting; undefined when it must be read. */
  const keptNow = <T>(key: string): { value: T } | undefined => {
    const outcome = memo?.peek<Outcome<T>>(key)?.value;
    if (!outcome) return undefined;
    if ('error' in outcome) throw outcome.error;
    return outcome;
  };
  return {
    publishedYear: (year: number): Promise<PublishedYear> =>
      kept(`year|${year}`, () => publishedYear(deps, year)),
    previousPublication: (year: number) => kept(`previous|${year}`, () => previousPublication(deps, year)),
    years: () => kept('years', () => listYears(deps)),
    /**
     * The same answers when they are held (most requests): no promise to wait for. Undefined when one must
     * be read (then ask above); a kept failure is thrown.
     */
    now: {
      publishedYear: (year: number) => keptNow<PublishedYear>(`year|${year}`),
      previousPublication: (year: number) =>
        keptNow<Awaited<ReturnType<typeof previousPublication>>>(`previous|${year}`),
      years: () => keptNow<Awaited<ReturnType<typeof listYears>>>('years'),
    },
  };
}
