// Every Mantine component's styles, loaded with the first page of the app (router.tsx `page`), not by the
// sign-in pages (main.tsx loads only what they use). Layered (@layer mantine): the order in which the two
// parts arrive does not matter, and the app's own unlayered CSS (global.css) always wins over both.
import '@mantine/core/styles.layer.css';
import '@mantine/notifications/styles.layer.css';
