// Lessons learned after publication (issue 11 §4): for a province, a ministry (a supervisor's scope) or the
// nation (NACC), the published results of the year's publication in effect and last year's figures of the
// same agencies, both read through results' index (the one visibility rule; the report's previous-year rule),
// aggregated by the pure rules of core/lessons; and the scope's own target.
import type { AppDeps } from '../../app/context.ts';
import type { XlsxDownload } from '../../app/xlsx-stream.ts';
import { type Actor, authorize, can } from '../../core/authz.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { assertNever } from '../../core/exhaustive.ts';
import type { SomeAgencies } from '../../core/scope.ts';
import { agencyScopeOf } from '../../core/scope.ts';
import { type LessonsScopeRef, lessonsScopeKey, parseLessonsScope } from '../../shared/lessons.ts';
import { agencyIdsWithin, agencyProfilesByIds } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { listMinistries, listProvinces, ministriesByCodes, provincesByCodes } from '../reference/index.ts';
import { lastYearWithin, publishedResultsWithin } from '../results/index.ts';
import { presentLessons } from './lessons.present.ts';
import { type TargetRow, targetForUpdate, targetOf, upsertTarget } from './lessons.repo.ts';
import type { Lessons, ScopeOption, Target, TargetBody } from './lessons.schema.ts';
import { writeLessonsXlsx } from './lessons.xlsx.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

const NATION: ScopeOption = {
  key: 'nation',
  kind: 'nation',
  code: null,
  name: { th: 'ทั้งประเทศ', en: 'Whole country' },
};

const scopeNotFound = () =>
  notFound('scope_not_found', 'ไม่พบจังหวัดหรือกระทรวงนี้', 'No such province or ministry');

function scopeOf(text: string): LessonsScopeRef {
  const scope = parseLessonsScope(text);
  // The route's schema already refused anything else; kept for callers other than the route.
  if (!scope) throw scopeNotFound();
  return scope;
}

/** The scopes the actor may read: NACC every one (the nation first), a supervisor its provinces and ministries. */
export async function lessonsScopes(deps: Deps, actor: Actor | null): Promise<{ items: ScopeOption[] }> {
  authorize(actor, 'lessons.scopes', null);
  if (can(actor, 'lessons.read', { kind: 'nation' })) {
    const [provinces, ministries] = await Promise.all([listProvinces(deps.db), listMinistries(deps.db)]);
    return {
      items: [
        NATION,
        ...provinces.map((p) => option({ kind: 'province', code: p.code }, p.nameTh, p.nameEn)),
        ...ministries.map((m) => option({ kind: 'ministry', code: m.code }, m.nameTh, m.nameEn)),
      ],
    };
  }
  const [provinces, ministries] = await Promise.all([
    provincesByCodes(deps.db, actor.scope.provinces),
    ministriesByCodes(deps.db, actor.scope.ministries),
  ]);
  const items = [
    ...[...provinces.values()].map((p) => option({ kind: 'province', code: p.code }, p.nameTh, p.nameEn)),
    ...[...ministries.values()].map((m) => option({ kind: 'ministry', code: m.code }, m.nameTh, m.nameEn)),
  ];
  return { items: items.filter((o) => can(actor, 'lessons.read', scopeOf(o.key))) };
}

function option(scope: LessonsScopeRef, th: string, en: string | null): ScopeOption {
  return {
    key: lessonsScopeKey(scope),
    kind: scope.kind,
    code: scope.kind === 'nation' ? null : scope.code,
    name: { th, en },
  };
}

/** The scope's name, or 404 `scope_not_found` for a code the reference data does not know. */
async function describeScope(deps: Deps, scope: LessonsScopeRef): Promise<ScopeOption> {
  switch (scope.kind) {
    case 'nation':
      return NATION;
    case 'province': {
      const p = (await provincesByCodes(deps.db, [scope.code])).get(scope.code);
      if (!p) throw scopeNotFound();
      return option(scope, p.nameTh, p.nameEn);
    }
    case 'ministry': {
      const m = (await ministriesByCodes(deps.db, [scope.code])).get(scope.code);
      if (!m) throw scopeNotFound();
      return option(scope, m.nameTh, m.nameEn);
    }
    default:
      return assertNever(scope);
  }
}

