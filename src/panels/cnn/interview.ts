/**
 * Convolutional networks in an interview (issue 15): the model answer with "show me" states,
 * checks the learner predicts before looking, and what comes next. interview.test.ts computes the
 * kernel view (the page's float64 convolution) at each state and checks every stated answer.
 */
import type { Interview } from '../../lib/panel/types';
import { PRESETS } from './model';
import type { schema } from './params';

const BLUR = Array.from({ length: 9 }, () => 0.1111);

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'A convolution slides one small filter over the image and, at each position, takes a weighted sum of the pixels under it: ',
      { text: 'one multiply-add per output', params: { mode: 'kernel' } },
      '. The same weights are used at every position. That weight sharing gives a layer few parameters, and it finds a pattern wherever the pattern appears.',
    ],
    [
      'Stride, padding and dilation set the size of the output: ',
      { text: 'stride 2 halves the map', params: { stride: 2, pad: 1 } },
      ', padding keeps the border, and ',
      { text: 'dilation widens what one output sees', params: { dil: 2, pad: 2, k: BLUR } },
      ' without more weights. Pooling summarises each window, by its ',
      { text: 'maximum or its average', params: { pool: 'avg' } },
      ', which shrinks the map and tolerates small shifts.',
    ],
    [
      'Stacking layers grows the receptive field: early filters find edges and strokes, later ones combine them into parts, and a dense layer turns the last maps into class scores. ',
      { text: 'A small network trained here', params: { mode: 'network', train: true, steps: 200 } },
      ' learns such filters from examples in seconds.',
    ],
  ],
  checks: [
    {
      id: 'stride-size',
      question: 'A 16×16 input, a 3×3 kernel, stride 2 and padding 1. How many outputs does each side of the map have?',
      options: ['8', '7', '14'],
      answer: 0,
      state: { stride: 2, pad: 1 },
      why: 'Padding makes the input 18 wide; the 3-wide window fits at every second position from 0 to 15, which is 8 positions.',
    },
    {
      id: 'dilation-view',
      question: 'Keep the 3×3 kernel but set dilation 2. How many input pixels across does one output see?',
      options: ['5', '3', '9'],
      answer: 0,
      state: { dil: 2, pad: 2, k: BLUR },
      why: 'The three taps are spread out with one pixel between them, so they span (3 − 1)·2 + 1 pixels with the same nine weights.',
    },
    {
      id: 'sobel-blank',
      question: 'A vertical-edge filter (Sobel x) over blank paper: what does it output there?',
      options: ['Exactly 0', 'A small positive number', 'Its largest value'],
      answer: 0,
      state: { digit: '1', k: [...PRESETS.sobelX], pos: 0 },
      why: 'Its weights sum to zero, so any flat patch, blank or evenly inked, gives zero; only a change from left to right makes it respond.',
    },
  ],
  followUps: [
    {
      question: 'Why use convolutions rather than a dense layer on images?',
      answer: 'Far fewer weights, since one filter is reused everywhere, and a built-in assumption that nearby pixels belong together and a pattern means the same anywhere in the image.',
    },
    {
      question: 'What does a 1×1 convolution do?',
      answer: 'It mixes channels at each pixel without looking at neighbours: a cheap way to change the number of feature maps.',
    },
  ],
};
