// Entry point: hash routing (#/login, #/signup, #/apps, #/apps/<name>) and the account views.
import { api, session, whenUnauthorized } from './api.js';
import { h, fill, showError, clearErrors, announce, field } from './ui.js';
import { appsView } from './apps.js';
import { appView } from './app-page.js';

const view = document.getElementById('view');
let leaving = null; // the current view's AbortController: aborting it stops its requests, streams and timers

/** What a view gets: a signal that fires when the user navigates away, and timers tied to it. */
function viewContext() {
  const controller = new AbortController();
  leaving = controller;
  return {
    signal: controller.signal,
    every(ms, task) {
      const timer = setInterval(task, ms);
      controller.signal.addEventListener('abort', () => clearInterval(timer));
    },
  };
}

let shownPath = null;

function route() {
  leaving?.abort();
  const path = location.hash.replace(/^#/, '') || '/apps';
  if (path !== shownPath) {
    clearErrors(); // errors of the page left behind no longer apply
    shownPath = path;
  }
  const signedIn = Boolean(session.token());
  renderAccount(signedIn);
  const ctx = viewContext();
  if (path === '/signup') {
    return show('Sign up', signupView());
  }
  if (!signedIn || path === '/login') {
    return show('Log in', loginView());
  }
  const appMatch = path.match(/^\/apps\/([^/]+)$/);
  if (appMatch) {
    return show(decodeURIComponent(appMatch[1]), appView(decodeURIComponent(appMatch[1]), ctx));
  }
  return show('Apps', appsView(ctx));
}

function show(title, content) {
  document.title = `${title} · PaaS Runtime`;
  fill(view, content);
  // move focus to the new page's heading so keyboard and screen-reader users land on it
  const heading = view.querySelector('h1');
  (heading || view).setAttribute('tabindex', '-1');
  (heading || view).focus({ preventScroll: true });
}

function renderAccount(signedIn) {
  const nav = document.getElementById('account');
  if (signedIn) {
    fill(nav, h('a', { href: '#/apps' }, 'Apps'),
      h('span', { class: 'who' }, session.email() || ''),
      h('button', { type: 'button', class: 'secondary', onclick: logout }, 'Log out'));
  } else {
    fill(nav, h('a', { href: '#/login' }, 'Log in'), h('a', { href: '#/signup' }, 'Sign up'));
  }
}

function logout() {
  session.clear();
  clearErrors();
  announce('Logged out.');
  navigate('#/login');
}

function navigate(hash) {
  if (location.hash === hash) {
    route();
  } else {
    location.hash = hash;
  }
}

async function logIn(email, password) {
  const token = await api('POST', '/v1/auth/login', { email, password });
  session.save(token.access_token, email);
}

function loginView() {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit' }, 'Log in');
  return h('section', { class: 'card narrow', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Log in'),
    h('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        submit.disabled = true;
        try {
          await logIn(email.value.trim(), password.value);
          navigate('#/apps');
        } catch (e) {
          showError(e, 'Log in');
        } finally {
          submit.disabled = false;
        }
      },
    }, field('Email', email), field('Password', password), h('div', { class: 'actions' }, submit)),
    h('p', {}, 'No account yet? ', h('a', { href: '#/signup' }, 'Sign up')));
}

function signupView() {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'new-password', required: true });
  const tenant = h('input', { type: 'text', name: 'tenant', autocomplete: 'organization', required: true });
  const submit = h('button', { type: 'submit' }, 'Sign up');
  return h('section', { class: 'card narrow', 'aria-labelledby': 'signup-title' },
    h('h1', { id: 'signup-title' }, 'Sign up'),
    h('p', {}, 'Creates your team (the tenant that owns your apps) and your user in it.'),
    h('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        submit.disabled = true;
        try {
          await api('POST', '/v1/signup', { email: email.value.trim(), password: password.value, tenant: tenant.value.trim() });
          await logIn(email.value.trim(), password.value);
          clearErrors();
          announce(`Welcome, ${email.value.trim()}.`);
          navigate('#/apps');
        } catch (e) {
          showError(e, 'Sign up');
        } finally {
          submit.disabled = false;
        }
      },
    }, field('Email', email), field('Password', password), field('Team name', tenant),
    h('div', { class: 'actions' }, submit)),
    h('p', {}, 'Already signed up? ', h('a', { href: '#/login' }, 'Log in')));
}

whenUnauthorized((error) => {
  session.clear();
  navigate('#/login');
  showError(error, 'Your session ended; please log in again');
});
window.addEventListener('hashchange', route);
route();
