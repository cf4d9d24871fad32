// The to-do list on every role's home page (GET /api/monitoring/todo): what waits for the signed-in person,
// late first, each item a link to the page where the work is done.
import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { type TodoItem, useTodo } from '../../api/monitoring.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { todoWords } from './todo-words.ts';

export function TodoList({ year }: { year: number | null }) {
  const { t } = useLang();
  const todo = useTodo(year);
  return (
    <Card withBorder component="section" aria-labelledby="todo-title" data-testid="todo-list">
      <Title order={2} size="h4" id="todo-title" mb="xs">
        {t('monitoring.todo.title')}
      </Title>
      <QueryState
        query={todo}
        isEmpty={(d) => d.items.length === 0}
        empty={<Text c="dimmed">{t('monitoring.todo.empty')}</Text>}
      >
        {(data) => (
          <Stack gap="xs">
            <List spacing="xs" listStyleType="none" p={0}>
              {data.items.map((item) => (
                <List.Item key={`${item.kind}-${item.agency?.id ?? ''}-${item.task ?? item.stage ?? ''}`}>
                  <TodoLine item={item} />
                </List.Item>
              ))}
            </List>
            {data.more && (
              <Text size="sm" c="dimmed">
                {t('monitoring.todo.more')}
              </Text>
            )}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}

function TodoLine({ item }: { item: TodoItem }) {
  const { lang, t } = useLang();
  const text = todoWords(t, lang, item);
  return (
    <Group gap="xs" wrap="wrap">
      <Anchor component={RouterLink} to={item.link} size="sm">
        {text}
      </Anchor>
      {item.overdue && item.deadline && (
        <Badge color="red" size="sm">
          {t('monitoring.todo.overdue', { date: formatDate(item.deadline, lang) })}
        </Badge>
      )}
      {!item.overdue && item.deadline && item.daysLeft !== null && (
        <Badge color={item.daysLeft <= 7 ? 'orange' : 'blue'} variant="light" size="sm">
          {t('monitoring.todo.due', { date: formatDate(item.deadline, lang), n: item.daysLeft })}
        </Badge>
      )}
    </Group>
  );
}
