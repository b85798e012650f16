/**
 * The input image both modes look at: the learner's drawing when the link has one, else the
 * example digit (clean or jittered). Also drawing on it: a stroke is rasterised with the same
 * anti-aliased pen as the training digits and written to the link (the `img` param) as it goes.
 */
import { useCallback, useMemo, useRef } from 'react';
import { decodeImage, encodeImage } from './modelImage';
import { exampleDigit, PIXELS, rasterStrokes } from './modelDigits';
import type { CnnParams } from './params';
import { store } from './store';
import type { StrokePhase } from './PixelCanvas';

/** Pen width in pixels of the 16×16 image (the training digits use 0.8–2.3). */
export const PEN = 1.7;

export interface InputImage {
  pixels: Float32Array;
  /** Whether the pixels are the learner's drawing (else the example). */
  drawn: boolean;
  /** A repair made while reading the drawing from the link, or null. */
  problem: string | null;
  /** Words for the image, e.g. "digit 3 (clean)" or "your drawing". */
  name: string;
}

export function inputImage(p: Pick<CnnParams, 'digit' | 'variant' | 'img' | 'seed'>): InputImage {
  if (p.img !== '') {
    const d = decodeImage(p.img);
    return { pixels: d.pixels, drawn: true, problem: d.problem, name: 'your drawing' };
  }
  const v = p.variant;
  return { pixels: exampleDigit(Number(p.digit), v, p.seed), drawn: false, problem: null, name: `digit ${p.digit} (${v === 0 ? 'clean' : `handwriting #${v}`})` };
}

export function useInputImage(p: Pick<CnnParams, 'digit' | 'variant' | 'img' | 'seed'>): InputImage {
  const { digit, variant, img, seed } = p;
  return useMemo(() => inputImage({ digit, variant, img, seed }), [digit, variant, img, seed]);
}

/** A stroke handler for PixelCanvas that draws into the image and writes it to the link. Stable
 *  across renders (the image is read through a ref), so plots memoised on it stay memoised. */
export function useDrawing(image: InputImage): (x: number, y: number, phase: StrokePhase) => void {
  const current = useRef(image);
  current.current = image;
  const state = useRef<{ px: Float32Array; last: [number, number] | null }>({ px: new Float32Array(PIXELS), last: null });
  return useCallback((x: number, y: number, phase: StrokePhase) => {
    const s = state.current;
    if (phase === 'start') {
      s.px = Float32Array.from(current.current.pixels);
      s.last = null;
    }
    const from = s.last ?? [x, y];
    rasterStrokes([[from, [x, y]]], PEN, s.px);
    s.last = phase === 'end' ? null : [x, y];
    store.getState().set('img', encodeImage(s.px));
  }, []);
}

/** Clears the drawing area (a blank drawing, not the example). */
export const clearDrawing = () => store.getState().set('img', encodeImage(new Float32Array(PIXELS)));
