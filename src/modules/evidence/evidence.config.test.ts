import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';

const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) } as const;

describe('evidence settings', () => {
  it('refuses EVIDENCE_ALLOW_HOSTS in production, even with the demo on', () => {
    expect(() => loadConfig({ ...production, EVIDENCE_ALLOW_HOSTS: '127.0.0.1:8080' })).toThrow(
      /not allowed in production/,
    );
    expect(() =>
      loadConfig({ ...production, PRONGSAI_DEMO: 'true', EVIDENCE_ALLOW_HOSTS: 'intranet' }),
    ).toThrow(/not allowed in production/);
  });

  it('allows no host in production, the demo included', () => {
    expect(loadConfig({ ...production, PRONGSAI_DEMO: 'true' }).evidence.allowHosts).toEqual([]);
  });

  it('lets the demo reach its own host outside production', () => {
    const cfg = loadConfig({ NODE_ENV: 'development', PORT: '4000', PUBLIC_URL: 'http://demo.local:8080' });
    expect(cfg.evidence.allowHosts).toEqual(['demo.local:8080', 'localhost:4000', '127.0.0.1:4000']);
  });

  it('takes a list of host or host:port for tests, and rejects anything else', () => {
    const cfg = loadConfig({
      NODE_ENV: 'test',
      PRONGSAI_DEMO: 'false',
      EVIDENCE_ALLOW_HOSTS: ' Site.Test:81, 127.0.0.1 ',
    });
    expect(cfg.evidence.allowHosts).toEqual(['site.test:81', '127.0.0.1']);
    expect(() => loadConfig({ NODE_ENV: 'test', EVIDENCE_ALLOW_HOSTS: 'http://x/' })).toThrow(/host:port/);
  });
});
