import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { issueGrant, readGrant } from './grant.ts';

describe('respondent grants', () => {
  const config = loadConfig({ NODE_ENV: 'test' });
  const other = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(40) });
  const now = new Date('2025-03-01T03:00:00Z');
  const agencyId = '00000000-0000-4000-8000-000000000001';
  const claims = { agencyId, year: 2568, instrument: 'IIT' as const, tokenHash: 'ab'.repeat(32) };

  it('reads back what it issued until it expires', () => {
    const { grant, expiresAt } = issueGrant(config, claims, now, 60);
    expect(readGrant(config, grant, { agencyId, instrument: 'IIT' }, now)).toEqual({ ...claims, expiresAt });
    expect(() =>
      readGrant(config, grant, { agencyId, instrument: 'IIT' }, new Date(now.getTime() + 60_000)),
    ).toThrow(expect.objectContaining({ code: 'grant_expired' }));
  });

  it('refuses a grant for another agency or instrument', () => {
    const { grant } = issueGrant(config, claims, now);
    const other = '00000000-0000-4000-8000-000000000002';
    expect(() => readGrant(config, grant, { agencyId: other, instrument: 'IIT' }, now)).toThrow(
      expect.objectContaining({ code: 'grant_invalid' }),
    );
    expect(() => readGrant(config, grant, { agencyId, instrument: 'EIT1' }, now)).toThrow(
      expect.objectContaining({ code: 'grant_invalid' }),
    );
  });

  it('refuses a tampered grant or one signed with another secret', () => {
    const { grant } = issueGrant(config, claims, now);
    const [body, sig] = grant.split('.') as [string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), e: Date.now() * 2 }),
    ).toString('base64url');
    for (const bad of [`${forged}.${sig}`, issueGrant(other, claims, now).grant, 'junk', `${body}.`]) {
      expect(() => readGrant(config, bad, { agencyId, instrument: 'IIT' }, now)).toThrow(
        expect.objectContaining({ code: 'grant_invalid' }),
      );
    }
  });
});
