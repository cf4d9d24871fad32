// Drawing, showing and verifying an agency's EIT part-2 sample. The draw is seeded from 128 random bits and
// recorded (seed, algorithm, sizes) so that anyone holding the seed and the contact list can redo it.
import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../app/context.ts';
import type { Actor } from '../../core/authz.ts';
import { minimumSample } from '../../core/scoring/index.ts';
import { drawSample, newSeed } from '../../core/surveys/index.ts';
import type { AgencyRow } from '../agencies/index.ts';
import { requireParticipation } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { frameworkForYear, fromEngineError } from '../frameworks/index.ts';
import { contactsOf, eitPopulationOf } from '../stakeholders/index.ts';
import { userNamesByIds } from '../users/index.ts';
import {
  contactListMissing,
  contactListTooSmall,
  eitPopulationMissing,
  noSample,
  sampleAlreadyDrawn,
  tooFewReserves,
} from './interviews.errors.ts';
import { presentSample } from './interviews.present.ts';
import { insertSample, interviewOutcomes, sampleOf } from './interviews.repo.ts';
import type { DrawBody, SampleVerification, SampleView } from './interviews.schema.ts';
import { assertEitCollectionOpen, authorizeCollection, personOf } from './interviews.service.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** The framework's part-2 minimum for the agency, or null while the EIT population is not entered. */
async function minimumFor(deps: Deps, agency: AgencyRow, year: number, eitPopulation: number | null) {
  if (eitPopulation === null) return null;
  const { framework } = await frameworkForYear(deps.db, year);
  try {
    return minimumSample(framework, 'EIT2', {
      population: eitPopulation,
      peerGroup: agency.peerGroup ?? undefined,
      sizeClass: agency.sizeClass ?? undefined,
    });
  } catch (e) {
    throw fromEngineError(e);
  }
}

export async function drawAgencySample(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  body: DrawBody,
): Promise<SampleView> {
  const { agency, actor: who } = await authorizeCollection(deps.db, actor, agencyId, year);
  await requireParticipation(deps.db, agencyId, year);
  await assertEitCollectionOpen(deps.db, agencyId, year, deps.now());
  if (await sampleOf(deps.db, agencyId, year)) throw sampleAlreadyDrawn();
  const eitPopulation = await eitPopulationOf(deps.db, agencyId, year);
  if (eitPopulation === null) throw eitPopulationMissing();
  const contacts = await contactsOf(deps.db, agencyId, year);
  if (contacts.length === 0) throw contactListMissing();
  const size = (await minimumFor(deps, agency, year, eitPopulation)) as number;
  const reserves = body.reserves ?? size;
  if (reserves < size) throw tooFewReserves(size);
  // Fewer contacts than the minimum cannot make a valid sample; the draw is once a year, so wait for the list.
  if (contacts.length < size) throw contactListTooSmall(contacts.length, size);

  const seed = newSeed(randomBytes(16));
  const drawn = drawSample({ contacts, size, reserves, seed });
  await deps.db.transaction(async (tx) => {
    const row = await insertSample(tx, {
      agencyId,
      year,
      seed,
      algorithm: drawn.algorithm,
      size: drawn.selected.length,
      // What the list could provide: re-drawing with this count gives the same reserves (a shuffle prefix).
      reserveCount: drawn.reserves.length,
      selected: drawn.selected,
      reserves: drawn.reserves,
      drawnBy: who.userId,
      drawnAt: deps.now(),
    });
    if (!row) throw sampleAlreadyDrawn();
    await appendAudit(
      tx,
      {
        actor: who,
        agencyId,
        entityType: 'eit2_sample',
        entityId: row.id,
        action: 'draw',
        after: {
          year,
          seed,
          algorithm: drawn.algorithm,
          eitPopulation,
          contacts: contacts.length,
          size: drawn.selected.length,
          reservesRequested: reserves,
          reserves: drawn.reserves.length,
        },
      },
      deps.now(),
    );
  });
  return viewSample(deps, who, agencyId, year);
}

export async function viewSample(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<SampleView> {
  const { agency } = await authorizeCollection(deps.db, actor, agencyId, year);
  const [contacts, eitPopulation, sample] = await Promise.all([
    contactsOf(deps.db, agencyId, year),
    eitPopulationOf(deps.db, agencyId, year),
    sampleOf(deps.db, agencyId, year),
  ]);
  const prerequisites = {
    contacts: contacts.length,
    eitPopulation,
    minimum: await minimumFor(deps, agency, year, eitPopulation),
  };
  if (!sample) return { prerequisites, sample: null };
  const [outcomes, drawnBy] = await Promise.all([
    interviewOutcomes(deps.db, agencyId, year),
    userNamesByIds(deps.db, [sample.drawnBy]).then((names) => personOf(sample.drawnBy, names)),
  ]);
  return { prerequisites, sample: presentSample(sample, contacts, outcomes, drawnBy) };
}

export async function verifySample(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<SampleVerification> {
  await authorizeCollection(deps.db, actor, agencyId, year);
  const sample = await sampleOf(deps.db, agencyId, year);
  if (!sample) throw noSample();
  const contacts = await contactsOf(deps.db, agencyId, year);
  const redrawn = drawSample({
    contacts,
    size: sample.size,
    reserves: sample.reserveCount,
    seed: sample.seed,
  });
  const selected = sample.selected as string[];
  const reserves = sample.reserves as string[];
  const ids = new Set(contacts.map((c) => c.id));
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  return {
    matches:
      redrawn.algorithm === sample.algorithm &&
      same(redrawn.selected, selected) &&
      same(redrawn.reserves, reserves),
    algorithm: sample.algorithm,
    seed: sample.seed,
    contactsNow: contacts.length,
    missingContacts: [...selected, ...reserves].filter((id) => !ids.has(id)).length,
    redrawn: { selected: redrawn.selected, reserves: redrawn.reserves },
  };
}
