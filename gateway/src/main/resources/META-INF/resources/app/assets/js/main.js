// The commission secretaries' web app: hash routes, one view per page. Secretaries answer
// proposals, take attendance, draft decisions and follow execution; members read the materials and
// cast their own vote; the presiding chair signs the minutes off.

import * as api from './api.js';
import { h, field, table, uid } from './dom.js';
import { t, has, setLanguage, initialLanguage, language, formatDate, formatNumber, entryName } from './i18n.js';
import { say, showError, clearMessages, clearFieldErrors } from './messages.js';

const SECRETARY = 'commission-secretary';

let me = null;
const catalogs = {};

function isSecretary() {
  return me.roles.includes(SECRETARY);
}

/** The item's decision (drafted or adopted), or null while it has none (the service answers 404). */
async function decisionOf(item) {
  try {
    return await api.get('commission', `agenda-items/${item.id}/decision`);
  } catch (e) {
    if (e instanceof api.ApiError && e.status === 404) {
      return null;
    }
    throw e;
  }
}

async function catalog(name) {
  if (!catalogs[name]) {
    catalogs[name] = name === 'agenda-item-kinds'
      ? api.get('commission', 'agenda-item-kinds').then((f) => f.kinds)
      : api.get('commission', `catalogs/${name}`).then((c) => c.entries);
    catalogs[name].catch(() => { delete catalogs[name]; });
  }
  return catalogs[name];
}

/** Names of the codes the pages show (agencies, measures, agenda item kinds), in the chosen language. */
let named = new Map();
async function loadNames() {
  const lists = await Promise.all(['subjects', 'individual-measures', 'general-measure-kinds', 'agenda-item-kinds'].map(catalog));
  named = new Map(lists.flat().map((e) => [e.code, e]));
}

function nameOf(value) {
  return entryName(named.get(value), value);
}

function code(prefix, value) {
  return has(`${prefix}.${value}`) ? t(`${prefix}.${value}`) : value;
}

function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Runs action for a form: disables its buttons, shows success or the problem next to the fields. */
function submitting(form, action) {
  return async (event) => {
    event.preventDefault();
    const buttons = [...form.querySelectorAll('button')];
    buttons.forEach((b) => { b.disabled = true; });
    clearFieldErrors(form);
    try {
      const message = await action(event.submitter);
      await render({ keepMessages: true });
      if (message) {
        say(message);
      }
    } catch (e) {
      buttons.forEach((b) => { b.disabled = false; });
      showError(e, form);
    }
  };
}

function heading(text) {
  return h('h1', { id: 'page-title', tabindex: -1 }, text);
}

function crumbs(...links) {
  return h('nav', { 'aria-label': t('nav.breadcrumbs'), class: 'crumbs' },
    links.map(([label, target], i) => [i > 0 ? ' › ' : '', target ? h('a', { href: target }, label) : h('span', { 'aria-current': 'page' }, label)]));
}

// ---------------------------------------------------------------- my commissions

async function commissionsView() {
  const page = await api.get('commission', 'commissions?size=100');
  const items = page.items || [];
  const out = [heading(t('commissions.title'))];
  if (!items.length) {
    out.push(h('p', {}, isSecretary() ? t('commissions.noneSecretary') : t('commissions.noneMember')));
    return out;
  }
  out.push(table(t('commissions.caption', { count: formatNumber(page.total ?? items.length) }),
    [t('commission.name'), t('commission.kind'), t('commission.level'), t('commission.territory')],
    items.map((c) => h('tr', {},
      h('td', {}, h('a', { href: `#/commissions/${c.id}` }, c.name)),
      h('td', {}, code('kind', c.kind)),
      h('td', {}, code('level', c.level)),
      h('td', {}, c.territory)))));
  return out;
}

// ---------------------------------------------------------------- one commission

