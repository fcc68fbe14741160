import { useEffect, useState } from 'react';
import { NavLink } from 'react-router-dom';
import { fairApi } from '../../api/fairScreening';
import type { FairKind } from '../../api/fairScreening';
import './fair.css';

interface Props {
  fairId: number;
  /** the organisers' strip instead of the participants' */
  organiser?: boolean;
  /** 路演 is shown for ROADSHOW fairs only; when not given, the participants' strip looks the fair's kind up once */
  kind?: FairKind;
}

interface Tab {
  to: string;
  label: string;
  end?: boolean;
}

/** The tabs of one fair's pages, as links (participants: home … pipeline; organisers: screening … KPI). */
export function fairTabs(fairId: number, organiser: boolean, kind?: FairKind): Tab[] {
  if (organiser) {
    const base = `/organiser/fairs/${fairId}`;
    return [
      { to: base, label: '报名审核', end: true },
      { to: `${base}/directory`, label: '供需目录' },
      { to: `${base}/matches`, label: '匹配' },
      { to: `${base}/slots`, label: '洽谈安排' },
      { to: `${base}/pipeline`, label: '跟踪与指标' },
      { to: '/organiser/fairs/kpi', label: '全部对接会指标' },
    ];
  }
  const base = `/fairs/${fairId}`;
  const tabs: Tab[] = [
    { to: base, label: '主页', end: true },
    { to: `${base}/register`, label: '报名' },
    { to: `${base}/directory`, label: '参会企业' },
    { to: `${base}/listings`, label: '供需信息' },
    { to: `${base}/matches`, label: '匹配推荐' },
    { to: `${base}/meetings`, label: '洽谈' },
  ];
  if (kind === 'ROADSHOW') tabs.push({ to: `${base}/roadshow`, label: '路演' });
  tabs.push({ to: `${base}/pipeline`, label: '对接跟踪' });
  return tabs;
}

/** The tab strip of a fair's pages; scrolls sideways on a phone. */
export function FairNav({ fairId, organiser = false, kind }: Props) {
  const known = useFairKind(fairId, organiser || kind !== undefined);
  return (
    <nav className="tabs fair-nav" aria-label={organiser ? '对接会管理' : '对接会'} data-testid="fair-nav">
      {fairTabs(fairId, organiser, kind ?? known).map((t) => (
        <NavLink key={t.to} to={t.to} end={t.end} className={({ isActive }) => `tab${isActive ? ' active' : ''}`}>
          {t.label}
        </NavLink>
      ))}
    </nav>
  );
}

const kinds = new Map<number, Promise<FairKind | undefined>>();

/** The fair's kind, asked once per fair and page load (pages that know it pass it; errors leave 路演 hidden). */
function useFairKind(fairId: number, skip: boolean): FairKind | undefined {
  const [kind, setKind] = useState<FairKind | undefined>(undefined);
  useEffect(() => {
    if (skip || !Number.isSafeInteger(fairId) || fairId <= 0) return;
    let live = true;
    let pending = kinds.get(fairId);
    if (!pending) {
      pending = fairApi.detail(fairId).then((d) => d?.fair?.kind, () => undefined);
      kinds.set(fairId, pending);
    }
    void pending.then((k) => {
      if (live) setKind(k);
    });
    return () => {
      live = false;
    };
  }, [fairId, skip]);
  return kind;
}
