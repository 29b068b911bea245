// The pages: sign-in, the provider's contracts, the payer's portfolio and payout queue, a contract's page.
// Every figure comes from the API's typed fields (cents, decimal-string rates) and is only formatted here.

import { api, ApiError, claims } from './api.js';
import { ceilTimes, cents, count, date, dollars, floorTimes, label, month, monthsBetween, percent } from './format.js';
import { lineChart } from './chart.js';

/** Builds an element: h('p', {class: 'x', onclick: f}, 'text', child, ...). */
export function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

const enc = encodeURIComponent;
const contractHref = id => '#/contracts/' + enc(id);

/** A figure in a description list, marked for the tests with data-figure. */
function figure(name, term, value, hint) {
  return h('div', { class: 'fig' }, h('dt', {}, term), h('dd', { 'data-figure': name }, value), hint ? h('dd', { class: 'hint' }, hint) : null);
}

function section(title, id, ...body) {
  return h('section', { 'aria-labelledby': id, class: 'card' }, h('h2', { id }, title), ...body);
}

function table(caption, headers, rows, attrs = {}) {
  return h('div', { class: 'table-wrap' }, h('table', attrs,
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows)));
}

export function problemText(e) {
  if (e instanceof ApiError) {
    if (e.status === 401) return 'Your sign-in is not valid or has expired (401). Sign in again.';
    if (e.status === 403) return 'You may not see this (403): ' + e.message;
    if (e.status === 404) return 'Not found (404): ' + e.message;
    return 'The node answered ' + e.status + ': ' + e.message;
  }
  return 'The node could not be reached: ' + e.message;
}

export function errorBox(e) {
  return h('div', { class: 'error', role: 'alert', 'data-status': e instanceof ApiError ? e.status : '' }, problemText(e));
}

// ---------------------------------------------------------------------------------------------- sign-in

export function signInView(onToken, message) {
  const input = h('textarea', { id: 'token', name: 'token', rows: 4, required: true, autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'token-help' });
  const form = h('form', { class: 'card signin', onsubmit: ev => { ev.preventDefault(); onToken(input.value); } },
    h('h1', {}, 'Sign in'),
    message ? h('p', { class: 'error', role: 'alert' }, message) : null,
    h('label', { for: 'token' }, 'Bearer token'),
    input,
    h('p', { id: 'token-help', class: 'hint' },
      'Paste the token your payer or administrator gave you (', h('code', {}, 'vbc-settle token --role provider --party ...'),
      ' mints one for development), or open a sign-in link ending in ', h('code', {}, '/app/#token=...'),
      '. The token stays in this browser tab only.'),
    h('button', { type: 'submit' }, 'Sign in'));
  return form;
}

// ---------------------------------------------------------------------------------------------- home

function exposureOf(totals) {
  // what the contract puts at stake this year: the shared-savings benchmark plus the episodes' target prices
  let sum = null;
  for (const a of (totals && totals.arrangements) || []) {
    const v = a.sharedSavings ? a.sharedSavings.benchmark : a.bundle ? a.bundle.target : null;
    if (v !== null && v !== undefined) sum = (sum === null ? 0n : sum) + cents(v);
  }
  return sum;
}

export async function homeView(who) {
  const contracts = await api.contracts();
  const totals = await Promise.all(contracts.map(c => api.totals(c.id).catch(() => null)));
  const payer = who && who.role !== 'provider';
  const out = [h('h1', {}, payer ? 'Portfolio' : 'Your contracts')];
  if (contracts.length === 0) {
    out.push(h('p', {}, 'No contract is visible to this sign-in.'));
    return out;
  }
  const rows = contracts.map((c, i) => {
    const t = totals[i];
    return h('tr', { 'data-contract': c.id },
      h('th', { scope: 'row' }, h('a', { href: contractHref(c.id) }, c.name || c.id), h('div', { class: 'hint' }, c.id)),
      payer ? h('td', {}, c.provider) : h('td', {}, c.payer),
      h('td', {}, date(c.performanceStart) + ' – ' + date(c.performanceEnd)),
      payer ? h('td', { class: 'num' }, dollars(exposureOf(t))) : null,
      h('td', { class: 'num', 'data-figure': 'projectedSettlement' }, t ? dollars(t.projectedSettlement) : '—'),
      h('td', { class: 'num', 'data-figure': 'payoutsSoFar' }, t ? dollars(t.payoutsSoFar) : '—'),
      payer ? h('td', {}, t ? 'ledger event ' + count(t.asOfSequence) : '—') : null);
  });
  const headers = payer
    ? ['Contract', 'Provider', 'Performance period', 'Exposure (benchmark + episode targets)', 'Projected settlement', 'Payouts so far', 'Data as of']
    : ['Contract', 'Payer', 'Performance period', 'Projected settlement', 'Payouts so far'];
  out.push(h('section', { class: 'card', 'aria-labelledby': 'contracts-h' },
    h('h2', { id: 'contracts-h' }, payer ? 'Every contract' : 'Contracts'),
    table(null, headers, rows, { id: 'contracts' })));
  if (payer) out.push(await payoutQueue(who, contracts));
  return out;
}

