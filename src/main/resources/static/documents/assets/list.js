import { api, postJson, say, KINDS } from './api.js';

const main = document.getElementById('documents');
const base = main.dataset.base;
const caseNumber = main.dataset.case;
const path = 'documents/' + encodeURIComponent(caseNumber) + '/files';
const OFFICE = ['application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.appendChild(td);
  return td;
}

const DECIDED = { RELEASE: '全文公开', RELEASE_REDACTED: '公开遮盖处理后的版本', WITHHOLD: '整份不予公开' };
const groundOptions = document.getElementById('ground-options');

function button(text, cls, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.className = cls;
  b.addEventListener('click', onClick);
  return b;
}

async function decide(id, decision, ground) {
  try {
    await postJson(base, path + '/' + id + '/decision', { decision, ground: ground || null });
    say('已审定：' + DECIDED[decision], 'ok');
    await load();
  } catch (e) {
    say(e.message, 'error');
  }
}

function reviewCell(td, d, decision) {
  td.className = 'review';
  const status = document.createElement('div');
  status.className = 'decision';
  status.dataset.decision = decision ? decision.decision : '';
  status.textContent = decision ? DECIDED[decision.decision] + '（' + decision.decidedBy + '）' : '未审定';
  td.appendChild(status);
  td.appendChild(button('全文公开', 'release', () => decide(d.id, 'RELEASE')));
  td.appendChild(button('公开遮盖处理后的版本', 'release-redacted', () => decide(d.id, 'RELEASE_REDACTED')));
  const select = document.createElement('select');
  select.className = 'withhold-ground';
  select.append(groundOptions.content.cloneNode(true));
  td.appendChild(select);
  td.appendChild(button('整份不予公开', 'withhold', () => decide(d.id, 'WITHHOLD', select.value)));
}

async function load() {
  const docs = await (await api(base, path)).json();
  let decisions = [];
  try {
    decisions = await (await api(base, path + '/decisions')).json();
  } catch (ignored) { /* shown per row as undecided */ }
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
    tr.dataset.id = String(d.id);
    tr.dataset.kind = d.kind;
    const actions = cell(tr, '');
    if (d.kind === 'REDACTED' || d.kind === 'CONVERTED') {
      actions.textContent = '由第 ' + d.derivedFrom + ' 号文件生成';
    }
    if (d.kind === 'RESPONSIVE' && OFFICE.includes(d.contentType)) {
      const pdf = docs.find((x) => x.kind === 'CONVERTED' && x.derivedFrom === d.id);
      const note = document.createElement('span');
      note.className = 'office-note';
      note.textContent = pdf ? '已转换为 PDF（第 ' + pdf.id + ' 号），遮盖和公开均使用 PDF 版本'
        : main.dataset.convertsOffice === 'true' ? '未能转换为 PDF（见案件记录）：按原文件审查和公开'
          : '本机未安装 LibreOffice：不能转换为 PDF 和遮盖，按原文件审查和公开';
      actions.appendChild(note);
    }
    const reviewTd = cell(tr, '');
    if (d.kind === 'RESPONSIVE') {
      reviewCell(reviewTd, d, decisions.find((x) => x.documentId === d.id));
    }
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
    cell(tr, '本案还没有文件').colSpan = 7;
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
