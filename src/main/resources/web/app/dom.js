// Builds DOM nodes from data without ever parsing it as HTML: text goes in as text nodes.

/**
 * el('a', {href: '?x', class: 'y', onclick: f}, 'text', child, [more]) -> element.
 * Attributes starting with "on" become listeners; null/false attributes and children are skipped.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces every child of `node` with `children`. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A number with thousands separators. */
export function count(n) {
  return Number(n).toLocaleString('en-US');
}

/** "1 spec", "2 specs". */
export function plural(n, word) {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** Bytes in KB/MB/GB, or a dash when unknown. */
export function size(bytes) {
  if (bytes === null || bytes === undefined) return '–';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** Says `text` to screen readers through the page's polite live region. */
export function announce(text) {
  const region = document.getElementById('announce');
  if (region) region.textContent = text;
}

/**
 * Remembers the checkbox focused inside `container` (a column toggle); the function returned
 * focuses its twin in the redrawn container, so a keyboard user keeps their place.
 */
export function keepFocus(container) {
  const active = document.activeElement;
  if (!active || active.type !== 'checkbox' || !container.contains(active)) return () => {};
  const css = active.id ? `#${CSS.escape(active.id)}`
    : `input[name="${CSS.escape(active.name)}"][value="${CSS.escape(active.value)}"]`;
  return () => {
    const again = container.querySelector(css);
    if (again) again.focus({preventScroll: true});
  };
}
