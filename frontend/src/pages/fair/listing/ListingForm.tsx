import { useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../api/errors';
import type { IndustryNode, Listing, ListingAttachment } from '../../../api/fairListing';
import { uploadFile } from '../../../api/files';
import { describedBy, Field, FormAlert, TextField } from '../../../components/Field';
import { CategoryPicker } from './CategoryPicker';
import { checkForm, dateAhead, emptyForm, formErrors, formOf, MAX_KEYWORDS, parseKeywords, toInput } from './listingForm';
import type { ListingFormState } from './listingForm';

interface Props {
  industries: IndustryNode[];
  /** the listing edited, or null for a new one */
  listing: Listing | null;
  onSave: (input: ReturnType<typeof toInput>) => Promise<void>;
  onCancel: () => void;
}

/** A listing's form: side, title, description, category, keywords, region, quantity, amount range (万元), validity, files. */
export function ListingForm({ industries, listing, onSave, onCancel }: Props) {
  const [form, setForm] = useState<ListingFormState>(() => (listing ? formOf(listing) : emptyForm()));
  const [files, setFiles] = useState<ListingAttachment[]>(listing?.attachments ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ListingFormState>) => setForm((f) => ({ ...f, ...patch }));
  const keywords = parseKeywords(form.keywords);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = checkForm(form, dateAhead(0));
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSave(toInput({ ...form, fileIds: files.map((f) => f.fileId) }));
    } catch (err) {
      setErrors(isApiError(err) ? (err.hasFieldErrors ? formErrors(err.fieldErrors) : { form: err.detail })
        : { form: '网络异常，请稍后重试' });
    } finally {
      setBusy(false);
    }
  };

  const upload = async (file: File | undefined) => {
    if (!file) return;
    try {
      const stored = await uploadFile(file, file.type.startsWith('image/') ? 'IMAGE' : 'DOCUMENT');
      setFiles((fs) => [...fs, { fileId: stored.id, name: stored.originalName, contentType: stored.contentType,
        sizeBytes: stored.sizeBytes }]);
      setErrors((es) => ({ ...es, fileIds: '' }));
    } catch (err) {
      setErrors((es) => ({ ...es, fileIds: isApiError(err) ? err.detail : '上传失败' }));
    }
  };

  return (
    <form className="listing-form" onSubmit={submit} noValidate data-testid="listing-form">
      <FormAlert message={errors.form} />
      <Field id="listing-side" label="类型" error={errors.side}>
        <span className="filter-chips" role="radiogroup" aria-label="类型">
          {(['SUPPLY', 'DEMAND'] as const).map((s) => (
            <button key={s} type="button" role="radio" aria-checked={form.side === s} data-testid={`side-${s}`}
              className={`filter-chip${form.side === s ? ' active' : ''}`} onClick={() => set({ side: s })}>
              {s === 'SUPPLY' ? '供给（我能提供）' : '需求（我要采购）'}
            </button>
          ))}
        </span>
      </Field>
      <TextField id="listing-title" label="标题" value={form.title} maxLength={100} error={errors.title}
        placeholder="如：铝合金压铸件 年产 50 万件" onChange={(v) => set({ title: v })} />
      <Field id="listing-category" label="行业分类" error={errors.category} hint="至少选到大类">
        <CategoryPicker id="listing-category" industries={industries} value={form.category}
          describedBy={describedBy('listing-category', errors.category, '至少选到大类')}
          onChange={(code) => set({ category: code })} />
      </Field>
      <Field id="listing-description" label="描述" optional error={errors.description}>
        <textarea id="listing-description" rows={4} maxLength={2000} value={form.description}
          onChange={(e) => set({ description: e.target.value })} />
      </Field>
      <TextField id="listing-keywords" label="关键词" optional value={form.keywords} error={errors.keywords}
        hint={`用逗号或空格分开，最多 ${MAX_KEYWORDS} 个（已填 ${keywords.length} 个）`}
        placeholder="铝合金压铸，制动盘，线束" onChange={(v) => set({ keywords: v })} />
      <div className="listing-row">
        <TextField id="listing-region" label="地区" value={form.region} maxLength={60} error={errors.region}
          placeholder="安徽省合肥市" onChange={(v) => set({ region: v })} />
        <TextField id="listing-quantity" label="数量" optional value={form.quantity} maxLength={40}
          error={errors.quantity} placeholder="50 万件/年" onChange={(v) => set({ quantity: v })} />
      </div>
      <div className="listing-row">
        <TextField id="listing-amount-min" label="最低金额（万元）" optional inputMode="numeric" value={form.amountMin}
          error={errors.amountMinFen} onChange={(v) => set({ amountMin: v })} />
        <TextField id="listing-amount-max" label="最高金额（万元）" optional inputMode="numeric" value={form.amountMax}
          error={errors.amountMaxFen} onChange={(v) => set({ amountMax: v })} />
      </div>
      <Field id="listing-valid" label="有效期至" error={errors.validUntil} hint="最长一年">
        <input id="listing-valid" type="date" value={form.validUntil} min={dateAhead(0)} max={dateAhead(365)}
          aria-describedby={describedBy('listing-valid', errors.validUntil, '最长一年')}
          onChange={(e) => set({ validUntil: e.target.value })} />
      </Field>
      <Field id="listing-files" label="附件" optional error={errors.fileIds} hint="图片或 PDF，最多 10 个">
        <>
          <ul className="listing-files">
            {files.map((f) => (
              <li key={f.fileId} data-testid="listing-file">
                <span>{f.name}</span>
                <button type="button" className="btn btn-ghost btn-sm"
                  onClick={() => setFiles((fs) => fs.filter((x) => x.fileId !== f.fileId))}>
                  移除
                </button>
              </li>
            ))}
          </ul>
          {files.length < 10 && (
            <input id="listing-files" type="file" accept="image/jpeg,image/png,image/webp,application/pdf"
              onChange={(e) => { void upload(e.target.files?.[0]); e.target.value = ''; }} />
          )}
        </>
      </Field>
      <p className="listing-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="listing-save">
          {busy ? '保存中…' : listing ? '保存修改' : '发布'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>取消</button>
      </p>
    </form>
  );
}
