// The form's choosers that the index fills: tags (grouped), stacks of the tag, CPUs to run on.
import {el, fill, plural} from './dom.js';

/** Fills the tag chooser: on a package page it picks the package's tag, else it filters. */
export function fillTags(select, tags, state) {
  const groups = [['Development', (t) => t === 'develop'], ['Releases', (t) => /^v\d/.test(t)],
    ['Snapshots', (t) => /^develop-/.test(t)], ['Other', () => true]];
  const left = [...tags];
  const option = (t) => el('option', {value: t.name}, `${t.name} (${plural(t.numSpecs, 'spec')})`);
  const parts = groups.map(([label, test]) => {
    const mine = left.filter((t) => test(t.name));
    mine.forEach((t) => left.splice(left.indexOf(t), 1));
    return mine.length ? el('optgroup', {label}, mine.map(option)) : null;
  });
  const onPackage = state.view === 'package';
  fill(select, onPackage ? null : el('option', {value: ''}, 'All tags'), parts);
  select.value = onPackage ? state.ptag || 'develop' : state.tag;
}

/** Fills the stack chooser with the stacks of the chosen tag (of every tag when none is). */
export function fillStacks(select, tags, state) {
  const tag = state.view === 'package' ? state.ptag || 'develop' : state.tag;
  const chosen = tags.filter((t) => !tag || t.name === tag);
  const stacks = [...new Set(chosen.flatMap((t) => t.stacks))].sort();
  if (state.stack && !stacks.includes(state.stack)) stacks.unshift(state.stack);
  fill(select, el('option', {value: ''}, 'All stacks'), stacks.map((s) => el('option', {value: s}, s)));
  select.value = state.stack;
}

/**
 * Offers in `list` the CPU names (the API's `microarchitectures`) that contain what `input`
 * holds, so the suggestions follow the typing and name only CPUs the API accepts.
 */
export function offerCpus(input, list, names) {
  const typed = input.value.trim().toLowerCase();
  const offered = typed ? names.filter((name) => name.includes(typed)) : names;
  fill(list, offered.map((name) => el('option', {value: name})));
}
