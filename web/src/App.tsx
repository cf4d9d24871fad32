import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { authKeys } from './api/auth.ts';
import { ApiError } from './lib/api.ts';
import { router } from './router.tsx';
import { theme } from './theme.ts';

// A session that ended (expired, signed out elsewhere, password changed) sends the user to the login page:
// forgetting "me" makes RequireAuth redirect, keeping the current address as ?next=.
function onError(error: unknown) {
  if (error instanceof ApiError && error.status === 401 && queryClient.getQueryData(authKeys.me)) {
    queryClient.setQueryData(authKeys.me, null);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (4xx) will not change on retry; network and server errors get one more try.
      retry: (count, error) =>
        count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
