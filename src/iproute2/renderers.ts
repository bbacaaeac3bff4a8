/**
 * The renderers the parsers hand `show` requests to, in one place so the parsers do not
 * depend on how the rendering is split into files.
 */
export { renderLinks } from './link/render.js';
export { renderAddrs } from './addr/render.js';
export { renderRoutes } from './route/render.js';
export { routeGet } from './route/get.js';
export { renderNetnsList } from './netns/render.js';
export { renderRules, type RuleFilter } from './rule/render.js';
export { renderNeigh } from './neigh/render.js';
