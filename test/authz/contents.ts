// What list, summary and audit endpoints return, checked per role: every row and every count must belong to
// the role's scope. The reference is computed here, independently of the SQL under test: every agency of the
// database filtered with core inScope(), every audit entry filtered with the audit reading rule (itself
// checked against the authorization rules in src/core/audit/visibility.test.ts).
import { and, eq } from 'drizzle-orm';
import {
  AUDIT_ENTITY_TYPES,
  type AuditEntityType,
  auditEntryReadable,
} from '../../src/core/audit/visibility.ts';
import { type Actor, inScope, type Role } from '../../src/core/authz.ts';
import { assessmentVisible } from '../../src/core/oit/visibility.ts';
import { effectivePublication, latestPublication } from '../../src/core/results/visibility.ts';
import {
  agencies,
  agencyResults as agencyResultsTable,
  assessorAdvice,
  assessorAssignments,
  auditLog,
  eit2Interviews,
  eit2Samples,
  eitContacts,
  eitRespondents,
  oitReviews,
  participations,
  processingRuns,
  publications,
  surveyTokens,
  usedSurveyTokens,
  users,
} from '../../src/db/schema/index.ts';
import { appendAudit } from '../../src/modules/audit/index.ts';
import { makeUser } from '../helpers/factories.ts';
import type { Answer } from './cases.ts';
import type { World } from './world.ts';

/** What a content check gets: the role's actor (as the app loads it) and a GET as that role. */
export interface ContentContext {
  w: World;
  role: Role;
  actor: Actor;
  /** `raw`: the answer's bytes (downloads). */
  get(url: string): Promise<Answer>;
}
/** Returns the problems found (empty: all rows in scope). */
export type ContentCheck = (c: ContentContext) => Promise<string[]>;
/** A list endpoint's check, or why its rows are not scoped (reference data, public lists). */
export type Contents = ContentCheck | { unscoped: string };

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are walked loosely; the checks say what they expect.
type Json = any;

/** Every agency with what scope needs, and which are in the actor's scope (core inScope, not the SQL). */
async function agenciesOf(c: ContentContext) {
  const all = await c.w.db
    .select({
      id: agencies.id,
      provinceCode: agencies.provinceCode,
      ministryCode: agencies.ministryCode,
      active: agencies.active,
    })
    .from(agencies);
  const scoped = all.filter((a) => inScope(c.actor, a));
  return { all, scoped, ids: new Set(scoped.map((a) => a.id)) };
}

/** Every page of a paged list (`items` + `total`), as the role. */
async function allPages(
  c: ContentContext,
  url: string,
): Promise<{ items: Json[]; total: number; problems: string[] }> {
  const items: Json[] = [];
  const sep = url.includes('?') ? '&' : '?';
  for (let page = 1; ; page++) {
    const res = await c.get(`${url}${sep}pageSize=200&page=${page}`);
    // A role the route refuses sees no rows (the matrix checks who is refused).
    if (res.status === 403) return { items: [], total: 0, problems: [] };
    if (res.status !== 200)
      return { items, total: -1, problems: [`${url}: ${res.status} ${res.body.slice(0, 200)}`] };
    const json = res.json as { items: Json[]; total: number };
    items.push(...json.items);
    if (json.items.length === 0 || items.length >= json.total)
      return { items, total: json.total, problems: [] };
  }
}

const outside = (what: string, ids: Iterable<string>, allowed: Set<string>) =>
  [...ids].filter((id) => !allowed.has(id)).map((id) => `${what} lists agency ${id}, which is out of scope`);

export const agencyListContents: ContentCheck = async (c) => {
  const { ids } = await agenciesOf(c);
  const { items, total, problems } = await allPages(c, '/api/agencies');
  const listed = new Set(items.map((a) => a.id as string));
  const missing = [...ids].filter((id) => !listed.has(id)).map((id) => `agency list misses ${id}`);
  const count = total === ids.size ? [] : [`agency list total ${total}, in scope ${ids.size}`];
  return [...problems, ...outside('agency list', listed, ids), ...missing, ...count];
};

