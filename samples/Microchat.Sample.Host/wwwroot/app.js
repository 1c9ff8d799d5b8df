// The Microchat web page: sign-in, the chat list, one open conversation, and the live event
// stream that keeps both current. Plain DOM code, no framework, no build step.
"use strict";

(() => {
  const api = MicrochatApi;
  const $ = (id) => document.getElementById(id);
  const QUICK_REACTIONS = ["👍", "❤️", "😂", "😮", "😢", "🙏"];
  const PAGE = 30;

  const state = {
    me: null,
    chats: new Map(),          // chat id -> { chat, last_message, unread_count }
    current: null,             // { id, key, summary, details, oldest, newest, loading, complete, typers }
    events: null,
    lastEventId: null,
    reconnectDelay: 1000,
    editing: null,             // message id being edited
    pendingPhoto: null,        // File chosen for the next message
    lastTypingSent: 0,
    reactionsUnavailable: false,
    typingUnavailable: false,
  };

  // ---------- small helpers ----------

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  let toastTimer;
  function toast(message) {
    const t = $("toast");
    t.textContent = message;
    t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { t.hidden = true; }, 4000);
  }

  function debounce(fn, ms) {
    let timer;
    return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
  }

  const isMine = (message) => state.me && message.sender && message.sender.id === state.me.id;
  const keyOf = (summary) => String(summary.id);

  function timeLabel(iso, withDay) {
    const d = new Date(iso);
    const now = new Date();
    if (!withDay || d.toDateString() === now.toDateString())
      return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    return d.toLocaleDateString([], { month: "short", day: "numeric" });
  }

  function avatarFor(summary, extraClass) {
    const node = el("span", { class: `avatar ${extraClass || ""}`, "aria-hidden": "true" });
    fillAvatar(node, summary);
    return node;
  }

  function fillAvatar(node, summary) {
    node.textContent = "";
    node.style.background = "";
    if (!summary) return;
    if (summary.avatar && summary.avatar.id) {
      node.append(el("img", { src: api.mediaUrl(summary.avatar.id), alt: "" }));
      return;
    }
    const hue = (Number(summary.id) * 67) % 360;
    node.style.background = `hsl(${hue} 55% 52%)`;
    const words = (summary.title || summary.alias || "?").trim().split(/\s+/);
    node.textContent = ((words[0] || "?")[0] + ((words[1] || "")[0] || "")).toUpperCase();
  }

  // Text with http(s) links made clickable, built from text nodes so nothing is parsed as HTML.
  function richText(text) {
    const frag = document.createDocumentFragment();
    const re = /https?:\/\/[^\s<>"]+/g;
    let last = 0;
    let m;
    while ((m = re.exec(text))) {
      if (m.index > last) frag.append(text.slice(last, m.index));
      frag.append(el("a", { href: m[0], target: "_blank", rel: "noopener noreferrer", text: m[0] }));
      last = m.index + m[0].length;
    }
    if (last < text.length) frag.append(text.slice(last));
    return frag;
  }

  function preview(message) {
    if (!message) return "No messages yet";
    const parts = [];
    if (message.attachments && message.attachments.length)
      parts.push(message.attachments.some((a) => a.kind === "photo") ? "Photo" : "File");
    if (message.text) parts.push(message.text);
    const body = parts.join(" ");
    return isMine(message) ? `You: ${body}` : body;
  }

  // ---------- sign-in ----------

  let registering = false;

  function showLogin() {
    $("app").hidden = true;
    $("login").hidden = false;
    $("login-alias").focus();
  }

  function setRegistering(on) {
    registering = on;
    $("login-name-row").hidden = !on;
    $("login-submit").textContent = on ? "Create account" : "Log in";
    $("login-toggle").textContent = on ? "Have an account? Log in" : "New here? Create an account";
    $("login-password").autocomplete = on ? "new-password" : "current-password";
  }

  async function submitLogin(event) {
    event.preventDefault();
    const alias = $("login-alias").value.trim().replace(/^@/, "");
    const password = $("login-password").value;
    const error = $("login-error");
    error.hidden = true;
    $("login-submit").disabled = true;
    try {
      if (registering) await api.register(alias, password, $("login-name").value.trim() || alias);
      const token = await api.login(alias, password);
      api.setToken(token.token, alias);
      sessionStorage.setItem("microchat.tokenId", token.id);
      $("login-password").value = "";
      await start();
    } catch (e) {
      error.textContent = e.status === 401 ? "Wrong alias or password." : describe(e);
      error.hidden = false;
    } finally {
      $("login-submit").disabled = false;
    }
  }

  function describe(e) {
    if (e.problem && e.problem.errors) return Object.values(e.problem.errors).flat().join(" ");
    return e.message || "Something went wrong.";
  }

  async function logout() {
    const tokenId = sessionStorage.getItem("microchat.tokenId");
    if (tokenId) await api.revoke(tokenId).catch(() => {});
    stopEvents();
    api.setToken(null);
    state.me = null;
    state.current = null;
    state.chats.clear();
    history.replaceState(null, "", location.pathname);
    setRegistering(false);
    showLogin();
  }

  // ---------- start-up ----------

  async function start() {
    try {
      state.me = await api.me();
    } catch (e) {
      if (e.status === 401) { api.setToken(null); showLogin(); return; }
      toast(describe(e));
      return;
    }
    $("login").hidden = true;
    $("app").hidden = false;
    fillAvatar($("me-avatar"), { ...state.me, title: meTitle() });
    $("me-title").textContent = meTitle();
    startEvents();
    await loadChats();
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash) openChat(hash).catch(() => {});
  }

  const meTitle = () => [state.me.name, state.me.surname].filter(Boolean).join(" ") || state.me.title || state.me.alias;

  // ---------- chat list ----------

  async function loadChats() {
    const list = await api.chats(0, 100);
    state.chats.clear();
    for (const item of list) state.chats.set(keyOf(item.chat), item);
    renderChats();
  }
  const reloadChats = debounce(() => loadChats().catch(() => {}), 250);

  function renderChats() {
    const ul = $("chat-list");
    const items = [...state.chats.values()].sort((a, b) => activity(b) - activity(a));
    ul.replaceChildren(...items.map(chatItem));
    $("chat-list-empty").hidden = items.length > 0 || !$("search-results").hidden;
  }

  const activity = (item) => (item.last_message ? Date.parse(item.last_message.sent_at) : 0);

  function chatItem(item) {
    const id = keyOf(item.chat);
    const active = state.current && state.current.id === id;
    const unread = item.unread_count > 0 ? el("span", { class: "badge", text: String(item.unread_count), "aria-label": `${item.unread_count} unread` }) : null;
    return el("li", {
      class: `chat-item${active ? " active" : ""}${item.unread_count ? " unread" : ""}`,
      dataset: { test: "chat-item", id, alias: item.chat.alias || "" },
      tabindex: "0",
      onclick: () => openChat(id),
      onkeydown: (e) => { if (e.key === "Enter") openChat(id); },
    },
      avatarFor(item.chat),
      el("div", { class: "chat-item-body" },
        el("div", { class: "chat-item-top" },
          el("span", { class: "chat-item-title", text: item.chat.title || item.chat.alias }),
          el("span", { class: "chat-item-time muted", text: item.last_message ? timeLabel(item.last_message.sent_at, true) : "" })),
        el("div", { class: "chat-item-bottom" },
          el("span", { class: "chat-item-preview muted", text: preview(item.last_message) }),
          unread)));
  }

  function touchChat(chat, message) {
    const id = keyOf(chat);
    const item = state.chats.get(id);
    if (!item) { reloadChats(); return; }
    item.chat = chat;
    if (!item.last_message || message.id >= item.last_message.id) item.last_message = message;
    const open = state.current && state.current.id === id && document.visibilityState === "visible";
    if (!isMine(message) && !open) item.unread_count += 1;
    renderChats();
  }

  // ---------- opening a chat ----------

  async function openChat(key) {
    key = String(key).trim();
    if (!key) return;
    if (!/^\d+$/.test(key) && !key.startsWith("@")) key = `@${key}`;
    const details = await api.chatDetails(key);
    const id = String(details.id);
    const summary = state.chats.has(id) ? state.chats.get(id).chat : summaryOf(details);
    state.current = { id, key: id, summary, details, oldest: null, newest: 0, loading: false, complete: false, typers: new Map() };
    cancelEdit();
    clearPhoto();
    $("no-chat").hidden = true;
    $("chat").hidden = false;
    $("app").classList.add("in-chat");
    fillAvatar($("chat-avatar"), summary);
    $("chat-title").textContent = summary.title || summary.alias;
    renderSubtitle();
    $("message-list").replaceChildren();
    $("history-status").textContent = "";
    history.replaceState(null, "", `#${details.alias ? "@" + details.alias : id}`);
    renderChats();
    state.stickToBottom = true;
    await loadOlder();
    scrollToBottom();
    // Fill the screen: keep paging back until the list scrolls or the history is complete.
    while (!state.current.complete && $("messages").scrollHeight <= $("messages").clientHeight) {
      if (!(await loadOlder())) break;
      scrollToBottom();
    }
    markRead();
    $("composer").focus();
  }

  function summaryOf(details) {
    const title = details.type === "user" ? [details.name, details.surname].filter(Boolean).join(" ") : details.title;
    return { id: details.id, alias: details.alias, type: details.type, title: title || details.alias, avatar: details.avatar };
  }

  function renderSubtitle() {
    const c = state.current;
    if (!c) return;
    const typers = [...c.typers.values()].map((t) => t.name);
    const sub = $("chat-subtitle");
    if (typers.length) {
      sub.textContent = `${typers.join(", ")} ${typers.length > 1 ? "are" : "is"} typing…`;
      sub.classList.add("typing");
      return;
    }
    sub.classList.remove("typing");
    const d = c.details;
    if (d.type === "conference") sub.textContent = `${d.member_count ?? ""} member${d.member_count === 1 ? "" : "s"}${d.private ? " · private" : ""}`;
    else if (state.me && d.id === state.me.id) sub.textContent = "Saved messages";
    else sub.textContent = `@${d.alias}${d.type === "bot" ? " · bot" : ""}`;
  }

  // ---------- history ----------

  async function loadOlder() {
    const c = state.current;
    if (!c || c.loading || c.complete) return false;
    c.loading = true;
    $("history-status").textContent = "Loading…";
    try {
      const page = await api.messages(c.key, c.oldest ?? undefined, PAGE);
      if (state.current !== c) return false;
      const box = $("messages");
      const before = box.scrollHeight - box.scrollTop;
      for (const m of page) insertMessage(m);
      if (page.length) {
        c.oldest = Math.min(c.oldest ?? Infinity, ...page.map((m) => m.id));
        c.newest = Math.max(c.newest, ...page.map((m) => m.id));
      }
      if (page.length < PAGE) c.complete = true;
      box.scrollTop = box.scrollHeight - before;
      $("history-status").textContent = c.complete ? (c.oldest ? "Beginning of the conversation" : "No messages here yet. Say hello!") : "";
      return page.length > 0;
    } catch (e) {
      $("history-status").textContent = describe(e);
      return false;
    } finally {
      c.loading = false;
    }
  }

  function scrollToBottom() {
    const box = $("messages");
    box.scrollTop = box.scrollHeight;
  }

  const nearBottom = () => {
    const box = $("messages");
    return box.scrollHeight - box.scrollTop - box.clientHeight < 120;
  };

  // ---------- messages ----------

  function insertMessage(message) {
    const list = $("message-list");
    const node = messageNode(message);
    const existing = list.querySelector(`[data-id="${message.id}"]`);
    if (existing) { existing.replaceWith(node); return node; }
    const after = [...list.children].find((li) => Number(li.dataset.id) > message.id);
    list.insertBefore(node, after || null);
    return node;
  }

  function messageNode(m) {
    const mine = isMine(m);
    const conference = state.current && state.current.details.type === "conference";
    const bubble = el("div", { class: "bubble" });
    if (conference && !mine) bubble.append(el("div", { class: "sender", text: m.sender.title || m.sender.alias || "Deleted account" }));
    for (const a of m.attachments || []) bubble.append(attachmentNode(a));
    if (m.text) bubble.append(el("div", { class: "text" }, richText(m.text)));
    bubble.append(el("span", { class: "meta" }, m.edited_at ? el("button", { type: "button", class: "edited", text: "edited", title: "Show edit history", dataset: { test: "edited-mark" }, onclick: (e) => { e.stopPropagation(); showVersions(m.id); } }) : null, el("time", { datetime: m.sent_at, text: timeLabel(m.sent_at), title: new Date(m.sent_at).toLocaleString() })));
    bubble.append(reactionsNode(m));

    const actions = el("div", { class: "actions" });
    if (!state.reactionsUnavailable)
      for (const emoji of QUICK_REACTIONS)
        actions.append(el("button", { type: "button", class: "react", title: `React ${emoji}`, text: emoji, onclick: (e) => { e.stopPropagation(); toggleReaction(m.id, emoji); } }));
    if (mine) {
      if (m.text) actions.append(el("button", { type: "button", class: "action", text: "Edit", onclick: (e) => { e.stopPropagation(); startEdit(m); } }));
      actions.append(el("button", { type: "button", class: "action danger", text: "Delete", onclick: (e) => { e.stopPropagation(); deleteMessage(m.id); } }));
    }

    const li = el("li", { class: `message${mine ? " mine" : ""}`, dataset: { test: "message", id: String(m.id), sender: String(m.sender.id) }, onclick: () => li.classList.toggle("show-actions") }, bubble, actions);
    li._message = m;
    return li;
  }

  function attachmentNode(a) {
    const media = a.media;
    if (a.kind === "photo" || a.kind === "animation" && media.content_type.startsWith("image/")) {
      const img = el("img", { class: "photo", src: api.mediaUrl(media.id), alt: media.name || "Photo", loading: "lazy" });
      // Keep the view pinned to the newest message while images above it load.
      img.addEventListener("load", () => { if (state.stickToBottom) scrollToBottom(); });
      return el("a", { href: api.mediaUrl(media.id), target: "_blank", rel: "noopener noreferrer", class: "photo-link" }, img);
    }
    return el("a", { class: "file", href: api.mediaUrl(media.id), target: "_blank", rel: "noopener noreferrer" },
      el("span", { text: `${media.name} · ${formatSize(media.size)}` }));
  }

  const formatSize = (n) => (n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1048576).toFixed(1)} MB`);

  function reactionsNode(m) {
    const row = el("div", { class: "reactions" });
    for (const r of m.reactions || [])
      row.append(el("button", { type: "button", class: `reaction${r.me ? " me" : ""}`, title: r.me ? "Remove your reaction" : "React", onclick: (e) => { e.stopPropagation(); toggleReaction(m.id, r.emoji); } },
        el("span", { text: r.emoji }), el("span", { class: "count", text: String(r.count) })));
    return row;
  }

  function messageById(id) {
    const li = $("message-list").querySelector(`[data-id="${id}"]`);
    return li ? li._message : null;
  }

  async function toggleReaction(messageId, emoji) {
    const c = state.current;
    const m = messageById(messageId);
    if (!c || !m) return;
    const mine = (m.reactions || []).some((r) => r.emoji === emoji && r.me);
    try {
      if (mine) await api.unreact(c.key, messageId, emoji);
      else await api.react(c.key, messageId, emoji);
    } catch (e) {
      if (e.status === 404 || e.status === 405) {
        // The server has no reactions (yet): hide the buttons rather than fail on every click.
        state.reactionsUnavailable = true;
        document.body.classList.add("no-reactions");
        toast("Reactions are not available on this server.");
      } else toast(describe(e));
    }
  }

  function applyReactions(data) {
    if (!state.current || keyOf(data.chat) !== state.current.id) return;
    const m = messageById(data.message_id);
    if (!m) return;
    insertMessage({ ...m, reactions: data.reactions });
  }

  async function deleteMessage(id) {
    if (!confirm("Delete this message for everyone?")) return;
    try {
      await api.remove(state.current.key, id);
      removeMessage(id);
    } catch (e) { toast(describe(e)); }
  }

  function removeMessage(id) {
    const li = $("message-list").querySelector(`[data-id="${id}"]`);
    if (li) li.remove();
  }

  function startEdit(m) {
    state.editing = m.id;
    $("editing").hidden = false;
    $("composer").value = m.text || "";
    autoGrow();
    $("composer").focus();
  }

  function cancelEdit() {
    state.editing = null;
    $("editing").hidden = true;
  }

  // ---------- sending ----------

  async function submitComposer(event) {
    event.preventDefault();
    const c = state.current;
    if (!c) return;
    const composer = $("composer");
    const text = composer.value.trim();
    const photo = state.pendingPhoto;
    if (!text && !photo) return;
    $("send").disabled = true;
    try {
      if (state.editing) {
        const edited = await api.edit(c.key, state.editing, text);
        insertMessage(edited);
        cancelEdit();
      } else {
        const attachments = [];
        if (photo) attachments.push((await api.upload(photo)).id);
        const sent = await api.send(c.key, text, attachments);
        if (state.current === c) {
          insertMessage(sent);
          c.newest = Math.max(c.newest, sent.id);
          scrollToBottom();
        }
        clearPhoto();
      }
      composer.value = "";
      autoGrow();
    } catch (e) {
      toast(describe(e));
    } finally {
      $("send").disabled = false;
      composer.focus();
    }
  }

  function choosePhoto() {
    const file = $("photo-input").files[0];
    $("photo-input").value = "";
    if (!file) return;
    if (!file.type.startsWith("image/")) { toast("Only photos can be attached here."); return; }
    state.pendingPhoto = file;
    const img = $("pending-photo-img");
    if (img.src) URL.revokeObjectURL(img.src);
    img.src = URL.createObjectURL(file);
    $("pending-photo-name").textContent = file.name;
    $("pending-photo").hidden = false;
    $("composer").focus();
  }

  function clearPhoto() {
    state.pendingPhoto = null;
    $("pending-photo").hidden = true;
  }

  function autoGrow() {
    const t = $("composer");
    t.style.height = "auto";
    t.style.height = `${Math.min(t.scrollHeight, 160)}px`;
  }

  function onComposerInput() {
    autoGrow();
    const c = state.current;
    if (!c || state.typingUnavailable || state.editing || !$("composer").value.trim()) return;
    const now = Date.now();
    if (now - state.lastTypingSent < 3000) return;
    state.lastTypingSent = now;
    api.typing(c.key).catch((e) => {
      // No typing endpoint on this server: stop asking.
      if (e.status === 404 || e.status === 405) state.typingUnavailable = true;
    });
  }

  const markRead = debounce(() => {
    const c = state.current;
    if (!c || !c.newest || document.visibilityState !== "visible") return;
    const item = state.chats.get(c.id);
    if (item) { item.unread_count = 0; renderChats(); }
    api.markRead(c.key, c.newest).catch(() => {});
  }, 300);

  // ---------- edit history ----------

  function longTime(iso) {
    return new Date(iso).toLocaleString([], { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  }

  async function showVersions(messageId) {
    const c = state.current;
    const m = messageById(messageId);
    if (!c || !m) return;
    const dialog = $("versions");
    const list = $("versions-list");
    const status = $("versions-status");
    list.replaceChildren(versionNode(m, "Current", m.edited_at, null));
    status.textContent = "Loading…";
    if (!dialog.open) dialog.showModal();
    try {
      const versions = await api.versions(c.key, messageId);
      if (state.current !== c || !dialog.open) return;
      // Each version lasted from the edit before it (or the send) until its own edited_at.
      versions.forEach((v, i) => {
        const older = versions[i + 1];
        list.append(versionNode(v, older ? "Edited" : "Original", older ? older.edited_at : m.sent_at, "version"));
      });
      status.textContent = versions.length ? "" : "No earlier versions.";
    } catch (e) {
      status.textContent = e.status === 404 || e.status === 405 ? "Edit history is not available on this server." : describe(e);
    }
  }

  function versionNode(v, label, since, test) {
    const photos = (v.attachments || []).length;
    return el("li", { class: `version${test ? "" : " current"}`, dataset: test ? { test } : undefined },
      el("div", { class: "version-meta muted" },
        el("span", { class: "version-label", text: label }),
        since ? el("time", { datetime: since, text: longTime(since) }) : null),
      v.text ? el("div", { class: "text" }, richText(v.text)) : null,
      photos ? el("div", { class: "muted version-attachments", text: `${photos} attachment${photos === 1 ? "" : "s"}` }) : null);
  }

  // ---------- search ----------

  const search = { q: "", seq: 0, offset: 0 };
  const SEARCH_PAGE = 30;

  function searchWords(q) {
    return q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // The text with words that start with a query word marked, built from text nodes only.
  function highlighted(text, words) {
    const frag = document.createDocumentFragment();
    if (!words.length) { frag.append(text); return frag; }
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})[\\p{L}\\p{N}]*`, "giu");
    let last = 0;
    let m;
    while ((m = re.exec(text))) {
      if (!m[0]) { re.lastIndex++; continue; }
      if (m.index > last) frag.append(text.slice(last, m.index));
      frag.append(el("mark", { text: m[0] }));
      last = m.index + m[0].length;
    }
    if (last < text.length) frag.append(text.slice(last));
    return frag;
  }

  async function runSearch(more) {
    const q = $("search-input").value.trim();
    $("search-clear").hidden = !$("search-input").value;
    if (!searchWords(q).length) { search.q = ""; closeSearch(false); return; }
    const seq = ++search.seq;
    if (!more) { search.q = q; search.offset = 0; }
    $("search-results").hidden = false;
    $("chat-list").hidden = true;
    $("chat-list-empty").hidden = true;
    $("search-status").textContent = "Searching…";
    $("search-more").hidden = true;
    try {
      const [messages, chats] = await Promise.all([
        api.searchMessages(search.q, search.offset, SEARCH_PAGE),
        more ? Promise.resolve(null) : api.searchChats(search.q).catch(() => []),
      ]);
      if (seq !== search.seq) return;
      const words = searchWords(search.q);
      if (chats) {
        $("search-chats").replaceChildren(...chats.map((c) => chatResultNode(c, words)));
        $("search-chats-head").hidden = chats.length === 0;
        $("search-messages").replaceChildren();
      }
      $("search-messages").append(...messages.map((m) => messageResultNode(m, words)));
      search.offset += messages.length;
      const total = $("search-messages").children.length;
      $("search-messages-head").hidden = total === 0;
      $("search-status").textContent = total ? "" : `No messages with “${search.q}”.`;
      $("search-more").hidden = messages.length < SEARCH_PAGE;
    } catch (e) {
      if (seq !== search.seq) return;
      $("search-status").textContent = describe(e);
    }
  }

  function chatResultNode(summary, words) {
    const id = keyOf(summary);
    return el("li", { class: "chat-item", dataset: { test: "search-chat", id }, tabindex: "0",
      onclick: () => openFromSearch(id), onkeydown: (e) => { if (e.key === "Enter") openFromSearch(id); } },
      avatarFor(summary),
      el("div", { class: "chat-item-body" },
        el("div", { class: "chat-item-top" }, el("span", { class: "chat-item-title" }, highlighted(summary.title || summary.alias, words))),
        el("div", { class: "chat-item-bottom" }, el("span", { class: "chat-item-preview muted", text: `@${summary.alias}${summary.type === "user" ? "" : ` · ${summary.type}`}` }))));
  }

  function messageResultNode(m, words) {
    const id = keyOf(m.chat);
    const sender = isMine(m) ? "You" : (m.sender && (m.sender.title || m.sender.alias)) || "Deleted account";
    const open = () => openFromSearch(id, m.id);
    const body = m.text ? highlighted(m.text, words) : document.createTextNode(preview(m));
    return el("li", { class: "chat-item search-result", dataset: { test: "search-result", chat: id, id: String(m.id) }, tabindex: "0",
      onclick: open, onkeydown: (e) => { if (e.key === "Enter") open(); } },
      avatarFor(m.chat),
      el("div", { class: "chat-item-body" },
        el("div", { class: "chat-item-top" },
          el("span", { class: "chat-item-title", text: m.chat.title || m.chat.alias }),
          el("time", { class: "chat-item-time muted", datetime: m.sent_at, text: timeLabel(m.sent_at, true), title: new Date(m.sent_at).toLocaleString() })),
        el("div", { class: "search-snippet" },
          el("span", { class: "search-sender", text: `${sender}: ` }),
          el("span", { class: "muted" }, body))));
  }

  async function openFromSearch(chatId, messageId) {
    try {
      await openChat(chatId);
    } catch (e) {
      toast(describe(e));
      return;
    }
    if (!messageId) return;
    // Page back until the found message is on screen (bounded), then point at it.
    for (let i = 0; i < 20 && !messageById(messageId) && state.current && !state.current.complete; i++)
      if (!(await loadOlder())) break;
    const li = $("message-list").querySelector(`[data-id="${messageId}"]`);
    if (!li) return;
    state.stickToBottom = false;
    li.scrollIntoView({ block: "center" });
    li.classList.remove("found");
    void li.offsetWidth;
    li.classList.add("found");
  }

  function closeSearch(clearInput = true) {
    search.seq++;
    if (clearInput) $("search-input").value = "";
    $("search-clear").hidden = !$("search-input").value;
    $("search-results").hidden = true;
    $("search-chats").replaceChildren();
    $("search-messages").replaceChildren();
    $("chat-list").hidden = false;
    $("chat-list-empty").hidden = state.chats.size > 0;
  }

  // ---------- live events ----------

  function startEvents() {
    stopEvents();
    const source = new EventSource(api.eventsUrl(state.lastEventId));
    state.events = source;
    const on = (name, handler) => source.addEventListener(name, (e) => {
      if (e.lastEventId) state.lastEventId = e.lastEventId;
      let data = {};
      try { data = JSON.parse(e.data || "{}"); } catch { return; }
      handler(data);
    });
    source.onopen = () => { state.reconnectDelay = 1000; setConnection(true); };
    source.onerror = () => {
      setConnection(false);
      // EventSource retries by itself (sending Last-Event-ID) unless the server refused it
      // outright; then check the token and open a new stream from the last id seen.
      if (source.readyState !== EventSource.CLOSED) return;
      setTimeout(async () => {
        if (state.events !== source) return;
        try { await api.me(); } catch (e) { if (e.status === 401) { logout(); return; } }
        startEvents();
      }, state.reconnectDelay);
      state.reconnectDelay = Math.min(state.reconnectDelay * 2, 30000);
    };

    on("reset", () => { reloadChats(); if (state.current) openChat(state.current.id).catch(() => {}); });
    on("message_created", ({ chat, message }) => {
      touchChat(chat, message);
      const c = state.current;
      if (!c || keyOf(chat) !== c.id) return;
      const stick = nearBottom();
      insertMessage(message);
      if (c.complete) $("history-status").textContent = "Beginning of the conversation";
      c.newest = Math.max(c.newest, message.id);
      if (c.typers.delete(message.sender.id)) renderSubtitle();
      if (stick || isMine(message)) scrollToBottom();
      markRead();
    });
    on("message_edited", ({ chat, message }) => {
      const item = state.chats.get(keyOf(chat));
      if (item && item.last_message && item.last_message.id === message.id) { item.last_message = message; renderChats(); }
      if (state.current && keyOf(chat) === state.current.id && messageById(message.id)) insertMessage(message);
    });
    on("message_deleted", ({ chat, message_id }) => {
      if (state.current && keyOf(chat) === state.current.id) removeMessage(message_id);
      reloadChats();
    });
    on("read", reloadChats);
    on("chat_updated", onChatChanged);
    on("avatar_changed", onChatChanged);
    on("chat_deleted", ({ chat }) => {
      state.chats.delete(keyOf(chat));
      renderChats();
      if (state.current && state.current.id === keyOf(chat)) closeChat();
    });
    on("member_added", reloadChats);
    on("member_removed", ({ chat, member }) => {
      reloadChats();
      if (member && state.me && member.id === state.me.id && state.current && state.current.id === keyOf(chat)) closeChat();
    });
    on("reaction_changed", applyReactions);
    on("typing", ({ chat, sender }) => {
      const c = state.current;
      if (!c || keyOf(chat) !== c.id || !sender || (state.me && sender.id === state.me.id)) return;
      const previous = c.typers.get(sender.id);
      if (previous) clearTimeout(previous.timer);
      const timer = setTimeout(() => { c.typers.delete(sender.id); renderSubtitle(); }, 5000);
      c.typers.set(sender.id, { name: (sender.title || sender.alias || "Someone").split(" ")[0], timer });
      renderSubtitle();
    });
  }

  function onChatChanged({ chat }) {
    const item = state.chats.get(keyOf(chat));
    if (item) { item.chat = chat; renderChats(); }
    if (state.current && state.current.id === keyOf(chat)) {
      state.current.summary = chat;
      $("chat-title").textContent = chat.title || chat.alias;
      fillAvatar($("chat-avatar"), chat);
      api.chatDetails(state.current.key).then((d) => { if (state.current) { state.current.details = d; renderSubtitle(); } }).catch(() => {});
    }
  }

  function stopEvents() {
    if (state.events) state.events.close();
    state.events = null;
  }

  function setConnection(live) {
    const c = $("connection");
    c.classList.toggle("live", live);
    c.title = live ? "Live" : "Reconnecting…";
  }

  function closeChat() {
    state.current = null;
    $("chat").hidden = true;
    $("no-chat").hidden = false;
    $("app").classList.remove("in-chat");
    history.replaceState(null, "", location.pathname);
    renderChats();
  }

  // ---------- wiring ----------

  $("login-form").addEventListener("submit", submitLogin);
  $("login-toggle").addEventListener("click", () => setRegistering(!registering));
  $("logout").addEventListener("click", logout);
  $("open-chat-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const input = $("open-chat");
    try {
      await openChat(input.value);
      input.value = "";
    } catch (err) {
      toast(err.status === 404 ? `No chat ${input.value.trim()} that you can see.` : describe(err));
    }
  });
  $("composer-form").addEventListener("submit", submitComposer);
  $("composer").addEventListener("input", onComposerInput);
  $("composer").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); $("composer-form").requestSubmit(); }
    if (e.key === "Escape" && state.editing) { cancelEdit(); $("composer").value = ""; autoGrow(); }
  });
  $("cancel-edit").addEventListener("click", () => { cancelEdit(); $("composer").value = ""; autoGrow(); });
  $("photo-input").addEventListener("change", choosePhoto);
  $("pending-photo-remove").addEventListener("click", clearPhoto);
  $("back").addEventListener("click", closeChat);
  $("search-form").addEventListener("submit", (e) => { e.preventDefault(); runSearch(false); });
  // Typing searches too, once the words settle; a query already asked for is not asked again.
  $("search-input").addEventListener("input", debounce(() => {
    if ($("search-input").value.trim() !== search.q || $("search-results").hidden) runSearch(false);
  }, 400));
  $("search-input").addEventListener("keydown", (e) => { if (e.key === "Escape") closeSearch(); });
  $("search-clear").addEventListener("click", () => { closeSearch(); $("search-input").focus(); });
  $("search-more").addEventListener("click", () => runSearch(true));
  $("versions-close").addEventListener("click", () => $("versions").close());
  // A click on the backdrop (outside the card) closes the history too.
  $("versions").addEventListener("click", (e) => { if (e.target === $("versions")) $("versions").close(); });
  $("messages").addEventListener("scroll", () => {
    state.stickToBottom = nearBottom();
    if ($("messages").scrollTop < 80) loadOlder();
  });
  document.addEventListener("visibilitychange", markRead);

  if (api.token) start(); else showLogin();
})();