async function commissionView(id) {
  const [commission, sessions] = await Promise.all([
    api.get('commission', `commissions/${id}`),
    api.get('commission', `commissions/${id}/sessions`),
    loadNames()]);
  const proposals = isSecretary() ? await api.get('commission', `commissions/${id}/agenda-items`) : [];
  const open = sessions.filter((s) => s.status !== 'SIGNED');

  const out = [
    crumbs([t('nav.commissions'), '#/'], [commission.name]),
    heading(commission.name),
    h('dl', { class: 'stats facts' },
      h('div', {}, h('dt', {}, t('commission.kind')), h('dd', {}, code('kind', commission.kind))),
      h('div', {}, h('dt', {}, t('commission.level')), h('dd', {}, code('level', commission.level))),
      h('div', {}, h('dt', {}, t('commission.quorum')),
        h('dd', {}, t('commission.quorumValue', { n: formatNumber(commission.rules.quorumNumerator), d: formatNumber(commission.rules.quorumDenominator) })))),
    h('p', {}, h('a', { href: `#/commissions/${id}/execution` }, t('execution.link'))),
  ];

  // Sessions
  const sessionsSection = h('section', { 'aria-labelledby': 'sessions-h' }, h('h2', { id: 'sessions-h' }, t('sessions.title')));
  if (sessions.length) {
    sessionsSection.append(table(t('sessions.caption'),
      [t('session.number'), t('session.date'), t('session.place'), t('session.status')],
      sessions.map((s) => h('tr', {},
        h('td', {}, h('a', { href: `#/sessions/${s.id}` }, t('session.name', { number: formatNumber(s.number) }))),
        h('td', {}, formatDate(s.date)),
        h('td', {}, s.place),
        h('td', {}, code('sessionStatus', s.status))))));
  } else {
    sessionsSection.append(h('p', {}, t('sessions.none')));
  }
  if (isSecretary()) {
    const date = h('input', { type: 'date', name: 'date', value: todayIso(), 'aria-required': 'true' });
    const place = h('input', { type: 'text', name: 'place', autocomplete: 'off', 'aria-required': 'true' });
    const form = h('form', { novalidate: true, 'aria-labelledby': 'schedule-h' },
      h('h3', { id: 'schedule-h' }, t('sessions.schedule')),
      h('div', { class: 'row' }, field(t('session.date'), date, 'date'), field(t('session.place'), place, 'place')),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('sessions.scheduleButton'))));
    form.addEventListener('submit', submitting(form, async () => {
      const s = await api.post('commission', `commissions/${id}/sessions`, { date: date.value || null, place: place.value },
        { 'Idempotency-Key': crypto.randomUUID() });
      return t('sessions.scheduled', { number: formatNumber(s.number), date: formatDate(s.date) });
    }));
    sessionsSection.append(form);
  }
  out.push(sessionsSection);

  // Proposals waiting for the secretary
  if (isSecretary()) {
    const section = h('section', { 'aria-labelledby': 'proposals-h' }, h('h2', { id: 'proposals-h' }, t('proposals.title')));
    if (!proposals.length) {
      section.append(h('p', {}, t('proposals.none')));
    }
    for (const item of proposals) {
      section.append(proposalCard(item, open));
    }
    out.push(section);
  }

  // Members
  out.push(h('section', { 'aria-labelledby': 'members-h' }, h('h2', { id: 'members-h' }, t('members.title')),
    table(t('members.caption'), [t('member.name'), t('member.role'), t('member.agency'), t('member.position'), t('member.term')],
      (commission.members || []).map((m) => h('tr', {},
        h('td', {}, m.fullName), h('td', {}, code('role', m.role)), h('td', {}, nameOf(m.agency)), h('td', {}, m.position),
        h('td', {}, m.to ? t('member.termFromTo', { from: formatDate(m.from), to: formatDate(m.to) }) : t('member.termFrom', { from: formatDate(m.from) })))))));
  return out;
}

