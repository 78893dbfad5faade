// The branch dashboard (issue 15 item 2), for supervisors and administrators: cases received, time from
// intake to decision against the statutory times, the backlog by age, findings by rule, returns by
// reason, and per person what they did and what pre-filling saved them. Each chart (Recharts) has its
// table beside it and a CSV button that downloads the same table the command line exports.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DEFAULT_RANGE_DAYS, type Dashboard, type DashboardRange, type DashboardTable } from '../../shared/api/methods-dashboard';
import { CLAIM_TYPES } from '../../shared/domain/claims';
import { iso, parseIsoDate, plusDays } from '../../shared/rules/dates';
import { useApi, useQuery } from '../api-context';
import { CsvButton } from '../components/CsvButton';
import { ErrorNote } from '../components/ErrorNote';
import { dmy, parseDmy, todayIso, useCount } from '../format';

const COLOR = {
  JHT: 'var(--chart-1)',
  JKK: 'var(--chart-2)',
  JKM: 'var(--chart-3)',
  BEASISWA: 'var(--chart-4)',
  withinTime: 'var(--chart-ok)',
  overdue: 'var(--chart-late)',
  noStatutoryTime: 'var(--chart-none)',
  blocker: 'var(--chart-late)',
  warning: 'var(--chart-warn)',
  info: 'var(--chart-none)',
} as const;

const AXIS = { fill: 'var(--muted)', fontSize: 12 };

function lastDays(n: number, today = todayIso()): DashboardRange {
  return { from: iso(plusDays(parseIsoDate(today)!, -(n - 1))), to: today };
}

const PRESETS: { key: string; range: () => DashboardRange }[] = [
  { key: 'days7', range: () => lastDays(7) },
  { key: 'days30', range: () => lastDays(DEFAULT_RANGE_DAYS) },
  { key: 'days90', range: () => lastDays(90) },
  { key: 'thisYear', range: () => ({ from: `${todayIso().slice(0, 4)}-01-01`, to: todayIso() }) },
  { key: 'months12', range: () => lastDays(365) },
];

const percent = (part: number, whole: number): string => (whole > 0 ? `${Math.round((part * 100) / whole)}%` : '–');

export function DashboardScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const [range, setRange] = useState<DashboardRange>(() => lastDays(DEFAULT_RANGE_DAYS));
  const q = useQuery('dashboard.branch', range);
  const d = q.data;

  return (
    <section className="screen dashboard" data-screen="dashboard" data-state={q.state}>
      <div className="screen-head">
        <h1>{t('dashboard.title')}</h1>
      </div>
      <RangeFilter range={range} onChange={setRange} />
      <ErrorNote error={q.error} />
      {d && (
        <>
          <Tiles d={d} />
          <div className="dash-grid">
            <Received d={d} range={range} />
            <DecisionTime d={d} range={range} />
            <Backlog d={d} range={range} />
            <FlagsByRule d={d} range={range} />
            <Returns d={d} range={range} />
          </div>
          <People d={d} range={range} />
        </>
      )}
    </section>
  );
}

