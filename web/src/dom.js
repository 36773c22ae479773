// Small DOM helpers shared by the views. Text always goes in as text, never as HTML.

/** el('p', {class: 'x', text: 'hi', 'aria-label': 'y'}, ...children) */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

/** An output shows the rounded text; its full value stays in data-value for tests and tools. */
export function showValue(output, value, text) {
  setText(output, text);
  setProp(output.dataset, 'value', String(value));
}

/** Sets a node's text only if it changed: an unchanged text then costs no style or layout work. */
export function setText(node, text) {
  setProp(node, 'textContent', text);
}

/**
 * Makes `parent`'s children match `nodes`, a description of the tree: strings for text, and
 * {ns, tag, attrs, children} for elements. Nodes that match in kind are kept and only their
 * changed text and attributes are written, so that redrawing a formula with new numbers
 * touches only those numbers (building it anew made the browser lay out the whole formula).
 */
export function patch(parent, nodes) {
  const existing = parent.childNodes;
  while (existing.length > nodes.length) parent.lastChild.remove();
  nodes.forEach((want, i) => {
    const have = existing[i];
    if (!have) parent.append(createNode(want));
    else if (typeof want === 'string' ? have.nodeType !== Node.TEXT_NODE
      : have.localName !== want.tag || have.namespaceURI !== want.ns) have.replaceWith(createNode(want));
    else if (typeof want === 'string') setProp(have, 'data', want);
    else {
      const attrs = Object.entries(want.attrs);
      if (have.attributes.length !== attrs.length) for (const a of [...have.attributes]) have.removeAttribute(a.name);
      for (const [k, v] of attrs) setAttr(have, k, v);
      patch(have, want.children);
    }
  });
}

/** The node a description stands for (a string, {ns, tag, attrs, children}, or a node already). */
export function createNode(want) {
  if (typeof want === 'string') return document.createTextNode(want);
  if (!('tag' in want)) return want;
  const e = document.createElementNS(want.ns, want.tag);
  for (const [k, v] of Object.entries(want.attrs)) e.setAttribute(k, v);
  e.append(...want.children.map(createNode));
  return e;
}

/**
 * Drawings a view puts off. `set` replaces them (those replaced are never drawn); `draw()`
 * draws them now, `drawInTasks()` one a task from the next task on (on loading, so that no
 * task is long). A part already drawn, or replaced, is not drawn again.
 */
export class Deferred {
  constructor() {
    this.parts = [];
  }
  set(parts) {
    this.parts = parts;
  }
  draw(count = Infinity) {
    for (const part of this.parts.splice(0, count)) part();
  }
  drawInTasks() {
    for (let i = 0; i < this.parts.length; i++) setTimeout(() => this.draw(1));
  }
}

// Writes that leave equal values alone: the browser may lay out again after any write, even
// of the value a property, attribute or style already has.
export function setProp(node, name, value) {
  if (node[name] !== value) node[name] = value;
}
export function setAttr(node, name, value) {
  const text = String(value);
  if (node.getAttribute(name) !== text) node.setAttribute(name, text);
}
// The last style written per node: the browser reads a style back in its own form ("5%" for
// "5.000000000000004%"), so comparing with it would write every time.
const writtenStyles = new WeakMap();
export function setStyle(node, name, value) {
  let written = writtenStyles.get(node);
  if (!written) writtenStyles.set(node, (written = {}));
  if (written[name] === value) return;
  written[name] = value;
  node.style[name] = value;
}

/** The element with this id inside `root`: a document, a shadow root, or an element. */
export function byId(root, id) {
  return root.getElementById ? root.getElementById(id) : root.querySelector(`#${id}`);
}

/** Shows (or clears, with null) a field's message and marks the field invalid while it shows. */
export function fieldMessage(input, message, text) {
  setText(message, text || '');
  if (!input) return;
  if (text) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}
