// Measures to promote integrity (issue 12): whoever reaches the agency reads its document, divisions and
// downloads (staff only see); the agency admin writes; the agency admin or the executive
// reviews and returns; the executive approves and signs progress; NACC keeps the library; supervisors and
// NACC read the overview. Setup stores an approved, published document for A and B (measures year 2569),
// a division each and a library entry, so every allowed request reaches the use case (409s are allowed
// answers: the chain refuses steps that do not apply).
import { createHash } from 'node:crypto';
import { inScope } from '../../src/core/authz.ts';
import {
  agencyDivisions,
  measureLibrary,
  measureProgress,
  measureProgressFileBodies,
  measureProgressFiles,
} from '../../src/db/schema/index.ts';
import { insertApprovedMeasures } from '../../src/modules/measures/measures.approved.testing.ts';
import { allow, both, type CaseWorld, inScopeOnly, type MatrixCase, signedIn } from './cases.ts';
import type { ContentCheck } from './contents.ts';
import type { World } from './world.ts';

const YEAR = 2569;

interface Fixture {
  documents: Record<string, string>;
  measures: Record<string, string>;
  /** An evidence file of a progress entry of each side's measures, with its bytes. */
  files: Record<string, { id: string; body: Buffer }>;
  divisions: Record<string, string>;
  library: string;
}
const fx = (w: World) => w.extra.measures as Fixture;

export async function setup(w: World) {
  const f: Fixture = { documents: {}, measures: {}, files: {}, divisions: {}, library: '' };
  for (const [name, side] of [
    ['A', w.A],
    ['B', w.B],
  ] as const) {
    const [division] = await w.db
      .insert(agencyDivisions)
      .values({ agencyId: side.agency.id, name: `สำนักปลัด ${name}` })
      .returning();
    const { documentId, measureId } = await insertApprovedMeasures(w.db, {
      agencyId: side.agency.id,
      year: YEAR,
      divisionIds: [division?.id as string],
    });
    f.documents[name] = documentId;
    const [entry] = await w.db
      .insert(measureProgress)
      .values({ documentId, measureId, day: '2025-11-01', status: 'in_progress', note: 'ประชุมชี้แจง' })
      .returning();
    const body = evidencePdf(`หลักฐานของ ${name}`);
    const [file] = await w.db
      .insert(measureProgressFiles)
      .values({
        progressId: entry?.id as string,
        name: `หลักฐาน ${name}.pdf`,
        mediaType: 'application/pdf',
        size: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
      })
      .returning();
    await w.db.insert(measureProgressFileBodies).values({ fileId: file?.id as string, body });
    f.files[name] = { id: file?.id as string, body };
    f.measures[name] = measureId;
    f.divisions[name] = division?.id as string;
  }
  const [entry] = await w.db
    .insert(measureLibrary)
    .values({ indicator: '1', title: 'มาตรการแนะนำของชุดทดสอบ', steps: ['ขั้นตอน'], monitoring: 'รายงาน' })
    .returning();
  f.library = entry?.id as string;
  w.extra.measures = f;
}

const side = (w: CaseWorld) => (w.target === w.A ? 'A' : 'B');
const base = (w: CaseWorld) => `/api/agencies/${w.target.agency.id}/measures/${YEAR}`;
const readers = () =>
  allow({
    admin: both,
    assessor: inScopeOnly,
    supervisor: inScopeOnly,
    agency_admin: inScopeOnly,
    executive: inScopeOnly,
    agency_staff: inScopeOnly,
  });
const agencyAdmin = () => allow({ agency_admin: inScopeOnly });
const reviewers = () => allow({ agency_admin: inScopeOnly, executive: inScopeOnly });
const executive = () => allow({ executive: inScopeOnly });

/** The smallest file whose bytes read as a PDF (its magic number), unique by its text. */
const evidencePdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

