import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyTheme, readChoice } from './app/theme';
import { startRoute } from './app/routeStart';
import './app/theme.css';
import './app/app.css';
import './lib/controls/controls.css';

// Before the first paint, so a dark-theme learner never sees a white flash.
applyTheme(readChoice());

// The opened panel's chunk and workers load while React renders the shell.
startRoute();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
