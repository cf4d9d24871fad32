// A small two-column table of labels and their values (scores per indicator or instrument, minimum samples):
// one header row, the label column first, the value column aligned as asked.
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SummaryRow {
  key: string;
  label: ReactNode;
  value: ReactNode;
}

export function SummaryTable({
  label,
  head,
  rows,
  valueAlign = 'left',
  minWidth,
}: {
  /** The table's accessible name. */
  label: string;
  /** The two column headers: what the labels are, what the values are. */
  head: readonly [ReactNode, ReactNode];
  rows: readonly SummaryRow[];
  valueAlign?: 'left' | 'right';
  /** Scrolls sideways below this width (px); without it the table takes the width it is given. */
  minWidth?: number;
}) {
  const table = (
    <Table withTableBorder aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{head[0]}</Table.Th>
          <Table.Th scope="col" ta={valueAlign}>
            {head[1]}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta={valueAlign}>{r.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return minWidth === undefined ? (
    table
  ) : (
    <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer>
  );
}
