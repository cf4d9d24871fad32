import { z } from 'zod';
import { ROLES } from '../../core/authz.ts';

export const ZLoginBody = z.object({
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
