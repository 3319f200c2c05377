// Registry dashboard (docs/DASHBOARD.md): reads the FHIR API of the server that serves it and draws with Chart.js.
const Chart = window.Chart;
const TOKEN_KEY = 'jp-cvd-registry.token';
const HOSPITAL_SYSTEM = 'http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no';
const COLORS = ['#0b4f71', '#d1495b', '#edae49', '#00798c', '#66a182', '#8d6a9f'];
const NATIONAL_COLOR = '#b3261e';
const charts = {};

const $ = (id) => document.getElementById(id);

function setStatus(text, state) {
  $('status').textContent = text;
  if (state) document.body.dataset.state = state;
}

/** GET from the FHIR base next to this page; a failure carries the OperationOutcome's message. */
async function fhir(path) {
  const headers = { Accept: 'application/fhir+json' };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`../fhir/${path}`, { headers });
  const body = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw new Error(`${response.status}: ${body?.issue?.[0]?.diagnostics ?? response.statusText} (${path.split('?')[0]})`);
  }
  return body;
}

/** The parts of a Parameters parameter as { name: value }. */
function partsOf(parameter) {
  const values = {};
  for (const part of parameter.part ?? []) {
    values[part.name] = part.valueCoding ?? part.valueCode ?? part.valueString ?? part.valueInteger ?? part.valueDecimal ?? part.valueBoolean ?? part.valueCanonical;
  }
  return values;
}

const parametersNamed = (parameters, name) => (parameters.parameter ?? []).filter((parameter) => parameter.name === name);
const percent = (rate) => (rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);
/** A 0–1 rate as a chart value in %; a missing rate is a gap. */
const chartPercent = (rate) => (rate === undefined ? null : rate * 100);

function draw(id, config) {
  charts[id]?.destroy();
  charts[id] = new Chart($(id), { ...config, options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options } });
}

function period() {
  return { start: $('period-start').value, end: $('period-end').value };
}

/** Every month (YYYY-MM) from the one of date `start` to the one of date `end`. */
function monthsBetween(start, end) {
  const months = [];
  let [year, month] = start.split('-').map(Number);
  const last = end.slice(0, 7);
  for (let label = start.slice(0, 7); label <= last; label = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(label);
    if (++month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/** Cases per principal disease and admission month ($epidemiology); suppressed cells are gaps. */
async function drawCases() {
  const { start, end } = period();
  const report = await fhir(`$epidemiology?period-start=${start}&period-end=${end}&group-by=disease,month`);
  const cells = parametersNamed(report, 'cell').map(partsOf);
  const months = monthsBetween(start, end);
  const diseases = new Map();
  for (const cell of cells) diseases.set(cell.disease.code, cell.disease.display ?? cell.disease.code);
  const datasets = [...diseases].map(([code, display], index) => ({
    label: display,
    // A month without a cell counted no case; a suppressed cell is a gap.
    data: months.map((month) => {
      const cell = cells.find((one) => one.disease.code === code && one.month === month);
      return cell ? (cell.count ?? null) : 0;
    }),
    borderColor: COLORS[index % COLORS.length],
    backgroundColor: COLORS[index % COLORS.length],
    spanGaps: false,
  }));
  draw('cases-chart', {
    type: 'line',
    data: { labels: months, datasets },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: '症例数 / cases' } } } },
  });
  const hidden = cells.filter((cell) => cell.suppressed).length;
  const threshold = parametersNamed(report, 'min-cell-count')[0]?.valueInteger;
  $('cases-note').textContent = hidden
    ? `秘匿セル ${hidden} 件（${threshold} 件未満と、その補完秘匿）はグラフの切れ目です / ${hidden} suppressed cells (below ${threshold}, and their complements) are gaps.`
    : `${threshold} 件未満のセルは秘匿されます / Cells below ${threshold} cases are suppressed.`;
}

/** Hospitals that have submitted: Organizations carrying a medical institution code. */
async function loadHospitals() {
  const bundle = await fhir(`Organization?identifier=${encodeURIComponent(`${HOSPITAL_SYSTEM}|`)}&_count=1000&_elements=name,identifier`);
  const hospitals = new Map();
  for (const { resource } of bundle.entry ?? []) {
    const code = resource.identifier?.find((identifier) => identifier.system === HOSPITAL_SYSTEM)?.value;
    if (code) hospitals.set(code, resource.name ?? code);
  }
  const select = $('hospital');
  const chosen = select.value || new URLSearchParams(location.search).get('hospital');
  select.replaceChildren(...[...hospitals].sort((a, b) => a[0].localeCompare(b[0])).map(([code, name]) => new Option(`${name} (${code})`, code)));
  if (chosen && hospitals.has(chosen)) select.value = chosen;
  return hospitals;
}

