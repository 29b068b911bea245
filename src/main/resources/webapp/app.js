// The router: #/ (home), #/contracts/{id}, #/signin; a link /app/#token=... signs in and is then forgotten.

import { claims, signIn, signOut, token } from './api.js';
import { contractView, errorBox, h, homeView, signInView } from './views.js';
import { label } from './format.js';

const main = document.getElementById('main');
const who = document.getElementById('who');
const signOutButton = document.getElementById('signout');

function takeTokenFromLink() {
  const m = /^#token=([^&]+)/.exec(location.hash);
  if (!m) return;
  signIn(decodeURIComponent(m[1]));
  // the token leaves the address bar and the history at once
  history.replaceState(null, '', location.pathname + '#/');
}

function showWho() {
  const c = claims();
  who.textContent = c ? label(c.role) + (c.party ? ': ' + c.party : '') : '';
  signOutButton.hidden = !c;
}

// each render is numbered: a slower, older render (e.g. one started before a sign-in as another role) must not
// replace what a newer one shows
let renders = 0;

async function render() {
  const mine = ++renders;
  takeTokenFromLink();
  showWho();
  const c = claims();
  const route = location.hash.replace(/^#/, '') || '/';
  main.setAttribute('aria-busy', 'true');
  let nodes;
  if (!token() || !c || route === '/signin') {
    nodes = [signInView(t => { signIn(t); location.hash = '#/'; render(); }, token() && !c ? 'That is not a bearer token.' : null)];
  } else {
    try {
      const m = /^\/contracts\/([^/]+)$/.exec(route);
      nodes = m ? await contractView(decodeURIComponent(m[1]), c) : await homeView(c);
    } catch (e) {
      nodes = [h('h1', {}, 'Cannot show this page'), errorBox(e), h('p', {}, h('a', { href: '#/' }, 'Back to your contracts'))];
      if (e.status === 401) { signOut(); showWho(); nodes.push(signInView(t => { signIn(t); render(); })); }
    }
  }
  if (mine !== renders) return;
  main.replaceChildren(...nodes.flat().filter(Boolean));
  main.setAttribute('aria-busy', 'false');
  document.title = (main.querySelector('h1') ? main.querySelector('h1').textContent + ' · ' : '') + 'vbc-settle';
  main.dataset.route = route;
  // a new page: move focus to its heading, as a screen reader expects after navigation
  const h1 = main.querySelector('h1');
  if (h1) { h1.tabIndex = -1; h1.focus({ preventScroll: true }); }
}

signOutButton.addEventListener('click', () => { signOut(); location.hash = '#/signin'; render(); });
window.addEventListener('hashchange', render);
window.addEventListener('vbc:changed', async ev => {
  await render();
  const kept = ev.detail && ev.detail.keepStatus;
  const status = document.getElementById('settle-status');
  if (kept && status) status.textContent = kept;
});
render();
