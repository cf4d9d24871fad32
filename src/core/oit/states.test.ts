import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  isEditable,
  itemTransition,
  nextItemState,
  OIT_ITEM_EVENTS,
  OIT_ITEM_STATES,
  type OitItemState,
  reviewStatusOf,
} from './states.ts';

describe('itemTransition', () => {
  it('walks the whole cycle: draft → submitted → approved → assessed → disputed → confirmed', () => {
    let s: OitItemState = 'draft';
    for (const e of ['save', 'submit', 'approve', 'assess', 'dispute', 'confirm'] as const)
      s = itemTransition('o1', s, e);
    expect(s).toBe('confirmed');
  });

  it('lets the executive return a submitted or approved item, which the agency edits and resubmits', () => {
    expect(itemTransition('o1', 'submitted', 'return')).toBe('returned');
    expect(itemTransition('o1', 'approved', 'return')).toBe('returned');
    expect(itemTransition('o1', 'returned', 'save')).toBe('returned');
    expect(itemTransition('o1', 'returned', 'submit')).toBe('submitted');
  });

  it('brings a decided clarification back to assessed, and a reopened result back to assessed', () => {
    expect(itemTransition('o1', 'disputed', 'decide')).toBe('assessed');
    expect(itemTransition('o1', 'confirmed', 'reopen')).toBe('assessed');
  });

  it.each([
    ['submitted', 'save'],
    ['approved', 'save'],
    ['draft', 'approve'],
    ['draft', 'assess'],
    ['submitted', 'assess'],
    ['approved', 'dispute'],
    ['confirmed', 'dispute'],
    ['confirmed', 'save'],
    ['assessed', 'return'],
    ['draft', 'confirm'],
  ] as const)('refuses %s → %s with a 409 in Thai and English', (state, event) => {
    const err = (() => {
      try {
        itemTransition('o7', state, event);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    const d = err as DomainError;
    expect(d.kind).toBe('conflict');
    expect(d.code).toBe('oit_illegal_transition');
    expect(d.th).toContain('o7');
    expect(d.en).toContain('o7');
  });

  it('only ever leads to a known state', () => {
    for (const s of OIT_ITEM_STATES)
      for (const e of OIT_ITEM_EVENTS) {
        const n = nextItemState(s, e);
        if (n !== null) expect(OIT_ITEM_STATES).toContain(n);
      }
  });

  it('lets the agency edit only drafts and returned items', () => {
    expect(OIT_ITEM_STATES.filter(isEditable)).toEqual(['draft', 'returned']);
  });
});

describe('reviewStatusOf', () => {
  it('is decided by the least advanced item', () => {
    expect(reviewStatusOf([])).toBe('answering');
    expect(reviewStatusOf(['approved', 'returned'])).toBe('answering');
    expect(reviewStatusOf(['approved', 'submitted'])).toBe('awaiting_approval');
    expect(reviewStatusOf(['approved', 'assessed'])).toBe('approved');
    expect(reviewStatusOf(['confirmed', 'disputed'])).toBe('assessed');
    expect(reviewStatusOf(['confirmed', 'confirmed'])).toBe('confirmed');
  });
});
