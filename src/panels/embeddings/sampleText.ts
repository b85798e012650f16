/** A short text for the "your own text" experiment: two animals, what they chase, eat and do. */
export const SAMPLE_TEXT =
  'The cat chases the mouse. The dog chases the cat. The cat eats fish. The dog eats meat. The mouse eats cheese. ' +
  'The cat sleeps on the mat. The dog sleeps on the rug. The mouse hides in the wall. A small cat runs. A big dog runs. ' +
  'A small mouse runs. The cat drinks milk. The dog drinks water. The dog barks at the cat. The cat hisses at the dog. ' +
  'The mouse squeaks at the cat. The big dog eats fish. The small cat eats meat. The mouse hides from the cat.';
