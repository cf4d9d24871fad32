import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEditable, type MEASURES_STATUSES, MEASURES_STEPS, nextStatus } from './states.ts';

describe('measures approval chain', () => {
  it('goes draft → prepared → reviewed → approved, and back to draft on return', () => {
    expect(nextStatus('draft', 'prepare')).toBe('prepared');
    expect(nextStatus('prepared', 'review')).toBe('reviewed');
    expect(nextStatus('reviewed', 'approve')).toBe('approved');
    expect(nextStatus('reviewed', 'return')).toBe('draft');
    expect(nextStatus('prepared', 'approve')).toBeNull();
  });
  it('never leaves approved, and only a draft is editable (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MEASURES_STEPS)), (steps) => {
        let s: (typeof MEASURES_STATUSES)[number] = 'draft';
        let approved = false;
        for (const step of steps) {
          const n = nextStatus(s, step);
          if (approved) expect(n).toBeNull();
          if (n) s = n;
          if (s === 'approved') approved = true;
        }
        expect(isEditable(s)).toBe(s === 'draft');
      }),
    );
  });
});
