import { describe, expect, it } from 'vitest';
import { questionTimer } from './timing.ts';

describe('questionTimer', () => {
  it('gives each question the time until the interviewer moved on', () => {
    const sut = questionTimer();
    sut.touch('e1', 5_000); // the introduction (0–5 s) belongs to no question
    sut.touch('e2', 17_000);
    sut.touch('e1', 20_500); // going back adds to e1
    expect(sut.durations(22_000)).toEqual({ e1: 13.5, e2: 3.5 });
  });

  it('does not restart the clock when the same question is touched again', () => {
    const sut = questionTimer();
    sut.touch('e1', 0);
    sut.touch('e1', 4_000);
    expect(sut.durations(10_000)).toEqual({ e1: 10 });
  });

  it('keeps counting the running question after a reading of the durations', () => {
    const sut = questionTimer();
    sut.touch('e3', 0);
    expect(sut.durations(1_000)).toEqual({ e3: 1 });
    expect(sut.durations(3_000)).toEqual({ e3: 3 });
  });
});
