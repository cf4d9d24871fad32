// An approved measures document stored directly (no results processing): one weak point, one measure, for
// tests that start where the approval chain ends (progress, evidence files, the authorization matrix).
import { randomUUID } from 'node:crypto';
import type { MeasuresContent, MeasuresSource } from '../../core/measures/content.ts';
import type { DbOrTx } from '../../db/client.ts';
import { agencyDivisions, measureDocuments } from '../../db/schema/index.ts';

const source = (year: number): MeasuresSource => ({
  runId: randomUUID(),
  year: year - 1,
  framework: { year: year - 1, version: 1 },
  total: 88.5,
  rating: { code: 'good', th: 'ผ่านดี' },
  passThreshold: 85,
  previous: null,
  instruments: [{ code: 'IIT', name: { th: 'IIT', en: null }, weight: 30, score: 88 }],
  indicators: [
    {
      order: 1,
      instrument: 'IIT',
      code: '1',
      name: { th: 'การปฏิบัติหน้าที่', en: null },
      score: 80,
      passes: false,
    },
  ],
  questions: [
    { instrument: 'IIT', displayCode: 'i1', indicator: '1', text: { th: 'ข้อคำถาม', en: null }, score: 80 },
  ],
  oitItems: [],
  advice: [],
  adviceOverall: null,
  ratings: [{ code: 'good', th: 'ผ่านดี', totalAtLeast: 85, condition: null }],
});

export async function insertApprovedMeasures(
  db: DbOrTx,
  o: { agencyId: string; year: number; divisionIds?: string[] },
): Promise<{ documentId: string; measureId: string }> {
  // A measure names at least one responsible division: the agency's own when none is given.
  const divisionIds =
    o.divisionIds ??
    (await db.insert(agencyDivisions).values({ agencyId: o.agencyId, name: 'สำนักปลัด' }).returning()).map(
      (d) => d.id,
    );
  const pointId = randomUUID();
  const measureId = randomUUID();
  const content: MeasuresContent = {
    foreword: null,
    preparedBy: null,
    thaiDigits: false,
    weakPoints: [
      {
        id: pointId,
        instrument: 'IIT',
        indicator: '1',
        questionCodes: ['i1'],
        score: 80,
        class: 'urgent',
        text: 'ประเด็น',
      },
    ],
    measures: [
      {
        id: measureId,
        title: 'มาตรการ',
        weakPointIds: [pointId],
        indicators: [],
        steps: ['ขั้นตอน'],
        divisionIds,
        from: `${o.year - 544}-10`,
        to: `${o.year - 543}-09`,
        monitoring: 'รายงาน',
      },
    ],
  };
  const [doc] = await db
    .insert(measureDocuments)
    .values({
      agencyId: o.agencyId,
      year: o.year,
      sourceYear: o.year - 1,
      version: 1,
      status: 'approved',
      source: source(o.year),
      content,
      approvedAt: new Date('2025-02-01T03:00:00Z'),
      publishedAt: new Date('2025-02-02T03:00:00Z'),
    })
    .returning();
  return { documentId: doc?.id as string, measureId };
}
