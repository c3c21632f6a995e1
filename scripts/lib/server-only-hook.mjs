// Preloaded into the app server by scripts/start.ts (`node --import`): the collaboration server runs lib/data in
// this process, outside Next's bundles, where `server-only` is the marker package that throws unless the
// `react-server` condition is on — which this process cannot switch on for all packages, since Next renders
// with React's client builds. Resolving only that marker to its empty module keeps every other package as is.
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,', format: 'module', shortCircuit: true };
  return nextResolve(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
