// Calls to /documents/{n}/files… with the signed-in session (Tasklist or desk) and the page's CSRF token; errors in the API's {"errors":[…]} format.
const csrf = document.querySelector('meta[name="csrf-token"]');

export async function api(base, path, options = {}) {
  const headers = { ...(options.headers || {}) };
  if (csrf && options.method && options.method !== 'GET') {
    headers['X-CSRF-TOKEN'] = csrf.content;
  }
  const response = await fetch(base + path, { credentials: 'same-origin', ...options, headers });
  if (!response.ok) {
    let text = '请求失败（' + response.status + '）';
    try {
      const body = await response.json();
      if (body.errors && body.errors.length) {
        text = body.errors.map((e) => e.message).join('；');
      }
    } catch (ignored) { /* not JSON */ }
    if (response.status === 401) {
      text = '请先登录（在任务列表 Tasklist 或接待台登录后再打开本页）';
    }
    const error = new Error(text);
    error.status = response.status;
    throw error;
  }
  return response;
}

export function postJson(base, path, body) {
  return api(base, path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function say(text, kind) {
  const m = document.getElementById('message');
  m.textContent = text;
  m.className = 'message ' + (kind || '');
}

export const KINDS = {
  APPLICATION_MATERIAL: '申请材料', SUPPLEMENT: '补正材料', RESPONSIVE: '拟公开信息', REDACTED: '遮盖处理后版本',
  CONVERTED: 'PDF 版本',
};
