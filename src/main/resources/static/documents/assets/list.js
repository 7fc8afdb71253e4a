import { api, say, KINDS } from './api.js';

const main = document.getElementById('documents');
const base = main.dataset.base;
const caseNumber = main.dataset.case;
const path = 'documents/' + encodeURIComponent(caseNumber) + '/files';

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.appendChild(td);
  return td;
}

async function load() {
  const docs = await (await api(base, path)).json();
  const rows = document.getElementById('rows');
  rows.replaceChildren();
  for (const d of docs) {
    const tr = document.createElement('tr');
    const name = cell(tr, '');
    const link = document.createElement('a');
    link.href = base + path + '/' + d.id;
    link.textContent = d.name;
    name.appendChild(link);
    cell(tr, KINDS[d.kind] || d.kind);
    cell(tr, Math.max(1, Math.round(d.size / 1024)) + ' KB');
    cell(tr, d.uploadedBy || '');
    cell(tr, (d.uploadedAt || '').replace('T', ' ').substring(0, 16));
    const actions = cell(tr, '');
    if (d.contentType === 'application/pdf' && d.kind !== 'REDACTED') {
      const redact = document.createElement('a');
      redact.href = base + 'documents/' + encodeURIComponent(caseNumber) + '/' + d.id + '/redact';
      redact.textContent = '遮盖处理';
      redact.className = 'redact-link';
      actions.appendChild(redact);
    }
    rows.appendChild(tr);
  }
  if (!docs.length) {
    const tr = document.createElement('tr');
    cell(tr, '本案还没有文件').colSpan = 6;
    rows.appendChild(tr);
  }
}

document.getElementById('upload').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = document.getElementById('file').files[0];
  if (!file) {
    say('请选择文件', 'error');
    return;
  }
  const form = new FormData();
  form.append('file', file);
  form.append('kind', document.getElementById('kind').value);
  try {
    await api(base, path, { method: 'POST', body: form });
    say('已上传：' + file.name, 'ok');
    document.getElementById('file').value = '';
    await load();
  } catch (e) {
    say(e.message, 'error');
  }
});

load().catch((e) => say(e.message, 'error'));
