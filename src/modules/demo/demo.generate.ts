// Deterministic generators for demo collection data: a seeded PRNG, answer sheets skewed toward positive
// answers, durations, dates and invented contacts. Same seed, same data, on every machine.
import { createHash } from 'node:crypto';
import type { AnswerItem } from '../../core/surveys/index.ts';
import {
  DEMO_FIRST_NAMES,
  DEMO_LAST_NAMES,
  DEMO_ORGANISATIONS,
  DEMO_RELATIONS,
} from './demo.collection.data.ts';

export interface Rng {
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32 seeded from a SHA-256 of the label: fast, small, good enough for invented data. */
export function rng(label: string): Rng {
  let a = createHash('sha256').update(label).digest().readUInt32LE(0);
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)] as (typeof items)[number] };
}

/** A version-4-shaped UUID from the generator: re-seeding yields the same submission ids (idempotent). */
export function uuidFrom(r: Rng): string {
  const hex = Array.from({ length: 32 }, () => r.int(16).toString(16));
  hex[12] = '4';
  hex[16] = ((r.int(16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** 16 bytes for a sampling seed. */
export function bytesFrom(r: Rng, n = 16): Uint8Array {
  return Uint8Array.from({ length: n }, () => r.int(256));
}

export type AnswerSheet = Record<string, string | Record<string, string>>;

/** Writes one option position per item into the stored answer shape (sub-items nested under their question). */
export function sheetOf(items: readonly AnswerItem[], positions: readonly number[]): AnswerSheet {
  const sheet: AnswerSheet = {};
  items.forEach((item, i) => {
    const value = item.options[positions[i] ?? 0] ?? (item.options[0] as string);
    if (item.subItemCode === null) sheet[item.questionCode] = value;
    else {
      const nested = (sheet[item.questionCode] ?? {}) as Record<string, string>;
      nested[item.subItemCode] = value;
      sheet[item.questionCode] = nested;
    }
  });
  return sheet;
}

/**
 * An honest respondent: a personal leaning (mostly favourable, or the agency's when given) plus wide
 * per-question noise, mapped to the
 * option whose score (polarity applied) is closest — so reversed questions get "none" from a satisfied person.
 */
export function honestPositions(
  items: readonly AnswerItem[],
  r: Rng,
  leaning = 50 + r.next() * 40,
  spread = 75,
): number[] {
  return items.map((item) => {
    const target = leaning + (r.next() - 0.5) * spread;
    let best = 0;
    item.scores.forEach((s, i) => {
      if (Math.abs(s - target) < Math.abs((item.scores[best] ?? 0) - target)) best = i;
    });
    return best;
  });
}

/** The same position on every item (where the item has it): a straight-liner ticking one column. */
export function straightPositions(items: readonly AnswerItem[], position: number): number[] {
  return items.map((item) => Math.min(position, item.options.length - 1));
}

/** Seconds spent answering: a few minutes, a long tail; a speeder takes under a minute. */
export function honestDuration(r: Rng, items: number): number {
  return Math.round(items * (12 + r.next() * 14) + r.next() * r.next() * 600);
}
export function speederDuration(r: Rng): number {
  return 25 + r.int(30);
}

/** A day of the collection period as an instant at mid-morning Bangkok time (only the day is stored). */
export function dayAt(firstDay: string, offsetDays: number, hour = 10): Date {
  const start = new Date(`${firstDay}T00:00:00+07:00`).getTime();
  return new Date(start + offsetDays * 86_400_000 + hour * 3_600_000);
}

export interface DemoContact {
  name: string;
  phone: string;
  email: string | null;
  relation: string;
}

/** Invented people and organisations, phones in the +668000xxxxx demo range. */
export function demoContacts(agencyIndex: number, count: number, r: Rng): DemoContact[] {
  return Array.from({ length: count }, (_, i) => {
    const relation = r.pick(DEMO_RELATIONS);
    const organisation = relation.startsWith('ผู้ประกอบการ');
    const name = organisation
      ? `${r.pick(DEMO_ORGANISATIONS)} (${r.pick(DEMO_FIRST_NAMES)})`
      : `${r.pick(DEMO_FIRST_NAMES)} ${r.pick(DEMO_LAST_NAMES)}`;
    return {
      name,
      // +66 8000 AA NNN: nine digits, agency AA, contact NNN.
      phone: `+668000${String(agencyIndex).padStart(2, '0')}${String(i).padStart(3, '0')}`,
      email: i % 5 === 0 ? `contact${agencyIndex}-${i}@demo.prongsai.local` : null,
      relation,
    };
  });
}