/** The payer's queue: payouts triggered (to approve) and approved (to disburse). */
async function payoutQueue(who, contracts) {
  const [triggered, approved] = await Promise.all([api.allPayouts('triggered'), api.allPayouts('approved')]);
  const waiting = [...triggered, ...approved];
  const names = new Map(contracts.map(c => [c.id, c.name || c.id]));
  const body = waiting.length === 0
    ? h('p', {}, 'No payout is waiting for approval or disbursement.')
    : table(null, ['Contract', 'Payout', 'Amount', 'Status', 'Action'], waiting.map(p => queueRow(who, p, names)), { id: 'payout-queue' });
  return section('Payouts awaiting approval or disbursement', 'queue-h', body);
}

function queueRow(who, p, names) {
  const row = h('tr', { 'data-payout': p.key },
    h('td', {}, h('a', { href: contractHref(p.contractId) }, names.get(p.contractId) || p.contractId)),
    h('td', {}, p.reason || p.trigger, h('div', { class: 'hint' }, p.key)),
    h('td', { class: 'num' }, dollars(p.amountCents)),
    h('td', { 'data-status': p.status }, label(p.status)),
    h('td', {}, payoutActions(who, p, moved => row.replaceWith(queueRow(who, moved, names)))));
  return row;
}

// ---------------------------------------------------------------------------------------------- payouts

const STEPS = ['triggered', 'approved', 'disbursed', 'acknowledged'];

/** The buttons the signed-in party may press for this payout (the node checks the same rule). */
function payoutActions(who, p, onMoved) {
  const role = who ? who.role : null;
  const next = { triggered: 'approved', approved: 'disbursed', disbursed: 'acknowledged' }[p.status];
  if (!next) return null;
  const mayPress = next === 'acknowledged' ? (role === 'provider' || role === 'admin') : (role === 'payer' || role === 'admin');
  if (!mayPress) return null;
  const verb = { approved: 'Approve', disbursed: 'Disburse', acknowledged: 'Acknowledge receipt' }[next];
  const status = h('span', { role: 'status', class: 'hint' });
  const button = h('button', {
    type: 'button', 'data-action': next, 'aria-label': verb + ' payout ' + p.key + ' of ' + dollars(p.amountCents),
    onclick: async () => {
      button.disabled = true;
      status.textContent = 'Sending…';
      try {
        // the ledger answers with the payout as it now stands: shown at once (the lists come from a read side
        // that follows the ledger a moment later)
        const moved = await api.movePayout(p.contractId, p.key, next);
        onMoved(moved);
      } catch (e) {
        button.disabled = false;
        status.textContent = problemText(e);
      }
    },
  }, verb);
  return [button, status];
}

function payoutTimeline(who, payouts) {
  if (payouts.length === 0) return h('p', {}, 'No payout has been triggered yet.');
  return h('ol', { class: 'payouts', id: 'payouts' }, payouts.map(p => payoutItem(who, p)));
}

function payoutItem(who, p) {
  const reached = p.status === 'nothing_due' ? 0 : STEPS.indexOf(p.status);
  const item = h('li', { class: 'payout', 'data-payout': p.key, 'data-status': p.status },
    h('div', { class: 'payout-head' },
      h('strong', {}, dollars(p.amountCents)), ' ',
      h('span', {}, p.reason || p.trigger), ' ',
      h('span', { class: 'hint' }, 'period ' + p.periodId)),
    p.status === 'nothing_due'
      ? h('p', { class: 'hint' }, 'Nothing due: recorded once so that this trigger never fires again.')
      : h('ol', { class: 'steps', 'aria-label': 'Status of payout ' + p.key },
        STEPS.map((s, i) => h('li', { class: i < reached ? 'done' : i === reached ? 'current' : 'todo',
          'aria-current': i === reached ? 'step' : null }, label(s)))),
    h('div', { class: 'actions' }, payoutActions(who, p, moved => item.replaceWith(payoutItem(who, moved)))));
  return item;
}

