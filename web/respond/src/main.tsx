// The respondent pages' entry: plain React and a small stylesheet, no UI kit, so a cheap phone on a slow
// network loads everything in one small download (budget: bench/respondent-size.ts).
import './respond.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
