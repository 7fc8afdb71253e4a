// The redaction page: renders the PDF with PDF.js, shows the automatic proposals (accept / reject), lets the
// officer draw areas with their grounds, saves the plan and has the server burn it in. Reviewers: read only.
import { api, postJson, say } from './api.js';

const main = document.getElementById('redaction');
const base = main.dataset.base;
const caseNumber = main.dataset.case;
const documentId = Number(main.dataset.document);
const docs = 'documents/' + encodeURIComponent(caseNumber) + '/files';
const groundOptions = document.getElementById('ground-options');
const groundText = {};
for (const o of groundOptions.content.querySelectorAll('option')) {
  groundText[o.value] = o.textContent;
}

const pdfjs = await import(base + 'webjars/pdfjs-dist/build/pdf.min.mjs');
pdfjs.GlobalWorkerOptions.workerSrc = base + 'webjars/pdfjs-dist/build/pdf.worker.min.mjs';

const pageSizes = []; // per page (from 1): width and height in PDF points
let areas = [];        // the plan: { page, x, y, width, height, unit, ground, label }
let proposals = [];    // pending proposals: { kind, page, x, y, width, height, unit, ground, label }
let editable = true;
const FOUND = { RESIDENT_ID: '居民身份证号码', MOBILE: '手机号码', EMAIL: '电子邮箱' };

function fractions(a) {
  if (a.unit === 'fraction') {
    return a;
  }
  const size = pageSizes[a.page];
  return { x: a.x / size.width, y: a.y / size.height, width: a.width / size.width, height: a.height / size.height };
}

function same(a, b) {
  const f = fractions(a);
  const g = fractions(b);
  return a.page === b.page && Math.abs(f.x - g.x) < 0.005 && Math.abs(f.y - g.y) < 0.005
    && Math.abs(f.width - g.width) < 0.005 && Math.abs(f.height - g.height) < 0.005;
}

function boxText(a) {
  const article = (groundText[a.ground] || a.ground).split(' ')[0];
  return article + ' ' + (a.label || (groundText[a.ground] || '').split(' ').slice(1).join(' '));
}

function draw() {
  document.querySelectorAll('.page .box').forEach((b) => b.remove());
  const place = (a, cls, title) => {
    const holder = document.querySelector('.page[data-page="' + a.page + '"]');
    if (!holder) {
      return;
    }
    const f = fractions(a);
    const box = document.createElement('div');
    box.className = 'box ' + cls;
    box.style.left = (f.x * 100) + '%';
    box.style.top = (f.y * 100) + '%';
    box.style.width = (f.width * 100) + '%';
    box.style.height = (f.height * 100) + '%';
    box.textContent = title;
    holder.appendChild(box);
  };
  proposals.forEach((p) => place(p, 'proposal', '建议：' + (FOUND[p.kind] || p.kind)));
  areas.forEach((a) => place(a, 'area', boxText(a)));
  listProposals();
  listAreas();
}

function button(text, cls, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.className = cls;
  b.addEventListener('click', onClick);
  return b;
}

function listProposals() {
  const ul = document.getElementById('proposals');
  ul.replaceChildren();
  if (!proposals.length) {
    const li = document.createElement('li');
    li.className = 'hint';
    li.textContent = editable ? '没有待处理的建议' : '（仅承办部门可见建议）';
    ul.appendChild(li);
  }
  proposals.forEach((p, i) => {
    const li = document.createElement('li');
    li.className = 'proposal-item';
    li.dataset.kind = p.kind;
    li.textContent = '第 ' + p.page + ' 页 · ' + (FOUND[p.kind] || p.kind) + ' · ' + boxText(p) + ' ';
    li.appendChild(button('采纳', 'accept', () => {
      areas.push({ page: p.page, x: p.x, y: p.y, width: p.width, height: p.height, unit: p.unit,
        ground: p.ground, label: p.label });
      proposals.splice(i, 1);
      draw();
    }));
    li.appendChild(button('不采纳', 'reject', () => {
      proposals.splice(i, 1);
      draw();
    }));
    ul.appendChild(li);
  });
}

function listAreas() {
  const ul = document.getElementById('areas');
  ul.replaceChildren();
  if (!areas.length) {
    const li = document.createElement('li');
    li.className = 'hint';
    li.textContent = '尚无遮盖区域';
    ul.appendChild(li);
  }
  areas.forEach((a, i) => {
    const li = document.createElement('li');
    li.className = 'area-item';
    li.append('第 ' + a.page + ' 页 ');
    const select = document.createElement('select');
    select.className = 'area-ground';
    select.append(groundOptions.content.cloneNode(true));
    select.value = a.ground;
    select.disabled = !editable;
    select.addEventListener('change', () => {
      a.ground = select.value;
      draw();
    });
    li.appendChild(select);
    if (a.label) {
      li.append(' 「' + a.label + '」 ');
    }
    li.appendChild(button('删除', 'remove', () => {
      areas.splice(i, 1);
      draw();
    }));
    ul.appendChild(li);
  });
}

