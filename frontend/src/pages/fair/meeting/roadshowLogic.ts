// What the roadshow page decides: the player's kind, amounts in 万元, who may mark a question answered.
import type { StreamKind } from '../../../api/live';
import type { RoadshowProject, RoadshowQa, RoadshowQuestion, RoadshowRoom, RoadshowStage } from '../../../api/fairMeeting';

/** HLS for .m3u8 streams (played in the page), else an external link. */
export function streamKindOf(url: string): StreamKind {
  const path = url.split(/[?#]/)[0].toLowerCase();
  if (path.endsWith('.m3u8')) return 'HLS';
  if (path.endsWith('.flv')) return 'FLV';
  return 'OTHER';
}

const wan = (fen: number) => {
  const x = fen / 1_000_000;
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
};

/** A project's sought amount in 万元: "融资 500–1000 万元", "融资 500 万元起", "" when unknown. */
export function amountRange(p: Pick<RoadshowProject, 'amountMinFen' | 'amountMaxFen'>): string {
  const { amountMinFen: min, amountMaxFen: max } = p;
  if (min != null && max != null) return min === max ? `融资 ${wan(min)} 万元` : `融资 ${wan(min)}–${wan(max)} 万元`;
  if (min != null) return `融资 ${wan(min)} 万元起`;
  if (max != null) return `融资至多 ${wan(max)} 万元`;
  return '';
}

/** The project asked, or an organiser, may mark a question answered. */
export function canMarkAnswered(room: Pick<RoadshowRoom, 'organiser' | 'participantId'>, q: Pick<RoadshowQuestion, 'projectId'>): boolean {
  return room.organiser || (room.participantId !== null && room.participantId === q.projectId);
}

/** The questions with the name of the project asked. */
export function questionsOf(qa: RoadshowQa, stage: RoadshowStage): Array<RoadshowQuestion & { project: string }> {
  const names = new Map(stage.projects.map((p) => [p.participantId, p.enterprise]));
  return qa.questions.map((q) => ({ ...q, project: names.get(q.projectId) ?? '项目' }));
}