export const dashboardContents: ContentCheck = async (c) => {
  const { scoped, ids } = await agenciesOf(c);
  const res = await c.get('/api/dashboard');
  const d = res.json as Json;
  const expectedKind = {
    admin: 'admin',
    assessor: 'scoped',
    supervisor: 'scoped',
    agency_admin: 'agency',
    executive: 'agency',
    agency_staff: 'agency',
  }[c.role];
  if (d.kind !== expectedKind) return [`dashboard of kind ${d.kind} for ${c.role}, expected ${expectedKind}`];
  const problems: string[] = [];
  if (d.kind === 'agency') {
    if (d.agency !== null && d.agency.id !== c.actor.agencyId)
      problems.push(`dashboard shows agency ${d.agency.id}`);
    const own = c.actor.agencyId
      ? await c.w.db.select().from(participations).where(eq(participations.agencyId, c.actor.agencyId))
      : [];
    if (c.role !== 'agency_staff' && d.participations.length !== own.length)
      problems.push(
        `dashboard shows ${d.participations.length} participations, the agency has ${own.length}`,
      );
    if (c.role === 'agency_staff' && d.participations.length > 0) problems.push('staff see registrations');
  }
  if (d.kind === 'scoped') {
    problems.push(
      ...outside(
        'dashboard',
        d.agencies.map((a: Json) => a.id),
        ids,
      ),
    );
    const active = scoped.filter((a) => a.active).length;
    // An assessor's dashboard covers one year's assignments, a subset of their scope.
    const ok = c.role === 'assessor' ? d.counts.agencies <= active : d.counts.agencies === active;
    if (!ok) problems.push(`dashboard counts ${d.counts.agencies} agencies, ${active} active in scope`);
  }
  return problems;
};

export const cycleSummaryContents: ContentCheck = async (c) => {
  const { scoped, ids } = await agenciesOf(c);
  const rows = await c.w.db.select().from(participations).where(eq(participations.year, c.w.year));
  const mine = rows.filter((p) => ids.has(p.agencyId));
  const expected = {
    agencies: scoped.filter((a) => a.active).length,
    open: mine.length,
    registered: mine.filter((p) => p.registered).length,
  };
  const s = (await c.get(`/api/cycles/${c.w.year}/summary`)).json as Json;
  const got = { agencies: s.agencies, open: s.open, registered: s.registered };
  return JSON.stringify(got) === JSON.stringify(expected)
    ? []
    : [`cycle summary ${JSON.stringify(got)}, in scope ${JSON.stringify(expected)}`];
};

export const progressListContents: ContentCheck = async (c) => {
  const { ids } = await agenciesOf(c);
  const { items, problems } = await allPages(c, `/api/progress/${c.w.year}`);
  return [
    ...problems,
    ...outside(
      'progress list',
      items.map((i) => i.agency.id),
      ids,
    ),
  ];
};

export const oitQueueContents =
  (year: number): ContentCheck =>
  async (c) => {
    let { ids } = await agenciesOf(c);
    if (c.role === 'assessor') {
      const rows = await c.w.db
        .select({ agencyId: assessorAssignments.agencyId })
        .from(assessorAssignments)
        .where(and(eq(assessorAssignments.userId, c.actor.userId), eq(assessorAssignments.year, year)));
      ids = new Set(rows.map((r) => r.agencyId));
    }
    const { items, problems } = await allPages(c, `/api/oit/queue/${year}`);
    return [
      ...problems,
      ...outside(
        'OIT queue',
        items.map((i) => i.agency.id),
        ids,
      ),
    ];
  };

export const userListContents: ContentCheck = async (c) => {
  if (c.role === 'admin') return [];
  const { ids } = await agenciesOf(c);
  // Asked without an agency: a manager gets their own agency's accounts, everyone else is refused.
  const { items, problems } = await allPages(c, '/api/users');
  return [
    ...problems,
    ...items.filter((u) => u.agency === null).map((u) => `user list shows ${u.username}, of no agency`),
    ...outside(
      'user list',
      items.filter((u) => u.agency).map((u) => u.agency.id),
      ids,
    ),
  ];
};

/** Executives awaiting confirmation: exactly those of the agencies in scope (a refused role sees none). */
export const awaitingExecutivesContents: ContentCheck = async (c) => {
  const { ids } = await agenciesOf(c);
  const res = await c.get('/api/users/awaiting-confirmation');
  if (res.status === 403) return [];
  if (res.status !== 200) return [`awaiting list: ${res.status} ${res.body.slice(0, 200)}`];
  const listed: string[] = (res.json as Json).items.map((u: Json) => u.id);
  const waiting = (await c.w.db.select().from(users)).filter(
    (u) => u.awaitingConfirmation && u.active && u.agencyId !== null && ids.has(u.agencyId),
  );
  const missing = waiting.filter((u) => !listed.includes(u.id)).map((u) => `awaiting list misses ${u.id}`);
  const agencyOf = new Map((await c.w.db.select().from(users)).map((u) => [u.id, u.agencyId ?? 'none']));
  return [
    ...outside(
      'awaiting list',
      listed.map((id) => agencyOf.get(id) ?? 'none'),
      ids,
    ),
    ...missing,
  ];
};

