// The organisers' fair form as it holds its values (Beijing wall times, text), and its checks before sending.
import type { FairBody, FairDetail, FairKind, FairMode, FairVisibility } from '../../../api/fairScreening';
import type { FieldErrors } from '../../../lib/validation';
import { isoToShanghaiInput, shanghaiInputToIso } from '../../organiser/time';

export interface AgendaRow {
  startsAt: string;
  endsAt: string;
  title: string;
  place: string;
  speaker: string;
}

export interface FairFormValues {
  title: string;
  kind: FairKind;
  mode: FairMode;
  visibility: FairVisibility;
  startsAt: string;
  endsAt: string;
  region: string;
  venue: string;
  summary: string;
  capacity: string;
  coverFileId: number | null;
  agenda: AgendaRow[];
}

export const NEW_FAIR: FairFormValues = {
  title: '', kind: 'PROCUREMENT', mode: 'HYBRID', visibility: 'PUBLIC', startsAt: '', endsAt: '', region: '', venue: '',
  summary: '', capacity: '200', coverFileId: null, agenda: [],
};

export function valuesOf(d: FairDetail): FairFormValues {
  const f = d.fair;
  return {
    title: f.title, kind: f.kind, mode: f.mode, visibility: f.visibility, startsAt: isoToShanghaiInput(f.startsAt),
    endsAt: isoToShanghaiInput(f.endsAt), region: f.region, venue: f.venue ?? '', summary: d.summary,
    capacity: String(f.capacity), coverFileId: f.coverFileId,
    agenda: d.agenda.map((a) => ({
      startsAt: isoToShanghaiInput(a.startsAt), endsAt: a.endsAt ? isoToShanghaiInput(a.endsAt) : '', title: a.title,
      place: a.place ?? '', speaker: a.speaker ?? '',
    })),
  };
}

/** The body to send, or the field errors (named as the server names them: agenda[1].startsAt). */
export function checkFair(v: FairFormValues): { errors: FieldErrors; body?: FairBody } {
  const errors: FieldErrors = {};
  if (!v.title.trim()) errors.title = '请填写对接会名称';
  else if (v.title.trim().length > 100) errors.title = '名称最多 100 字';
  const starts = shanghaiInputToIso(v.startsAt);
  const ends = shanghaiInputToIso(v.endsAt);
  if (!starts) errors.startsAt = '请选择开始时间';
  if (!ends) errors.endsAt = '请选择结束时间';
  else if (starts && Date.parse(ends) <= Date.parse(starts)) errors.endsAt = '结束时间需晚于开始时间';
  if (!v.region.trim()) errors.region = '请填写地区';
  if (v.mode !== 'ONLINE' && !v.venue.trim()) errors.venue = '线下或线上线下结合的对接会需填写会场';
  const capacity = Number(v.capacity);
  if (!/^\d+$/.test(v.capacity.trim()) || capacity < 1 || capacity > 100000) errors.capacity = '名额为 1–100000 家';
  if (v.summary.length > 4000) errors.summary = '简介最多 4000 字';
  const agenda = v.agenda.map((a, i) => {
    const s = shanghaiInputToIso(a.startsAt);
    const e = a.endsAt ? shanghaiInputToIso(a.endsAt) : null;
    if (!s) errors[`agenda[${i}].startsAt`] = '请选择议程开始时间';
    if (!a.title.trim()) errors[`agenda[${i}].title`] = '请填写议程标题';
    if (a.endsAt && (!e || (s && Date.parse(e) <= Date.parse(s)))) errors[`agenda[${i}].endsAt`] = '议程结束时间需晚于开始时间';
    return { startsAt: s ?? '', endsAt: e, title: a.title.trim(), place: a.place.trim() || null, speaker: a.speaker.trim() || null };
  });
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    body: {
      title: v.title.trim(), kind: v.kind, mode: v.mode, visibility: v.visibility, startsAt: starts!, endsAt: ends!,
      region: v.region.trim(), venue: v.mode === 'ONLINE' ? v.venue.trim() || null : v.venue.trim(), summary: v.summary.trim(),
      capacity, coverFileId: v.coverFileId, agenda,
    },
  };
}
