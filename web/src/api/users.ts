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
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: ['users', 'list', filters],
    queryFn: ({ signal }) => api.get<UserList>('/users', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<UserView>('/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) =>
      api.patch<UserView>(`/users/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useScopes(id: string) {
  return useQuery({
    queryKey: ['users', id, 'scopes'],
    queryFn: () => api.get<Scopes>(`/users/${id}/scopes`),
  });
}

export function useSaveScopes(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Scopes) => api.put<Scopes>(`/users/${id}/scopes`, body),
    onSuccess: (data) => qc.setQueryData(['users', id, 'scopes'], data),
  });
}

export function useAssignments(id: string, year: number) {
  return useQuery({
    queryKey: ['users', id, 'assignments', year],
    queryFn: () => api.get<Assignments>(`/users/${id}/assignments`, { year }),
  });
}

export function useSaveAssignments(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: YearAssignments) => api.put<unknown>(`/users/${id}/assignments`, body),
    onSuccess: (_d, body) => qc.invalidateQueries({ queryKey: ['users', id, 'assignments', body.year] }),
  });
}

/** Executive accounts proposed by agency admins, awaiting confirmation by NACC or the agency's supervisor. */
export function useExecutivesAwaiting() {
  return useQuery({
    queryKey: ['users', 'awaiting-confirmation'],
    queryFn: ({ signal }) => api.get<AwaitingList>('/users/awaiting-confirmation', {}, signal),
  });
}

export function useDecideExecutive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'confirm' | 'decline' }) =>
      api.post<UserView>(`/users/${id}/${decision}`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}