function proposalCard(item, openSessions) {
  const titleId = uid('item');
  const reason = h('textarea', { name: 'reason', rows: 2, 'aria-required': 'true' });
  const session = h('select', { name: 'sessionId' },
    h('option', { value: '' }, t('proposals.chooseSession')),
    openSessions.map((s) => h('option', { value: s.id }, t('session.nameDated', { number: formatNumber(s.number), date: formatDate(s.date) }))));
  if (openSessions.length === 1) {
    session.value = openSessions[0].id;
  }
  const form = h('form', { novalidate: true, 'aria-labelledby': titleId },
    h('div', { class: 'row' }, field(t('proposals.session'), session, 'sessionId'), field(t('proposals.reason'), reason, 'reason')),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', value: 'acceptance' }, t('proposals.accept')),
      h('button', { type: 'submit', value: 'deferral', class: 'secondary' }, t('proposals.defer')),
      h('button', { type: 'submit', value: 'dismissal', class: 'secondary' }, t('proposals.dismiss'))));
  form.addEventListener('submit', submitting(form, async (button) => {
    const answer = button?.value || 'acceptance';
    const body = { reason: reason.value };
    if (answer === 'acceptance') {
      body.sessionId = session.value || null;
    }
    await api.post('commission', `agenda-items/${item.id}/${answer}`, body);
    return t(`proposals.done.${answer}`, { title: item.title });
  }));
  return h('article', { class: 'card', 'aria-labelledby': titleId, dataset: { item: item.id } },
    h('h3', { id: titleId }, item.title),
    h('p', { class: 'muted' }, t('proposals.meta', { kind: nameOf(item.kind), status: code('itemStatus', item.status), source: code('source', item.source) })),
    item.reason ? h('p', {}, t('proposals.lastReason', { reason: item.reason })) : null,
    form);
}

// ---------------------------------------------------------------- one session: attendance, agenda, votes, decisions

async function sessionView(id) {
  const session = await api.get('commission', `sessions/${id}`);
  const [commission, agenda, attendance] = await Promise.all([
    api.get('commission', `commissions/${session.commissionId}`),
    api.get('commission', `sessions/${id}/agenda`),
    api.get('commission', `sessions/${id}/attendance`).catch(() => null),
    loadNames()]);
  const members = commission.members || [];
  const mine = members.find((m) => m.username === me.username);
  const sitting = session.status === 'SITTING';
  const signed = session.status === 'SIGNED';

  const out = [
    crumbs([t('nav.commissions'), '#/'], [commission.name, `#/commissions/${commission.id}`],
      [t('session.name', { number: formatNumber(session.number) })]),
    heading(t('session.heading', { number: formatNumber(session.number), date: formatDate(session.date) })),
    h('p', {}, t('session.placeStatus', { place: session.place, status: code('sessionStatus', session.status) })),
  ];
  if (signed) {
    out.push(h('p', {}, h('a', { href: api.href('commission', `sessions/${id}/minutes`), id: 'minutes-link', type: 'application/pdf' }, t('session.minutes'))));
  }

  // Attendance and quorum
  const attendanceSection = h('section', { 'aria-labelledby': 'attendance-h' }, h('h2', { id: 'attendance-h' }, t('attendance.title')));
  if (attendance && attendance.members) {
    attendanceSection.append(h('p', { id: 'quorum' },
      t('attendance.summary', { present: formatNumber(attendance.present), members: formatNumber(attendance.members), required: formatNumber(attendance.required) }),
      ' ', h('strong', {}, attendance.quorate ? t('attendance.quorate') : t('attendance.notQuorate'))));
  } else {
    attendanceSection.append(h('p', { id: 'quorum' }, t('attendance.notTaken')));
  }
  if (isSecretary() && !signed) {
    const present = new Set(attendance?.presentIds || []);
    const boxes = members.map((m) => {
      const box = h('input', { type: 'checkbox', name: 'present', value: m.id, id: uid('present'), checked: present.has(m.id) });
      return h('div', { class: 'field inline' }, box, h('label', { for: box.id }, t('attendance.memberLabel', { name: m.fullName, role: code('role', m.role) })));
    });
    const form = h('form', { novalidate: true },
      h('fieldset', { 'data-field': 'present' }, h('legend', {}, t('attendance.present')), boxes),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('attendance.save'))));
    form.addEventListener('submit', submitting(form, async () => {
      const ids = [...form.querySelectorAll('input[name=present]:checked')].map((b) => b.value);
      const a = await api.put('commission', `sessions/${id}/attendance`, { present: ids });
      return t('attendance.saved', { present: formatNumber(a.present), required: formatNumber(a.required) });
    }));
    attendanceSection.append(form);
  }
  out.push(attendanceSection);

  // Agenda: the materials, the tally, one's own vote, the decision
  const agendaSection = h('section', { 'aria-labelledby': 'agenda-h' }, h('h2', { id: 'agenda-h' }, t('agenda.title')));
  if (!agenda.length) {
    agendaSection.append(h('p', {}, t('agenda.none')));
  }
  for (const item of agenda) {
    agendaSection.append(await agendaItemCard(item, session, mine, ['ACCEPTED', 'DECIDED'].includes(item.status) ? await decisionOf(item) : null));
  }
  out.push(agendaSection);

  // The presiding chair signs the minutes off
  if (mine && (mine.role === 'CHAIR' || mine.role === 'DEPUTY_CHAIR') && sitting) {
    const form = h('form', { 'aria-labelledby': 'signoff-h' }, h('h2', { id: 'signoff-h' }, t('signOff.title')),
      h('p', {}, t('signOff.explain')),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('signOff.button'))));
    form.addEventListener('submit', submitting(form, async () => {
      await api.post('commission', `sessions/${id}/sign-off`, {});
      return t('signOff.done');
    }));
    out.push(form);
  }
  return out;
}

