// The result tables: specs across packages, the per-tag package summary, and paging.
import {count, el, fill, plural, size} from './dom.js';
import {hiddenColumns, openPackage} from './state.js';

/** Up to `n` items as text, then a button that shows the rest in place. */
export function shortList(items, n = 3, what = 'more') {
  const text = (list) => list.join(', ');
  if (items.length <= n) return el('span', {}, text(items));
  const shown = el('span', {}, text(items.slice(0, n)));
  const button = el('button', {type: 'button', class: 'more', 'aria-expanded': 'false'},
    `+${items.length - n} ${what}`);
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') === 'true';
    shown.textContent = text(open ? items.slice(0, n) : items);
    button.setAttribute('aria-expanded', String(!open));
    button.textContent = open ? `+${items.length - n} ${what}` : 'show fewer';
  });
  return el('span', {class: 'short-list'}, shown, ' ', button);
}

/**
 * A table of `rows` with `columns` ({key, label, cell(row)}), leaving out keys in `hidden`,
 * wrapped so it scrolls sideways on a narrow screen.
 */
export function table(caption, columns, rows, hidden = new Set()) {
  const shown = columns.filter((c) => !hidden.has(c.key));
  const head = el('tr', {}, shown.map((c) => el('th', {scope: 'col', 'data-col': c.key}, c.label)));
  const body = rows.map((row) =>
    el('tr', {}, shown.map((c) => el('td', {'data-col': c.key}, c.cell(row)))));
  return el('div', {class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption},
    el('table', {}, el('caption', {class: 'visually-hidden'}, caption),
      el('thead', {}, head), el('tbody', {}, body)));
}

/** The columns of a spec row in the search results. */
function specColumns(nav) {
  return [
    {key: 'package', label: 'Package', cell: (s) => nav.link(s.package, openPackage(s.package, s.tag))},
    {key: 'version', label: 'Version', cell: (s) => s.versions.join(', ')},
    {key: 'compiler', label: 'Compiler', cell: (s) => s.compiler.raw},
    {key: 'os', label: 'OS', cell: (s) => s.os},
    {key: 'target', label: 'Target', cell: (s) => s.target},
    {key: 'variants', label: 'Variants', cell: (s) => shortList(s.variants.map((v) => v.raw))},
    {key: 'tag', label: 'Tag', cell: (s) => s.tag},
    {key: 'size', label: 'Size', cell: (s) => size(s.size)},
    {key: 'hash', label: 'Hash', cell: (s) => nav.link(s.hash.slice(0, 7),
      openPackage(s.package, s.tag, s.hash), {class: 'hash', title: s.hash, 'aria-label': `Install ${s.package} /${s.hash.slice(0, 7)}`})},
  ];
}

/** Fills `main` with a page of specs, its count and the pager. */
export function renderSpecs(main, search, state, nav) {
  const total = el('p', {class: 'status', id: 'total', 'data-total': search.totalCount},
    `${plural(search.totalCount, 'spec')}${state.page > 1 ? ` · page ${state.page}` : ''}`);
  if (!search.totalCount) return fill(main, viewSwitch(state, nav), total, empty());
  const columns = specColumns(nav);
  fill(main, viewSwitch(state, nav), total,
    el('div', {class: 'table-controls'}, columnToggles(columns, state, nav)),
    table('Matching binaries', columns, search.nodes, hiddenColumns(state)),
    pager(search.pageInfo, state, nav));
}

/** One checkbox per column of `columns`, ticked while it shows; the hidden ones go in the URL. */
export function columnToggles(columns, state, nav) {
  const hidden = hiddenColumns(state);
  const toggles = columns.map((c) => el('label', {class: 'toggle'},
    el('input', {type: 'checkbox', name: 'col', value: c.key, checked: !hidden.has(c.key),
      onchange: (e) => {
        const next = new Set(hidden);
        if (e.target.checked) next.delete(c.key); else next.add(c.key);
        nav.go({hide: [...next].join(',')}, {keepScroll: true});
      }}), c.label));
  return el('fieldset', {class: 'columns'}, el('legend', {}, 'Columns'), toggles);
}

/** Fills `main` with the per-tag summary table: one row per package and tag. */
export function renderPackages(main, packages, state, nav) {
  const total = el('p', {class: 'status', id: 'total', 'data-total': packages.totalCount},
    `${plural(packages.totalCount, 'package')} (one row per package and tag)${state.page > 1 ? ` · page ${state.page}` : ''}`);
  if (!packages.totalCount) return fill(main, viewSwitch(state, nav), total, empty());
  const columns = [
    {key: 'name', label: 'Package', cell: (p) => nav.link(p.name, openPackage(p.name, p.tag))},
    {key: 'tag', label: 'Tag', cell: (p) => p.tag},
    {key: 'specs', label: 'Specs', cell: (p) => count(p.numSpecs)},
    {key: 'versions', label: 'Versions', cell: (p) => shortList(p.versions)},
    {key: 'platforms', label: 'Platforms', cell: (p) => p.platforms.join(', ')},
    {key: 'oss', label: 'OS', cell: (p) => shortList(p.oss)},
    {key: 'targets', label: 'Targets', cell: (p) => shortList(p.targets)},
    {key: 'compilers', label: 'Compilers', cell: (p) => shortList(p.compilers)},
    {key: 'stacks', label: 'Specs per stack', cell: (p) => shortList(p.numSpecsByStack.map((s) => `${s.stack} ${s.count}`), 2)},
  ];
  fill(main, viewSwitch(state, nav), total,
    table('Packages per tag', columns, packages.nodes), pager(packages.pageInfo, state, nav));
}

function empty() {
  return el('div', {class: 'empty'},
    el('p', {}, 'Nothing matches. Untick a filter, choose another tag, stack or CPU, or search for less.'));
}

function viewSwitch(state, nav) {
  const tab = (view, label) => state.view === view
    ? el('span', {class: 'tab current', 'aria-current': 'page'}, label)
    : nav.link(label, {view, after: '', page: 1}, {class: 'tab'});
  return el('nav', {class: 'views', 'aria-label': 'Show results as'},
    tab('specs', 'Binaries'), tab('packages', 'Packages per tag'));
}

function pager(info, state, nav) {
  const first = state.after ? nav.link('« First page', {after: '', page: 1}, {rel: 'first'}) : null;
  const next = info.hasNextPage
    ? nav.link('Next page »', {after: info.endCursor, page: state.page + 1}, {rel: 'next', id: 'next'}) : null;
  if (!first && !next) return null;
  return el('nav', {class: 'pager', 'aria-label': 'Pages'}, first, ' ', next);
}