// ---------------------------------------------------------------------------------------------- quality

/** The gap of a measure in words, counted exactly from numerator, eligible and the target (decimal string). */
export function gapInWords(m) {
  const target = m.target !== null && m.target !== undefined ? m.target : nextTier(m);
  const eligible = BigInt(m.eligible);
  const numerator = BigInt(m.numerator);
  const what = m.target !== null && m.target !== undefined ? 'the ' + percent(target, 0) + ' target' : 'the ' + percent(target, 0) + ' tier';
  if (!m.scored) {
    const short = BigInt(m.minimumDenominator) - eligible;
    return short + ' more eligible members needed before this measure is scored (minimum ' + count(m.minimumDenominator) + ').';
  }
  if (target === null) return 'No target.';
  if (!m.lowerIsBetter) {
    const needed = ceilTimes(target, eligible) - numerator;
    return needed <= 0n ? 'Target reached: ' + count(m.numerator) + ' of ' + count(m.eligible) + ' eligible members.'
      : count(needed) + ' more numerator' + (needed === 1n ? '' : 's') + ' to reach ' + what + '.';
  }
  const excess = numerator - floorTimes(target, eligible);
  return excess <= 0n ? 'Target reached (lower is better): ' + count(m.numerator) + ' of ' + count(m.eligible) + '.'
    : count(excess) + ' fewer numerator' + (excess === 1n ? '' : 's') + ' to get under ' + what + ' (lower is better).';
}

function nextTier(m) {
  const ts = (m.tierThresholds || []).slice();
  if (ts.length === 0) return null;
  // the best threshold: the highest (or lowest where lower is better)
  ts.sort((a, b) => { const x = ceilTimes(a, 1000000) - ceilTimes(b, 1000000); return x < 0n ? -1 : x > 0n ? 1 : 0; });
  return m.lowerIsBetter ? ts[0] : ts[ts.length - 1];
}

// ---------------------------------------------------------------------------------------------- contract

export async function contractView(id, who) {
  const contract = await api.contract(id); // a contract the caller may not see stops here with 403/404
  const [totals, statements, payouts] = await Promise.all([api.totals(id), api.statements(id), api.payouts(id)]);
  const months = monthsBetween(totals.periodStart, totals.periodEnd);
  const monthly = await Promise.all(months.map(m => api.totals(id, m).catch(() => null)));
  const payer = who && (who.role === 'payer' || who.role === 'admin');
  const out = [];
  out.push(h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, who && who.role === 'provider' ? 'Your contracts' : 'Portfolio')));
  out.push(h('h1', { id: 'contract-title' }, contract.name || contract.id));
  out.push(h('p', { class: 'lead' }, contract.provider + ' · ' + contract.payer + ' · performance year ',
    h('span', { 'data-figure': 'periodId' }, totals.periodId), ' (' + date(totals.periodStart) + ' – ' + date(totals.periodEnd) + ')'));

  out.push(section('Running totals', 'totals-h', h('dl', { class: 'figures' },
    figure('projectedSettlement', 'Projected settlement', dollars(totals.projectedSettlement),
      totals.projectedSettlement === null ? (totals.notes || []).join('; ') : 'if the year were settled on today\'s data'),
    figure('payoutsSoFar', 'Payouts so far', dollars(totals.payoutsSoFar)),
    figure('paidClaims', 'Paid claims', dollars(totals.paidClaims)),
    figure('paidPmpm', 'Paid per member per month', dollars(totals.paidPmpm)),
    figure('memberMonths', 'Member-months', count(totals.memberMonths)),
    figure('claimCount', 'Claims', count(totals.claimCount)))));

  out.push(spendChart(totals, months, monthly));
  for (const a of totals.arrangements || []) {
    if (a.sharedSavings) out.push(savingsSection(a));
    if (a.quality) out.push(qualitySection(a));
    if (a.bundle) out.push(bundleSection(a, totals.episodes));
  }
  out.push(statementsSection(statements));
  out.push(section('Payouts', 'payouts-h', payoutTimeline(who, payouts)));
  if (payer) out.push(settleForm(contract, totals));
  return out;
}

