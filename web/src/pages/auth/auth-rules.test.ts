import { describe, expect, it } from 'vitest';
import { newPasswordProblem, safeNext } from './auth-rules.ts';

describe('newPasswordProblem', () => {
  it('asks for the minimum length first, then a matching confirmation', () => {
    expect(newPasswordProblem('short', 'short')).toBe('tooShort');
    expect(newPasswordProblem('long enough', 'long enougH')).toBe('mismatch');
    expect(newPasswordProblem('long enough', 'long enough')).toBeNull();
  });
});

describe('safeNext', () => {
  it('follows only same-site paths after sign-in', () => {
    expect(safeNext('/agencies?page=2')).toBe('/agencies?page=2');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
