import { describe, expect, it } from 'vitest';
import { slugOf } from './routeStart';

describe('slugOf (the panel an address opens, read as the router reads it)', () => {
  it('reads the slug at the site root, with or without the trailing slash or index.html', () => {
    expect(slugOf('/k-means/', '/')).toBe('k-means');
    expect(slugOf('/k-means', '/')).toBe('k-means');
    expect(slugOf('/k-means/index.html', '/')).toBe('k-means');
    expect(slugOf('/', '/')).toBe('');
    expect(slugOf('/index.html', '/')).toBe('');
  });
  it('strips a sub-path base, and only a whole base segment', () => {
    expect(slugOf('/ml-intuition/attention/', '/ml-intuition/')).toBe('attention');
    expect(slugOf('/ml-intuition/', '/ml-intuition/')).toBe('');
    expect(slugOf('/ml-intuitionx/attention/', '/ml-intuition/')).toBe('ml-intuitionx/attention');
  });
});
