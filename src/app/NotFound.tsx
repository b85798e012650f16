import { Link } from 'wouter';

export function NotFound({ what }: { what: string }) {
  return (
    <main id="main" className="narrow">
      <h1>Nothing here</h1>
      <p>
        There is no page called “<span className="mono">{what.slice(0, 80)}</span>”. <Link href="/">See all twenty questions</Link>.
      </p>
    </main>
  );
}
