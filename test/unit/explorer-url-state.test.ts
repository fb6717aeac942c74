import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_VIEW, readView, writeView } from '../../explorer/src/url-state.js';

/** The explorer's view in the address: what a shared link restores. */
describe('the explorer view in the address', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads how the drawing is coloured: by community when it says so, else by organization', () => {
    expect(readView('?author=QXV0aG9yOjE=&colour=community')).toMatchObject({ centre: 'QXV0aG9yOjE=', colourBy: 'community' });
    expect(readView('?author=QXV0aG9yOjE=').colourBy).toBe('organization');
    expect(readView('?colour=rainbow').colourBy).toBe('organization');
  });

  it('writes the colouring only when it is not the default, and reads back what it wrote', () => {
    const replaceState = vi.fn();
    vi.stubGlobal('history', { replaceState });
    vi.stubGlobal('location', { pathname: '/' });
    writeView({ ...DEFAULT_VIEW, centre: 'QXV0aG9yOjE=', colourBy: 'community', depth: 2 });
    const written = replaceState.mock.calls[0]![2] as string;
    expect(written).toBe('?author=QXV0aG9yOjE%3D&depth=2&colour=community');
    expect(readView(written)).toEqual({ ...DEFAULT_VIEW, centre: 'QXV0aG9yOjE=', colourBy: 'community', depth: 2 });
    writeView({ ...DEFAULT_VIEW, centre: 'QXV0aG9yOjE=' });
    expect(replaceState.mock.calls[1]![2]).toBe('?author=QXV0aG9yOjE%3D');
  });
});
