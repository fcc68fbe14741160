import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../api/errors';
import { pastLiveApi } from '../../../api/live';
import { TextField } from '../../../components/Field';

const MAX_LENGTH = 500;
const URL_PATTERN = /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#]\S*)?$/;

/** The problem with a replay address as typed, or null (the server checks the same again). */
export function replayUrlProblem(value: string): string | null {
  const v = value.trim();
  if (!v) return '请填写回放地址';
  if (v.length > MAX_LENGTH) return `回放地址最长 ${MAX_LENGTH} 个字符`;
  if (!URL_PATTERN.test(v)) return '回放地址需为 http:// 或 https:// 开头的完整网址';
  return null;
}

/**
 * The replay link of an ended session in the merchant's list: shows it, sets it (a complete http(s) address of
 * the page where the recording was published) or clears it.
 */
export function ReplayEditor({ sessionId }: { sessionId: number }) {
  const [current, setCurrent] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const id = `replay-${sessionId}`;

  useEffect(() => {
    const abort = new AbortController();
    pastLiveApi.replay(sessionId, abort.signal).then(
      (r) => {
        setCurrent(r.replayUrl);
        setLoaded(true);
      },
      () => setLoaded(true),
    );
    return () => abort.abort();
  }, [sessionId]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const problem = replayUrlProblem(value);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      const r = await pastLiveApi.setReplay(sessionId, value.trim());
      setCurrent(r.replayUrl);
      setEditing(false);
      setError(undefined);
    } catch (err) {
      setError(isApiError(err) ? (err.fieldErrors.replayUrl ?? err.detail) : '保存失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    setBusy(true);
    try {
      const r = await pastLiveApi.clearReplay(sessionId);
      setCurrent(r.replayUrl);
      setError(undefined);
    } catch (err) {
      setError(isApiError(err) ? err.detail : '操作失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  if (!loaded) return null;
  if (editing) {
    return (
      <form className="replay-editor" onSubmit={save} noValidate data-testid="replay-form">
        <TextField
          id={id}
          label="回放地址"
          value={value}
          onChange={(v) => {
            setValue(v);
            if (error) setError(undefined);
          }}
          error={error}
          hint="发布回放的页面地址，以 https:// 开头"
          maxLength={MAX_LENGTH}
          placeholder="https://"
          autoFocus
        />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary btn-sm" disabled={busy} data-testid="replay-save">
            保存回放
          </button>
          <button type="button" className="btn btn-ghost btn-sm" disabled={busy} onClick={() => setEditing(false)}>
            取消
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="replay-editor" data-testid="replay-editor">
      {current ? (
        <a href={current} target="_blank" rel="noopener noreferrer nofollow" className="replay-link small" data-testid="replay-current">
          回放：{current}
        </a>
      ) : (
        <span className="muted small">暂无回放</span>
      )}
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        onClick={() => {
          setValue(current ?? '');
          setError(undefined);
          setEditing(true);
        }}
        data-testid="replay-edit"
      >
        {current ? '修改回放' : '添加回放'}
      </button>
      {current && (
        <button type="button" className="btn btn-ghost btn-sm" disabled={busy} onClick={clear} data-testid="replay-clear">
          清除
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
