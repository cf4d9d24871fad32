import { VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';

/** Tells screen-reader users which page they reached after client-side navigation (the page's title). */
export function RouteAnnouncer() {
  const { pathname } = useLocation();
  const [message, setMessage] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation, by design
  useEffect(() => {
    // Pages set document.title when they render; read it once they have.
    const timer = setTimeout(() => setMessage(document.title), 300);
    return () => clearTimeout(timer);
  }, [pathname]);
  return (
    <VisuallyHidden>
      <div aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </VisuallyHidden>
  );
}
