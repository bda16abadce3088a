/**
 * The sandbox chat: pick a person (or the group, the channel, the forum), type or tap the command
 * menu, press the bot's buttons. Messages come from /sandbox/api/messages, polled every 700 ms for
 * what changed since the last answer, so edits redraw in place; in the forum, for the topic picked.
 * No build step, no library, nothing from the network.
 */
import { button, createBubble } from './bubble.js';
import { buildChats, renderChatList, renderTopics } from './chats.js';
import { textDirection } from './render.js';

/* global document, window, fetch, localStorage, setTimeout, clearTimeout */

const POLL_MS = 700;
const $ = (id) => document.getElementById(id);
const state = { personas: [], chats: [], chat: null, thread: null, cursor: 0, generation: 0, timer: 0, commands: [] };

async function api(path, body) {
  const init = body === undefined
    ? { headers: { accept: 'application/json' } }
    : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(path, init);
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error ?? `HTTP ${response.status}`);
  return data;
}

const personaById = (userId) => state.personas.find((p) => p.userId === userId);
const speaker = () => personaById(Number($('speaker').value)) ?? state.chat.persona;
const languageOf = (persona) => localStorage.getItem(`sandbox.lang.${persona.key}`) ?? persona.languageCode;

function toast(text, alert = false) {
  const box = $('toast');
  box.textContent = text;
  box.dir = textDirection(text);
  box.classList.toggle('alert', alert);
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (box.hidden = true), alert ? 6000 : 2500);
}

/** Puts a message where it belongs in the chat, replacing its older version; true if anything changed. */
function upsert(message) {
  const list = $('messages');
  const old = list.querySelector(`[data-key="${message.from}:${message.id}"]`);
  if (message.deleted) {
    old?.remove();
    return Boolean(old);
  }
  if (old && old.dataset.seq === String(message.seq)) return false;
  const row = createBubble(message, {
    showSender: state.chat.group,
    onPress: (data, target) => press(message, data, target),
    onCommand: (command) => void send(command),
    onDeadButton: () => toast('This kind of button does nothing in the sandbox'),
  });
  if (old) {
    old.replaceWith(row);
    return true;
  }
  const after = [...list.children].find((child) => Number(child.dataset.order) > message.order);
  list.insertBefore(row, after ?? null);
  return true;
}

/** Follows new messages unless the person scrolled up to read older ones. */
function apply(messages, { follow = false } = {}) {
  const list = $('messages');
  const atBottom = follow || list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  let changed = false;
  for (const message of messages) changed = upsert(message) || changed;
  if (changed && atBottom) window.requestAnimationFrame(() => (list.scrollTop = list.scrollHeight));
}

async function poll() {
  const generation = state.generation;
  const chat = state.chat;
  try {
    const thread = chat.kind === 'forum' && state.thread !== null ? `&threadId=${state.thread}` : '';
    const data = await api(`/sandbox/api/messages?chatId=${chat.chatId}&since=${state.cursor}${thread}`);
    if (generation !== state.generation) return;
    if (chat.kind === 'forum') await loadTopics(generation);
    if (generation !== state.generation) return;
    // A cursor going back means the sandbox restarted with a fresh chat history: start over.
    if (data.cursor < state.cursor) {
      selectChat(chat.key);
      return;
    }
    // Toasts are for now: the ones from before this chat was opened are not replayed.
    if (state.cursor > 0) for (const notice of data.notices) toast(notice.text, notice.showAlert);
    const first = state.cursor === 0;
    state.cursor = data.cursor;
    apply(data.messages, { follow: first });
    $('chat-sub').textContent = chat.subtitle;
    $('chat-sub').classList.remove('offline');
    // A channel has no command menu; asking for it on every poll would only repeat an empty answer.
    if (state.commands.length === 0 && chat.kind !== 'channel') await loadCommands();
  } catch (error) {
    $('chat-sub').textContent = `Sandbox unreachable (${error.message}); retrying…`;
    $('chat-sub').classList.add('offline');
  } finally {
    if (generation === state.generation) state.timer = setTimeout(poll, POLL_MS);
  }
}

async function loadTopics(generation) {
  const { topics } = await api(`/sandbox/api/topics?chatId=${state.chat.chatId}`);
  if (generation !== state.generation) return;
  // A topic deleted under the reader sends them back to General, as Telegram apps do.
  if (!topics.some((t) => t.threadId === state.thread)) {
    selectThread(null);
    return;
  }
  renderTopics($('topics'), topics, state.thread, selectThread);
}

/** Each topic is a chat of its own on screen: its messages only, read from the start. */
function selectThread(threadId) {
  clearTimeout(state.timer);
  state.generation++;
  Object.assign(state, { thread: threadId, cursor: 0 });
  $('messages').replaceChildren();
  $('toast').hidden = true;
  $('topics').dataset.signature = '';
  void poll();
}

