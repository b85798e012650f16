/**
 * The points slider's values from n = 2 stepping up to the top, as Chromium steps the range input
 * and LogIntSlider sets them (read from the page with the keyboard; tests of logSlider.ts and of
 * the elbow's guess of the next n).
 */
export const N_UP = [
  2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 32, 40, 50, 63, 80, 100, 126, 159, 200, 252, 317, 399, 502, 632, 796, 1002, 1262, 1589, 2000, 2518, 3170, 3991, 5024, 6325, 7962, 10024,
  12619, 15887, 20000, 25179, 31698, 39905, 50238, 63246, 79621,
];
