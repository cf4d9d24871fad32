// User accounts, supervisor scopes and assessor assignments.
import type {
  CreateUserBody,
  Scopes,
  UpdateUserBody,
  UserView,
  YearAssignments,
  ZAssignments,
  ZAwaitingList,
  ZUserList,
} from '@server/modules/users/users.schema.ts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../lib/api.ts';

export type { CreateUserBody, Scopes, UpdateUserBody, UserView, YearAssignments };
export type UserList = z.infer<typeof ZUserList>;
export type Assignments = z.infer<typeof ZAssignments>;
export type AwaitingList = z.infer<typeof ZAwaitingList>;

export interface UserFilters {
  q?: string;
  role?: string;
  agencyId?: string;
  page?: number;
  pageSize?: number;
}

export const userKeys = {
  all: ['users'] as const,
  list: (filters: UserFilters) => [...userKeys.all, 'list', filters] as const,
  scopes: (id: string) => [...userKeys.all, id, 'scopes'] as const,
  assignments: (id: string, year: number) => [...userKeys.all, id, 'assignments', year] as const,
  awaiting: () => [...userKeys.all, 'awaiting-confirmation'] as const,
};

export const userQueries = {
  list: (filters: UserFilters) =>
    queryOptions({
      queryKey: userKeys.list(filters),
      queryFn: ({ signal }) => api.get<UserList>('/users', { ...filters }, signal),
      placeholderData: keepPreviousData,
    }),
  scopes: (id: string) =>
    queryOptions({ queryKey: userKeys.scopes(id), queryFn: () => api.get<Scopes>(`/users/${id}/scopes`) }),
  assignments: (id: string, year: number) =>
    queryOptions({
      queryKey: userKeys.assignments(id, year),
      queryFn: () => api.get<Assignments>(`/users/${id}/assignments`, { year }),
    }),
  awaiting: () =>
    queryOptions({
      queryKey: userKeys.awaiting(),
      queryFn: ({ signal }) => api.get<AwaitingList>('/users/awaiting-confirmation', {}, signal),
    }),
};

export function useUsers(filters: UserFilters) {
  return useQuery(userQueries.list(filters));
}

/** Active assessor accounts (the server allows at most 200 a page, far more than NACC has). */
export function useAssessors(enabled = true) {
  return useQuery({
    ...userQueries.list({ role: 'assessor', pageSize: 200 }),
    placeholderData: undefined,
    enabled,
    select: (list) => list.items.filter((u) => u.active),
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<UserView>('/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) =>
      api.patch<UserView>(`/users/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useScopes(id: string) {
  return useQuery(userQueries.scopes(id));
}

export function useSaveScopes(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Scopes) => api.put<Scopes>(`/users/${id}/scopes`, body),
    onSuccess: (data) => qc.setQueryData(userKeys.scopes(id), data),
  });
}

export function useAssignments(id: string, year: number) {
  return useQuery(userQueries.assignments(id, year));
}

export function useSaveAssignments(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: YearAssignments) => api.put<unknown>(`/users/${id}/assignments`, body),
    onSuccess: (_d, body) => qc.invalidateQueries({ queryKey: userKeys.assignments(id, body.year) }),
  });
}

/** Executive accounts proposed by agency admins, awaiting confirmation by NACC or the agency's supervisor. */
export function useExecutivesAwaiting() {
  return useQuery(userQueries.awaiting());
}

export function useDecideExecutive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'confirm' | 'decline' }) =>
      api.post<UserView>(`/users/${id}/${decision}`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}
