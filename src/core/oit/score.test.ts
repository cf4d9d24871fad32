import { describe, expect, it } from 'vitest';
import { miniFramework } from '../scoring/test-fixtures.ts';
import { applicableOitItems, oitScoreOf } from './score.ts';
import { oitStageOf } from './stage.ts';

// miniFramework: OIT = indicator 4 with 4.1 (o1, o2) and 4.2 (o3; o4 applies to universities only).
const framework = miniFramework();

describe('oitScoreOf', () => {
  it('scores item → sub-indicator → indicator → instrument as the engine does', () => {
    const sut = oitScoreOf(framework, 'sao', { o1: 100, o2: 0, o3: 100 });
    expect(sut).toEqual({
      instrument: 'OIT',
      score: 75,
      indicators: { '4': 75 },
      subIndicators: { '4.1': 50, '4.2': 100 },
      applicableItems: 3,
      scoredItems: 3,
      complete: true,
    });
  });

  it('counts an unscored item as 0 and says the score is not complete', () => {
    const sut = oitScoreOf(framework, 'sao', { o1: 100, o2: 0 });
    expect(sut).toMatchObject({
      score: 25,
      subIndicators: { '4.1': 50, '4.2': 0 },
      scoredItems: 2,
      complete: false,
    });
  });

  it('ignores scores of items that do not apply to the agency type, and counts those that do', () => {
    expect(oitScoreOf(framework, 'sao', { o1: 100, o2: 100, o3: 100, o4: 0 })?.score).toBe(100);
    expect(oitScoreOf(framework, 'university', { o1: 100, o2: 100, o3: 100, o4: 0 })).toMatchObject({
      score: 75,
      applicableItems: 4,
    });
    expect(applicableOitItems(framework, 'university').map((i) => i.code)).toEqual(['o1', 'o2', 'o3', 'o4']);
  });

  it('is null for a framework without an open-data instrument', () => {
    const surveysOnly = { ...framework, instruments: framework.instruments.filter((i) => i.code !== 'OIT') };
    expect(oitScoreOf(surveysOnly, 'sao', {})).toBeNull();
  });
});

describe('oitStageOf', () => {
  it('follows the workflow: answering → scoring → clarification → confirmation → none', () => {
    const facts = { undecided: 0, clarificationOver: false };
    expect(oitStageOf('answering', facts)).toBe('oit_answering');
    expect(oitStageOf('awaiting_approval', facts)).toBe('oit_answering');
    expect(oitStageOf('approved', facts)).toBe('oit_scoring');
    expect(oitStageOf('assessed', facts)).toBe('clarification');
    expect(oitStageOf('assessed', { undecided: 0, clarificationOver: true })).toBe('confirmation');
    expect(oitStageOf('assessed', { undecided: 2, clarificationOver: false })).toBe('confirmation');
    expect(oitStageOf('confirmed', facts)).toBeNull();
  });
});
