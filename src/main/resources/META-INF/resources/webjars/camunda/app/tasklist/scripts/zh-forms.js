/*
 * Disclosure Desk: Camunda Forms (form-js) in Tasklist in Chinese, loaded through config.js customScripts.
 * form-js 1.x in the 7.24 webapps has no translation hook for its validation messages and widgets, so:
 *  - the date picker (flatpickr, which the webapps expose as window.flatpickr) gets a Chinese default
 *    locale with Monday as the first day of the week, before any form is drawn;
 *  - form-js's English texts (validation messages, "Select", "Search" ...) are replaced as they appear;
 *  - when the engine refuses a form ("请更正以下内容：标签：说明；…"), the named fields are marked, and the red notice
 *    is closed once that task is completed or another is opened;
 *  - links to the case's letters open in a new tab;
 *  - a task's or process's tenant id (the agency code, e.g. "default") shows as the agency's name, on the
 *    badge and in the tooltip over it, read once from the engine's tenants through the webapps' session API.
 */
const MONTHS = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];

function localizeDatePicker() {
  const fp = window.flatpickr;
  if (!fp || !fp.localize) {
    return false;
  }
  fp.localize({
    weekdays: {
      shorthand: ['日', '一', '二', '三', '四', '五', '六'],
      longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
    },
    months: {
      shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
      longhand: MONTHS
    },
    firstDayOfWeek: 1,
    ordinal: () => '',
    rangeSeparator: ' 至 ',
    weekAbbreviation: '周',
    scrollTitle: '滚动切换',
    toggleTitle: '点击切换 12/24 小时制',
    amPM: ['上午', '下午'],
    yearAriaLabel: '年',
    monthAriaLabel: '月',
    hourAriaLabel: '时',
    minuteAriaLabel: '分',
    time_24hr: true
  });
  return true;
}

const EXACT = {
  'Field is required.': '此项为必填项。',
  'Field must be a valid email.': '请输入有效的电子邮箱地址。',
  'Date and time must both be entered.': '日期和时间都须填写。',
  'Invalid date': '日期无效',
  'Select': '请选择',
  'Search': '搜索',
  'No results': '没有匹配的选项',
  'No values': '无选项',
  'All values selected': '已全部选择',
  'Remove item': '移除',
  'Date': '日期',
  'Time': '时间',
  'January': '一月', 'February': '二月', 'March': '三月', 'April': '四月', 'May': '五月', 'June': '六月',
  'July': '七月', 'August': '八月', 'September': '九月', 'October': '十月', 'November': '十一月', 'December': '十二月'
};

const PATTERNS = [
  [/^Field must have maximum length of (\d+)\.$/, '不能超过 $1 个字符。'],
  [/^Field must have minimum length of (\d+)\.$/, '至少须填写 $1 个字符。'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
  [/^Field must match pattern (.+)\.$/, '格式不正确。'],
  [/^Field must be a valid\s+international phone number.*$/, '请输入有效的电话号码（国际格式，如 +8610…）。'],
  [/^Field must be a valid (.+)\.$/, '格式不正确。'],
  [/^Value must be a multiple of (.+)\.$/, '数值须为 $1 的倍数。']
];

function translate(text) {
  const trimmed = text.trim();
  if (!trimmed || !/[A-Za-z]/.test(trimmed)) {
    return null;
  }
  if (Object.prototype.hasOwnProperty.call(EXACT, trimmed)) {
    return text.replace(trimmed, EXACT[trimmed]);
  }
  for (const [pattern, replacement] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(pattern, replacement));
    }
  }
  return null;
}

/** Only inside Camunda Forms and the date picker: Tasklist's own texts come from locales/zh.json. */
function inScope(node) {
  const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!(el && el.closest && el.closest('.fjs-container, .fjs-form, .flatpickr-calendar'));
}

/** Agency code (tenant id) → agency name, for the tenant badges of tasks and processes. */
const AGENCY_NAMES = {};
let agencyNamesAsked = 0;

/**
 * Reads the signed-in user's tenants (the page is loaded before signing in, so this runs when the first
 * badge with an unknown code appears, and again at most every 30 s while a code stays unknown).
 */
function loadAgencyNames() {
  // /camunda/app/tasklist/<engine>/ → /camunda/api/engine/engine/<engine>/tenant
  const m = window.location.pathname.match(/^(.*)\/app\/tasklist\/([^/]+)\//);
  if (!m || !window.fetch || Date.now() - agencyNamesAsked < 30000) {
    return;
  }
  agencyNamesAsked = Date.now();
  fetch(m[1] + '/api/engine/engine/' + m[2] + '/tenant', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : []))
    .then((tenants) => {
      tenants.forEach((t) => {
        if (t.id && t.name) {
          AGENCY_NAMES[t.id] = t.name;
        }
      });
      nameTenants(document.body);
    })
    .catch(() => {});
}