/** The agencies of the scope: every agency for the nation (NACC's own scope value), else one province or ministry. */
function agenciesOf(actor: Actor, scope: LessonsScopeRef) {
  const some = (s: Partial<SomeAgencies>): SomeAgencies => ({
    kind: 'some',
    agencyIds: [],
    provinces: s.provinces ?? [],
    ministries: s.ministries ?? [],
  });
  switch (scope.kind) {
    case 'nation': {
      // Only an admin's scope value is "every agency"; anyone else reaching here is refused, never widened.
      const all = agencyScopeOf(actor);
      if (all.kind !== 'all') throw forbidden();
      return agencyIdsWithin(all);
    }
    case 'province':
      return agencyIdsWithin(some({ provinces: [scope.code] }));
    case 'ministry':
      return agencyIdsWithin(some({ ministries: [scope.code] }));
    default:
      return assertNever(scope);
  }
}

export async function lessonsOf(
  deps: Deps,
  actor: Actor | null,
  year: number,
  scopeText: string,
): Promise<Lessons> {
  const scope = scopeOf(scopeText);
  authorize(actor, 'lessons.read', scope);
  const described = await describeScope(deps, scope);
  const ids = agenciesOf(actor, scope);
  const published = await publishedResultsWithin(deps, year, ids);
  const [lastYear, target, profiles] = await Promise.all([
    lastYearWithin(deps, year, ids),
    targetOf(deps.db, year, scope),
    agencyProfilesByIds(
      deps.db,
      published.rows.map((r) => r.agencyId),
    ),
  ]);
  const provinces =
    scope.kind === 'nation'
      ? await provincesByCodes(deps.db, [
          ...new Set([...profiles.values()].flatMap((p) => (p.provinceCode ? [p.provinceCode] : []))),
        ])
      : null;
  return presentLessons({
    year,
    scope: described,
    published,
    lastYear,
    target,
    profiles,
    provinces: provinces
      ? new Map([...provinces.values()].map((p) => [p.code, { th: p.nameTh, en: p.nameEn }]))
      : null,
    canSetTarget: can(actor, 'lessons.setTarget', scope),
  });
}

/** The scope's lessons as a streamed workbook: authorization and the reads are done before the first byte. */
export async function lessonsXlsx(
  deps: Deps,
  actor: Actor | null,
  year: number,
  scopeText: string,
): Promise<XlsxDownload> {
  const lessons = await lessonsOf(deps, actor, year, scopeText);
  const generatedAt = deps.now();
  return {
    filename: `ita-lessons-${lessons.scope.key.replace(/[^A-Za-z0-9_-]/g, '_')}-${lessons.year}.xlsx`,
    write: (out) => writeLessonsXlsx(out, lessons, generatedAt),
  };
}

const presentTarget = (row: TargetRow): Target => ({
  year: row.year,
  scope: lessonsScopeKey(
    row.scopeKind === 'nation' ? { kind: 'nation' } : { kind: row.scopeKind, code: row.scopeCode },
  ),
  threshold: row.threshold,
  share: row.share,
  updatedAt: row.updatedAt.toISOString(),
});

/** Sets (or replaces) the scope's target for the year; audited with the figures it replaced. */
export async function setTarget(
  deps: Deps,
  actor: Actor | null,
  year: number,
  body: TargetBody,
): Promise<Target> {
  const scope = scopeOf(body.scope);
  authorize(actor, 'lessons.setTarget', scope);
  await describeScope(deps, scope);
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const before = await targetForUpdate(tx, year, scope);
    const saved = await upsertTarget(tx, year, scope, {
      threshold: body.threshold,
      share: body.share,
      updatedBy: actor.userId,
      updatedAt: now,
    });
    await appendAudit(
      tx,
      {
        actor,
        entityType: 'lessons_target',
        entityId: `${lessonsScopeKey(scope)}:${year}`,
        action: 'set',
        before: before ? { threshold: before.threshold, share: before.share } : null,
        after: { threshold: saved.threshold, share: saved.share },
      },
      now,
    );
    return saved;
  });
  return presentTarget(row);
}