/**
 * The whole audit log as the role reads it, against the reference: exactly the entries the reading rule
 * allows (so the total equals the reference count), with assessors' work withheld until submitted.
 */
export const auditContents: ContentCheck = (c) => auditContentsOf('')(c);

/** The filters of the list, as the reference applies them (Bangkok days are UTC+7, both ends included). */
function auditFilter(query: string) {
  const q = new URLSearchParams(query);
  const day = (d: string | null, plusDays: number) =>
    d === null ? null : Date.parse(`${d}T00:00:00+07:00`) + plusDays * 86_400_000;
  const from = day(q.get('from'), 0);
  const before = day(q.get('to'), 1);
  return (row: typeof auditLog.$inferSelect) =>
    (q.get('action') === null || row.action === q.get('action')) &&
    (q.get('entityType') === null || row.entityType === q.get('entityType')) &&
    (q.get('agencyId') === null || row.agencyId === q.get('agencyId')) &&
    (q.get('actor') === null ||
      (row.actorUsername ?? '').toLowerCase().includes((q.get('actor') ?? '').toLowerCase())) &&
    (from === null || row.occurredAt.getTime() >= from) &&
    (before === null || row.occurredAt.getTime() < before);
}

/**
 * What would tell who answered a survey: contacts' phone numbers and e-mail addresses, respondents' and
 * tokens' hashes. No audit entry may carry one, to anyone.
 */
async function respondentTraces(c: ContentContext): Promise<string[]> {
  const contacts = await c.w.db
    .select({ phone: eitContacts.phone, email: eitContacts.email })
    .from(eitContacts);
  return [
    ...contacts.flatMap((r) => [r.phone, r.email]),
    ...(await c.w.db.select().from(eitRespondents)).map((r) => r.destinationHash),
    ...(await c.w.db.select().from(surveyTokens)).map((r) => r.tokenHash),
    ...(await c.w.db.select().from(usedSurveyTokens)).map((r) => r.tokenHash),
  ].filter((v): v is string => typeof v === 'string' && v.length >= 6);
}

/** The audit list with filters (`query`, e.g. "action=save&from=2025-03-01") against the same reference. */
export const auditContentsOf =
  (query: string): ContentCheck =>
  async (c) => {
    const { all } = await agenciesOf(c);
    const byId = new Map(all.map((a) => [a.id, a]));
    const rows = await c.w.db.select().from(auditLog);
    const reviews = await c.w.db.select().from(oitReviews);
    const statusOf = (agencyId: string, year: number) =>
      reviews.find((r) => r.agencyId === agencyId && r.year === year)?.status ?? 'answering';
    // EIT part-2 entries: the agency-year of their sample or interview, and the viewer's assignments.
    const eit2Years = new Map(
      [...(await c.w.db.select().from(eit2Samples)), ...(await c.w.db.select().from(eit2Interviews))].map(
        (r) => [r.id, `${r.agencyId}:${r.year}`],
      ),
    );
    // Advice entries (`<agency id>:<year>`) are year-bound once the advice they are about exists.
    const adviceYears = new Set(
      (await c.w.db.select().from(assessorAdvice)).map((r) => `${r.agencyId}:${r.year}`),
    );
    const assignments = new Set(
      (await c.w.db.select().from(assessorAssignments))
        .filter((a) => a.userId === c.actor.userId)
        .map((a) => `${a.agencyId}:${a.year}`),
    );
    const readable = (row: { agencyId: string | null; entityType: string; entityId: string }) => {
      const agency = row.agencyId === null ? undefined : byId.get(row.agencyId);
      const agencyInScope = agency !== undefined && inScope(c.actor, agency);
      const year =
        eit2Years.get(row.entityId) ??
        (row.entityType === 'assessor_advice' && adviceYears.has(row.entityId) ? row.entityId : undefined);
      const assignedThatYear = year?.startsWith(`${row.agencyId}:`) === true && assignments.has(year ?? '');
      return auditEntryReadable(c.actor, {
        entityType: row.entityType,
        entityId: row.entityId,
        agencyInScope,
        assignedThatYear,
      });
    };
    const matches = auditFilter(query);
    const expected = new Set(rows.filter((r) => readable(r) && matches(r)).map((r) => r.seq));
    const { items, total, problems } = await allPages(c, query === '' ? '/api/audit' : `/api/audit?${query}`);
    const traces = await respondentTraces(c);
    for (const e of items) {
      const text = JSON.stringify(e);
      if (traces.some((trace) => text.includes(trace)))
        problems.push(`audit #${e.seq} (${e.entityType}) carries what identifies a respondent`);
    }
    if (total === 0 && expected.size > 0) problems.push('audit refused or empty');
    const got = new Set(items.map((e) => e.seq as number));
    for (const e of items) {
      if (!expected.has(e.seq))
        problems.push(`audit shows #${e.seq} (${e.entityType} of ${e.agencyId ?? 'no agency'})`);
      if (e.entityType === 'oit_score' || e.entityType === 'oit_clarification') {
        const [agencyId, year] = String(e.entityId).split(':');
        const hidden = !assessmentVisible(c.role, statusOf(agencyId ?? '', Number(year)));
        if (hidden !== e.withheld) problems.push(`audit #${e.seq} ${e.entityType}: withheld ${e.withheld}`);
        if (hidden && (e.before !== null || e.after !== null))
          problems.push(`audit #${e.seq} shows a hidden score`);
      }
    }
    for (const seq of expected) if (!got.has(seq)) problems.push(`audit misses #${seq}`);
    if (total !== expected.size) problems.push(`audit total ${total}, readable ${expected.size}`);
    return problems;
  };

