/**
 * Cleans the address before a panel chunk (and with it tfjs) is loaded. tfjs-core reads
 * location.search at start-up with an unguarded decodeURIComponent, so one malformed escape such
 * as "%E0%A4%A" would make the whole panel fail to load; it would also honour a `tfjsflags` key
 * (debug mode, backend flags) from a stranger's link. Both are dropped here, and what was dropped
 * is reported through the panel's link notice.
 */
let dropped: string[] = [];

function decodes(part: string): boolean {
  try {
    decodeURIComponent(part.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

export function sanitizeAddress(): void {
  const search = window.location.search;
  if (!search) return;
  const parts = search.slice(1).split('&');
  const keep: string[] = [];
  const problems: string[] = [];
  for (const part of parts) {
    if (!decodes(part)) {
      problems.push('Part of the link was not valid percent-encoding and was skipped.');
      continue;
    }
    const key = decodeURIComponent(part.split('=')[0].replace(/\+/g, ' '));
    if (key.toLowerCase() === 'tfjsflags') {
      problems.push('Ignored the setting “tfjsflags”: links cannot change how tfjs runs.');
      continue;
    }
    keep.push(part);
  }
  if (keep.length === parts.length) return;
  dropped = problems;
  const q = keep.length ? `?${keep.join('&')}` : '';
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${q}${window.location.hash}`);
}

/** What the last sanitizeAddress() removed, once (the link notice shows it). */
export function takeDropped(): string[] {
  const d = dropped;
  dropped = [];
  return d;
}
