// The page's whole state, read from and written to the URL's query string.

/** Facet fields in the sidebar: URL/SpecFilter key, API FacetField, label. */
export const FACETS = [
  {key: 'package', field: 'PACKAGE', label: 'Package'},
  {key: 'version', field: 'VERSION', label: 'Version'},
  {key: 'compiler', field: 'COMPILER', label: 'Compiler'},
  {key: 'os', field: 'OS', label: 'Operating system'},
  {key: 'platform', field: 'PLATFORM', label: 'Platform'},
  {key: 'target', field: 'TARGET', label: 'Target'},
  {key: 'variant', field: 'VARIANT', label: 'Variant'},
  {key: 'dependency', field: 'DEPENDENCY', label: 'Depends on'},
  {key: 'virtual', field: 'VIRTUAL', label: 'Provider (virtual=provider)'},
];

const SINGLE = ['view', 'q', 'spec', 'tag', 'stack', 'cpu', 'sort', 'after', 'page', 'pkg', 'ptag',
  'pafter', 'ppage', 'hash', 'hide', 'diff'];

/** Page numbers: of the results (`page`) and of a package's specs (`ppage`); 1 is left out. */
const NUMBERS = ['page', 'ppage'];

/** The state a query string describes; absent keys are empty. */
export function read(search) {
  const params = new URLSearchParams(search);
  const state = {filters: {}};
  for (const key of SINGLE) state[key] = params.get(key) || '';
  if (!['specs', 'packages', 'package'].includes(state.view)) state.view = 'specs';
  for (const key of NUMBERS) state[key] = Math.max(1, parseInt(state[key], 10) || 1);
  for (const {key} of FACETS) {
    const values = params.getAll(key).filter((v) => v !== '');
    if (values.length) state.filters[key] = values;
  }
  return state;
}

/** The query string for `state`, leaving out what is empty or default. */
export function write(state) {
  const params = new URLSearchParams();
  for (const key of SINGLE) {
    const value = state[key];
    if (key === 'view' && value === 'specs') continue;
    if (NUMBERS.includes(key) && value === 1) continue;
    if (value !== '' && value !== null && value !== undefined) params.set(key, value);
  }
  for (const {key} of FACETS) {
    for (const value of state.filters[key] || []) params.append(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : './';
}

/** The API's SpecFilter for the chosen tag, stack and ticked facet values (null when none). */
export function specFilter(state) {
  const filter = {};
  for (const [key, values] of Object.entries(state.filters)) {
    if (values.length) filter[key] = values;
  }
  if (state.tag) filter.tag = [state.tag];
  if (state.stack) filter.stack = [state.stack];
  return Object.keys(filter).length ? filter : null;
}

/** The selection arguments shared by search, facets, packages and explain. */
export function selection(state) {
  return {
    query: state.q || null,
    spec: state.spec || null,
    filter: specFilter(state),
    cpu: state.cpu || null,
  };
}

/** The change that opens package `pkg` in tag `ptag` at its first specs (`hash`'s panel open). */
export function openPackage(pkg, ptag, hash = '') {
  return {view: 'package', pkg, ptag, hash, pafter: '', ppage: 1};
}

/** The keys of the table columns hidden (`hide=size,stacks`), shared by every result table. */
export function hiddenColumns(state) {
  return new Set(state.hide ? state.hide.split(',') : []);
}

/** `state` with `value` ticked or unticked in facet `key`, back on the first page. */
export function toggle(state, key, value, on) {
  const current = state.filters[key] || [];
  const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
  const filters = {...state.filters, [key]: next};
  if (!next.length) delete filters[key];
  return {...state, filters, after: '', page: 1};
}
