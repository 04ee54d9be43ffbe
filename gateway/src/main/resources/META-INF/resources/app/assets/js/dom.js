// A tiny element builder: h('p', { class: 'muted' }, text). Text children are set as text,
// never parsed as HTML, so data from the services cannot inject markup.

let counter = 0;

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** A unique id for label/control pairs. */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A labelled form control: { label, control } wrapped in div.field; the control gets id and data-field. */
export function field(label, control, fieldName, hint) {
  const id = control.id || uid('f');
  control.id = id;
  if (fieldName) {
    control.dataset.field = fieldName;
  }
  const parts = [h('label', { for: id }, label), control];
  if (hint) {
    const hintId = `${id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    parts.push(h('p', { id: hintId, class: 'muted' }, hint));
  }
  return h('div', { class: 'field' }, parts);
}

/** A table with a caption, header cells with scope, inside a focusable scroll region. */
export function table(caption, headers, rows) {
  const id = uid('tbl');
  return h('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': `${id}-cap`, tabindex: 0 },
    h('table', { id },
      h('caption', { id: `${id}-cap` }, caption),
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows)));
}
