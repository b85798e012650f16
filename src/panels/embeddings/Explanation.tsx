import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        A <strong>one-hot</strong> vector gives each word its own axis, so any two distinct words have cosine similarity 0:
        “king” is as far from “queen” as from “cheese”. An <strong>embedding</strong> gives each word a short dense vector
        instead, learned so that words used in similar contexts get similar vectors (the distributional hypothesis: you know a
        word by the company it keeps).
      </p>
      <p>
        <strong>Skip-gram</strong> turns text into (center, context) pairs: every word with each word up to <em>window</em>{' '}
        positions away. Each word has a center vector <Tex>{String.raw`c_w`}</Tex> and a context vector{' '}
        <Tex>{String.raw`o_w`}</Tex>. <strong>Negative sampling</strong> asks the model to tell a real pair from{' '}
        <Tex>K</Tex> random ones, with noise words drawn with probability proportional to count<sup>0.75</sup>:
      </p>
      <Tex block>{String.raw`L = -\log\sigma(c_w\!\cdot o_u) - \sum_{k=1}^{K}\log\sigma(-c_w\!\cdot o_{n_k})`}</Tex>
      <p>
        The first term pulls a word toward its real contexts, the second pushes it away from noise words. Without the second
        term the loss can be driven to zero just by making scores large, and nothing keeps unrelated words apart.
      </p>
      <p>
        Similarity is the <strong>cosine</strong> <Tex>{String.raw`\cos(u,v)=\frac{u\cdot v}{\lVert u\rVert\,\lVert v\rVert}`}</Tex>
        . An <strong>analogy</strong> “a is to b as ? is to c” is answered by the word whose vector has the largest cosine with{' '}
        <Tex>{String.raw`a-b+c`}</Tex>, leaving a, b and c out. It works when a relation (royal versus common, past versus
        present) is roughly the same offset for every pair of words it links. The built-in corpus is generated so that this
        holds; real corpora hold it only roughly, and published analogy scores depend on leaving out the query words.
      </p>
      <p>
        The picture is <strong>PCA</strong>: the two directions of largest variance of the vectors. It is a linear shadow of{' '}
        <Tex>d</Tex> dimensions, so the tables, which use all of them, are the truth; the picture is a guide.
      </p>
    </>
  );
}
