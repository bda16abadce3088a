/**
 * The sidebar: the people's private chats, the group, the channel and the forum, each with the
 * subtitle that says what kind of chat it is, since the page's controls differ by kind.
 */

/* global document */

const LANGUAGE = { ar: 'Arabic', ru: 'Russian', en: 'English' };

/** One entry per chat from GET /sandbox/api/personas. `kind` decides the controls: composer, topics, read-only. */
export function buildChats({ bot, personas, group, channel, forum }) {
  const byKey = (key) => personas.find((p) => p.key === key) ?? personas[0];
  const everyone = personas.map((p) => p.firstName).join(', ');
  return [
    ...personas.map((p) => ({
      key: p.key, chatId: p.chatId, title: p.firstName, persona: p, kind: 'private', group: false,
      subtitle: `${LANGUAGE[p.languageCode]} speaker${p.admin ? ' · bot admin' : ''} · private chat with @${bot.username}`,
    })),
    {
      key: group.key, chatId: group.chatId, title: group.title, group: true, kind: 'group', persona: byKey(group.creatorKey),
      subtitle: `Group: ${everyone} and @${bot.username}`,
    },
    {
      key: channel.key, chatId: channel.chatId, title: channel.title, group: false, kind: 'channel', persona: byKey(channel.creatorKey),
      subtitle: `Channel @${channel.username} · ${byKey(channel.creatorKey).firstName} owns it, @${bot.username} posts as an admin`,
    },
    {
      key: forum.key, chatId: forum.chatId, title: forum.title, group: true, kind: 'forum', persona: byKey(forum.creatorKey),
      subtitle: `Forum with topics: ${everyone} and @${bot.username}`,
    },
  ];
}

export function renderChatList(nav, chats, current, onSelect) {
  nav.replaceChildren();
  for (const chat of chats) {
    const item = document.createElement('button');
    item.type = 'button';
    item.className = 'chat-item';
    item.dataset.chat = chat.key;
    item.setAttribute('aria-current', String(chat === current));
    const avatar = document.createElement('span');
    avatar.className = `avatar ${chat.key}`;
    avatar.textContent = chat.title.slice(0, 1);
    const label = document.createElement('span');
    label.className = 'chat-label';
    const name = document.createElement('strong');
    name.textContent = chat.title;
    const sub = document.createElement('small');
    sub.textContent = chat.subtitle;
    label.append(name, sub);
    item.append(avatar, label);
    item.addEventListener('click', () => onSelect(chat.key));
    nav.append(item);
  }
}

/**
 * The forum's topic tabs, General first. Redrawn only when the list changed, so a tab keeps focus
 * while the page polls; a topic the bot opens (/editions) shows up on the next poll.
 */
export function renderTopics(nav, topics, currentThreadId, onSelect) {
  const signature = JSON.stringify([topics, currentThreadId]);
  if (nav.dataset.signature === signature) return;
  nav.dataset.signature = signature;
  nav.replaceChildren(...topics.map((topic) => {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.className = 'topic';
    tab.dataset.thread = topic.threadId === null ? 'general' : String(topic.threadId);
    tab.setAttribute('aria-selected', String(topic.threadId === currentThreadId));
    tab.setAttribute('role', 'tab');
    tab.dir = 'auto';
    tab.textContent = topic.closed ? `🔒 ${topic.name}` : `# ${topic.name}`;
    tab.addEventListener('click', () => onSelect(topic.threadId));
    return tab;
  }));
}