function spendChart(totals, months, monthly) {
  const savings = (totals.arrangements || []).map(a => a.sharedSavings).find(Boolean);
  let cumSpend = 0n, cumMm = 0n;
  const spend = [], bench = [], rows = [];
  const totalMm = savings && savings.memberMonths ? BigInt(savings.memberMonths) : 0n;
  months.forEach((m, i) => {
    const t = monthly[i];
    if (t) { cumSpend += cents(t.paidClaims); cumMm += BigInt(t.memberMonths); }
    spend.push(t ? cumSpend : null);
    // the year's benchmark pro-rated by the member-months attributed so far (whole cents, rounded down)
    const b = savings && totalMm > 0n ? (cents(savings.benchmark) * cumMm) / totalMm : null;
    bench.push(b);
    rows.push(h('tr', {}, h('th', { scope: 'row' }, month(m)),
      h('td', { class: 'num' }, t ? dollars(t.paidClaims) : '—'),
      h('td', { class: 'num' }, t ? dollars(cumSpend) : '—'),
      savings ? h('td', { class: 'num' }, dollars(b)) : null));
  });
  const series = [{ name: 'Paid claims to date', cls: 'spend', values: spend }];
  if (savings) series.push({ name: 'Benchmark to date (pro-rated by member-months)', cls: 'bench', values: bench });
  return section('Spend by month of service against the benchmark', 'chart-h',
    h('figure', {}, lineChart(months, series, 'Cumulative paid claims' + (savings ? ' against the benchmark' : '')),
      h('figcaption', {}, h('ul', { class: 'legend' }, series.map(s => h('li', { class: s.cls }, s.name))))),
    h('details', {}, h('summary', {}, 'The figures by month'),
      table(null, ['Month', 'Paid in month', 'Paid to date'].concat(savings ? ['Benchmark to date'] : []), rows, { id: 'months' })));
}

function savingsSection(a) {
  const s = a.sharedSavings;
  return section('Shared savings: ' + a.arrangementId, 'ss-' + a.arrangementId, h('dl', { class: 'figures' },
    figure('benchmark', 'Benchmark', dollars(s.benchmark)),
    figure('expenditure', 'Expenditure', dollars(s.expenditure)),
    figure('savings', 'Savings', dollars(s.savings)),
    figure('savingsRate', 'Savings rate', percent(s.savingsRate, 2),
      'minimum savings rate ' + percent(s.minimumSavingsRate, 2) + (s.minimumSavingsRateMet ? ' — met' : ' — not met')),
    figure('finalSharingRate', 'Final sharing rate', percent(s.finalSharingRate, 1)),
    figure('earned', 'Projected shared savings', dollars(s.earned))));
}

function qualitySection(a) {
  const q = a.quality;
  const rows = q.measures.map(m => h('tr', { 'data-measure': m.measureId },
    h('th', { scope: 'row' }, m.measureId),
    h('td', { class: 'num' }, m.rate === null ? '—' : percent(m.rate, 1)),
    h('td', { class: 'num' }, m.target !== null ? percent(m.target, 1) : (m.tierThresholds || []).map(t => percent(t, 0)).join(' / ')),
    h('td', { class: 'num' }, count(m.numerator) + ' / ' + count(m.eligible)),
    h('td', { class: m.met ? 'ok' : 'gap' }, gapInWords(m))));
  return section('Quality: ' + a.arrangementId, 'q-' + a.arrangementId,
    h('dl', { class: 'figures' },
      figure('composite', 'Composite score', q.composite === null ? '—' : percent(q.composite, 1),
        'minimum ' + percent(q.minimumComposite, 1) + (q.compositeMet ? ' — met' : ' — not met')),
      figure('bonus', 'Projected bonus', dollars(q.bonus))),
    table(null, ['Measure', 'Rate', 'Target', 'Numerator / eligible', 'Gap'], rows, { class: 'measures' }),
    h('p', { class: 'hint' }, 'Which members would close each gap is not yet published by the API.'));
}