/** The selected hospital's checklist: each indicator's hospital and national rate, as a table and a chart. */
async function drawChecklist(hospital) {
  const { start, end } = period();
  const checklist = await fhir(`Organization/$indicator-checklist?hospital=${hospital}&periodStart=${start}&periodEnd=${end}`);
  const indicators = parametersNamed(checklist, 'indicator').map(partsOf);
  const rows = indicators.map((indicator) => {
    const row = document.createElement('tr');
    const below = indicator.hospitalRate !== undefined && indicator.nationalRate !== undefined &&
      (indicator.improvementNotation === 'decrease' ? indicator.hospitalRate > indicator.nationalRate : indicator.hospitalRate < indicator.nationalRate);
    const cells = [
      [indicator.title, ''],
      [`${indicator.hospitalNumerator}/${indicator.hospitalDenominator - indicator.hospitalExclusion}`, 'number'],
      [percent(indicator.hospitalRate), below ? 'number below' : 'number'],
      [percent(indicator.nationalRate), 'number'],
    ];
    row.replaceChildren(...cells.map(([text, className]) => Object.assign(document.createElement('td'), { textContent: text, className })));
    return row;
  });
  $('checklist').tBodies[0].replaceChildren(...rows);
  draw('checklist-chart', {
    type: 'bar',
    data: {
      labels: indicators.map((indicator) => indicator.code),
      datasets: [
        { label: '施設 / hospital', data: indicators.map((indicator) => chartPercent(indicator.hospitalRate)), backgroundColor: COLORS[0] },
        { label: '全国 / national', data: indicators.map((indicator) => chartPercent(indicator.nationalRate)), backgroundColor: NATIONAL_COLOR },
      ],
    },
    options: { indexAxis: 'y', scales: { x: { min: 0, max: 100, title: { display: true, text: '% ' } } } },
  });
  return indicators;
}

function fillIndicators(indicators) {
  const select = $('indicator');
  const chosen = select.value || new URLSearchParams(location.search).get('indicator');
  select.replaceChildren(...indicators.map((indicator) => new Option(indicator.title, indicator.code)));
  if (chosen && indicators.some((indicator) => indicator.code === chosen)) select.value = chosen;
}

/** The selected hospital's submissions ($registry-completeness): per registry item, the share present, missing, implausible. */
async function drawCompleteness(hospital, hospitals) {
  const { start, end } = period();
  const summary = await fhir(`$registry-completeness?hospital=${hospital}&period-start=${start}&period-end=${end}`);
  const cases = parametersNamed(summary, 'cases')[0]?.valueInteger ?? 0;
  const items = parametersNamed(summary, 'item').map(partsOf);
  const share = (item, status) => {
    const all = item.present + item.missing + item.implausible;
    return all ? (item[status] / all) * 100 : null;
  };
  const statuses = [
    ['present', '記載あり / present', COLORS[4]],
    ['missing', '欠測 / missing', COLORS[2]],
    ['implausible', '不整合 / implausible', NATIONAL_COLOR],
  ];
  draw('completeness-chart', {
    type: 'bar',
    data: {
      labels: items.map((item) => item.name),
      datasets: statuses.map(([status, label, color]) => ({ label, data: items.map((item) => share(item, status)), backgroundColor: color })),
    },
    options: { indexAxis: 'y', scales: { x: { stacked: true, min: 0, max: 100, title: { display: true, text: '%' } }, y: { stacked: true } } },
  });
  $('completeness-note').textContent = `${hospitals.get(hospital)}: ${cases} 症例 / cases`;
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
async function mapLimited(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** One indicator's rate at every hospital ($evaluate-measure per hospital) beside the national rate. */
async function drawIndicator(measureId, hospitals) {
  const { start, end } = period();
  const score = async (hospital) => {
    const report = await fhir(`Measure/${measureId}/$evaluate-measure?periodStart=${start}&periodEnd=${end}${hospital ? `&hospital=${hospital}` : ''}`);
    return report.group?.[0]?.measureScore?.value;
  };
  const codes = [...hospitals.keys()].sort();
  const [national, ...rates] = await mapLimited([undefined, ...codes], 4, score);
  draw('indicator-chart', {
    data: {
      labels: codes.map((code) => hospitals.get(code)),
      datasets: [
        { type: 'bar', label: '施設 / hospital', data: rates.map(chartPercent), backgroundColor: COLORS[3] },
        { type: 'line', label: `全国 / national ${percent(national)}`, data: codes.map(() => chartPercent(national)), borderColor: NATIONAL_COLOR, pointRadius: 0 },
      ],
    },
    options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } } },
  });
}

async function refresh() {
  setStatus('読み込み中… / Loading…', 'loading');
  try {
    await drawCases();
    const hospitals = await loadHospitals();
    const hospital = $('hospital').value;
    if (hospital) {
      await drawCompleteness(hospital, hospitals);
      fillIndicators(await drawChecklist(hospital));
      if ($('indicator').value) await drawIndicator($('indicator').value, hospitals);
    }
    const { start, end } = period();
    setStatus(`${start} 〜 ${end}: ${hospitals.size} 施設 / hospitals`, 'ready');
  } catch (error) {
    setStatus(`エラー / Error: ${error.message}`, 'error');
  }
}

function defaultPeriod() {
  const query = new URLSearchParams(location.search);
  const today = new Date();
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  const start = new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth() + 1, 1));
  $('period-start').value = query.get('period-start') ?? start.toISOString().slice(0, 10);
  $('period-end').value = query.get('period-end') ?? end.toISOString().slice(0, 10);
}

$('token').value = sessionStorage.getItem(TOKEN_KEY) ?? '';
$('controls').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $('token').value.trim();
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  refresh();
});
$('hospital').addEventListener('change', refresh);
$('indicator').addEventListener('change', refresh);
defaultPeriod();
refresh();
