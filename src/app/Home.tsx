import { useEffect, useState } from 'react';
import { checkCounts, clearProgress, loadProgress } from './progress';
import { Link } from 'wouter';
import { REGISTRY } from '../panels/registry';

export function Home() {
  useEffect(() => {
    document.title = 'ML Intuition: twenty interview questions you can touch';
  }, []);
  // Kept in this browser only (progress.ts); read once per visit to the home page.
  const [progress, setProgress] = useState(loadProgress);
  const opened = Object.keys(progress.opened).length;
  const answered = Object.keys(progress.checks).length;
  const right = Object.values(progress.checks).filter(Boolean).length;
  return (
    <main id="main" className="home">
      <section className="hero">
        <h1>ML Intuition</h1>
        <p className="lede">
          Twenty classic machine-learning interview questions, each turned into a small laboratory. Drag a slider and the real
          computation reruns; step through an algorithm one move at a time; then copy the link and send your study group exactly
          what you are looking at.
        </p>
      </section>
      {(opened > 0 || answered > 0) && (
        <p className="home-progress" data-testid="progress">
          <span>
            Your progress (kept in this browser only): {opened} of {REGISTRY.length} panels opened, {right} of {answered} checks answered right.
          </span>
          <button
            type="button"
            onClick={() => {
              clearProgress();
              setProgress(loadProgress());
            }}
            data-testid="progress-clear"
          >
            Clear my progress
          </button>
        </p>
      )}
      <ol className="questions" aria-label="The twenty questions">
        {REGISTRY.map((q) => {
          const body = (
            <>
              <span className="q-num" aria-hidden="true">{q.number}</span>
              <span className="q-text">
                <span className="q-title">{q.title}</span>
                <span className="q-summary">{q.summary}</span>
                {!q.load && <span className="q-soon">Panel coming soon</span>}
                {q.load && progress.opened[q.slug] && (
                  <span className="q-progress" data-testid={`progress-${q.slug}`}>
                    {(() => {
                      const c = checkCounts(progress, q.slug);
                      return c.answered > 0 ? `Opened · ${c.right} of ${c.answered} checks right` : 'Opened';
                    })()}
                  </span>
                )}
              </span>
            </>
          );
          return (
            <li key={q.slug} data-testid={`question-${q.number}`} className={q.load ? 'q q-ready' : 'q q-soon-card'}>
              {q.load ? (
                <Link href={`/${q.slug}/`} className="q-link" aria-label={`Question ${q.number}: ${q.title}`}>
                  {body}
                </Link>
              ) : (
                <div className="q-link" aria-label={`Question ${q.number}: ${q.title} (coming soon)`}>{body}</div>
              )}
            </li>
          );
        })}
      </ol>
    </main>
  );
}
