// The facet sidebar: counts per value, ticks OR within a facet and AND across facets.
import {gql} from './api.js';
import {count, el, fill} from './dom.js';
import {FACETS, selection} from './state.js';

const ONE_FACET = `query OneFacet($query: String, $spec: String, $filter: SpecFilter, $cpu: String,
    $fields: [FacetField!]!, $limit: Int, $contains: String) {
  facets(query: $query, spec: $spec, filter: $filter, compatibleWith: $cpu, fields: $fields,
      limit: $limit, contains: $contains) { field values { value count } otherCount }
}`;

/** A facet with this many values or more gets a box to find values in. */
const LONG = 10;

/**
 * Fills `aside` with one group per facet that has values. `onToggle(key, value, on)` is called
 * when a value is ticked or unticked; `showError(e)` when a value search fails.
 */
export function renderFacets(aside, facets, state, onToggle, showError) {
  const focused = focusedValue();
  const groups = FACETS.map((def) => {
    const facet = facets.find((f) => f.field === def.field) || {values: [], otherCount: 0};
    return group(def, facet, state, onToggle, showError);
  });
  fill(aside, el('h2', {class: 'visually-hidden'}, 'Filters'), groups);
  if (focused) {
    const again = aside.querySelector(
      `fieldset[data-facet="${CSS.escape(focused.key)}"] input[type=checkbox][value="${CSS.escape(focused.value)}"]`);
    if (again) again.focus();
  }
}

function focusedValue() {
  const active = document.activeElement;
  if (!active || active.type !== 'checkbox') return null;
  const set = active.closest('fieldset[data-facet]');
  return set ? {key: set.dataset.facet, value: active.value} : null;
}

function group(def, facet, state, onToggle, showError) {
  const chosen = state.filters[def.key] || [];
  const values = withChosen(facet.values, chosen);
  if (!values.length) return null;
  const list = el('ul', {class: 'values', id: `facet-${def.key}-values`});
  const show = (vals) => fill(list, vals.map((v) => item(def, v, chosen, onToggle)));
  show(values);
  const more = facet.otherCount > 0 ? moreButton(def, facet, state, show, showError) : null;
  const finder = values.length >= LONG || facet.otherCount > 0
    ? finderBox(def, state, values, show, showError) : null;
  const legend = el('legend', {}, def.label,
    chosen.length ? el('span', {class: 'chosen'}, ` · ${chosen.length} chosen`) : null);
  return el('fieldset', {class: 'facet', 'data-facet': def.key}, legend, finder, list, more);
}

/** The API's values, with any ticked value it did not list put first (count unknown). */
function withChosen(values, chosen) {
  const missing = chosen.filter((c) => !values.some((v) => v.value === c));
  return [...missing.map((value) => ({value, count: null})), ...values];
}

function item(def, v, chosen, onToggle) {
  const box = el('input', {
    type: 'checkbox',
    value: v.value,
    checked: chosen.includes(v.value),
    onchange: (e) => onToggle(def.key, v.value, e.target.checked),
  });
  return el('li', {'data-value': v.value},
    el('label', {}, box, el('span', {class: 'value'}, v.value),
      el('span', {class: 'count'}, v.count === null ? '' : count(v.count))));
}

function moreButton(def, facet, state, show, showError) {
  const button = el('button', {type: 'button', class: 'more'}, `Show ${count(facet.otherCount)} more`);
  button.addEventListener('click', async () => {
    try {
      const data = await gql(ONE_FACET, {...selection(state), fields: [def.field], limit: 1000});
      show(withChosen(data.facets[0].values, state.filters[def.key] || []));
      button.remove();
    } catch (e) {
      showError(e);
    }
  });
  return button;
}

function finderBox(def, state, values, show, showError) {
  let ticket = 0;
  let timer = null;
  const box = el('input', {
    type: 'search',
    class: 'finder',
    placeholder: 'Find a value…',
    'aria-label': `Find a ${def.label.toLowerCase()} value`,
    'aria-controls': `facet-${def.key}-values`,
  });
  box.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++ticket;
      const text = box.value.trim();
      if (!text) return show(values);
      try {
        const data = await gql(ONE_FACET,
          {...selection(state), fields: [def.field], limit: 100, contains: text});
        if (mine === ticket) show(data.facets[0].values);
      } catch (e) {
        showError(e);
      }
    }, 200);
  });
  return box;
}
