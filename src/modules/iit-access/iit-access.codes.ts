// Codes people read off a poster or a slip and type on a phone: no 0/O, 1/I/L to confuse.
import { randomInt } from 'node:crypto';

export const UNAMBIGUOUS_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ACCESS_CODE_LENGTH = 8;
export const TOKEN_LENGTH = 10;
export const MAX_TOKENS_PER_BATCH = 2000;

export function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += UNAMBIGUOUS_ALPHABET[randomInt(UNAMBIGUOUS_ALPHABET.length)];
  return code;
}

/** What respondents type: forgiving about case, spaces and dashes. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
