// The recording player: a signed playback URL (renewed before it expires, keeping the position),
// a waveform per channel from server-computed peaks (click or arrow keys to seek), and transcript
// timestamps that seek the player.
const RENEW_AT = 0.8; // of the URL's lifetime

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) {
    let detail = `${response.status}`;
    try { detail = (await response.json()).detail ?? detail; } catch { /* not JSON */ }
    throw new Error(detail);
  }
  return response.json();
}

function setup(player) {
  if (player.dataset.ready) return;
  player.dataset.ready = '1';
  const id = player.dataset.recordingId;
  const audio = player.querySelector('audio');
  const status = player.querySelector('[data-player-status]');
  const say = (text) => { if (status) status.textContent = text; };
  let renewTimer = null;

  async function load(keepPosition) {
    const { url, expiresAt } = await getJson(`/api/recordings/${id}/playback`);
    const position = audio.currentTime;
    const playing = !audio.paused;
    player.dataset.expiresAt = expiresAt;
    audio.src = url;
    if (keepPosition) {
      audio.addEventListener('loadedmetadata', () => {
        audio.currentTime = position;
        if (playing) audio.play().catch(() => {});
      }, { once: true });
    }
    const lifetime = Math.max(0, new Date(expiresAt).getTime() - Date.now());
    clearTimeout(renewTimer);
    renewTimer = setTimeout(() => load(true).catch((e) => say(`Could not renew the playback link: ${e.message}. Reload the page.`)), Math.max(5000, lifetime * RENEW_AT));
  }

  load(false).catch((e) => say(`Cannot play: ${e.message}`));
  audio.addEventListener('error', () => {
    // An expired or revoked link: one fresh try.
    if (!player.dataset.retried) {
      player.dataset.retried = '1';
      load(true).catch((e) => say(`Cannot play: ${e.message}`));
    }
  });
  audio.addEventListener('playing', () => { delete player.dataset.retried; });

  setupWaveform(player, audio);
  const section = player.closest('section') ?? document;
  section.addEventListener('click', (event) => {
    const button = event.target.closest('[data-seek]');
    if (!button || !section.contains(button)) return;
    seek(audio, Number(button.dataset.seek));
    audio.play().catch(() => {});
  });
  audio.addEventListener('timeupdate', () => highlight(section, audio.currentTime));
}

function seek(audio, seconds) {
  const end = Number.isFinite(audio.duration) ? audio.duration : seconds;
  audio.currentTime = Math.max(0, Math.min(seconds, end));
}

function highlight(section, time) {
  for (const li of section.querySelectorAll('.segment')) {
    const start = Number(li.querySelector('[data-seek]')?.dataset.seek ?? NaN);
    const next = li.nextElementSibling?.querySelector('[data-seek]');
    const end = next ? Number(next.dataset.seek) : Infinity;
    li.classList.toggle('current', time >= start && time < end);
  }
}

async function setupWaveform(player, audio) {
  const box = player.querySelector('[data-waveform]');
  if (!box) return;
  const note = box.querySelector('[data-waveform-status]');
  let wave;
  try {
    wave = await getJson(`/api/recordings/${player.dataset.recordingId}/waveform`);
  } catch (e) {
    if (note) note.textContent = `No waveform: ${e.message}`;
    return;
  }
  note?.remove();
  const canvases = wave.peaks.map((_, channel) => {
    const canvas = document.createElement('canvas');
    canvas.dataset.channel = String(channel + 1);
    canvas.setAttribute('aria-hidden', 'true');
    box.append(canvas);
    return canvas;
  });
  box.dataset.channels = String(wave.peaks.length);
  const duration = () => (Number.isFinite(audio.duration) && audio.duration > 0 ? audio.duration : wave.durationSeconds);
  const draw = () => {
    const played = duration() > 0 ? audio.currentTime / duration() : 0;
    canvases.forEach((canvas, channel) => drawPeaks(canvas, wave.peaks[channel], played, channel));
    box.setAttribute('aria-valuenow', audio.currentTime.toFixed(1));
    box.setAttribute('aria-valuetext', `${Math.floor(audio.currentTime)} of ${Math.floor(duration())} seconds`);
  };
  draw();
  audio.addEventListener('timeupdate', draw);
  audio.addEventListener('seeked', draw);
  window.addEventListener('resize', draw);
  box.addEventListener('click', (event) => {
    const rect = box.getBoundingClientRect();
    seek(audio, ((event.clientX - rect.left) / rect.width) * duration());
  });
  box.addEventListener('keydown', (event) => {
    const moves = { ArrowLeft: -5, ArrowRight: 5, PageDown: -30, PageUp: 30 };
    if (event.key in moves) seek(audio, audio.currentTime + moves[event.key]);
    else if (event.key === 'Home') seek(audio, 0);
    else if (event.key === 'End') seek(audio, duration());
    else if (event.key === ' ' || event.key === 'Enter') { if (audio.paused) audio.play().catch(() => {}); else audio.pause(); }
    else return;
    event.preventDefault();
  });
}

function drawPeaks(canvas, peaks, played, channel) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, width, height);
  const mid = height / 2;
  const step = width / Math.max(1, peaks.length);
  const colours = channel === 0 ? ['#2457c5', '#9db4e6'] : ['#1f7a3d', '#9fd3b0'];
  for (let i = 0; i < peaks.length; i++) {
    const x = i * step;
    const h = Math.max(1, (peaks[i] / 100) * (height - 4));
    g.fillStyle = (i + 0.5) / peaks.length <= played ? colours[0] : colours[1];
    g.fillRect(x, mid - h / 2, Math.max(1, step - (step > 2 ? 1 : 0)), h);
  }
}

function init(root) {
  for (const player of root.querySelectorAll('[data-player]')) setup(player);
}

document.addEventListener('live:replaced', (event) => init(event.detail.parentElement ?? document));
init(document);
