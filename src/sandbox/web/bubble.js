/**
 * One message as a Telegram app draws it: the bubble, the text (bot HTML through render.js), the time
 * with "edited", the inline keyboard under it, and /commands in the bot's text that send when tapped.
 */
import { renderMessageText, textDirection } from './render.js';

/* global document, NodeFilter */

/** A /command standing alone, as Telegram apps link it (not inside a word or a path). */
// A left-to-right mark (U+200E) may stand before a command in Arabic text (see i18n.ts).
const COMMAND = /(^|[\s(«"،:\u200E])(\/[A-Za-z0-9_]{1,32})(?![\w/])/g;

export function button(text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.dir = 'auto';
  b.addEventListener('click', onClick);
  return b;
}

function linkCommands(root, onCommand) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    // Code shows a command as an example to copy, and a link already goes somewhere.
    if (node.parentElement?.closest('a, code, pre')) continue;
    const parts = [];
    let last = 0;
    for (const match of node.data.matchAll(COMMAND)) {
      const start = match.index + match[1].length;
      const command = match[2];
      const link = document.createElement('a');
      link.href = '#';
      link.className = 'command-link';
      link.textContent = command;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        onCommand(command);
      });
      parts.push(node.data.slice(last, start), link);
      last = start + command.length;
    }
    if (parts.length === 0) continue;
    parts.push(node.data.slice(last));
    node.replaceWith(...parts);
  }
}

function keyboard(message, handlers) {
  const box = document.createElement('div');
  box.className = 'keyboard';
  for (const row of message.replyMarkup?.inline_keyboard ?? []) {
    const line = document.createElement('div');
    line.className = 'keyboard-row';
    for (const key of row) {
      if (key.url) {
        const a = document.createElement('a');
        a.href = key.url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.textContent = `${key.text} ↗`;
        line.append(a);
      } else if (key.callback_data !== undefined) {
        line.append(button(key.text, (event) => handlers.onPress(key.callback_data, event.currentTarget)));
      } else {
        const dead = button(key.text, handlers.onDeadButton);
        dead.disabled = true;
        line.append(dead);
      }
    }
    box.append(line);
  }
  return box;
}

/** handlers: { showSender, onPress(data, buttonElement), onCommand(text), onDeadButton() } */
export function createBubble(message, handlers) {
  const row = document.createElement('div');
  row.className = `msg ${message.from}`;
  row.dataset.key = `${message.from}:${message.id}`;
  row.dataset.order = String(message.order);
  row.dataset.version = String(message.version);
  row.dataset.seq = String(message.seq);
  const card = document.createElement('div');
  card.className = 'bubble';
  if (message.from === 'user' && handlers.showSender) {
    const sender = document.createElement('div');
    sender.className = 'sender';
    sender.textContent = message.senderName;
    card.append(sender);
  }
  const text = document.createElement('div');
  text.className = 'text';
  text.append(renderMessageText(message.text, message.parseMode));
  text.dir = textDirection(text.textContent ?? '');
  if (message.from === 'bot') linkCommands(text, handlers.onCommand);
  const meta = document.createElement('div');
  meta.className = 'meta';
  const time = new Date(message.date * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  meta.textContent = message.version > 0 ? `edited ${time}` : time;
  card.append(text, meta);
  row.append(card);
  if (message.replyMarkup) row.append(keyboard(message, handlers));
  return row;
}