/** The fiscal year of the processing runs of test/authz/results.cases.ts. */
const RESULTS_YEAR = 2568;

/** Admins see every run of the year; any other role is refused (no run, no score). */
export const runListContents: ContentCheck = async (c) => {
  const res = await c.get(`/api/results/${RESULTS_YEAR}/runs`);
  if (c.role !== 'admin')
    return res.status === 403 ? [] : [`${c.role} got ${res.status} from the run list, expected 403`];
  if (res.status !== 200) return [`run list: ${res.status}`];
  const listed = new Set((res.json as { items: { id: string }[] }).items.map((r) => r.id));
  const all = await c.w.db.select({ id: processingRuns.id, year: processingRuns.year }).from(processingRuns);
  const expected = all.filter((r) => r.year === RESULTS_YEAR).map((r) => r.id);
  const problems = expected.filter((id) => !listed.has(id)).map((id) => `run list misses ${id}`);
  if (listed.size !== expected.length)
    problems.push(`run list has ${listed.size}, the year ${expected.length}`);
  return problems;
};

/**
 * A run's agency results: NACC admins get every agency the run stored (each once, over every page); every
 * other role is refused (scores are not theirs until published).
 */
export function runResultsContents(runId: (w: World) => string): ContentCheck {
  return async (c) => {
    const url = `/api/results/${RESULTS_YEAR}/runs/${runId(c.w)}/agencies`;
    if (c.role !== 'admin') {
      const res = await c.get(url);
      return res.status === 403 ? [] : [`${c.role} got ${res.status} from a run's results, expected 403`];
    }
    const { items, total, problems } = await allPages(c, url);
    const stored = await c.w.db
      .select({ agencyId: agencyResultsTable.agencyId })
      .from(agencyResultsTable)
      .where(eq(agencyResultsTable.runId, runId(c.w)));
    const listed = items.map((r: { agencyId: string }) => r.agencyId);
    const expected = new Set(stored.map((r) => r.agencyId));
    if (stored.length === 0) problems.push('the fixture run has no results to list');
    if (new Set(listed).size !== listed.length) problems.push('run results list an agency twice');
    for (const id of expected) if (!listed.includes(id)) problems.push(`run results miss agency ${id}`);
    for (const id of listed) if (!expected.has(id)) problems.push(`run results list ${id}, not in the run`);
    if (total !== stored.length) problems.push(`run results total ${total}, stored ${stored.length}`);
    return problems;
  };
}

/**
 * The year's publication history: NACC sees every publication; every other role the same rows, those whose
 * time has come and that were not cancelled (no agency rows: the same for every non-admin role, never an
 * embargoed one).
 */
