import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import { SITE_PAGES, startTestSite, type TestSite } from '../../../test/helpers/test-site.ts';
import { oitAnswers, participations } from '../../db/schema/index.ts';
import { BODY_CSP } from './evidence.routes.ts';
import { evidenceWorkerDeps } from './evidence.worker.ts';
import { latestEvidence, originalEvidence, requestEvidence, runEvidenceJobs } from './index.ts';

const YEAR = 2568;
let t: TestApp;
let site: TestSite;
let agencyId: string;
let adminName: string;
let execName: string;

beforeAll(async () => {
  site = await startTestSite();
  t = await createTestApp({ EVIDENCE_ALLOW_HOSTS: site.host });
  const db = t.deps.db;
  const agency = await makeAgency(db, { website: 'http://127.0.0.1/' });
  agencyId = agency.id;
  await db.insert(participations).values({ agencyId, year: YEAR });
  adminName = (await makeUser(db, { role: 'agency_admin', agencyId })).username;
  execName = (await makeUser(db, { role: 'executive', agencyId })).username;
  await db.insert(oitAnswers).values({
    agencyId,
    year: YEAR,
    itemCode: 'o1',
    has: true,
    urls: [site.url('/page.html'), site.url('/data.zip')],
  });
});
afterAll(async () => {
  await t.close();
  await site.close();
});

const work = () => runEvidenceJobs(evidenceWorkerDeps(t.deps));
const base = () => `/api/agencies/${agencyId}/oit/${YEAR}`;

async function queue(itemCode: string, urls: string[], purpose: 'saved' | 'approval' = 'saved') {
  return requestEvidence(
    t.deps.db,
    { agencyId, year: YEAR, itemCode, urls, purpose, requestedBy: null },
    t.deps.now(),
  );
}

describe('evidence routes', () => {
  it('re-checks an item’s URLs on request, without queueing a URL twice', async () => {
    const admin = await t.signIn(adminName);
    const first = await admin.post(`${base()}/items/o1/evidence/refetch`);
    expect(first.statusCode).toBe(200);
    expect(first.json().queued.map((s: { url: string }) => s.url)).toEqual([
      site.url('/data.zip'),
      site.url('/page.html'),
    ]);
    expect(first.json().queued[0]).toMatchObject({ status: 'pending', verdict: 'pending', purpose: 'saved' });

    const again = await admin.post(`${base()}/items/o1/evidence/refetch`);
    expect(again.json()).toEqual({ queued: [], alreadyQueued: 2 });
    await work();
  });

  it('refuses a re-check of an item without URLs, in Thai and English', async () => {
    const admin = await t.signIn(adminName);
    const res = await admin.post(`${base()}/items/o2/evidence/refetch`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'no_evidence_urls' });
  });

  it('shows a snapshot with its verdict and hops', async () => {
    const [id] = (await queue('o3', [site.url('/r1')])) as [string];
    await work();
    const res = await (await t.signIn(execName)).get(`/api/evidence/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      verdict: 'reachable',
      httpStatus: 200,
      finalUrl: site.url('/page.html'),
      title: 'แผนปฏิบัติการประจำปี พ.ศ. 2568',
      mentionsYear: true,
      onMainDomain: true,
      hasBody: true,
      agencyId,
      year: YEAR,
    });
    expect(res.json().redirects).toHaveLength(4);
  });

  it('serves the kept page sandboxed: CSP sandbox, nosniff, its own type; gzip only to clients that take it', async () => {
    const [id] = (await queue('o4', [site.url('/page.html')])) as [string];
    await work();
    const exec = await t.signIn(execName);
    const plain = await t.app.inject({
      method: 'GET',
      url: `/api/evidence/${id}/body`,
      headers: { cookie: exec.cookie as string, 'accept-encoding': 'identity' },
    });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-security-policy']).toBe(BODY_CSP);
    expect(plain.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SITE_PAGES.thai);

    const zipped = await t.app.inject({
      method: 'GET',
      url: `/api/evidence/${id}/body`,
      headers: { cookie: exec.cookie as string, 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(SITE_PAGES.thai);
  });

  it('hands a kept PDF over as a download (browsers will not show a PDF in a sandbox), a page inline', async () => {
    const [pdf, page] = (await queue('o9', [site.url('/plan.pdf'), site.url('/page.html')])) as [
      string,
      string,
    ];
    await work();
    const exec = await t.signIn(execName);
    const res = await exec.get(`/api/evidence/${pdf}/body`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="evidence-${pdf}.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await exec.get(`/api/evidence/${page}/body`)).headers['content-disposition']).toBe('inline');
  });

  it('says plainly when no copy was kept (a ZIP is recorded by size and hash only)', async () => {
    const [id] = (await queue('o5', [site.url('/data.zip')])) as [string];
    await work();
    const exec = await t.signIn(execName);
    expect((await exec.get(`/api/evidence/${id}`)).json()).toMatchObject({
      verdict: 'reachable',
      hasBody: false,
    });
    const res = await exec.get(`/api/evidence/${id}/body`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('snapshot_body_not_kept');
  });

  it('lists the agency-year’s snapshots newest first, filtered by item', async () => {
    t.clock.advance(60_000);
    const [newest] = (await queue('o6', [site.url('/missing')])) as [string];
    const exec = await t.signIn(execName);
    const all = (await exec.get(`${base()}/evidence`)).json().items;
    expect(all[0].id).toBe(newest);
    expect(all.length).toBeGreaterThan(4);
    const one = (await exec.get(`${base()}/evidence?itemCode=o6`)).json().items;
    expect(one.map((s: { id: string }) => s.id)).toEqual([newest]);
  });

  it('gives the OIT modules the latest result per URL (a re-check in progress keeps it) and the original', async () => {
    const url = site.url('/tis620.html');
    const [original] = (await queue('o7', [url], 'approval')) as [string];
    await work();
    t.clock.advance(60_000);
    const [later] = (await queue('o7', [url])) as [string];

    const latest = await latestEvidence(t.deps.db, { agencyId, year: YEAR });
    expect(latest.get('o7')?.get(url)).toMatchObject({ id: original, verdict: 'reachable' });
    await work();
    expect((await latestEvidence(t.deps.db, { agencyId, year: YEAR })).get('o7')?.get(url)?.id).toBe(later);

    const orig = await originalEvidence(t.deps.db, { agencyId, year: YEAR });
    expect([...orig.keys()]).toEqual(['o7']);
    expect(orig.get('o7')?.get(url)).toMatchObject({
      id: original,
      purpose: 'approval',
      title: 'รายงานผลการดำเนินงาน ๒๕๖๘',
    });
  });
});