function enableDrawing(holder, page) {
  let start = null;
  let rubber = null;
  const point = (event) => {
    const r = holder.getBoundingClientRect();
    return { x: Math.min(Math.max(event.clientX - r.left, 0), r.width) / r.width,
      y: Math.min(Math.max(event.clientY - r.top, 0), r.height) / r.height };
  };
  holder.addEventListener('mousedown', (event) => {
    if (!editable || event.button !== 0) {
      return;
    }
    event.preventDefault();
    start = point(event);
    rubber = document.createElement('div');
    rubber.className = 'box drawing';
    holder.appendChild(rubber);
  });
  holder.addEventListener('mousemove', (event) => {
    if (!start) {
      return;
    }
    const p = point(event);
    rubber.style.left = (Math.min(start.x, p.x) * 100) + '%';
    rubber.style.top = (Math.min(start.y, p.y) * 100) + '%';
    rubber.style.width = (Math.abs(p.x - start.x) * 100) + '%';
    rubber.style.height = (Math.abs(p.y - start.y) * 100) + '%';
  });
  const finish = (event) => {
    if (!start) {
      return;
    }
    const p = point(event);
    const area = { page, x: Math.min(start.x, p.x), y: Math.min(start.y, p.y), width: Math.abs(p.x - start.x),
      height: Math.abs(p.y - start.y), unit: 'fraction', ground: document.getElementById('ground').value,
      label: document.getElementById('label').value.trim() || null };
    start = null;
    rubber.remove();
    if (area.width > 0.005 && area.height > 0.003) {
      areas.push(area);
      say('已添加遮盖区域（第 ' + page + ' 页），记得保存', '');
    }
    draw();
  };
  holder.addEventListener('mouseup', finish);
  holder.addEventListener('mouseleave', (event) => { if (start) finish(event); });
}

async function render(data) {
  const pdf = await pdfjs.getDocument({
    data, isEvalSupported: false,
    cMapUrl: base + 'webjars/pdfjs-dist/cmaps/', cMapPacked: true,
    standardFontDataUrl: base + 'webjars/pdfjs-dist/standard_fonts/',
  }).promise;
  const container = document.getElementById('pages');
  const width = Math.min(900, container.clientWidth || 800);
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const unscaled = page.getViewport({ scale: 1 });
    pageSizes[n] = { width: unscaled.width, height: unscaled.height };
    const viewport = page.getViewport({ scale: width / unscaled.width });
    const holder = document.createElement('div');
    holder.className = 'page';
    holder.dataset.page = String(n);
    holder.style.width = viewport.width + 'px';
    holder.style.height = viewport.height + 'px';
    const canvas = document.createElement('canvas');
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = viewport.width + 'px';
    canvas.style.height = viewport.height + 'px';
    holder.appendChild(canvas);
    container.appendChild(holder);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport,
      transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null }).promise;
    enableDrawing(holder, n);
  }
  main.dataset.rendered = String(pdf.numPages);
}

function listVersions(all) {
  const ul = document.getElementById('versions');
  ul.replaceChildren();
  const versions = all.filter((d) => d.derivedFrom === documentId);
  if (!versions.length) {
    const li = document.createElement('li');
    li.className = 'hint';
    li.textContent = '尚未生成';
    ul.appendChild(li);
  }
  for (const v of versions) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = base + docs + '/' + v.id;
    a.textContent = v.name;
    a.className = 'version-link';
    li.append(a, ' ' + (v.uploadedAt || '').replace('T', ' ').substring(0, 16) + ' ' + (v.uploadedBy || ''));
    ul.appendChild(li);
  }
}

async function savePlan() {
  await postJson(base, docs + '/' + documentId + '/plan', { areas });
}

document.getElementById('save-plan').addEventListener('click', async () => {
  try {
    await savePlan();
    say('遮盖标注已保存（' + areas.length + ' 处）', 'ok');
  } catch (e) {
    say(e.message, 'error');
  }
});

document.getElementById('burn').addEventListener('click', async () => {
  try {
    if (!areas.length) {
      say('请先标注或采纳至少一处遮盖区域', 'error');
      return;
    }
    await savePlan();
    const made = await (await postJson(base, docs + '/' + documentId + '/redactions', { areas })).json();
    say('已生成遮盖处理后的版本：' + made.name, 'ok');
    listVersions(await (await api(base, docs)).json());
  } catch (e) {
    say(e.message, 'error');
  }
});

try {
  const all = await (await api(base, docs)).json();
  const doc = all.find((d) => d.id === documentId);
  if (!doc) {
    throw new Error('本案没有编号为 ' + documentId + ' 的文件');
  }
  document.getElementById('doc-name').textContent = doc.name;
  listVersions(all);
  const content = await (await api(base, docs + '/' + documentId)).arrayBuffer();
  await render(new Uint8Array(content));
  areas = (await (await api(base, docs + '/' + documentId + '/plan')).json()).areas;
  try {
    const found = await (await api(base, docs + '/' + documentId + '/proposals')).json();
    proposals = found.filter((p) => !areas.some((a) => same(a, p)));
  } catch (e) {
    if (e.status !== 403) {
      throw e;
    }
    editable = false;
    document.body.classList.add('read-only');
    say('只读：遮盖区域由承办部门标注（审查期间保密审查人员可以调整），您可以查看标注和遮盖处理后的版本', '');
  }
  draw();
  main.dataset.ready = 'true';
} catch (e) {
  say(e.message, 'error');
}