export const publicationListContents: ContentCheck = async (c) => {
  const res = await c.get(`/api/results/${RESULTS_YEAR}/publications`);
  if (res.status !== 200) return [`publication list: ${res.status}`];
  const listed = (res.json as { items: { id: string; createdBy: string | null }[] }).items;
  const now = c.w.t.deps.now().getTime();
  const all = await c.w.db.select().from(publications).where(eq(publications.year, RESULTS_YEAR));
  const expected =
    c.role === 'admin' ? all : all.filter((p) => p.cancelledAt === null && p.publishAt.getTime() <= now);
  const ids = new Set(listed.map((p) => p.id));
  const problems = expected.filter((p) => !ids.has(p.id)).map((p) => `publication list misses ${p.id}`);
  if (listed.length !== expected.length)
    problems.push(`publication list has ${listed.length}, expected ${expected.length}`);
  if (c.role !== 'admin' && listed.some((p) => p.createdBy !== null))
    problems.push('publication list shows who published to a non-admin');
  if (c.role !== 'admin' && expected.length === all.length)
    problems.push('the fixture has no embargoed or cancelled publication to withhold');
  return problems;
};

/**
 * Distinctive entries of every kind for agency A (in scope), agency B (out of scope) and no agency, plus
 * entries about each actor's own account and another user's e-mail: the audit check above then has every
 * kind of entry to judge, for every role.
 */
export async function seedContents(w: World, oitYear: number) {
  const at = new Date('2025-04-01T03:00:00Z');
  const sides = [
    ['A', w.A.agency.id],
    ['B', w.B.agency.id],
    ['none', null],
  ] as const;
  for (const [label, agencyId] of sides)
    for (const entityType of AUDIT_ENTITY_TYPES) {
      const entityId = entityIdOf(entityType, agencyId, oitYear);
      const after =
        entityType === 'oit_score'
          ? { score: 0, comment: `internal-${label}`, advice: `advice-${label}`, componentsFound: [] }
          : { marker: `${entityType}-${label}`, email: `someone-${label}@agency.example` };
      await appendAudit(w.db, { actor: null, agencyId, entityType, entityId, action: 'seed', after }, at);
    }
  // An executive awaiting confirmation in each agency: each confirmer's list shows only the one in scope.
  for (const side of [w.A, w.B])
    await makeUser(w.db, {
      role: 'executive',
      agencyId: side.agency.id,
      awaitingConfirmation: true,
      email: `${w.unique('awaiting')}@example.org`,
    });
  for (const actor of Object.values(w.actors))
    await appendAudit(
      w.db,
      { actor: null, agencyId: null, entityType: 'user', entityId: actor.id, action: 'password_change' },
      at,
    );
}

const entityIdOf = (type: AuditEntityType, agencyId: string | null, year: number) =>
  type.startsWith('oit_') && agencyId !== null ? `${agencyId}:${year}:O1` : `${agencyId ?? 'none'}:${type}`;

/** GET routes whose path names no agency, user or entity: they return rows of many agencies. */
export const isListRoute = (path: string) => (path.match(/:[A-Za-z]+/g) ?? []).every((p) => p === ':year');

/**
 * The report of agency A as the role reads it: the run of the publication in effect (never the one still
 * under embargo) for everyone who reaches A; NACC admins the newest publication, marked embargoed while its
 * time has not come; B's report never to A's people. Reference from the publications table and the rule.
 */
export const reportContents: ContentCheck = async (c) => {
  const problems: string[] = [];
  const now = c.w.t.deps.now();
  const rows = await c.w.db.select().from(publications).where(eq(publications.year, RESULTS_YEAR));
  const facts = rows.map((p) => ({
    id: p.id,
    runId: p.runId,
    publishAt: p.publishAt,
    createdAt: p.createdAt,
    cancelled: p.cancelledAt !== null,
  }));
  const agencyA = await c.w.db.select().from(agencies).where(eq(agencies.id, c.w.A.agency.id));
  const reaches = agencyA[0] !== undefined && inScope(c.actor, agencyA[0]);
  const expected =
    c.role === 'admin' ? latestPublication(facts) : reaches ? effectivePublication(facts, now) : null;
  const res = await c.get(`/api/agencies/${c.w.A.agency.id}/results/${RESULTS_YEAR}/report`);
  if (expected === null) {
    if (res.status === 200) problems.push(`report shown to ${c.role}, who should see none`);
    return problems;
  }
  if (res.status !== 200) return [`report: ${res.status}`];
  const report = res.json as Json;
  if (report.runId !== expected.runId)
    problems.push(`report of run ${report.runId}, expected ${expected.runId}`);
  const embargoed = expected.publishAt.getTime() > now.getTime();
  if ((report.basis === 'embargoed') !== embargoed) problems.push(`report basis ${report.basis}`);
  if (report.agency?.id !== c.w.A.agency.id) problems.push('report of another agency');
  return problems;
};