function bundleSection(a, episodes) {
  const b = a.bundle;
  return section('Episodes against target: ' + a.arrangementId, 'b-' + a.arrangementId, h('dl', { class: 'figures' },
    figure('episodes', 'Episodes', count(b.episodes), count(b.closed) + ' closed, ' + count(b.open) + ' open'),
    figure('closedUnderTarget', 'Closed under target', count(b.closedUnderTarget) + ' of ' + count(b.closed)),
    figure('episodeTarget', 'Target price (all episodes)', dollars(b.target)),
    figure('episodeSpend', 'Episode spend', dollars(b.spend), 'winsorized ' + dollars(b.winsorizedSpend)),
    figure('reconciliation', 'Reconciliation before quality', dollars(b.reconciliation)),
    figure('qualityAdjustment', 'Quality adjustment', dollars(b.qualityAdjustment)),
    episodes ? figure('openSpend', 'Spend in open episodes', dollars(episodes.openSpend)) : null));
}

function statementsSection(statements) {
  if (statements.length === 0) return section('Statements', 'st-h', h('p', {}, 'No statement has been issued yet.'));
  let previous = null;
  const items = statements.map(s => {
    const delta = previous === null ? null : cents(s.total) - cents(previous.total);
    previous = s;
    return h('li', { class: 'statement', 'data-statement': s.periodId + '-' + String(s.kind).toLowerCase() },
      h('details', {},
        h('summary', {}, label(s.kind) + ' statement ' + s.periodId + ': ', h('strong', {}, dollars(s.total)),
          delta === null ? '' : ' (' + (delta >= 0n ? '+' : '') + dollars(delta) + ' from the previous statement)'),
        h('p', { class: 'hint' }, date(s.periodStart) + ' – ' + date(s.periodEnd) + ', ledger event ' + count(s.computedAtSequence)
          + ', contract version ' + s.contractVersion),
        s.arrangements.map(a => table(a.arrangementId + ' (' + label(a.type) + '): ' + dollars(a.amount),
          ['Line item', 'Inputs', 'Formula', 'Result'],
          a.lineItems.map(li => h('tr', {},
            h('th', { scope: 'row' }, li.label),
            h('td', {}, h('ul', { class: 'inputs' }, Object.entries(li.inputs || {}).map(([k, v]) => h('li', {}, k + ': ' + v)))),
            h('td', {}, li.formula),
            h('td', { class: 'num' }, li.amountCents !== null && li.amountCents !== undefined ? dollars(li.amountCents) : li.result)))))));
  });
  return section('Statements', 'st-h', h('ol', { class: 'statements' }, items));
}

function settleForm(contract, totals) {
  const year = totals.periodEnd.slice(0, 4);
  const kind = h('select', { id: 'settle-kind', name: 'kind' }, h('option', { value: 'interim' }, 'Interim (a quarter)'),
    h('option', { value: 'final' }, 'Final (the performance year)'));
  const period = h('input', { id: 'settle-period', name: 'period', type: 'text', value: year + '-Q4', pattern: '\\d{4}(-Q[1-4]|-\\d{2})?',
    'aria-describedby': 'settle-help' });
  const asOf = h('input', { id: 'settle-asof', name: 'asOf', type: 'date' });
  const status = h('p', { role: 'status', id: 'settle-status' });
  kind.addEventListener('change', () => { period.disabled = kind.value === 'final'; });
  const form = h('form', {
    class: 'settle', onsubmit: async ev => {
      ev.preventDefault();
      const req = { kind: kind.value };
      if (kind.value === 'interim') req.period = period.value.trim();
      if (asOf.value) req.asOf = asOf.value;
      status.textContent = 'Settling…';
      try {
        const r = await api.settle(contract.id, req);
        status.textContent = label(r.statement.kind) + ' statement ' + r.statement.periodId + ': ' + dollars(r.statement.total)
          + (r.repeated ? ' (already settled: the same statement)' : '');
        window.dispatchEvent(new CustomEvent('vbc:changed', { detail: { keepStatus: status.textContent } }));
      } catch (e) {
        status.textContent = problemText(e);
      }
    },
  },
    h('div', { class: 'field' }, h('label', { for: 'settle-kind' }, 'Kind'), kind),
    h('div', { class: 'field' }, h('label', { for: 'settle-period' }, 'Period'), period),
    h('div', { class: 'field' }, h('label', { for: 'settle-asof' }, 'As of (settlement date)'), asOf),
    h('p', { id: 'settle-help', class: 'hint' }, 'Interim: a quarter such as ' + year + '-Q4. Final: the whole performance year, after run-out. '
      + 'Empty date: today. Settling the same period twice returns the same statement.'),
    h('button', { type: 'submit' }, 'Run settlement'),
    status);
  return section('Run a settlement', 'settle-h', form);
}

export { claims };
