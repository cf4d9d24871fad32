import { createTheme } from '@mantine/core';

const sarabun = 'Sarabun, "Noto Sans Thai", "Leelawadee UI", Tahoma, sans-serif';

export const theme = createTheme({
  fontFamily: sarabun,
  headings: { fontFamily: sarabun, fontWeight: '600' },
  primaryColor: 'blue',
  defaultRadius: 'md',
  // Keyboard users always see where focus is; mouse clicks do not leave rings behind.
  focusRing: 'auto',
});