/** The progress form as a browser sends it: the fields and one PDF in `files`. */
const BOUNDARY = 'matrixevidenceboundary';
const progressForm = (measureId: string, note: string) =>
  [
    ...Object.entries({ measureId, day: '2025-11-02', status: 'in_progress', note }).map(
      ([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    ),
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="evidence.pdf"\r\n`,
    `Content-Type: application/pdf\r\n\r\n${evidencePdf(note).toString()}\r\n--${BOUNDARY}--\r\n`,
  ].join('');

/**
 * An evidence file is served only to readers of its own agency, byte for byte, and never through another
 * agency's address (the file id of B under A's path is a 404 even for those who read both).
 */
const evidenceContents: ContentCheck = async (c) => {
  const f = c.w.extra.measures as Fixture;
  const problems: string[] = [];
  for (const [name, agency] of [
    ['A', c.w.A.agency],
    ['B', c.w.B.agency],
  ] as const) {
    const file = f.files[name] as { id: string; body: Buffer };
    const res = await c.get(`/api/agencies/${agency.id}/measures/${YEAR}/progress/files/${file.id}`);
    const reads = inScope(c.actor, agency);
    if (reads && (res.status !== 200 || !res.raw.equals(file.body)))
      problems.push(`evidence of ${name}: ${res.status}, not its bytes`);
    if (!reads && res.status === 200) problems.push(`evidence of ${name} served out of scope`);
    const other = name === 'A' ? c.w.B.agency : c.w.A.agency;
    const crossed = await c.get(`/api/agencies/${other.id}/measures/${YEAR}/progress/files/${file.id}`);
    if (crossed.status === 200) problems.push(`evidence of ${name} served under another agency`);
  }
  return problems;
};

/** The overview lists only agencies in the reader's scope, and every one of them that has measures. */
const overviewContents: ContentCheck = async (c) => {
  const res = await c.get(`/api/measures/overview/${YEAR}`);
  if (res.status === 403) return [];
  if (res.status !== 200) return [`measures overview: ${res.status}`];
  const rows = (res.json as { rows: { agency: { id: string } }[] }).rows.map((r) => r.agency.id);
  const expected = [c.w.A.agency, c.w.B.agency].filter((a) => inScope(c.actor, a)).map((a) => a.id);
  const problems = rows
    .filter((id) => !expected.includes(id))
    .map((id) => `overview lists ${id}, out of scope`);
  for (const id of expected) if (!rows.includes(id)) problems.push(`overview misses ${id}`);
  return problems;
};

export const cases: MatrixCase[] = [
  { name: 'GET /api/agencies/:id/measures/:year', method: 'GET', url: base, expect: readers() },
  { name: 'POST /api/agencies/:id/measures/:year', method: 'POST', url: base, expect: agencyAdmin() },
  {
    name: 'PUT /api/agencies/:id/measures/:year',
    method: 'PUT',
    url: base,
    body: () => ({
      content: { foreword: null, preparedBy: null, thaiDigits: false, weakPoints: [], measures: [] },
    }),
    expect: agencyAdmin(),
  },
  {
    name: 'POST /api/agencies/:id/measures/:year/steps',
    method: 'POST',
    url: (w) => `${base(w)}/steps`,
    body: () => ({ step: 'review' }),
    expect: reviewers(),
  },
  {
    name: 'POST /api/agencies/:id/measures/:year/revise',
    method: 'POST',
    url: (w) => `${base(w)}/revise`,
    expect: agencyAdmin(),
  },
  {
    name: 'POST /api/agencies/:id/measures/:year/publish',
    method: 'POST',
    url: (w) => `${base(w)}/publish`,
    expect: agencyAdmin(),
  },
  {
    name: 'GET /api/agencies/:id/measures/:year/document.docx',
    method: 'GET',
    url: (w) => `${base(w)}/document.docx?version=1`,
    expect: readers(),
  },
  {
    name: 'GET /api/agencies/:id/measures/:year/document.pdf',
    method: 'GET',
    url: (w) => `${base(w)}/document.pdf?version=1`,
    expect: readers(),
  },
  {
    name: 'POST /api/agencies/:id/measures/:year/progress',
    method: 'POST',
    url: (w) => `${base(w)}/progress`,
    body: (w) => ({
      measureId: fx(w).measures[side(w)],
      day: '2025-11-01',
      status: 'in_progress',
      note: w.unique('ความคืบหน้า'),
      evidenceUrl: null,
    }),
    expect: agencyAdmin(),
  },
  {
    name: 'POST /api/agencies/:id/measures/:year/progress (multipart, with an evidence file)',
    method: 'POST',
    url: (w) => `${base(w)}/progress`,
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: (w) => progressForm(fx(w).measures[side(w)] as string, w.unique('หลักฐาน')),
    expect: agencyAdmin(),
  },
  {
    name: 'GET /api/agencies/:id/measures/:year/progress/files/:fileId',
    method: 'GET',
    url: (w) => `${base(w)}/progress/files/${fx(w).files[side(w)]?.id}`,
    expect: readers(),
    contents: evidenceContents,
  },
  ...(['docx', 'pdf'] as const).map(
    (format): MatrixCase => ({
      name: `GET /api/agencies/:id/measures/:year/progress.${format}`,
      method: 'GET',
      url: (w) => `${base(w)}/progress.${format}`,
      expect: readers(),
    }),
  ),
  {
    name: 'POST /api/agencies/:id/measures/:year/progress/sign',
    method: 'POST',
    url: (w) => `${base(w)}/progress/sign`,
    expect: executive(),
  },
  {
    name: 'GET /api/agencies/:id/divisions',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/divisions`,
    expect: readers(),
  },
  {
    name: 'POST /api/agencies/:id/divisions',
    method: 'POST',
    url: (w) => `/api/agencies/${w.target.agency.id}/divisions`,
    body: (w) => ({ name: w.unique('กอง') }),
    expect: agencyAdmin(),
  },
  {
    name: 'PATCH /api/agencies/:id/divisions/:divisionId',
    method: 'PATCH',
    url: (w) => `/api/agencies/${w.target.agency.id}/divisions/${fx(w).divisions[side(w)]}`,
    body: (w) => ({ name: w.unique('สำนัก') }),
    expect: agencyAdmin(),
  },
  {
    name: 'GET /api/measures/library',
    method: 'GET',
    url: () => '/api/measures/library',
    expect: signedIn(),
    contents: { unscoped: 'suggested measures written by NACC: the same for everyone' },
  },
  {
    name: 'POST /api/measures/library',
    method: 'POST',
    url: () => '/api/measures/library',
    body: (w) => ({ indicator: '2', title: w.unique('มาตรการ'), steps: ['ขั้นตอน'], monitoring: 'รายงาน' }),
    expect: allow({ admin: both }),
  },
  {
    name: 'PUT /api/measures/library/:entryId',
    method: 'PUT',
    url: (w) => `/api/measures/library/${fx(w).library}`,
    body: (w) => ({
      indicator: '1',
      title: w.unique('มาตรการแนะนำ'),
      steps: ['ขั้นตอน'],
      monitoring: 'รายงาน',
    }),
    expect: allow({ admin: both }),
  },
  {
    name: 'GET /api/measures/overview/:year',
    method: 'GET',
    url: () => `/api/measures/overview/${YEAR}`,
    expect: allow({ admin: both, supervisor: both }),
    contents: overviewContents,
  },
  {
    name: 'GET /api/public/measures/:documentId/document.docx',
    method: 'GET',
    url: (w) => `/api/public/measures/${fx(w).documents[side(w)]}/document.docx`,
    expect: allow({ ...signedIn(), anonymous: both }),
    contents: { unscoped: 'a document its agency published for everyone' },
  },
  {
    name: 'GET /api/public/measures/:documentId/document.pdf',
    method: 'GET',
    url: (w) => `/api/public/measures/${fx(w).documents[side(w)]}/document.pdf`,
    expect: allow({ ...signedIn(), anonymous: both }),
    contents: { unscoped: 'a document its agency published for everyone' },
  },
];
