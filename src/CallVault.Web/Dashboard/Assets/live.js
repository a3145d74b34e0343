// Live updates. Listens to GET /api/events (Server-Sent Events); when something on this page may
// have changed, fetches the page again in the background and swaps in only the parts whose
// data-live version differs. Reconnects after a restart and then catches up with one refresh.
const source = document.body.dataset.liveEvents;
const indicator = document.getElementById('live-indicator');
const EVENTS = ['recording.updated', 'recording.stored', 'call.updated'];
let events = null;
let retryDelay = 1000;
let timer = null;
let refreshing = false;
let again = false;

function setState(state, text) {
  if (indicator) {
    indicator.dataset.state = state;
    indicator.textContent = text;
  }
}

function connect() {
  events = new EventSource(source);
  events.onopen = () => {
    setState('live', 'Live');
    retryDelay = 1000;
    // Whatever happened while no stream was open (between the page being rendered and this first
    // connection, or while the server restarted) sent events nobody heard: catch up with one refresh.
    schedule(0);
  };
  for (const type of EVENTS) {
    events.addEventListener(type, onEvent);
  }
  events.onerror = () => {
    setState('reconnecting', 'Reconnecting…');
    if (events.readyState === EventSource.CLOSED) {
      // The browser gave up (the server answered an error while restarting, or we were signed out):
      // try again ourselves, and fetch the page once, which notices a sign-out.
      events.close();
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 10000);
      schedule(0);
    }
  };
}

function onEvent(message) {
  let data = {};
  try { data = JSON.parse(message.data); } catch { /* refresh anyway */ }
  const head = document.getElementById('call-head');
  if (head) {
    // A call's page only cares about its own call and recordings.
    const mine = data.callId === head.dataset.callId
      || (data.recordingId && document.querySelector(`[data-recording-id="${data.recordingId}"]`));
    if (!mine) return;
  }
  schedule(250);
}

function schedule(delay) {
  clearTimeout(timer);
  timer = setTimeout(refresh, delay);
}

async function refresh() {
  if (refreshing) { again = true; return; }
  refreshing = true;
  try {
    const response = await fetch(location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin', cache: 'no-store' });
    if (response.redirected && new URL(response.url).pathname.startsWith('/signin')) {
      location.reload(); // signed out meanwhile
      return;
    }
    if (response.ok) {
      patch(new DOMParser().parseFromString(await response.text(), 'text/html'));
    }
  } catch {
    // Offline for a moment: the next event or the reconnect refreshes again.
  } finally {
    refreshing = false;
    if (again) { again = false; schedule(200); }
  }
}

function adopt(node) {
  return document.importNode(node, true);
}

function patch(doc) {
  const replaced = [];
  for (const list of document.querySelectorAll('[data-live-list]')) {
    const fresh = doc.getElementById(list.id);
    if (!fresh) continue;
    const current = new Map([...list.children].map((el) => [el.id, el]));
    const next = [];
    for (const child of fresh.children) {
      const old = current.get(child.id);
      if (old && old.dataset.live === child.dataset.live) {
        next.push(old);
      } else if (old) {
        next.push(adopt(child));
      } else if (list.dataset.liveList === 'prepend') {
        const added = adopt(child);
        added.classList.add('live-new');
        next.push(added);
      }
    }
    if (next.length !== list.children.length || next.some((el, i) => el !== list.children[i])) {
      list.replaceChildren(...next);
    }
  }
  const freshIds = new Set();
  for (const fresh of doc.querySelectorAll('[data-live][id]')) {
    if (fresh.parentElement?.closest('[data-live-list]')) continue;
    freshIds.add(fresh.id);
    const current = document.getElementById(fresh.id);
    if (current && current.dataset.live !== fresh.dataset.live) {
      const node = adopt(fresh);
      current.replaceWith(node);
      replaced.push(node);
    }
  }
  // Whatever is gone from the fresh page (an empty-state note) goes here too.
  for (const current of document.querySelectorAll('[data-live][id]')) {
    if (!current.parentElement?.closest('[data-live-list]') && !freshIds.has(current.id) && !current.closest('[data-live-keep]')) {
      current.remove();
    }
  }
  // Regions that exist only on the fresh page (a first recording) appear by replacing their container.
  for (const fresh of doc.querySelectorAll('[data-live-container][id]')) {
    const current = document.getElementById(fresh.id);
    if (current && current.dataset.liveContainer !== fresh.dataset.liveContainer) {
      const node = adopt(fresh);
      current.replaceWith(node);
      replaced.push(node);
    }
  }
  for (const node of replaced) {
    document.dispatchEvent(new CustomEvent('live:replaced', { detail: node }));
  }
}

if (source) {
  setState('connecting', 'Connecting…');
  connect();
}
