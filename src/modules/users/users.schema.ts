// Request and response shapes of the user-management API.
import { z } from 'zod';
import { ROLES } from '../../core/authz.ts';
import { nonEmptyPatch } from '../../core/input/patch.ts';
import {
  DISPLAY_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  USERNAME_MAX_LENGTH,
  USERNAME_MIN_LENGTH,
  USERNAME_PATTERN,
} from '../../shared/limits.ts';
import { ZNewPassword } from '../auth/index.ts';

/** Usernames are stored in lowercase; typing capitals is forgiven rather than refused. */
export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .min(USERNAME_MIN_LENGTH)
  .max(USERNAME_MAX_LENGTH)
  .regex(
    USERNAME_PATTERN,
    'lowercase letters, digits, dot, underscore or hyphen; starts with a letter or digit',
  );
const ZDisplayName = z.string().trim().min(1).max(DISPLAY_NAME_MAX_LENGTH);
const ZEmail = z.string().trim().max(EMAIL_MAX_LENGTH).pipe(z.email());
const ZRole = z.enum(ROLES);
/** Fiscal years are Buddhist Era (2568 = FY2025). */
export const ZFiscalYear = z.coerce.number().int().min(2550).max(2700);

export const ZUserIdParams = z.object({ id: z.uuid() });

export const ZListUsersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: ZRole.optional(),
  agencyId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type ListUsersQuery = z.infer<typeof ZListUsersQuery>;

export const ZCreateUserBody = z.strictObject({
  username: ZUsername,
  displayName: ZDisplayName,
  email: ZEmail.nullish(),
  role: ZRole,
  agencyId: z.uuid().nullish(),
  password: ZNewPassword,
});
export type CreateUserBody = z.infer<typeof ZCreateUserBody>;

export const ZUpdateUserBody = nonEmptyPatch(
  z.strictObject({
    displayName: ZDisplayName.optional(),
    /** null removes the address. */
    email: ZEmail.nullable().optional(),
    role: ZRole.optional(),
    /** null detaches the user from an agency (only for roles without one). */
    agencyId: z.uuid().nullable().optional(),
    active: z.boolean().optional(),
  }),
);
export type UpdateUserBody = z.infer<typeof ZUpdateUserBody>;

const MAX_SCOPE_ENTRIES = 500;
export const ZScopes = z.strictObject({
  provinces: z.array(z.string().trim().min(1).max(20)).max(MAX_SCOPE_ENTRIES),
  ministries: z.array(z.string().trim().min(1).max(20)).max(MAX_SCOPE_ENTRIES),
  agencies: z.array(z.uuid()).max(MAX_SCOPE_ENTRIES),
});
export type Scopes = z.infer<typeof ZScopes>;

export const ZYearAssignments = z.strictObject({
  year: ZFiscalYear,
  agencyIds: z.array(z.uuid()).max(5000),
});
export type YearAssignments = z.infer<typeof ZYearAssignments>;
export const ZAssignmentsQuery = z.object({ year: ZFiscalYear.optional() });
export const ZAssignments = z.object({ assignments: z.array(ZYearAssignments) });

export const ZUserView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: ZRole,
  agency: z
    .object({ id: z.uuid(), code: z.string(), nameTh: z.string(), nameEn: z.string().nullable() })
    .nullable(),
  active: z.boolean(),
  /** A proposed executive: cannot sign in until NACC or the agency's supervisor confirms the account. */
  awaitingConfirmation: z.boolean(),
  createdAt: z.string(),
  /** Only for those who manage every account (admins). */
  security: z
    .object({
      failedLogins: z.number().int(),
      /** Set while the account is locked after repeated failed sign-ins. */
      lockedUntil: z.string().nullable(),
    })
    .optional(),
});
export type UserView = z.infer<typeof ZUserView>;

export const ZUserList = z.object({
  items: z.array(ZUserView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZAwaitingList = z.object({
  items: z.array(ZUserView.extend({ canConfirm: z.boolean() })),
});
export type AwaitingList = z.infer<typeof ZAwaitingList>;
