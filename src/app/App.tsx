import { Link, Router, useLocation } from 'wouter';
import { findEntry } from '../panels/registry';
import { Home } from './Home';
import { NotFound } from './NotFound';
import { PanelPage } from './PanelPage';
import { ThemeToggle } from './ThemeToggle';
import { UpdatePrompt } from './UpdatePrompt';

// Vite's base ("/" or a sub-path like "/ml-intuition/") without its trailing slash, for wouter.
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

function Routes() {
  const [path] = useLocation();
  const slug = path.replace(/^\/+|\/+$/g, '');
  if (slug === '' || slug === 'index.html') return <Home />;
  const entry = findEntry(slug.replace(/\/index\.html$/, ''));
  return entry ? <PanelPage entry={entry} /> : <NotFound what={slug} />;
}

export function App() {
  return (
    <Router base={BASE}>
      <a href="#main" className="skip">Skip to content</a>
      <header className="site-head">
        <Link href="/" className="brand">ML Intuition</Link>
        <ThemeToggle />
      </header>
      <Routes />
      <UpdatePrompt />
      <footer className="site-foot">
        <p>Everything runs in your browser. Links carry the full state of a panel.</p>
      </footer>
    </Router>
  );
}
