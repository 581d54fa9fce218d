// The install panel of one spec: the spack commands with copy buttons, and its dependency tree.
import {gql} from './api.js';
import {el} from './dom.js';

const DEPENDENCIES = `query Dependencies($hash: String!, $tag: String) {
  spec(hash: $hash, tag: $tag) {
    dependencies { name version hash deptypes virtuals external spec { hash tag } }
  }
}`;

/** The binaries.spack.io mirror of a tag: its root holds every stack's binaries. */
function mirrorUrl(tag) {
  return `https://binaries.spack.io/${tag}`;
}

/** The panel for `spec` (with `dependencies`), closed through `nav`. */
export function installPanel(spec, nav, showError) {
  const commands = [
    ['Add the mirror', `spack mirror add ${spec.tag} ${mirrorUrl(spec.tag)}`],
    ['Trust its signing keys', 'spack buildcache keys --install --trust'],
    ['Install this binary', spec.installCommand],
  ];
  return el('section', {id: 'install', class: 'install', 'aria-labelledby': 'install-title', tabindex: '-1'},
    el('h3', {id: 'install-title'}, `Install ${spec.package} /${spec.hash.slice(0, 7)}`),
    el('p', {}, el('code', {class: 'spec-string'}, spec.specString)),
    el('ol', {class: 'commands'}, commands.map(([label, text]) => command(label, text))),
    el('h4', {}, 'Dependencies'),
    tree(spec.dependencies, spec.tag, showError),
    nav.link('Close', {hash: ''}, {class: 'close', 'aria-label': 'Close the install panel'}));
}

function command(label, text) {
  const status = el('span', {class: 'copied', role: 'status'});
  const button = el('button', {type: 'button', class: 'copy', 'aria-label': `Copy: ${text}`}, 'Copy');
  button.addEventListener('click', () => copy(text, status));
  return el('li', {}, el('span', {class: 'command-label'}, label),
    el('div', {class: 'command'}, el('code', {}, text), button, status));
}

async function copy(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied';
  } catch (e) {
    // No clipboard (plain http from another host, or permission refused): say how instead.
    status.textContent = 'Select the command and copy it with Ctrl+C';
  }
}

/** A list of dependencies; each one in the index opens to its own, loaded when first opened. */
function tree(dependencies, tag, showError) {
  if (!dependencies.length) {
    return el('p', {class: 'hint'},
      'No dependencies recorded: binaries read from cache.spack.io pages do not list them.');
  }
  return el('ul', {class: 'tree'}, dependencies.map((d) => node(d, tag, showError)));
}

function node(d, tag, showError) {
  const label = [el('strong', {}, d.name), `@${d.version} `, el('code', {}, `/${d.hash.slice(0, 7)}`),
    d.deptypes.length ? ` (${d.deptypes.join(', ')})` : '',
    d.virtuals.length ? ` provides ${d.virtuals.join(', ')}` : '',
    d.external ? ' external' : ''];
  if (!d.spec) return el('li', {}, el('span', {class: 'leaf'}, label));
  const details = el('details', {}, el('summary', {}, label));
  details.addEventListener('toggle', async () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = 'yes';
    try {
      const data = await gql(DEPENDENCIES, {hash: d.spec.hash, tag: d.spec.tag || tag});
      details.appendChild(tree(data.spec ? data.spec.dependencies : [], tag, showError));
    } catch (e) {
      showError(e);
    }
  });
  return el('li', {}, details);
}