function nameTenants(root) {
  if (root.nodeType !== Node.ELEMENT_NODE) {
    root = root.parentElement;
  }
  if (!root || !root.querySelectorAll) {
    return;
  }
  // the badge, and the tooltip Tasklist shows over a task's badge (uib-tooltip="{{ task.tenantId }}")
  const badges = Array.from(root.querySelectorAll('.tenant-id, .tooltip-inner'));
  if (root.closest && root.closest('.tenant-id, .tooltip-inner')) {
    badges.push(root.closest('.tenant-id, .tooltip-inner'));
  }
  badges.forEach((el) => {
    const id = el.textContent.trim();
    if (!id || el.getAttribute('data-dd-agency') === id) {
      return;
    }
    if (Object.prototype.hasOwnProperty.call(AGENCY_NAMES, id)) {
      el.textContent = AGENCY_NAMES[id];
      el.setAttribute('data-dd-agency', AGENCY_NAMES[id]);
      el.setAttribute('title', AGENCY_NAMES[id]);
    } else if (el.classList.contains('tenant-id') && !Object.values(AGENCY_NAMES).includes(id)) {
      loadAgencyNames();
    }
  });
}

function translateTree(root) {
  nameTenants(root);
  if (root.nodeType === Node.TEXT_NODE) {
    if (inScope(root)) {
      const t = translate(root.data);
      if (t !== null && t !== root.data) {
        root.data = t;
      }
    }
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    translateTree(n);
  }
  root.querySelectorAll('[placeholder], [aria-label], [title]').forEach((el) => {
    if (!inScope(el)) {
      return;
    }
    ['placeholder', 'aria-label', 'title'].forEach((a) => {
      const v = el.getAttribute(a);
      const t = v && translate(v);
      if (t && t !== v) {
        el.setAttribute(a, t);
      }
    });
  });
  // letters linked from a form open in a new tab, so the form (and its input) stays where it is
  root.querySelectorAll('a[href*="/letters/"], a[href*="/receipt"]').forEach((a) => {
    if (inScope(a) && a.getAttribute('target') !== '_blank') {
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'noopener');
    }
  });
  root.querySelectorAll('.flatpickr-monthDropdown-months option').forEach((o) => {
    const i = Number(o.value);
    if (!Number.isNaN(i) && MONTHS[i] && o.textContent !== MONTHS[i]) {
      o.textContent = MONTHS[i];
    }
  });
}

/** "请更正以下内容：证件号码：无效；送达日期：必须填写" → mark the fields with these labels. */
function markRefusedFields(alert) {
  const text = alert.textContent || '';
  const i = text.indexOf('请更正以下内容：');
  if (i < 0) {
    return;
  }
  document.querySelectorAll('.dd-refused').forEach((f) => f.classList.remove('dd-refused'));
  text.slice(i + '请更正以下内容：'.length).split('；').forEach((item) => {
    const sep = item.indexOf('：');
    if (sep <= 0) {
      return;
    }
    const label = item.slice(0, sep).trim();
    const message = item.slice(sep + 1).trim();
    document.querySelectorAll('.fjs-form-field').forEach((field) => {
      const l = field.querySelector('.fjs-form-field-label');
      const name = l ? l.textContent.replace(/\*\s*$/, '').trim() : '';
      if (name && (name === label || name.startsWith(label))) {
        field.classList.add('dd-refused');
        field.setAttribute('data-dd-error', message);
      }
    });
  });
}

/** Tasklist's titles of a refused submit (locales/zh.json and en.json, COMPLETE_ERROR). */
const FORM_ERROR_TITLES = ['提交任务表单时出错', 'An error happened while submitting the task form'];

/** The task open in Tasklist (its URL: #/?task=<id>&…), or null. */
function taskInUrl() {
  const m = window.location.hash.match(/[?&]task=([^&]+)/);
  return m ? m[1] : null;
}

/**
 * A refused submit's red notice is about that form: once the task is completed (Tasklist then drops it from the
 * URL) or another task is opened, it is closed, as its × would close it; otherwise it stayed over the empty pane.
 * Tasklist changes the URL with history.pushState, which fires no event: the page's mutations (the task pane is
 * redrawn) are the moment to look.
 */
let openTask = taskInUrl();

function dismissFormErrorsOnTaskChange() {
  const now = taskInUrl();
  if (now === openTask) {
    return;
  }
  openTask = now;
  document.querySelectorAll('.notifications .alert-danger').forEach((alert) => {
    const status = alert.querySelector('.status');
    const title = status ? status.textContent.replace(/[：:]\s*$/, '').trim() : '';
    // uib-alert's own close button is hidden (ng-hide); the notification's × is the other one
    const close = alert.querySelector('button.close:not(.ng-hide)');
    if (close && FORM_ERROR_TITLES.includes(title)) {
      close.click();
    }
  });
  document.querySelectorAll('.dd-refused').forEach((f) => f.classList.remove('dd-refused'));
}

function start() {
  localizeDatePicker();
  translateTree(document.body);
  new MutationObserver((mutations) => {
    dismissFormErrorsOnTaskChange();
    for (const m of mutations) {
      if (m.type === 'characterData') {
        translateTree(m.target);
        continue;
      }
      m.addedNodes.forEach((n) => {
        translateTree(n);
        if (n.nodeType === Node.ELEMENT_NODE) {
          const alerts = n.matches('.alert-danger') ? [n] : Array.from(n.querySelectorAll('.alert-danger'));
          alerts.forEach(markRefusedFields);
        }
      });
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
  // a corrected field loses its mark
  document.addEventListener('input', (e) => {
    const field = e.target.closest && e.target.closest('.dd-refused');
    if (field) {
      field.classList.remove('dd-refused');
    }
  }, true);
}

if (!localizeDatePicker()) {
  // deps.js defines flatpickr; it is loaded before the app's custom scripts, but be safe
  window.addEventListener('load', localizeDatePicker);
}
if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}

export default [];
