// The demo agencies' "websites", served by the app itself under /demo-sites/<agency code>/ when demo data is
// on: a home page linking to one page per OIT item, so that the demo's evidence URLs point somewhere real
// and snapshots work offline. Each page names the fiscal year and lists what the item asks for. A few
// pages are deliberately missing (404) so that broken evidence shows too. The annual plans are PDF documents
// (as agencies publish them), so that PDF evidence shows too. Never registered in production.

import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app/context.ts';
import type { OitItem } from '../../core/framework/schema.ts';
import { agencies } from '../../db/schema/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { newA4, pdfBuffer, writeWrapped } from '../iit-access/index.ts';
import { DEMO_YEAR } from './demo.data.ts';
import { DEMO_MISSING_PAGES, DEMO_PDF_ITEMS } from './demo.oit.data.ts';

export const DEMO_SITES_PREFIX = '/demo-sites';

/** The demo website of an agency (its `website` field), on the app's own host. */
export const demoSiteUrl = (publicUrl: string, agencyCode: string) =>
  `${publicUrl.replace(/\/+$/, '')}${DEMO_SITES_PREFIX}/${agencyCode.toLowerCase()}/`;

/** The page (or PDF) of one OIT item on an agency's demo website, relative to the site. */
const itemPath = (itemCode: string) => (DEMO_PDF_ITEMS.has(itemCode) ? `${itemCode}.pdf` : itemCode);

/** The page (or PDF) of one OIT item on an agency's demo website. */
export const demoItemUrl = (publicUrl: string, agencyCode: string, itemCode: string) =>
  `${demoSiteUrl(publicUrl, agencyCode)}${itemPath(itemCode)}`;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const page = (title: string, body: string) =>
  `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
  `<body>${body}<p><small>เว็บไซต์สาธิตของระบบโปร่งใส — ข้อมูลสมมุติ (demo website, invented data)</small></p></body></html>`;

function itemPage(agencyName: string, item: OitItem, year: number): string {
  const components = item.components.map((c) => `<li>${escapeHtml(c.th)}: มีข้อมูลครบถ้วน</li>`).join('');
  return page(
    `${item.title.th} — ${agencyName}`,
    `<h1>${escapeHtml(item.title.th)}</h1><p>${escapeHtml(agencyName)} ประจำปีงบประมาณ พ.ศ. ${year}</p>` +
      `<ul>${components}</ul>`,
  );
}

const A4_MARGIN = 56;

/** The item as a one-page A4 PDF: title, agency and fiscal year, what it contains (Sarabun, Thai). */
async function itemPdf(agencyName: string, item: OitItem, year: number): Promise<Buffer> {
  const doc = newA4(`${item.title.th} ประจำปีงบประมาณ พ.ศ. ${year} — ${agencyName}`);
  const width = doc.page.width - 2 * A4_MARGIN;
  let y = A4_MARGIN;
  doc.font('bold').fontSize(20);
  y = writeWrapped(doc, item.title.th, A4_MARGIN, y, width);
  doc.font('regular').fontSize(16);
  y = writeWrapped(doc, `${agencyName} ประจำปีงบประมาณ พ.ศ. ${year}`, A4_MARGIN, y + 8, width);
  for (const c of item.components) y = writeWrapped(doc, `• ${c.th}: มีข้อมูลครบถ้วน`, A4_MARGIN, y + 6, width);
  doc.fontSize(11);
  writeWrapped(doc, 'เอกสารสาธิตของระบบโปร่งใส — ข้อมูลสมมุติ', A4_MARGIN, y + 24, width);
  return pdfBuffer(doc);
}

export function demoSitesRoutes(deps: Pick<AppDeps, 'db'>): FastifyPluginAsync {
  return async (app) => {
    const load = async (code: string) => {
      const [agency] = await deps.db
        .select({ code: agencies.code, nameTh: agencies.nameTh })
        .from(agencies)
        .where(eq(agencies.code, code.toUpperCase()))
        .limit(1);
      if (!agency?.code.startsWith('DEMO')) return null;
      const { framework } = await frameworkForYear(deps.db, DEMO_YEAR);
      return { agency, framework };
    };
    const notFound = (reply: import('fastify').FastifyReply) =>
      reply.code(404).type('text/html; charset=utf-8').send(page('ไม่พบหน้านี้ (404)', '<h1>ไม่พบหน้านี้</h1>'));

    app.get<{ Params: { agency: string } }>(
      `${DEMO_SITES_PREFIX}/:agency/`,
      { schema: { hide: true } },
      async (req, reply) => {
        const site = await load(req.params.agency);
        if (!site) return notFound(reply);
        const links = site.framework.oitItems
          .map((i) => `<li><a href="./${itemPath(i.code)}">${escapeHtml(i.title.th)}</a></li>`)
          .join('');
        return reply
          .type('text/html; charset=utf-8')
          .send(
            page(
              site.agency.nameTh,
              `<h1>${escapeHtml(site.agency.nameTh)}</h1><h2>การเปิดเผยข้อมูลสาธารณะ</h2><ul>${links}</ul>`,
            ),
          );
      },
    );

    app.get<{ Params: { agency: string; item: string } }>(
      `${DEMO_SITES_PREFIX}/:agency/:item`,
      { schema: { hide: true } },
      async (req, reply) => {
        const site = await load(req.params.agency);
        const asked = req.params.item;
        const code = asked.endsWith('.pdf') ? asked.slice(0, -'.pdf'.length) : asked;
        const item = site?.framework.oitItems.find((i) => i.code === code);
        if (
          !site ||
          !item ||
          asked !== itemPath(item.code) ||
          DEMO_MISSING_PAGES.has(`${site.agency.code}/${code}`)
        )
          return notFound(reply);
        if (DEMO_PDF_ITEMS.has(code))
          return reply.type('application/pdf').send(await itemPdf(site.agency.nameTh, item, DEMO_YEAR));
        return reply.type('text/html; charset=utf-8').send(itemPage(site.agency.nameTh, item, DEMO_YEAR));
      },
    );
  };
}
