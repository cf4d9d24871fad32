// A titled card of the public pages (a section with its heading, as the report's sections).
import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PublicSection({
  id,
  title,
  children,
  actions,
}: {
  id: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Paper withBorder p={{ base: 'xs', sm: 'md' }} component="section" aria-labelledby={id} radius="md">
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {actions}
      {children}
    </Paper>
  );
}
