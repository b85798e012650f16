/**
 * The learner's progress (issue 15): which panels they opened and how their checks went. Kept in
 * this browser only (localStorage), never sent anywhere; read defensively, since storage can be
 * full, disabled, or hold anything.
 */
export const PROGRESS_KEY = 'ml-intuition-progress-v1';

export interface Progress {
  opened: Record<string, true>;
  /** `${slug}/${checkId}` → whether the learner's committed answer was right. */
  checks: Record<string, boolean>;
}

const empty = (): Progress => ({ opened: {}, checks: {} });

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const SLUG = /^[a-z0-9-]{1,40}$/;
const CHECK = /^[a-z0-9-]{1,40}\/[a-z0-9-]{1,40}$/;

export function parseProgress(text: string | null): Progress {
  const p = empty();
  if (!text) return p;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return p;
  }
  if (!raw || typeof raw !== 'object') return p;
  const { opened, checks } = raw as { opened?: unknown; checks?: unknown };
  if (opened && typeof opened === 'object') for (const k of Object.keys(opened)) if (SLUG.test(k)) p.opened[k] = true;
  if (checks && typeof checks === 'object')
    for (const [k, v] of Object.entries(checks)) if (CHECK.test(k) && typeof v === 'boolean') p.checks[k] = v;
  return p;
}

export function loadProgress(): Progress {
  try {
    return parseProgress(storage()?.getItem(PROGRESS_KEY) ?? null);
  } catch {
    return empty();
  }
}

function save(p: Progress): void {
  try {
    storage()?.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    /* full or disabled: progress is a convenience, the panel works without it */
  }
}

export function markOpened(slug: string): void {
  const p = loadProgress();
  if (p.opened[slug]) return;
  p.opened[slug] = true;
  save(p);
}

export function recordCheck(slug: string, id: string, right: boolean): void {
  const p = loadProgress();
  p.checks[`${slug}/${id}`] = right;
  save(p);
}

export function clearProgress(): void {
  try {
    storage()?.removeItem(PROGRESS_KEY);
  } catch {
    /* nothing to clear */
  }
}

/** Per panel: checks answered and answered right. */
export function checkCounts(p: Progress, slug: string): { answered: number; right: number } {
  let answered = 0, right = 0;
  for (const [k, v] of Object.entries(p.checks)) {
    if (!k.startsWith(`${slug}/`)) continue;
    answered++;
    if (v) right++;
  }
  return { answered, right };
}