async function deliverNow() {
  try {
    const { outcome } = await api('/sandbox/api/deliver', { chatId: state.chat.chatId });
    const said = {
      queued: 'The next briefing is on its way to the channel',
      empty: 'Nothing new for the channel’s subscriptions yet',
      no_subscriptions: 'The channel follows nothing yet: in Jane’s chat, /channels → Manage, then /subscribe',
      paused: 'The channel’s edition is paused',
    };
    toast(said[outcome] ?? outcome);
  } catch (error) {
    toast(error.message, true);
  }
}

async function loadCommands() {
  const generation = state.generation;
  const language = languageOf(speaker());
  const { commands } = await api(`/sandbox/api/commands?chatId=${state.chat.chatId}&languageCode=${language}`);
  if (generation !== state.generation) return;
  state.commands = commands;
  const menu = $('menu');
  menu.replaceChildren(...commands.map((c) => {
    const chip = button(`/${c.command}`, () => void send(`/${c.command}`));
    chip.className = 'command';
    chip.title = c.description;
    chip.dataset.command = c.command;
    return chip;
  }));
}

async function send(text) {
  const who = speaker();
  try {
    const { message } = await api('/sandbox/api/send', {
      chatId: state.chat.chatId, userId: who.userId, text, languageCode: languageOf(who),
      ...(state.chat.kind === 'forum' && state.thread !== null ? { threadId: state.thread } : {}),
    });
    apply([message], { follow: true });
    return true;
  } catch (error) {
    toast(`Not sent: ${error.message}`, true);
    return false;
  }
}

async function press(message, data, target) {
  const who = speaker();
  target.disabled = true;
  try {
    await api('/sandbox/api/press', {
      chatId: state.chat.chatId, userId: who.userId, messageId: message.id, data, languageCode: languageOf(who),
    });
  } catch (error) {
    toast(error.message, true);
  } finally {
    setTimeout(() => (target.disabled = false), 400);
  }
}

function showControls() {
  const chat = state.chat;
  $('speaker-label').hidden = !chat.group;
  const readOnly = chat.kind === 'channel';
  $('composer').hidden = readOnly;
  $('menu').hidden = readOnly;
  $('channel-note').hidden = !readOnly;
  $('topics').hidden = chat.kind !== 'forum';
  // Nobody speaks in the channel, so there is no Telegram language to pick for it.
  $('language').parentElement.hidden = readOnly;
  $('speaker').replaceChildren(...state.personas.map((p) => {
    const option = document.createElement('option');
    option.value = String(p.userId);
    option.textContent = p.firstName;
    return option;
  }));
  $('speaker').value = String(chat.persona.userId);
  $('language').value = languageOf(speaker());
}

function selectChat(key) {
  const chat = state.chats.find((c) => c.key === key) ?? state.chats[0];
  clearTimeout(state.timer);
  state.generation++;
  Object.assign(state, { chat, thread: null, cursor: 0, commands: [] });
  $('topics').replaceChildren();
  $('topics').dataset.signature = '';
  window.location.hash = chat.key;
  $('chat-title').textContent = chat.title;
  $('chat-sub').textContent = chat.subtitle;
  $('messages').replaceChildren();
  $('menu').replaceChildren();
  $('toast').hidden = true;
  document.body.dataset.chat = chat.key;
  renderChatList($('chats'), state.chats, chat, selectChat);
  showControls();
  void poll();
  if (chat.kind !== 'channel') $('input').focus();
}

async function init() {
  const data = await api('/sandbox/api/personas');
  document.title = `${data.bot.name} · sandbox`;
  state.personas = data.personas;
  state.chats = buildChats(data);
  $('deliver').addEventListener('click', () => void deliverNow());
  $('composer').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('input').value;
    if (text.trim() === '') return;
    if (await send(text)) $('input').value = '';
  });
  $('input').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      $('composer').requestSubmit();
    }
  });
  $('menu-toggle').addEventListener('click', () => {
    const open = $('menu').classList.toggle('closed');
    $('menu-toggle').setAttribute('aria-expanded', String(!open));
  });
  $('speaker').addEventListener('change', () => {
    $('language').value = languageOf(speaker());
    void loadCommands();
  });
  $('language').addEventListener('change', () => {
    localStorage.setItem(`sandbox.lang.${speaker().key}`, $('language').value);
    void loadCommands();
  });
  selectChat(window.location.hash.slice(1));
}

init().catch((error) => {
  $('chat-title').textContent = 'The sandbox did not load';
  $('chat-sub').textContent = error.message;
});
