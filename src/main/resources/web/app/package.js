// The package page: its summary, the spec table with column toggles and "only differences".
import {count, el, fill, plural, size} from './dom.js';
import {columnToggles, shortList, table} from './results.js';
import {hiddenColumns, openPackage} from './state.js';

/** Specs per page of the table: the most the API gives at once. */
export const PAGE = 100;

/** Spec table columns; `cell(spec, common)` where `common` holds variants every spec has. */
const COLUMNS = [
  {key: 'hash', label: 'Hash', value: (s) => s.hash},
  {key: 'version', label: 'Version', value: (s) => s.versions.join(', ')},
  {key: 'variants', label: 'Variants', value: (s) => s.variants.map((v) => v.raw).join(' ')},
  {key: 'platform', label: 'Platform', value: (s) => s.platform},
  {key: 'os', label: 'OS', value: (s) => s.os},
  {key: 'target', label: 'Target', value: (s) => s.target},
  {key: 'compiler', label: 'Compiler', value: (s) => s.compiler.raw},
  {key: 'stacks', label: 'Stacks', value: (s) => s.stacks.join(', ')},
  {key: 'size', label: 'Size', value: (s) => size(s.size)},
];

/** Fills `main` with package `p` (null when the tag lacks it); `install` is the command panel. */
export function renderPackage(main, p, state, nav, install) {
  const back = nav.link('← Back to search',
    {view: 'specs', pkg: '', ptag: '', hash: '', pafter: '', ppage: 1}, {class: 'back'});
  if (!p) {
    return fill(main, back, el('div', {class: 'empty'},
      el('h2', {}, state.pkg),
      el('p', {}, `The tag ${state.ptag || 'develop'} has no package named ${state.pkg}.`)));
  }
  const specs = p.specs.nodes;
  const hidden = hiddenColumns(state);
  if (state.diff) sameEverywhere(specs).forEach((key) => hidden.add(key));
  fill(main, back,
    el('h2', {id: 'package-name'}, p.name, el('span', {class: 'tag-badge'}, p.tag)),
    el('p', {class: 'status', id: 'spec-count', 'data-count': p.numSpecs}, specCount(p)),
    summary(p, nav),
    install,
    controls(state, nav),
    shown(p.specs, state),
    table(`Specs of ${p.name} in ${p.tag}`, columns(specs, state, nav, p), specs, hidden),
    pager(p.specs, state, nav));
}

/** Which of the specs the table shows, when they are more than one page holds. */
function shown(specs, state) {
  if (!specs.pageInfo.hasNextPage && !state.pafter) return null;
  const from = (state.ppage - 1) * PAGE + 1;
  const to = from + specs.nodes.length - 1;
  return el('p', {class: 'pages', id: 'spec-pages'},
    `Showing specs ${count(from)}–${count(to)} of ${count(specs.totalCount)}. `,
    el('span', {class: 'hint'}, 'Page on below, or narrow them with the stack or CPU chooser.'));
}

/** The way on to the next page of specs (Relay `after`), and back to the first. */
function pager(specs, state, nav) {
  const left = specs.totalCount - ((state.ppage - 1) * PAGE + specs.nodes.length);
  const next = specs.pageInfo.hasNextPage && left > 0
    ? nav.link(`Show the next ${plural(Math.min(PAGE, left), 'spec')} »`,
      {pafter: specs.pageInfo.endCursor, ppage: state.ppage + 1, hash: ''}, {rel: 'next', id: 'next-specs'})
    : null;
  const first = state.pafter
    ? nav.link(`« First ${PAGE} specs`, {pafter: '', ppage: 1, hash: ''}, {rel: 'first'}) : null;
  if (!first && !next) return null;
  return el('nav', {class: 'pager', 'aria-label': 'Pages of specs'}, first, ' ', next);
}

function specCount(p) {
  const shown = p.specs.totalCount;
  return shown === p.numSpecs ? plural(p.numSpecs, 'spec')
    : `${count(shown)} of ${plural(p.numSpecs, 'spec')} (stack or CPU chosen)`;
}

function summary(p, nav) {
  const row = (label, value) => [el('dt', {}, label), el('dd', {}, value)];
  return el('dl', {class: 'summary'},
    row('Versions', shortList(p.versions, 6)),
    row('Compilers', shortList(p.compilers, 6)),
    row('Operating systems', shortList(p.oss, 6)),
    row('Platforms', p.platforms.join(', ')),
    row('Targets', shortList(p.targets, 6)),
    p.numSpecsByStack.length
      ? row('Specs per stack', shortList(p.numSpecsByStack.map((s) => `${s.stack} ${s.count}`), 6)) : null,
    p.otherTags.length ? row('Also in', p.otherTags.map((t, i) =>
      [i ? ', ' : '', nav.link(t, openPackage(p.name, t))])) : null);
}

/** Column toggles and "show only differences", both kept in the URL. */
function controls(state, nav) {
  const diff = el('label', {class: 'toggle'},
    el('input', {type: 'checkbox', id: 'diff', checked: Boolean(state.diff),
      onchange: (e) => nav.go({diff: e.target.checked ? '1' : ''}, {keepScroll: true})}),
    'Show only differences');
  return el('div', {class: 'table-controls'}, columnToggles(COLUMNS, state, nav), diff);
}

/** Keys of the columns whose value is the same in every spec (hash and variants never). */
function sameEverywhere(specs) {
  if (specs.length < 2) return [];
  return COLUMNS.filter((c) => c.key !== 'hash' && c.key !== 'variants')
    .filter((c) => specs.every((s) => c.value(s) === c.value(specs[0])))
    .map((c) => c.key);
}

function columns(specs, state, nav, p) {
  const common = state.diff && specs.length > 1
    ? new Set(specs[0].variants.map((v) => v.raw).filter((raw) => specs.every((s) => s.variants.some((v) => v.raw === raw))))
    : new Set();
  return COLUMNS.map((c) => ({...c, cell: (s) => cell(c, s, common, nav, p)}));
}

function cell(c, s, common, nav, p) {
  if (c.key === 'hash') {
    return nav.link(s.hash.slice(0, 7), {hash: s.hash},
      {class: 'hash', title: s.hash, 'aria-label': `Install ${p.name} /${s.hash.slice(0, 7)}`});
  }
  if (c.key === 'variants') {
    const raws = s.variants.map((v) => v.raw).filter((raw) => !common.has(raw));
    return shortList(raws, 3);
  }
  return c.value(s);
}
