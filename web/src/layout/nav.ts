// What each role finds in the navigation bar. The server enforces every permission; this only avoids
// showing people pages that would answer "not allowed".
import type { Role } from '../api/auth.ts';

export interface NavItem {
  /** Catalogue key of the label. */
  label: string;
  to: string;
  /** Other paths that belong to this section ("*" stands for one path segment), e.g. an agency's report. */
  also?: readonly string[];
}

/** How many segments of `pattern` match the start of `path` segment by segment, or -1 when it does not. */
function prefixSegments(pattern: string, path: string): number {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length === 0) return have.length === 0 ? 0 : -1; // "/" is home only, never every page
  if (want.length > have.length) return -1;
  return want.every((w, i) => w === '*' || w === have[i]) ? want.length : -1;
}

/**
 * The menu entry of the section a path is in: the entry whose path (or one of its `also` paths) matches the
 * most leading segments — "/frameworks/score" over "/frameworks", an agency's results page
 * "/agencies/a1/results/2567" under "Results" rather than "My agency". Undefined when none matches.
 */
export function activeNavItem(items: readonly NavItem[], pathname: string): string | undefined {
  let best: { to: string; n: number } | undefined;
  for (const item of items) {
    for (const pattern of [item.to, ...(item.also ?? [])]) {
      const n = prefixSegments(pattern, pathname);
      if (n >= 0 && (!best || n > best.n)) best = { to: item.to, n };
    }
  }
  return best?.to;
}

export function navItems(role: Role, agencyId: string | null): NavItem[] {
  const home: NavItem = { label: 'nav.home', to: '/' };
  const frameworks: NavItem = { label: 'nav.frameworks', to: '/frameworks' };
  const score: NavItem = { label: 'nav.score', to: '/frameworks/score' };
  const password: NavItem = { label: 'nav.password', to: '/account/password' };
  const progress: NavItem = {
    label: 'stakeholders.nav',
    to: '/progress',
    also: ['/agencies/*/stakeholders'],
  };
  const monitoring: NavItem = { label: 'monitoring.nav', to: '/monitoring' };
  const quality: NavItem = { label: 'quality.nav', to: '/quality' };
  const interviews: NavItem = { label: 'interviews.nav', to: '/interviews' };
  const iitAccess: NavItem = { label: 'iitAccess.nav', to: '/iit-access' };
  const oitQueue: NavItem = {
    label: 'oitAssess.navQueue',
    to: '/oit/queue',
    also: ['/agencies/*/oit/*/assess'],
  };
  const executives: NavItem = { label: 'executives.nav', to: '/executives/awaiting' };
  const plans: NavItem = { label: 'plans.nav', to: '/plans' };
  const cycles: NavItem = { label: 'cycles.nav', to: '/cycles' };
  // Every role reads the change history of the agencies in its scope (the server filters).
  const audit: NavItem = { label: 'auditLog.nav', to: '/audit' };
  // Lessons learned after publication: supervisors over their scope, NACC over any (issue 11 §4).
  const lessons: NavItem = { label: 'lessons.nav', to: '/lessons' };
  const myAgency: NavItem[] = agencyId ? [{ label: 'nav.myAgency', to: `/agencies/${agencyId}` }] : [];
  const oit: NavItem[] = agencyId
    ? [{ label: 'oit.nav', to: '/oit', also: [`/agencies/${agencyId}/oit`] }]
    : [];
  const report: NavItem[] = agencyId
    ? [{ label: 'report.nav', to: '/results', also: [`/agencies/${agencyId}/results`] }]
    : [];
  const measures: NavItem[] = agencyId
    ? [{ label: 'measures.nav', to: '/measures', also: [`/agencies/${agencyId}/measures`] }]
    : [];
  const measuresOverview: NavItem = {
    label: 'measures.navOverview',
    to: '/measures/overview',
    also: ['/agencies/*/measures'],
  };
  switch (role) {
    case 'admin':
      return [
        home,
        { label: 'nav.agencies', to: '/agencies' },
        monitoring,
        cycles,
        progress,
        { label: 'nav.users', to: '/users' },
        executives,
        quality,
        interviews,
        oitQueue,
        { label: 'oitAssess.navAssignments', to: '/oit/assignments' },
        { label: 'otp.nav', to: '/otp-usage' },
        iitAccess,
        frameworks,
        { label: 'nav.frameworkImport', to: '/frameworks/import' },
        { label: 'pastResults.nav', to: '/past-results/import' },
        { label: 'processing.nav', to: '/processing' },
        lessons,
        plans,
        measuresOverview,
        score,
        audit,
        password,
      ];
    case 'supervisor':
      return [
        home,
        { label: 'nav.agenciesInScope', to: '/agencies' },
        monitoring,
        cycles,
        progress,
        plans,
        measuresOverview,
        executives,
        quality,
        lessons,
        frameworks,
        score,
        audit,
        password,
      ];
    case 'assessor':
      return [
        home,
        { label: 'nav.assignedAgencies', to: '/agencies' },
        monitoring,
        progress,
        quality,
        interviews,
        oitQueue,
        frameworks,
        score,
        audit,
        password,
      ];
    case 'agency_admin':
      return [
        home,
        ...myAgency,
        ...oit,
        ...report,
        ...measures,
        iitAccess,
        { label: 'nav.agencyUsers', to: '/users' },
        executives,
        frameworks,
        audit,
        password,
      ];
    case 'executive':
      return [home, ...myAgency, ...oit, ...report, ...measures, frameworks, audit, password];
    case 'agency_staff':
      return [home, ...myAgency, ...oit, ...report, ...measures, audit, password];
  }
}
