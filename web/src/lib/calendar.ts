// Where today falls in a framework's calendar. Stages overlap (IIT, EIT and OIT run side by side), so
// several stages can be current at once.
export interface CalendarStage {
  code: string;
  start: string;
  end: string;
}

export type StageStatus = 'past' | 'current' | 'upcoming';

/** Status of a stage on a day (YYYY-MM-DD, both ends inclusive). */
export function stageStatus(stage: CalendarStage, today: string): StageStatus {
  if (today < stage.start) return 'upcoming';
  if (today > stage.end) return 'past';
  return 'current';
}

/** The stages running today, in calendar order. */
export function currentStages<S extends CalendarStage>(stages: readonly S[], today: string): S[] {
  return stages.filter((s) => stageStatus(s, today) === 'current');
}

/** The next stage to start after today, if any. */
export function nextStage<S extends CalendarStage>(stages: readonly S[], today: string): S | undefined {
  return [...stages].filter((s) => s.start > today).sort((a, b) => a.start.localeCompare(b.start))[0];
}
