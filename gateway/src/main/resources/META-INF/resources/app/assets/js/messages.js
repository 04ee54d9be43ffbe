// Messages to the user in the aria-live region, and problem details (RFC 9457) made readable:
// the title and detail in the message area, each errors[] entry next to its field.

import { h } from './dom.js';
import { t, has } from './i18n.js';

function region() {
  return document.getElementById('messages');
}

export function say(text) {
  region().replaceChildren(h('p', { class: 'ok' }, text));
}

export function clearMessages() {
  region().replaceChildren();
}

/** Removes the field errors shown in form. */
export function clearFieldErrors(form) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((c) => {
    c.removeAttribute('aria-invalid');
    const described = (c.getAttribute('aria-describedby') || '').split(' ').filter((x) => !x.endsWith('-error')).join(' ');
    if (described) {
      c.setAttribute('aria-describedby', described);
    } else {
      c.removeAttribute('aria-describedby');
    }
  });
}

/** The control of form a problem's field names: exactly, or by its last path segments (e.g. "schedule.request.place"). */
function controlFor(form, fieldName) {
  const controls = [...form.querySelectorAll('[data-field]')];
  return controls.find((c) => c.dataset.field === fieldName)
    || controls.find((c) => fieldName.endsWith(`.${c.dataset.field}`));
}

/** A readable sentence for an error: the problem's title (by status, in the chosen language) and its detail. */
export function describe(error) {
  if (!error || error.status === undefined) {
    return t('error.unexpected');
  }
  if (error.status === 0) {
    return t('error.network');
  }
  const title = has(`problem.${error.status}`) ? t(`problem.${error.status}`) : (error.problem?.title || t('error.unexpected'));
  const detail = error.problem?.detail;
  return detail ? t('problem.withDetail', { title, detail }) : title;
}

/** Shows error in the message area and, when form is given, each field error next to its control. */
export function showError(error, form) {
  const parts = [h('p', {}, describe(error))];
  const unplaced = [];
  let first = null;
  if (form) {
    clearFieldErrors(form);
    for (const fe of error?.problem?.errors || []) {
      const control = fieldControl(form, fe.field);
      if (!control) {
        unplaced.push(fe);
        continue;
      }
      const errorId = `${control.id}-error`;
      control.setAttribute('aria-invalid', 'true');
      const described = control.getAttribute('aria-describedby');
      control.setAttribute('aria-describedby', described ? `${described} ${errorId}` : errorId);
      const container = control.closest('.field') || control.parentElement;
      container.append(h('p', { id: errorId, class: 'field-error' }, t('error.field', { message: fe.message })));
      first = first || control;
    }
  } else {
    unplaced.push(...(error?.problem?.errors || []));
  }
  if (unplaced.length) {
    parts.push(h('ul', {}, unplaced.map((fe) => h('li', {}, t('error.fieldNamed', { field: fe.field, message: fe.message })))));
  }
  region().replaceChildren(h('div', { class: 'error' }, parts));
  if (first) {
    first.focus();
  }
}

function fieldControl(form, name) {
  return name ? controlFor(form, name) : null;
}
