// The supervision charts (Apache ECharts), from the figures the page embeds as window.ddFigures.
(function () {
  var f = window.ddFigures;
  if (!f || typeof echarts === 'undefined') {
    return;
  }
  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var c = echarts.init(el);
    c.setOption(option);
    window.addEventListener('resize', function () { c.resize(); });
    el.setAttribute('data-rendered', 'true');
  }
  chart('chart-months', {
    tooltip: { trigger: 'axis' },
    legend: { data: ['收到', '办结'] },
    xAxis: { type: 'category', data: f.months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '收到', type: 'bar', data: f.received },
      { name: '办结', type: 'bar', data: f.concluded }
    ]
  });
  var outcomes = Object.keys(f.outcomes || {}).map(function (k) { return { name: k, value: f.outcomes[k] }; });
  chart('chart-outcomes', {
    title: outcomes.length ? undefined : { text: '本年暂无办结案件', left: 'center', top: 'middle', textStyle: { color: '#52606d', fontSize: 14 } },
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: outcomes, label: { formatter: '{b}\n{c}' } }]
  });
  var d = f.departments || [];
  chart('chart-departments', {
    title: d.length ? undefined : { text: '本年暂无办结案件', left: 'center', top: 'middle', textStyle: { color: '#52606d', fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { data: ['按期率（%）', '平均办理工作日'] },
    xAxis: { type: 'category', data: d.map(function (x) { return x.name; }) },
    yAxis: [{ type: 'value', name: '%', max: 100 }, { type: 'value', name: '工作日' }],
    series: [
      { name: '按期率（%）', type: 'bar', data: d.map(function (x) { return x.onTimeRate; }) },
      { name: '平均办理工作日', type: 'line', yAxisIndex: 1, data: d.map(function (x) { return x.averageWorkingDays; }) }
    ]
  });
})();