async function agendaItemCard(item, session, mine, decision) {
  const titleId = uid('item');
  const card = h('article', { class: 'card', 'aria-labelledby': titleId, dataset: { item: item.id } },
    h('h3', { id: titleId }, item.title),
    h('p', { class: 'muted' }, t('agenda.meta', { kind: nameOf(item.kind), status: code('itemStatus', item.status) })));
  if (item.reason) {
    card.append(h('p', {}, t('proposals.lastReason', { reason: item.reason })));
  }
  const tally = session.status === 'SCHEDULED' ? null : await api.get('commission', `agenda-items/${item.id}/votes`).catch(() => null);
  if (tally) {
    card.append(h('p', { class: 'tally' }, t('votes.tally', {
      for: formatNumber(tally.forVotes), against: formatNumber(tally.against), abstain: formatNumber(tally.abstain), eligible: formatNumber(tally.eligible),
    }), ' ', tally.outcome && (tally.forVotes + tally.against + tally.abstain >= tally.eligible || session.status === 'SIGNED')
      ? h('strong', {}, code('outcome', tally.outcome)) : null));
  }
  const myVote = mine && tally?.votes ? tally.votes[mine.id] : null;
  if (myVote) {
    card.append(h('p', { class: 'my-vote' }, t('votes.mine', { choice: code('choice', myVote) })));
  } else if (mine && session.status === 'SITTING' && item.status === 'ACCEPTED') {
    card.append(voteForm(item, titleId));
  }
  if (decision) {
    card.append(decisionBlock(decision));
  } else if (isSecretary() && item.status === 'ACCEPTED' && session.status !== 'SIGNED') {
    card.append(await decisionForm(item, titleId));
  }
  return card;
}

function voteForm(item, titleId) {
  const legendId = uid('vote');
  const radios = ['FOR', 'AGAINST', 'ABSTAIN'].map((choice) => {
    const radio = h('input', { type: 'radio', name: `choice-${item.id}`, value: choice, id: uid('choice') });
    return h('div', { class: 'field inline' }, radio, h('label', { for: radio.id }, code('choice', choice)));
  });
  const form = h('form', { novalidate: true, 'aria-labelledby': `${legendId} ${titleId}` },
    h('fieldset', { 'data-field': 'choice' }, h('legend', { id: legendId }, t('votes.yourVote')), radios),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('votes.cast'))));
  form.addEventListener('submit', submitting(form, async () => {
    const checked = form.querySelector('input[type=radio]:checked');
    await api.post('commission', `agenda-items/${item.id}/votes`, { choice: checked ? checked.value : null });
    return t('votes.cast.done', { choice: code('choice', checked.value) });
  }));
  return form;
}

