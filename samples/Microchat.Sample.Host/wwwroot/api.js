// A thin client for the Microchat HTTP API (see the API contract). The token travels in the
// Authorization header; only the event stream and media content URLs carry ?access_token=,
// because EventSource and <img> cannot set headers.
"use strict";

const MicrochatApi = (() => {
  const base = "/api";
  let token = localStorage.getItem("microchat.token");

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
      this.status = status;
      this.problem = problem || {};
    }
  }

  async function request(method, path, { body, headers, raw } = {}) {
    const init = { method, headers: { Accept: "application/json", ...headers } };
    if (token) init.headers.Authorization = `Bearer ${token}`;
    if (raw !== undefined) {
      init.body = raw;
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers["Content-Type"] = "application/json";
    }
    // A retried POST with the same key is answered once, so a flaky network never doubles a send.
    if (method === "POST") init.headers["Idempotency-Key"] = crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2);
    const response = await fetch(base + path, init);
    if (response.status === 204) return null;
    const type = response.headers.get("Content-Type") || "";
    const data = type.includes("json") ? await response.json().catch(() => null) : null;
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  const chat = (key) => `/chats/${encodeURIComponent(key)}`;
  const query = (params) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) q.set(k, v);
    const s = q.toString();
    return s ? `?${s}` : "";
  };

  return {
    ApiError,
    get token() { return token; },
    setToken(value, alias) {
      token = value;
      if (value) {
        localStorage.setItem("microchat.token", value);
        if (alias) localStorage.setItem("microchat.alias", alias);
      } else {
        localStorage.removeItem("microchat.token");
        localStorage.removeItem("microchat.alias");
      }
    },
    register: (alias, password, name) => request("POST", "/users", { body: { alias, password, name } }),
    login: (login, password) => request("POST", "/auth/tokens", { body: { login, password, name: "Web page" } }),
    revoke: (id) => request("DELETE", `/auth/tokens/${id}`),
    // GET /me where the server has it; otherwise one's own chat details, which API.md says it equals.
    me: async () => {
      try {
        return await request("GET", "/me");
      } catch (e) {
        const alias = localStorage.getItem("microchat.alias");
        if (e.status !== 404 || !alias) throw e;
        return request("GET", chat(`@${alias}`));
      }
    },
    chats: (offset = 0, count = 50) => request("GET", `/chats${query({ offset, count })}`),
    chatDetails: (key) => request("GET", chat(key)),
    messages: (key, before, count = 30) => request("GET", `${chat(key)}/messages${query({ count, before })}`),
    send: (key, text, attachments) => request("POST", `${chat(key)}/messages`, { body: { text: text || undefined, attachments: attachments && attachments.length ? attachments : undefined } }),
    edit: (key, id, text) => request("PATCH", `${chat(key)}/messages/${id}`, { body: { text } }),
    remove: (key, id) => request("DELETE", `${chat(key)}/messages/${id}`),
    markRead: (key, messageId) => request("POST", `${chat(key)}/read`, { body: { message_id: messageId } }),
    react: (key, id, emoji) => request("PUT", `${chat(key)}/messages/${id}/reactions/${encodeURIComponent(emoji)}`),
    unreact: (key, id, emoji) => request("DELETE", `${chat(key)}/messages/${id}/reactions/${encodeURIComponent(emoji)}`),
    typing: (key) => request("POST", `${chat(key)}/typing`),
    versions: (key, id, count = 100) => request("GET", `${chat(key)}/messages/${id}/versions${query({ count })}`),
    searchMessages: (q, offset = 0, count = 30) => request("GET", `/search/messages${query({ q, offset, count })}`),
    searchChats: (q, count = 5) => request("GET", `/search/chats${query({ q, count })}`),
    upload: (file) => request("POST", `/media${query({ name: file.name || "photo" })}`, { raw: file, headers: { "Content-Type": file.type || "application/octet-stream" } }),
    // The two URLs where API.md allows the token in the query string.
    mediaUrl: (mediaId) => `${base}/media/${encodeURIComponent(mediaId)}/content${query({ access_token: token })}`,
    eventsUrl: (lastEventId) => `${base}/events${query({ access_token: token, last_event_id: lastEventId })}`,
  };
})();
