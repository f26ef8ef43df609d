/**
 * Loaded with `--import` into the processes tests start (vault-child.ts), to cut their start-up
 * from seconds to a fraction: the core imports date-fns's index, whose ~250 modules Node
 * resolves one by one, reading date-fns's 200 KB package.json again for each. Their relative
 * imports (`./addDays.js`) are plain ES modules next to each other, so they are resolved here
 * directly. Every other import goes through Node as usual.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL;
    if (
      parent?.includes('/node_modules/date-fns/') &&
      specifier.startsWith('./') &&
      specifier.endsWith('.js')
    ) {
      return { url: new URL(specifier, parent).href, format: 'module', shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});
