// Everything lessons learned shows of a scope, in the order of the meeting (seed 000, activity 16): the
// figures against the targets, ratings against last year, agencies × indicators, what most agencies failed,
// who to learn from, who fell. The screen and the printed A4 report both render this.
import type { Lessons } from '../../api/lessons.ts';
import { HeatmapSection } from './HeatmapSection.tsx';
import { LessonsSummary, TargetEditor } from './LessonsSummary.tsx';
import {
  FellTable,
  OitItemsTable,
  QuestionsTable,
  RatingsTable,
  TopPerformersTable,
} from './LessonsTables.tsx';

export function LessonsBody({ lessons, editable }: { lessons: Lessons; editable: boolean }) {
  return (
    <div className="lessons a4-doc">
      <LessonsSummary l={lessons} />
      {editable && lessons.canSetTarget && <TargetEditor l={lessons} />}
      <RatingsTable l={lessons} />
      <HeatmapSection l={lessons} />
      <OitItemsTable l={lessons} />
      <QuestionsTable l={lessons} />
      <TopPerformersTable l={lessons} />
      <FellTable l={lessons} />
    </div>
  );
}
