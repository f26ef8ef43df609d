/**
 * Each area's code is a chunk of its own, loaded the first time the area is shown: the unlock
 * screen does not wait for the map's graph library, the charts or the markdown renderer.
 *
 * A chunk that cannot be loaded (a damaged or half-updated install) throws an AreaLoadError,
 * which the area's boundary (AreaBoundary.tsx) names as such. React.lazy remembers a failed
 * load for good, so a failed area is given a fresh loader when its boundary resets ("Load
 * this screen again", or opening the area anew): see retryFailedAreas.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** The code of a screen could not be loaded from the app's files. */
export class AreaLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'AreaLoadError';
  }
}

/** Loaders to start afresh at the next reset of an area's boundary. */
const failed = new Set<() => void>();

/**
 * Called when an area's boundary resets. Not on the failure itself: React renders a failed
 * tree once more before showing the boundary, and a fresh loader there would start the
 * failing load over and over.
 */
export function retryFailedAreas(): void {
  for (const renew of failed) renew();
  failed.clear();
}

/** A component whose code is loaded when it first renders; it suspends until then. */
export function lazyArea<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  let current: LazyExoticComponent<ComponentType<P>>;
  const renew = () => {
    current = lazy(async () => {
      try {
        return { default: await load() };
      } catch (error) {
        failed.add(renew);
        throw new AreaLoadError(error);
      }
    });
  };
  renew();
  function LazyArea(props: P) {
    const Loaded = current;
    return <Loaded {...props} />;
  }
  return LazyArea;
}
