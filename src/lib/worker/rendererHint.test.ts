/**
 * The WebGL renderer the page has seen goes to its workers (issue 8: a worker may then skip its
 * own ~60 ms probe, lib/tf/choose.ts workerRenderer): in the init message when known, else in one
 * `renderer` message as soon as the page or a worker learns it; a worker's probe wins over the
 * page's. Each test loads fresh modules: the registry and the worker scope are per page/worker.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Client = typeof import('./client');
type Registry = typeof import('./registry');
type Scope = typeof import('./scope');
type Fake = typeof import('./fakeWorker');
let client: Client, registry: Registry, scope: Scope, fake: Fake;

beforeEach(async () => {
  vi.resetModules();
  [client, registry, scope, fake] = await Promise.all([import('./client'), import('./registry'), import('./scope'), import('./fakeWorker')]);
});

describe('renderer hints', () => {
  it('are not sent while the page knows nothing, then sent once when it learns', () => {
    const w = fake.scriptedWorker();
    const factory = () => w;
    client.acquire(factory);
    expect(w.inbox).toEqual([{ t: 'init', backend: null }]);
    expect('renderer' in w.inbox[0]).toBe(false); // absent, not null (null means "no WebGL")
    registry.learnRenderer(null, 'page');
    registry.learnRenderer('SwiftShader', 'worker');
    expect(w.inbox.slice(1)).toEqual([{ t: 'renderer', renderer: null }]);
    client.release(factory);
  });

  it('go in the init message of a worker started after the page has seen the renderer', () => {
    registry.learnRenderer('llvmpipe', 'page');
    const w = fake.scriptedWorker();
    client.acquire(() => w);
    expect(w.inbox).toEqual([{ t: 'init', backend: null, renderer: 'llvmpipe' }]);
  });

  it("prefer a worker's own probe, reported with its backend, to the page's", () => {
    registry.learnRenderer('SwiftShader', 'page');
    const w = fake.scriptedWorker();
    client.acquire(() => w);
    w.reply({ t: 'backend', name: 'wasm', reason: 'no WebGL', generation: 0, renderer: null });
    expect(registry.knownRenderer()).toBe(null);
    registry.learnRenderer('SwiftShader', 'page');
    expect(registry.knownRenderer()).toBe(null);
    const later = fake.scriptedWorker();
    client.acquire(() => later);
    expect(later.inbox).toEqual([{ t: 'init', backend: null, renderer: null }]);
    // A backend message without a probe (a fallback after a lost context) teaches nothing.
    w.reply({ t: 'backend', name: 'cpu', reason: 'WebGL context was lost', generation: 1 });
    expect(registry.knownRenderer()).toBe(null);
  });

  it('reach the worker scope, from init or a later message; the first one counts', async () => {
    const w = fake.hostedWorker(() => {});
    const factory = () => w;
    client.acquire(factory);
    await vi.waitFor(() => expect(w.inbox.length).toBe(1));
    expect(scope.rendererHint()).toBeUndefined();
    registry.learnRenderer('SwiftShader', 'page');
    await vi.waitFor(() => expect(scope.rendererHint()).toBe('SwiftShader'));
    scope.receiveRenderer(null);
    expect(scope.rendererHint()).toBe('SwiftShader');
    client.release(factory);
    await vi.waitFor(() => expect(w.terminated).toBe(true));
  });

  it('reach a worker in its init message', async () => {
    registry.learnRenderer(null, 'page');
    const w = fake.hostedWorker(() => {});
    const factory = () => w;
    client.acquire(factory);
    await vi.waitFor(() => expect(w.inbox.length).toBe(1));
    expect(scope.rendererHint()).toBe(null);
    client.release(factory);
    await vi.waitFor(() => expect(w.terminated).toBe(true));
  });
});