async function decisionForm(item, titleId) {
  const [subjects, measures] = await Promise.all([catalog('subjects'), catalog(item.entryId ? 'individual-measures' : 'general-measure-kinds')]);
  const text = h('textarea', { name: 'text', rows: 3, 'aria-required': 'true' });
  const basis = h('input', { type: 'text', name: 'legalBasis', 'aria-required': 'true' });
  const rows = h('div', {});
  const addRow = () => {
    const n = rows.children.length;
    const agency = h('select', { name: 'executingAgency' }, h('option', { value: '' }, t('decision.choose')),
      subjects.map((s) => h('option', { value: s.code }, entryName(s))));
    const type = h('select', { name: 'measureType' }, h('option', { value: '' }, t('decision.choose')),
      measures.map((m) => h('option', { value: m.code }, entryName(m))));
    const content = h('textarea', { name: 'content', rows: 2 });
    const due = h('input', { type: 'date', name: 'dueDate' });
    rows.append(h('fieldset', { class: 'instruction' },
      h('legend', {}, t('decision.instructionN', { n: formatNumber(n + 1) })),
      h('div', { class: 'row' },
        field(t('instruction.agency'), agency, `instructions[${n}].executingAgency`),
        field(t('instruction.measureType'), type, `instructions[${n}].measureType`),
        field(t('instruction.dueDate'), due, `instructions[${n}].dueDate`)),
      field(t('instruction.content'), content, `instructions[${n}].content`)));
  };
  addRow();
  const form = h('form', { novalidate: true, class: 'decision-form', 'aria-labelledby': `decision-h-${item.id}` },
    h('h4', { id: `decision-h-${item.id}` }, t('decision.draftTitle')),
    field(t('decision.text'), text, 'text'),
    field(t('decision.legalBasis'), basis, 'legalBasis'),
    rows,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => { addRow(); rows.lastElementChild.querySelector('select').focus(); } }, t('decision.addInstruction')),
      h('button', { type: 'submit' }, t('decision.save'))));
  form.addEventListener('submit', submitting(form, async () => {
    const instructions = [...rows.querySelectorAll('fieldset.instruction')].map((fs) => ({
      executingAgency: fs.querySelector('[name=executingAgency]').value || null,
      measureType: fs.querySelector('[name=measureType]').value || null,
      content: fs.querySelector('[name=content]').value,
      dueDate: fs.querySelector('[name=dueDate]').value || null,
      entryId: item.entryId || null,
    }));
    const decision = await api.post('commission', `agenda-items/${item.id}/decision`, { text: text.value, legalBasis: basis.value, instructions });
    return t('decision.saved', { number: decision.number || '' });
  }));
  return form;
}

function decisionBlock(d) {
  return h('section', { class: 'decision', 'aria-label': t('decision.label', { number: d.number || '' }), dataset: { decision: d.id } },
    h('h4', {}, t('decision.heading', { number: d.number || '', status: code('decisionStatus', d.status) })),
    h('p', {}, d.text), h('p', { class: 'muted' }, d.legalBasis),
    instructionsTable(d.instructions, t('decision.instructions')));
}

function instructionsTable(instructions, caption) {
  return table(caption,
    [t('instruction.decision'), t('instruction.agency'), t('instruction.measureType'), t('instruction.content'), t('instruction.dueDate'), t('instruction.status')],
    instructions.map((i) => h('tr', { class: i.overdue ? 'overdue' : null, dataset: { instruction: i.id } },
      h('td', {}, i.decisionNumber || ''),
      h('td', {}, nameOf(i.executingAgency)),
      h('td', {}, nameOf(i.measureType)),
      h('td', {}, i.content),
      h('td', {}, formatDate(i.dueDate)),
      h('td', {}, code('instructionStatus', i.status),
        i.overdue ? [' ', h('span', { class: 'badge overdue' }, t('execution.overdueBadge'))] : null,
        i.executedOn ? [' ', t('execution.executedOn', { date: formatDate(i.executedOn) })] : null))));
}

// ---------------------------------------------------------------- execution control

