// The page's entry point: state in the URL, one request per view, controls kept in step.
import {gql} from './api.js';
import {announce, count, el, fill, keepFocus} from './dom.js';
import {fillStacks, fillTags, offerCpus} from './choosers.js';
import {renderFacets} from './facets.js';
import {installPanel} from './commands.js';
import {PAGE, renderPackage} from './package.js';
import {renderPackages, renderSpecs} from './results.js';
import {FACETS, read, selection, toggle, write} from './state.js';

const SPEC_FIELDS = `hash package tag versions compiler { raw } os platform target size
  variants { raw } stacks installCommand`;

const BROWSE = `query Browse($query: String, $spec: String, $filter: SpecFilter, $cpu: String,
    $after: String, $sort: SpecSort, $fields: [FacetField!]!, $specs: Boolean!) {
  search(query: $query, spec: $spec, filter: $filter, compatibleWith: $cpu, first: 25,
      after: $after, sort: $sort) @include(if: $specs) {
    totalCount nodes { ${SPEC_FIELDS} } pageInfo { hasNextPage endCursor } }
  packages(query: $query, spec: $spec, filter: $filter, compatibleWith: $cpu, first: 50,
      after: $after) @skip(if: $specs) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { name tag numSpecs versions compilers oss platforms targets
      numSpecsByStack { stack count } } }
  facets(query: $query, spec: $spec, filter: $filter, compatibleWith: $cpu, fields: $fields,
      limit: 10) { field values { value count } otherCount }
  explain(query: $query, spec: $spec, filter: $filter, compatibleWith: $cpu)
}`;

const PACKAGE = `query Package($name: String!, $tag: String!, $filter: SpecFilter, $cpu: String,
    $after: String, $first: Int!, $hash: String!, $withSpec: Boolean!) {
  package(name: $name, tag: $tag) {
    name tag numSpecs versions compilers oss platforms targets stacks otherTags
    numSpecsByStack { stack count }
    specs(filter: $filter, compatibleWith: $cpu, first: $first, after: $after) {
      totalCount nodes { ${SPEC_FIELDS} } pageInfo { hasNextPage endCursor } } }
  spec(hash: $hash, tag: $tag) @include(if: $withSpec) {
    hash package tag specString installCommand
    dependencies { name version hash deptypes virtuals external spec { hash tag } } }
}`;

const START = `query Start { tags { name numPackages numSpecs stacks } microarchitectures }`;

const $ = (id) => document.getElementById(id);
let state = read(location.search);
let tags = [];
let cpus = [];
let ticket = 0;
let loads = 0;

/** Links and moves that change the state: every one a history entry. */
const nav = {
  href: (change) => write({...state, ...change}),
  go(change, options = {}) {
    state = {...state, ...change};
    const url = write(state);
    // Enter in a field fires both change and submit: one history entry, not two.
    if ((url === './' ? '' : url) !== location.search) history.pushState(null, '', url);
    show(options);
  },
  link(text, change, attrs = {}) {
    return el('a', {...attrs, href: nav.href(change), onclick: (e) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      nav.go(change, {focus: true});
    }}, text);
  },
};

function showError(e) {
  const messages = e.messages || [`Something went wrong in this page: ${e.message}`];
  fill($('error'), messages.length === 1 ? el('p', {}, messages[0])
    : el('ul', {}, messages.map((m) => el('li', {}, m))));
  $('error').hidden = false;
}

function clearError() {
  $('error').hidden = true;
  fill($('error'));
}

/** Puts the state into the form controls (after a load, a link or back/forward). */
function syncControls() {
  $('q').value = state.q;
  $('spec').value = state.spec;
  $('cpu').value = state.cpu;
  $('sort').value = state.sort;
  $('sort').disabled = state.view !== 'specs';
  fillTags($('tag'), tags, state);
  fillStacks($('stack'), tags, state);
}

