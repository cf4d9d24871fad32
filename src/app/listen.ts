// The start-up lines that say where the server listens and why, so that nobody is surprised that the demo
// cannot be reached from another machine, or that a server with public demo passwords can.
import type { Config } from '../config.ts';

export function listenNotice(cfg: Pick<Config, 'host' | 'hostSource' | 'port' | 'demo'>): string[] {
  const where = `${cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host}:${cfg.port}`;
  switch (cfg.hostSource) {
    case 'demo-loopback':
      return [
        `  Listening on ${where} only: demo data is on and its passwords are public. To serve other machines,`,
        '  turn the demo off (PRONGSAI_DEMO=false) and set HOST=0.0.0.0 (HOST set explicitly always wins).',
        `  รับการเชื่อมต่อที่ ${where} เท่านั้น เพราะเปิดข้อมูลสาธิตซึ่งรหัสผ่านเป็นที่รู้กันทั่วไป หากต้องการให้เครื่องอื่นเข้าถึง`,
        '  ให้ปิดข้อมูลสาธิต (PRONGSAI_DEMO=false) และตั้ง HOST=0.0.0.0',
      ];
    case 'env':
      return [
        `  Listening on ${where} (HOST).`,
        ...(cfg.demo && !isLoopback(cfg.host)
          ? [
              '  WARNING: demo data is on and its passwords are public, and this address may be reachable from',
              '  other machines. คำเตือน: เปิดข้อมูลสาธิตซึ่งรหัสผ่านเป็นที่รู้กันทั่วไป และเครื่องอื่นอาจเข้าถึงได้',
            ]
          : []),
      ];
    case 'default':
      return [`  Listening on every interface (${where}); set HOST to listen on one address only.`];
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