async function executionView(id) {
  const filter = new URLSearchParams(location.hash.split('?')[1] || '').get('status') || 'ALL';
  const [commission, dashboard, instructions] = await Promise.all([
    api.get('commission', `commissions/${id}`),
    api.get('commission', `commissions/${id}/execution`),
    api.get('commission', `commissions/${id}/execution/instructions?status=${encodeURIComponent(filter)}`),
    loadNames()]);
  const stat = (key, value, cls) => h('div', { class: cls || null }, h('dt', {}, t(key)), h('dd', {}, formatNumber(value)));
  const select = h('select', { name: 'status' }, ['ALL', 'OPEN', 'OVERDUE', 'EXECUTED'].map((s) => h('option', { value: s, selected: s === filter }, t(`execution.filter.${s}`))));
  const form = h('form', { class: 'row', 'aria-label': t('execution.filterLabel') }, field(t('execution.filter'), select, 'status'),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('execution.show'))));
  form.addEventListener('submit', (e) => { e.preventDefault(); location.hash = `#/commissions/${id}/execution?status=${select.value}`; });
  return [
    crumbs([t('nav.commissions'), '#/'], [commission.name, `#/commissions/${id}`], [t('execution.title')]),
    heading(t('execution.heading', { name: commission.name })),
    h('p', {}, t('execution.asOf', { date: formatDate(dashboard.asOf) })),
    h('dl', { class: 'stats' },
      stat('execution.executedOnTime', dashboard.executedOnTime), stat('execution.executedLate', dashboard.executedLate),
      stat('execution.openOnTime', dashboard.openOnTime), stat('execution.overdue', dashboard.overdue, dashboard.overdue ? 'card overdue' : null),
      stat('execution.cancelled', dashboard.cancelled), stat('execution.total', dashboard.total)),
    h('section', { 'aria-labelledby': 'instructions-h' }, h('h2', { id: 'instructions-h' }, t('execution.instructions')), form,
      instructions.length ? instructionsTable(instructions, t('execution.caption', { count: formatNumber(instructions.length) }))
        : h('p', {}, t('execution.none'))),
  ];
}

// ---------------------------------------------------------------- routing

const ROUTES = [
  [/^#?\/?$/, commissionsView],
  [/^#\/commissions\/([0-9a-f-]{36})$/, commissionView],
  [/^#\/commissions\/([0-9a-f-]{36})\/execution(?:\?.*)?$/, executionView],
  [/^#\/sessions\/([0-9a-f-]{36})$/, sessionView],
];

async function render({ keepMessages = false, focusMain = true } = {}) {
  const main = document.getElementById('main');
  const hash = location.hash || '#/';
  if (!keepMessages) {
    clearMessages();
  }
  main.setAttribute('aria-busy', 'true');
  let content;
  try {
    const route = ROUTES.find(([pattern]) => pattern.test(hash));
    content = route ? await route[1](...hash.match(route[0]).slice(1)) : [heading(t('error.notFound')), h('p', {}, h('a', { href: '#/' }, t('nav.commissions')))];
  } catch (e) {
    content = [heading(t('error.pageTitle'))];
    main.replaceChildren(...content);
    showError(e);
  }
  main.replaceChildren(...content);
  const title = document.getElementById('page-title');
  document.title = title ? t('app.pageTitle', { page: title.textContent }) : t('app.title');
  main.setAttribute('aria-busy', 'false');
  document.body.dataset.view = hash.split('?')[0];
  document.body.dataset.lang = language();
  if (focusMain && title) {
    title.focus();
  }
}

async function start() {
  // The skip link moves the focus without touching the hash, which holds the route.
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main').focus();
  });
  await setLanguage(initialLanguage());
  const select = document.getElementById('lang');
  select.value = language();
  select.addEventListener('change', async () => {
    await setLanguage(select.value);
    showWho();
    await render({ focusMain: false });
  });
  try {
    me = await api.session();
  } catch (e) {
    if (e.status !== 401) {
      showError(e);
    }
    return;
  }
  showWho();
  const back = api.takeReturnHash();
  if (back && back !== location.hash) {
    location.hash = back;
  }
  // Only #/... are routes; other fragments (none are used) leave the page as it is.
  window.addEventListener('hashchange', () => {
    if (!location.hash || location.hash.startsWith('#/')) {
      render();
    }
  });
  await render({ focusMain: false });
}

function showWho() {
  if (me) {
    document.getElementById('who').textContent = t('app.signedInAs', { name: me.name || me.username });
  }
}

start();
