// Sign-in with lockout after repeated failures. Sessions themselves are handled by @fastify/session.
import { eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../app/context.ts';
import { DomainError } from '../../core/errors.ts';
import { users } from '../../db/schema/index.ts';
import { dummyHash, verifyPassword } from './passwords.ts';

const badCredentials = () =>
  new DomainError(
    'unauthenticated',
    'bad_credentials',
    'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง',
    'The username or password is not correct',
  );

export async function signIn(deps: AppDeps, username: string, password: string) {
  const now = deps.now();
  const [user] = await deps.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.trim().toLowerCase()));
  if (!user || !user.active) {
    await verifyPassword(await dummyHash(), password);
    throw badCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new DomainError(
      'rate_limited',
      'account_locked',
      `บัญชีถูกล็อกชั่วคราวเนื่องจากใส่รหัสผ่านผิดหลายครั้ง ลองใหม่หลัง ${user.lockedUntil.toLocaleTimeString('th-TH', { timeZone: 'Asia/Bangkok' })}`,
      `The account is locked after repeated failed sign-ins; try again after ${user.lockedUntil.toISOString()}`,
      { lockedUntil: user.lockedUntil.toISOString() },
    );
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= deps.config.login.maxAttempts;
    await deps.db
      .update(users)
      .set({
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock
          ? new Date(now.getTime() + deps.config.login.lockMinutes * 60_000)
          : user.lockedUntil,
      })
      .where(eq(users.id, user.id));
    throw badCredentials();
  }
  if (user.failedLogins !== 0 || user.lockedUntil) {
    await deps.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  }
  return user;
}
