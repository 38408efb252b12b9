// Module resolution hook: express-rate-limit resolves to a pass-through (see preload.mjs).
const stub = new URL('./no-rate-limit.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'express-rate-limit') {
    return { url: stub, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
