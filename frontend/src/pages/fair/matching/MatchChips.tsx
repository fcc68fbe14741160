import type { ScorePart } from '../../../api/fairMatching';

/** The parts of a match score as chips: "同属汽车零部件及配件制造 +40", "关键词：铝合金、压铸 +16", … */
export function MatchChips({ parts }: { parts: ScorePart[] }) {
  return (
    <ul className="match-chips" aria-label="匹配依据">
      {parts.map((p) => (
        <li key={p.kind} className={`match-chip kind-${p.kind}`} data-testid="match-chip">
          {p.text}
          <b>+{p.points}</b>
        </li>
      ))}
    </ul>
  );
}
