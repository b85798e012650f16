/**
 * "In an interview" (issue 15), rendered by the frame for every panel that declares it: the model
 * answer with its "show me" links, the checks, and the follow-up questions. Show-me links and
 * checks move the panel to their state the way a "Try this" link does.
 */
import { Link } from 'wouter';
import type { Interview } from '../lib/panel/types';
import type { Params, Schema } from '../lib/params/schema';
import { CheckItem } from './CheckItem';
import { BUILT } from '../panels/registry';

interface Props {
  slug: string;
  interview: Interview;
  /** The link query (params and kept extras) of a partial state. */
  hrefOf: (params: Partial<Params<Schema>>) => string;
}

export function InterviewSection({ slug, interview, hrefOf }: Props) {
  return (
    <section className="interview" aria-labelledby={`interview-${slug}`}>
      <h2 id={`interview-${slug}`}>In an interview</h2>
      <div className="answer" data-testid="answer">
        <h3>The answer</h3>
        {interview.answer.map((para, i) => (
          <p key={i}>
            {para.map((part, j) =>
              typeof part === 'string' ? (
                <span key={j}>{part}</span>
              ) : (
                <Link key={j} href={hrefOf(part.params)} className="show-me" data-testid="show-me" title="Show me in the panel">
                  {part.text}
                </Link>
              ),
            )}
          </p>
        ))}
      </div>
      <h3>Check yourself</h3>
      <p className="interview-hint">Pick what you expect, then commit: the panel moves to the state that decides it.</p>
      <ol className="checks">
        {interview.checks.map((c) => (
          <li key={c.id}>
            <CheckItem slug={slug} check={c} href={hrefOf(c.state)} />
          </li>
        ))}
      </ol>
      {interview.followUps.length > 0 && (
        <>
          <h3>What they ask next</h3>
          <ul className="follow-ups">
            {interview.followUps.map((f, i) => {
              const target = f.slug ? BUILT.find((b) => b.slug === f.slug) : undefined;
              return (
                <li key={i}>
                  <details>
                    <summary>{f.question}</summary>
                    <p>
                      {f.answer}
                      {target && (
                        <>
                          {' '}
                          <Link href={`/${target.slug}/`}>See {target.title.toLowerCase()} →</Link>
                        </>
                      )}
                    </p>
                  </details>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
