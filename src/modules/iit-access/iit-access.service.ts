// Use cases of the IIT access (admin side): the agency's access code and its rotation, the tokens switch,
// QR codes, the printable poster, and batches of single-use tokens. Plaintext tokens exist only in the
// PDF returned once; the database keeps their keyed hashes.
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../app/context.ts';
import { keyedHash } from '../../app/secrets.ts';
import type { Actor } from '../../core/authz.ts';
import { allow, authorizedAgency, requireParticipation } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { collectionWindow } from '../calendar/index.ts';
import { userNamesByIds } from '../users/index.ts';
import { ACCESS_CODE_LENGTH, randomCode, TOKEN_LENGTH } from './iit-access.codes.ts';
import { posterPdf, qrPng, qrSvg, tokenSlipsPdf } from './iit-access.documents.ts';
import { presentAccess, presentBatch, respondentLink } from './iit-access.present.ts';
import {
  type AccessRow,
  insertAccessIfMissing,
  insertTokenBatch,
  selectAccess,
  selectBatches,
  updateAccess,
} from './iit-access.repo.ts';
import { pdfToPng } from './pdf-kit.ts';

type Deps = Pick<AppDeps, 'db' | 'config' | 'now'>;

/** Last day of the IIT window (with any extension) for the poster, when the calendar knows it. */
async function iitClosesOn(deps: Deps, agencyId: string, year: number): Promise<string | null> {
  try {
    return (await collectionWindow(deps.db, { agencyId, year, stage: 'iit_collection' }, deps.now()))
      .closesOn;
  } catch {
    return null; // no framework for the year: the poster simply leaves the date out
  }
}

async function agencyFor(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  action: 'iitAccess.read' | 'iitAccess.manage',
) {
  return authorizedAgency(deps.db, actor, agencyId, allow(action));
}

/** The year's access row, created with a random code on first use. */
async function accessRow(deps: Deps, agencyId: string, year: number): Promise<AccessRow> {
  const existing = await selectAccess(deps.db, agencyId, year);
  if (existing) return existing;
  await requireParticipation(deps.db, agencyId, year);
  return insertAccessIfMissing(deps.db, agencyId, year, randomCode(ACCESS_CODE_LENGTH), deps.now());
}

export async function getIitAccess(deps: Deps, actor: Actor | null, agencyId: string, year: number) {
  await agencyFor(deps, actor, agencyId, 'iitAccess.read');
  return presentAccess(await accessRow(deps, agencyId, year), deps.config.publicUrl, deps.now());
}

/** A new code; the old one stops working at once. The audit entry records the time, never the code. */
export async function rotateAccessCode(deps: Deps, actor: Actor | null, agencyId: string, year: number) {
  await agencyFor(deps, actor, agencyId, 'iitAccess.manage');
  const before = await accessRow(deps, agencyId, year);
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    let code = randomCode(ACCESS_CODE_LENGTH);
    while (code === before.accessCode) code = randomCode(ACCESS_CODE_LENGTH);
    const updated = await updateAccess(tx, agencyId, year, { accessCode: code, codeRotatedAt: now });
    await appendAudit(
      tx,
      {
        actor,
        agencyId,
        entityType: 'iit_access',
        entityId: `${agencyId}:${year}`,
        action: 'rotate_code',
        before: { codeRotatedAt: before.codeRotatedAt },
        after: { codeRotatedAt: updated.codeRotatedAt },
      },
      now,
    );
    return updated;
  });
  return presentAccess(row, deps.config.publicUrl, deps.now());
}

export async function setTokensRequired(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  required: boolean,
) {
  await agencyFor(deps, actor, agencyId, 'iitAccess.manage');
  const before = await accessRow(deps, agencyId, year);
  if (before.tokensRequired === required) return presentAccess(before, deps.config.publicUrl, deps.now());
  const row = await deps.db.transaction(async (tx) => {
    const updated = await updateAccess(tx, agencyId, year, { tokensRequired: required });
    await appendAudit(
      tx,
      {
        actor,
        agencyId,
        entityType: 'iit_access',
        entityId: `${agencyId}:${year}`,
        action: 'set_tokens_required',
        before: { tokensRequired: before.tokensRequired },
        after: { tokensRequired: required },
      },
      deps.now(),
    );
    return updated;
  });
  return presentAccess(row, deps.config.publicUrl, deps.now());
}

export async function iitQr(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  format: 'png' | 'svg',
): Promise<Buffer | string> {
  await agencyFor(deps, actor, agencyId, 'iitAccess.read');
  await accessRow(deps, agencyId, year);
  const link = respondentLink(deps.config.publicUrl, agencyId);
  return format === 'png' ? qrPng(link) : qrSvg(link);
}

export async function iitPoster(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  format: 'pdf' | 'png',
): Promise<Buffer> {
  const { agency } = await agencyFor(deps, actor, agencyId, 'iitAccess.read');
  const access = await accessRow(deps, agencyId, year);
  const pdf = await posterPdf({
    agencyName: agency.nameTh,
    year,
    link: respondentLink(deps.config.publicUrl, agencyId),
    accessCode: access.accessCode,
    tokensRequired: access.tokensRequired,
    closesOn: await iitClosesOn(deps, agencyId, year),
  });
  return format === 'pdf' ? pdf : pdfToPng(pdf);
}

/**
 * Issues `count` tokens; returns the printable slips, the only place the tokens ever appear (the plaintext
 * list is returned for the caller to print, never stored or logged).
 */
export async function generateTokens(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  count: number,
): Promise<{ batchId: string; pdf: Buffer; tokens: string[] }> {
  const { agency, actor: issuer } = await agencyFor(deps, actor, agencyId, 'iitAccess.manage');
  await accessRow(deps, agencyId, year);
  const tokens = new Set<string>();
  while (tokens.size < count) tokens.add(randomCode(TOKEN_LENGTH));
  const batchId = randomUUID();
  const now = deps.now();
  // The slips first: if they cannot be made, no token exists that nobody can hand out.
  const pdf = await tokenSlipsPdf({
    agencyName: agency.nameTh,
    year,
    link: respondentLink(deps.config.publicUrl, agencyId),
    tokens: [...tokens],
  });
  await deps.db.transaction(async (tx) => {
    const hashes = [...tokens].map((t) => keyedHash(deps.config, 'survey-token', t));
    await insertTokenBatch(
      tx,
      { id: batchId, agencyId, year, createdAt: now, createdBy: issuer.userId },
      hashes,
    );
    await appendAudit(
      tx,
      {
        actor,
        agencyId,
        entityType: 'iit_token_batch',
        entityId: batchId,
        action: 'generate',
        after: { year, count },
      },
      now,
    );
  });
  return { batchId, pdf, tokens: [...tokens] };
}

export async function listTokenBatches(deps: Deps, actor: Actor | null, agencyId: string, year: number) {
  await agencyFor(deps, actor, agencyId, 'iitAccess.read');
  const rows = await selectBatches(deps.db, agencyId, year);
  const names = await userNamesByIds(
    deps.db,
    rows.map((r) => r.createdBy),
  );
  return {
    items: rows.map((r) =>
      presentBatch({ ...r, createdBy: r.createdBy ? (names.get(r.createdBy)?.username ?? null) : null }),
    ),
    usedCountAvailable: false as const,
  };
}
