/**
 * The questions asked of the vectors: the nearest neighbours of a word by cosine similarity,
 * beside the one-hot cosine of the same pair (always 0 for two distinct words), and the
 * analogy a − b + c with its best candidates.
 */
import type { Analysis } from './analysis';
import { fmtCos } from './look';
import { WordSelect } from './WordSelect';
import { store } from './store';

export interface QueryTablesProps {
  vocab: readonly string[];
  an: Analysis;
  q: { word: string; a: string; b: string; c: string };
}

export function QueryTables({ vocab, an, q }: QueryTablesProps) {
  const set = store.getState().set;
  const words = [...vocab].sort();
  const [ia, ib, ic] = an.analogy.idx;
  const exp = an.analogy.expected;
  return (
    <div className="emb-tables">
      <section aria-labelledby="emb-nn-title">
        <h3 id="emb-nn-title" className="emb-table-title">Nearest neighbours</h3>
        <WordSelect label="of" value={q.word} words={words} onChange={(w) => set('word', w)} testId="pick-word" />
        <table className="emb-table" data-testid="neighbours">
          <thead>
            <tr>
              <th scope="col">word</th>
              <th scope="col">cosine (learned)</th>
              <th scope="col">cosine (one-hot)</th>
            </tr>
          </thead>
          <tbody>
            {an.neighbours.map((s) => (
              <tr key={s.index}>
                <td>{vocab[s.index]}</td>
                <td className="num">{fmtCos(s.cos)}</td>
                <td className="num">0</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="emb-an-title">
        <h3 id="emb-an-title" className="emb-table-title">Analogy a − b + c</h3>
        <div className="emb-analogy-picks">
          <WordSelect label="a" value={q.a} words={words} onChange={(w) => set('a', w)} testId="pick-a" />
          <span aria-hidden="true">−</span>
          <WordSelect label="b" value={q.b} words={words} onChange={(w) => set('b', w)} testId="pick-b" />
          <span aria-hidden="true">+</span>
          <WordSelect label="c" value={q.c} words={words} onChange={(w) => set('c', w)} testId="pick-c" />
        </div>
        {ia >= 0 && ib >= 0 && ic >= 0 ? (
          <table className="emb-table" data-testid="analogy">
            <thead>
              <tr>
                <th scope="col">rank</th>
                <th scope="col">candidate</th>
                <th scope="col">cosine with a − b + c</th>
              </tr>
            </thead>
            <tbody>
              {an.analogy.candidates.map((s, r) => (
                <tr key={s.index} className={exp && s.index === exp.index ? 'emb-hit' : undefined}>
                  <td className="num">{r + 1}</td>
                  <td>{vocab[s.index]}</td>
                  <td className="num">{fmtCos(s.cos)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="ctl-help">Pick three words of the corpus.</p>
        )}
        <p className="ctl-help">a, b and c themselves are left out of the candidates.</p>
      </section>
    </div>
  );
}
