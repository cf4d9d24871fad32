import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { listenNotice } from './listen.ts';

const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) } as const;

describe('where the server listens (HOST)', () => {
  it('listens on 127.0.0.1 only while demo data is on and HOST is not set', () => {
    for (const env of [{}, { NODE_ENV: 'development' }, { ...production, PRONGSAI_DEMO: 'true' }]) {
      const cfg = loadConfig(env);
      expect(cfg.demo).toBe(true);
      expect(cfg.host).toBe('127.0.0.1');
      expect(cfg.hostSource).toBe('demo-loopback');
    }
  });

  it('listens on every interface without demo data', () => {
    expect(loadConfig(production).host).toBe('0.0.0.0');
    expect(loadConfig({ PRONGSAI_DEMO: 'false' }).host).toBe('0.0.0.0');
  });

  it('takes HOST when it is set, the demo or not', () => {
    expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', hostSource: 'env', demo: true });
    expect(loadConfig({ ...production, HOST: '10.0.0.5' })).toMatchObject({
      host: '10.0.0.5',
      hostSource: 'env',
    });
  });

  it('says at start what it listens on, why, and how to change it', () => {
    const demo = listenNotice(loadConfig({ PORT: '3000' })).join('\n');
    expect(demo).toContain('127.0.0.1:3000 only');
    expect(demo).toContain('passwords are public');
    expect(demo).toContain('HOST=0.0.0.0');
    expect(demo).toContain('PRONGSAI_DEMO=false');
    const exposed = listenNotice(loadConfig({ HOST: '0.0.0.0', PORT: '3000' })).join('\n');
    expect(exposed).toContain('0.0.0.0:3000 (HOST)');
    expect(exposed).toContain('WARNING');
    expect(listenNotice(loadConfig({ HOST: '127.0.0.1' })).join('\n')).not.toContain('WARNING');
    expect(listenNotice(loadConfig(production)).join('\n')).toContain('every interface (0.0.0.0:3000)');
  });
});