async function show(options = {}) {
  syncControls();
  const mine = ++ticket;
  const refocus = keepFocus($('content'));
  document.body.setAttribute('aria-busy', 'true');
  $('content').classList.add('loading');
  $('loading').hidden = false;
  try {
    if (state.view === 'package') await showPackage(mine);
    else await showSearch(mine);
    if (mine === ticket) clearError();
  } catch (e) {
    if (mine !== ticket) return;
    showError(e);
    fill($('content'), el('p', {class: 'status', id: 'total'}, 'No results: see the message above.'));
    fill($('facets'));
    $('explain').hidden = true;
  } finally {
    if (mine === ticket) {
      // Finished views are counted, so a test (or a script) can wait for the next one.
      document.body.dataset.loads = String(++loads);
      document.body.removeAttribute('aria-busy');
      $('content').classList.remove('loading');
      $('loading').hidden = true;
      if (!options.keepScroll) window.scrollTo(0, 0);
      // After a link, focus goes where the new view starts (the install panel when it opened).
      if (options.focus) ($('install') || $('content')).focus();
      else refocus();
    }
  }
}

async function showSearch(mine) {
  const sel = selection(state);
  const data = await gql(BROWSE, {...sel, after: state.after || null, sort: state.sort || null,
    fields: FACETS.map((f) => f.field), specs: state.view === 'specs'});
  if (mine !== ticket) return;
  document.title = 'Spack build cache';
  const what = state.view === 'specs' ? data.search : data.packages;
  if (state.view === 'specs') renderSpecs($('content'), what, state, nav);
  else renderPackages($('content'), what, state, nav);
  renderFacets($('facets'), data.facets, state,
    (key, value, on) => nav.go(toggle(state, key, value, on), {keepScroll: true}), showError);
  const asked = sel.query || sel.spec || sel.filter || sel.cpu;
  $('explain').hidden = !asked;
  fill($('explain'), 'Searched for ', el('code', {id: 'explained'}, data.explain));
  announce(`${count(what.totalCount)} results`);
}

async function showPackage(mine) {
  const filter = state.stack ? {stack: [state.stack]} : null;
  const data = await gql(PACKAGE, {name: state.pkg, tag: state.ptag || 'develop', filter,
    cpu: state.cpu || null, after: state.pafter || null, first: PAGE, hash: state.hash || '',
    withSpec: Boolean(state.hash)});
  if (mine !== ticket) return;
  const panel = data.spec ? installPanel(data.spec, nav, showError) : null;
  renderPackage($('content'), data.package, state, nav, panel);
  fill($('facets'));
  $('explain').hidden = true;
  document.title = `${state.pkg} · Spack build cache`;
}

function wireForm() {
  $('search').addEventListener('submit', (e) => {
    e.preventDefault();
    nav.go({q: $('q').value.trim(), spec: $('spec').value.trim(), cpu: $('cpu').value.trim(),
      view: state.view === 'package' ? 'specs' : state.view, after: '', page: 1, hash: '',
      pkg: '', ptag: '', pafter: '', ppage: 1});
  });
  const choose = (change) => nav.go({...change, after: '', page: 1, pafter: '', ppage: 1, hash: ''});
  $('tag').addEventListener('change', () => choose(state.view === 'package'
    ? {ptag: $('tag').value} : {tag: $('tag').value, stack: ''}));
  $('stack').addEventListener('change', () => choose({stack: $('stack').value}));
  // Typing waits for Enter; picking a suggestion from the list applies it at once.
  $('cpu').addEventListener('input', (e) => {
    offerCpus($('cpu'), $('cpus'), cpus);
    const cpu = $('cpu').value.trim();
    const listed = [...$('cpus').options].some((o) => o.value === cpu);
    if (e.inputType === 'insertReplacementText' || (!(e instanceof InputEvent) && listed)) {
      choose({cpu});
    }
  });
  $('sort').addEventListener('change', () => choose({sort: $('sort').value}));
  window.addEventListener('popstate', () => {
    const next = read(location.search);
    // A move within the page (the skip link's #content) changes no state: nothing to load.
    if (write(next) === write(state)) return;
    state = next;
    show();
  });
}

async function start() {
  wireForm();
  try {
    const data = await gql(START);
    tags = data.tags;
    cpus = data.microarchitectures;
    offerCpus($('cpu'), $('cpus'), cpus);
  } catch (e) {
    showError(e);
  }
  await show({keepScroll: true});
}

start();
