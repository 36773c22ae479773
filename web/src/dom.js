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
  output.textContent = text;
  output.dataset.value = String(value);
}
