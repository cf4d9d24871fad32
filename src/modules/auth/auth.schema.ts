import { z } from 'zod';
import { ROLES } from '../../core/authz.ts';
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../shared/limits.ts';

export const ZLoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const ZMe = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    agencyId: z.uuid().nullable(),
    scope: z.object({
      provinces: z.array(z.string()),
      ministries: z.array(z.string()),
      agencies: z.array(z.string()),
    }),
    assignedAgencies: z.array(z.string()),
  }),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof ZMe>;

/** A new password as the user types it: length limits shared with the web form. */
export const ZNewPassword = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const ZChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: ZNewPassword,
});
export type ChangePasswordBody = z.infer<typeof ZChangePasswordBody>;

export const ZResetRequestBody = z.strictObject({
  usernameOrEmail: z.string().trim().min(1).max(EMAIL_MAX_LENGTH),
});

export const ZResetConfirmBody = z.strictObject({
  token: z.string().min(1).max(200),
  newPassword: ZNewPassword,
});
export type ResetConfirmBody = z.infer<typeof ZResetConfirmBody>;

export const ZMessage = z.object({ message: z.object({ th: z.string(), en: z.string() }) });
