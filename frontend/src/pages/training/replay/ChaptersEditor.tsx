import { formatOffset, parseOffset } from '../../../components/replay/offsets';
import type { ReplayChapter } from '../../../api/trainingReplay';

/** A chapter as the form holds it: the start as typed (m:ss). */
export interface ChapterDraft {
  key: number;
  at: string;
  title: string;
}

export const MAX_CHAPTERS = 50;
export const MAX_TITLE = 40;

let nextKey = 1;

export function draftOf(c: ReplayChapter): ChapterDraft {
  return { key: nextKey++, at: formatOffset(c.startSeconds), title: c.title };
}

export function emptyDraft(after?: ChapterDraft): ChapterDraft {
  const start = after ? parseOffset(after.at) : null;
  return { key: nextKey++, at: start === null ? (after ? '' : '0:00') : formatOffset(start + 60), title: '' };
}

/**
 * The drafts as chapters, or the problem of each row (by index): a start in m:ss (or h:mm:ss), a title of at most
 * 40 characters, starts strictly increasing (the first may be 0:00).
 */
export function checkChapters(drafts: ChapterDraft[]): { chapters: ReplayChapter[]; problems: Record<number, string> } {
  const problems: Record<number, string> = {};
  const chapters: ReplayChapter[] = [];
  drafts.forEach((d, i) => {
    const start = parseOffset(d.at);
    const title = d.title.trim();
    if (start === null) problems[i] = '开始时间格式为 分:秒，如 12:30';
    else if (!title) problems[i] = '请填写章节标题';
    else if ([...title].length > MAX_TITLE) problems[i] = `章节标题最多 ${MAX_TITLE} 字`;
    else if (i > 0 && chapters[i - 1] && start <= chapters[i - 1].startSeconds) problems[i] = '开始时间需晚于上一章节';
    chapters.push({ title, startSeconds: start ?? -1 });
  });
  return { chapters, problems };
}

interface Props {
  value: ChapterDraft[];
  onChange: (next: ChapterDraft[]) => void;
  problems: Record<number, string>;
}

/** The chapters of a replay: start (m:ss) and title per row; add, remove, move up and down. */
export function ChaptersEditor({ value, onChange, problems }: Props) {
  const update = (i: number, patch: Partial<ChapterDraft>) => onChange(value.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  return (
    <fieldset className="replay-chapter-editor" data-testid="chapters-editor">
      <legend>章节（选填，最多 {MAX_CHAPTERS} 个）</legend>
      {value.length === 0 && <p className="small muted">没有章节：观众只能拖动进度条</p>}
      <ol>
        {value.map((d, i) => (
          <li key={d.key} className={problems[i] ? 'field-invalid' : undefined} data-testid="chapter-row">
            <div className="replay-chapter-inputs">
              <input
                aria-label={`第 ${i + 1} 章开始时间`}
                className="replay-chapter-at-input"
                value={d.at}
                inputMode="numeric"
                placeholder="0:00"
                maxLength={8}
                onChange={(e) => update(i, { at: e.target.value })}
                aria-invalid={problems[i] ? true : undefined}
                data-testid="chapter-at"
              />
              <input
                aria-label={`第 ${i + 1} 章标题`}
                value={d.title}
                maxLength={MAX_TITLE}
                placeholder="章节标题"
                onChange={(e) => update(i, { title: e.target.value })}
                aria-invalid={problems[i] ? true : undefined}
                data-testid="chapter-title"
              />
            </div>
            <div className="replay-chapter-tools">
              <button type="button" className="btn btn-ghost btn-sm" disabled={i === 0} onClick={() => move(i, -1)}
                aria-label={`第 ${i + 1} 章上移`} data-testid="chapter-up">↑</button>
              <button type="button" className="btn btn-ghost btn-sm" disabled={i === value.length - 1} onClick={() => move(i, 1)}
                aria-label={`第 ${i + 1} 章下移`} data-testid="chapter-down">↓</button>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={`删除第 ${i + 1} 章`} data-testid="chapter-remove">删除</button>
            </div>
            {problems[i] && <p className="field-error" role="alert" data-testid="chapter-error">{problems[i]}</p>}
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-ghost btn-sm" disabled={value.length >= MAX_CHAPTERS}
        onClick={() => onChange([...value, emptyDraft(value[value.length - 1])])} data-testid="chapter-add">
        + 添加章节
      </button>
    </fieldset>
  );
}