function RangeFilter({ range, onChange }: { range: DashboardRange; onChange: (r: DashboardRange) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [from, setFrom] = useState(dmy(range.from));
  const [to, setTo] = useState(dmy(range.to));
  const [problem, setProblem] = useState<string>();
  const show = (r: DashboardRange): void => {
    setFrom(dmy(r.from));
    setTo(dmy(r.to));
    setProblem(undefined);
    onChange(r);
  };
  const apply = (): void => {
    const f = parseDmy(from);
    const e = parseDmy(to);
    if (!f || !e) return setProblem(t('dashboard.badDate'));
    if (e < f) return setProblem(t('errors.why.range_reversed'));
    show({ from: f, to: e });
  };
  return (
    <form
      className="dash-range no-print"
      aria-label={t('dashboard.range')}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
      data-testid="dashboard-range"
    >
      <label>
        {t('dashboard.from')}
        <input
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          placeholder={t('worklist.dateHint')}
          inputMode="numeric"
          aria-invalid={!parseDmy(from)}
          data-testid="range-from"
        />
      </label>
      <label>
        {t('dashboard.to')}
        <input
          value={to}
          onChange={(e) => setTo(e.target.value)}
          placeholder={t('worklist.dateHint')}
          inputMode="numeric"
          aria-invalid={!parseDmy(to)}
          data-testid="range-to"
        />
      </label>
      <button type="submit" className="primary" data-testid="range-apply">
        {t('dashboard.apply')}
      </button>
      <div className="row" role="group" aria-label={t('dashboard.presets')}>
        {PRESETS.map((p) => {
          const r = p.range();
          const on = r.from === range.from && r.to === range.to;
          return (
            <button key={p.key} type="button" aria-pressed={on} onClick={() => show(r)} data-preset={p.key}>
              {t(`dashboard.preset.${p.key}`)}
            </button>
          );
        })}
      </div>
      {problem && (
        <p className="error-note" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function Tiles({ d }: { d: Dashboard }): React.JSX.Element {
  const { t } = useTranslation();
  const count = useCount();
  const saved = d.people.reduce((n, p) => n + p.keysSaved, 0);
  const typed = d.people.reduce((n, p) => n + p.keysTyped, 0);
  const tiles: [string, string, string?][] = [
    ['received', count(d.totals.received)],
    ['decided', count(d.totals.decided)],
    ['median', d.decisionTime.all.medianDays === null ? '–' : t('dashboard.workingDays', { count: d.decisionTime.all.medianDays })],
    ['p90', d.decisionTime.all.p90Days === null ? '–' : t('dashboard.workingDays', { count: d.decisionTime.all.p90Days })],
    ['returned', count(d.totals.returned)],
    ['open', count(d.totals.open), t('dashboard.asOf', { day: dmy(d.today) })],
    ['keysSaved', count(saved), t('dashboard.keysShare', { share: percent(saved, saved + typed) })],
  ];
  return (
    <dl className="tiles" data-testid="dashboard-tiles">
      {tiles.map(([key, value, note]) => (
        <div key={key} className="tile" data-tile={key}>
          <dt>{t(`dashboard.tile.${key}`)}</dt>
          <dd>
            <span className="tile-value">{value}</span>
            {note && <span className="tile-note">{note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One section: its title, what it counts, the chart, its table (folded) and a CSV button. */
function Section(props: {
  id: string;
  title: string;
  hint: string;
  children: ReactNode;
  table?: ReactNode;
  csv: ReactNode;
  empty?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="panel dash-panel" aria-labelledby={`dash-${props.id}`} data-section={props.id}>
      <div className="panel-head">
        <h2 id={`dash-${props.id}`}>{props.title}</h2>
        <div className="row">{props.csv}</div>
      </div>
      <p className="muted">{props.hint}</p>
      {props.empty ? <p className="muted">{t('dashboard.none')}</p> : <div className="chart">{props.children}</div>}
      {props.table && !props.empty && (
        <details>
          <summary>{t('dashboard.showTable')}</summary>
          {props.table}
        </details>
      )}
    </section>
  );
}

function Csv({ table, range, id, label }: { table: DashboardTable; range: DashboardRange; id: string; label?: string }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <CsvButton
      label={label ?? t('dashboard.csv')}
      fileName={`dasbor-${table}-${range.from}-${range.to}`}
      load={() => api.call('exports.dashboard', { ...range, table })}
      testId={`csv-${table}`}
      describedBy={`dash-${id}`}
    />
  );
}

function Received({ d, range }: { d: Dashboard; range: DashboardRange }): React.JSX.Element {
  const { t } = useTranslation();
  const rows = d.received.rows.map((r) => ({ ...r, label: dmy(r.start).slice(0, d.received.bucket === 'month' ? undefined : 5) }));
  return (
    <Section
      id="received"
      title={t(`dashboard.received.title.${d.received.bucket}`)}
      hint={t('dashboard.received.hint')}
      csv={<Csv table="received" range={range} id="received" />}
      empty={d.totals.received === 0}
      table={
        <table className="grid">
          <thead>
            <tr>
              <th>{t(`dashboard.bucket.${d.received.bucket}`)}</th>
              {CLAIM_TYPES.map((c) => (
                <th key={c} className="num">
                  {c}
                </th>
              ))}
              <th className="num">{t('dashboard.total')}</th>
            </tr>
          </thead>
          <tbody>
            {d.received.rows.map((r) => (
              <tr key={r.start}>
                <td>{d.received.bucket === 'month' ? dmy(r.start).slice(3) : dmy(r.start)}</td>
                {CLAIM_TYPES.map((c) => (
                  <td key={c} className="num">
                    {r[c]}
                  </td>
                ))}
                <td className="num">{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tick={AXIS} stroke="var(--border)" minTickGap={12} />
          <YAxis allowDecimals={false} tick={AXIS} stroke="var(--border)" />
          <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }} />
          <Legend />
          {CLAIM_TYPES.map((c) => (
            <Bar key={c} dataKey={c} name={c} stackId="type" fill={COLOR[c]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Section>
  );
}

function DecisionTime({ d, range }: { d: Dashboard; range: DashboardRange }): React.JSX.Element {
  const { t } = useTranslation();
  const hist = d.decisionTime.histogram.map((h) => ({ ...h, label: h.days === 15 ? '15+' : String(h.days) }));
  const days = (n: number | null): string => (n === null ? '–' : String(n));
  return (
    <Section
      id="time"
      title={t('dashboard.time.title')}
      hint={t('dashboard.time.hint')}
      csv={<Csv table="decision_time" range={range} id="time" />}
      empty={d.totals.decided === 0}
    >
      <ResponsiveContainer width="100%" height={170}>
        <BarChart data={hist} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tick={AXIS} stroke="var(--border)" />
          <YAxis allowDecimals={false} tick={AXIS} stroke="var(--border)" />
          <Tooltip
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }}
            labelFormatter={(l) => t('dashboard.workingDays', { count: l === '15+' ? 15 : Number(l) })}
          />
          <Bar dataKey="decided" name={t('dashboard.tile.decided')} fill="var(--chart-1)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <table className="grid compact" data-testid="decision-time-table">
        <thead>
          <tr>
            <th>{t('dashboard.claimType')}</th>
            <th className="num">{t('dashboard.tile.decided')}</th>
            <th className="num">{t('dashboard.time.median')}</th>
            <th className="num">{t('dashboard.time.p90')}</th>
            <th className="num">{t('dashboard.time.statutory')}</th>
            <th className="num">{t('dashboard.time.within')}</th>
          </tr>
        </thead>
        <tbody>
          {d.decisionTime.byType.map((r) => (
            <tr key={r.claimType} data-type={r.claimType}>
              <td>{r.claimType}</td>
              <td className="num">{r.decided}</td>
              <td className="num">{days(r.medianDays)}</td>
              <td className="num">{days(r.p90Days)}</td>
              <td className="num">{r.statutoryDays === null ? t('dashboard.noStatutory') : r.statutoryDays}</td>
              <td className={r.overStatutory > 0 ? 'num late' : 'num'}>{r.statutoryDays === null ? '–' : percent(r.withinStatutory, r.decided)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

function Backlog({ d, range }: { d: Dashboard; range: DashboardRange }): React.JSX.Element {
  const { t } = useTranslation();
  const states = ['withinTime', 'overdue', 'noStatutoryTime'] as const;
  return (
    <Section
      id="backlog"
      title={t('dashboard.backlog.title', { day: dmy(d.today) })}
      hint={t('dashboard.backlog.hint')}
      csv={
        <>
          <Csv table="backlog_age" range={range} id="backlog" label={t('dashboard.backlog.csvAge')} />
          <Csv table="backlog_type" range={range} id="backlog" label={t('dashboard.backlog.csvType')} />
        </>
      }
      empty={d.totals.open === 0}
      table={
        <table className="grid">
          <thead>
            <tr>
              <th>{t('dashboard.backlog.age')}</th>
              {states.map((s) => (
                <th key={s} className="num">
                  {t(`dashboard.backlog.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.backlog.byAge.map((b) => (
              <tr key={b.band}>
                <td>{t('dashboard.backlog.band', { band: b.band })}</td>
                {states.map((s) => (
                  <td key={s} className="num">
                    {b[s]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={170}>
        <BarChart data={d.backlog.byAge.map((b) => ({ ...b, label: b.band }))} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tick={AXIS} stroke="var(--border)" />
          <YAxis allowDecimals={false} tick={AXIS} stroke="var(--border)" />
          <Tooltip
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }}
            labelFormatter={(l) => t('dashboard.backlog.band', { band: String(l) })}
          />
          <Legend />
          {states.map((s) => (
            <Bar key={s} dataKey={s} name={t(`dashboard.backlog.${s}`)} stackId="s" fill={COLOR[s]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <table className="grid compact" data-testid="backlog-table">
        <thead>
          <tr>
            <th>{t('dashboard.claimType')}</th>
            <th className="num">{t('dashboard.backlog.open')}</th>
            <th className="num">{t('dashboard.backlog.overdue')}</th>
            <th className="num">{t('dashboard.time.statutory')}</th>
            <th className="num">{t('dashboard.backlog.oldest')}</th>
          </tr>
        </thead>
        <tbody>
          {d.backlog.byType.map((r) => (
            <tr key={r.claimType} data-type={r.claimType}>
              <td>{r.claimType}</td>
              <td className="num">{r.open}</td>
              <td className={r.overdue > 0 ? 'num late' : 'num'}>{r.statutoryDays === null ? '–' : r.overdue}</td>
              <td className="num">{r.statutoryDays === null ? t('dashboard.noStatutory') : r.statutoryDays}</td>
              <td className="num">{r.oldestDays ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

function FlagsByRule({ d, range }: { d: Dashboard; range: DashboardRange }): React.JSX.Element {
  const { t } = useTranslation();
  const severities = ['blocker', 'warning', 'info'] as const;
  // One bar per rule, its cases split by the severity the rule was raised with.
  const rules = [...new Set(d.flagsByRule.map((f) => f.rule))].map((rule) => ({
    rule,
    label: t(`rules.title.${rule}`),
    ...Object.fromEntries(severities.map((s) => [s, d.flagsByRule.find((f) => f.rule === rule && f.severity === s)?.cases ?? 0])),
  }));
  return (
    <Section
      id="flags"
      title={t('dashboard.flags.title')}
      hint={t('dashboard.flags.hint')}
      csv={<Csv table="flags" range={range} id="flags" />}
      empty={rules.length === 0}
      table={
        <table className="grid">
          <thead>
            <tr>
              <th>{t('dashboard.flags.rule')}</th>
              <th>{t('dashboard.flags.severity')}</th>
              <th className="num">{t('dashboard.flags.cases')}</th>
              <th className="num">{t('dashboard.flags.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {d.flagsByRule.map((f) => (
              <tr key={`${f.rule}|${f.severity}`}>
                <td>{t(`rules.title.${f.rule}`)}</td>
                <td>{t(`flags.severity.${f.severity}`)}</td>
                <td className="num">{f.cases}</td>
                <td className="num">{f.flags}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={Math.max(120, 28 * rules.length + 60)}>
        <BarChart data={rules} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="var(--border)" />
          <XAxis type="number" allowDecimals={false} tick={AXIS} stroke="var(--border)" />
          <YAxis type="category" dataKey="label" width={190} tick={AXIS} stroke="var(--border)" />
          <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }} />
          <Legend />
          {severities.map((s) => (
            <Bar key={s} dataKey={s} name={t(`flags.severity.${s}`)} stackId="s" fill={COLOR[s]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Section>
  );
}

function Returns({ d, range }: { d: Dashboard; range: DashboardRange }): React.JSX.Element {
  const { t } = useTranslation();
  const rows = d.returnsByReason.map((r) => ({ ...r, label: r.reason === 'unrecorded' ? t('dashboard.returns.unrecorded') : t(`review.reasons.${r.reason}`) }));
  return (
    <Section
      id="returns"
      title={t('dashboard.returns.title')}
      hint={t('dashboard.returns.hint')}
      csv={<Csv table="returns" range={range} id="returns" />}
      empty={rows.length === 0}
      table={
        <table className="grid">
          <thead>
            <tr>
              <th>{t('dashboard.returns.reason')}</th>
              <th className="num">{t('dashboard.tile.returned')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.reason}>
                <td>{r.label}</td>
                <td className="num">{r.returns}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={Math.max(120, 28 * rows.length + 40)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="var(--border)" />
          <XAxis type="number" allowDecimals={false} tick={AXIS} stroke="var(--border)" />
          <YAxis type="category" dataKey="label" width={190} tick={AXIS} stroke="var(--border)" />
          <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }} />
          <Bar dataKey="returns" name={t('dashboard.tile.returned')} fill="var(--chart-warn)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Section>
  );
}

function People({ d, range }: { d: Dashboard; range: DashboardRange }): React.JSX.Element {
  const { t } = useTranslation();
  const count = useCount();
  const officers = d.people.filter((p) => p.submitted > 0).map((p) => ({ ...p, label: p.displayName }));
  const cols = ['submitted', 'fieldsPrefilled', 'fieldsKeyed', 'keysSaved', 'keysTyped', 'approved', 'rejected', 'returned'] as const;
  return (
    <section className="panel dash-panel" aria-labelledby="dash-people" data-section="people">
      <div className="panel-head">
        <h2 id="dash-people">{t('dashboard.people.title')}</h2>
        <div className="row">
          <Csv table="people" range={range} id="people" />
        </div>
      </div>
      <p className="muted">{t('dashboard.people.hint')}</p>
      {d.people.length === 0 ? (
        <p className="muted">{t('dashboard.none')}</p>
      ) : (
        <div className="dash-people">
          {officers.length > 0 && (
            <div className="chart">
              <ResponsiveContainer width="100%" height={Math.max(120, 30 * officers.length + 60)}>
                <BarChart data={officers} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }}>
                  <CartesianGrid horizontal={false} stroke="var(--border)" />
                  <XAxis type="number" allowDecimals={false} tick={AXIS} stroke="var(--border)" />
                  <YAxis type="category" dataKey="label" width={140} tick={AXIS} stroke="var(--border)" />
                  <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }} />
                  <Legend />
                  <Bar dataKey="keysSaved" name={t('dashboard.people.keysSaved')} stackId="k" fill="var(--chart-ok)" isAnimationActive={false} />
                  <Bar dataKey="keysTyped" name={t('dashboard.people.keysTyped')} stackId="k" fill="var(--chart-late)" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
          <table className="grid compact" data-testid="people-table">
            <thead>
              <tr>
                <th>{t('dashboard.people.name')}</th>
                {cols.map((c) => (
                  <th key={c} className="num">
                    {t(`dashboard.people.${c}`)}
                  </th>
                ))}
                <th className="num">{t('dashboard.people.share')}</th>
              </tr>
            </thead>
            <tbody>
              {d.people.map((p) => (
                <tr key={p.username} data-user={p.username}>
                  <td title={p.username}>{p.displayName}</td>
                  {cols.map((c) => (
                    <td key={c} className="num">
                      {count(p[c])}
                    </td>
                  ))}
                  <td className="num">{p.submitted > 0 ? percent(p.keysSaved, p.keysSaved + p.keysTyped) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
