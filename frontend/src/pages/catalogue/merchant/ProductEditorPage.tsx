import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { merchantProductsApi } from '../../../api/catalogue';
import type { SalesChannel } from '../../../api/catalogue';
import { isApiError } from '../../../api/errors';
import { Field, FormAlert, SelectField, TextField } from '../../../components/Field';
import type { FieldErrors } from '../../../lib/validation';
import { usePageTitle } from '../../../lib/usePageTitle';
import { CATEGORIES, CATEGORY_LABELS, CHANNELS, CHANNEL_LABELS, REGIONS, STATUS_LABELS } from '../labels';
import { ImageUploader } from './ImageUploader';
import { emptyProductForm, formFromProduct, toProductRequest, validateProductForm } from './productForm';
import type { ProductForm } from './productForm';

/** Server field paths like `imageIds[2]` → the form's keys (`imageIds`). */
export function normaliseFieldErrors(errors: Record<string, string>): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const key = field.replace(/\[\d+\]$/, '');
    out[key] = out[key] ? `${out[key]}；${message}` : message;
  }
  return out;
}

/** Create (/merchant/products/new) or edit (/merchant/products/:id/edit) a product. */
export function ProductEditorPage() {
  const { id } = useParams();
  const editing = id !== undefined;
  usePageTitle(editing ? '编辑商品' : '新建商品');
  const navigate = useNavigate();
  const [form, setForm] = useState<ProductForm>(emptyProductForm);
  const [version, setVersion] = useState<number | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [loading, setLoading] = useState(editing);
  const [busy, setBusy] = useState(false);

  const load = () => {
    if (!editing) return;
    setLoading(true);
    merchantProductsApi.get(Number(id))
      .then((p) => {
        setForm(formFromProduct(p));
        setVersion(p.version);
        setStatus(STATUS_LABELS[p.status]);
        setStale(false);
        setAlert(null);
      })
      .catch((e) => setAlert(isApiError(e) ? e.detail : '加载失败'))
      .finally(() => setLoading(false));
  };
  useEffect(load, [id]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = <K extends keyof ProductForm>(key: K, value: ProductForm[K], errorKey: string = key) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (errors[errorKey]) setErrors(({ [errorKey]: _, ...rest }) => rest);
  };
  const toggleChannel = (c: SalesChannel) =>
    set('channels', form.channels.includes(c) ? form.channels.filter((x) => x !== c) : [...form.channels, c]);

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    const clientErrors = validateProductForm(form);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) {
      setAlert('请检查标注的字段');
      return;
    }
    setAlert(null);
    setBusy(true);
    try {
      const body = toProductRequest(form, editing ? version : undefined);
      if (editing) await merchantProductsApi.update(Number(id), body);
      else await merchantProductsApi.create(body);
      navigate('/merchant/products', { state: { saved: form.name.trim() } });
    } catch (e) {
      if (isApiError(e)) {
        setErrors(normaliseFieldErrors(e.fieldErrors));
        setAlert(e.detail);
        setStale(e.status === 409 && e.type?.endsWith('/version-conflict') === true);
      } else {
        setAlert('保存失败，请稍后再试');
      }
    } finally {
      setBusy(false);
    }
  };

  if (loading) return <section className="container page"><p className="muted">加载中…</p></section>;
  const f = form;
  return (
    <section className="container page narrow" data-testid="product-editor">
      <p className="breadcrumb small"><Link to="/merchant/products">商品管理</Link> / {editing ? '编辑商品' : '新建商品'}</p>
      <h1>{editing ? '编辑商品' : '新建商品'}{status && <span className="chip status-chip">{status}</span>}</h1>
      {stale && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={load} data-testid="reload">
          重新载入最新内容
        </button>
      )}
      <form className="card product-form" onSubmit={onSubmit} noValidate data-testid="product-form">
        <TextField id="name" label="商品名称" value={f.name} onChange={(v) => set('name', v)} error={errors.name}
          maxLength={100} placeholder="如：华山论剑西凤酒 52度 500ml" />
        <div className="field-row">
          <SelectField id="category" label="品类" value={f.category} placeholder="请选择" error={errors.category}
            options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
            onChange={(v) => set('category', v)} />
          <SelectField id="region" label="产地（陕西省）" value={f.region} placeholder="请选择" error={errors.region}
            options={REGIONS.map((r) => ({ value: r as string, label: r as string }))}
            onChange={(v) => set('region', v)} />
        </div>
        <div className="field-row">
          <TextField id="price" label="价格（元）" inputMode="numeric" value={f.price} placeholder="如 168 或 99.9"
            onChange={(v) => set('price', v, 'priceFen')} error={errors.priceFen} />
          <TextField id="stock" label="库存（件）" inputMode="numeric" value={f.stock}
            onChange={(v) => set('stock', v)} error={errors.stock} />
        </div>
        <Field id="channels" label="销售渠道" optional error={errors.channels}>
          <div className="channel-boxes" id="channels">
            {CHANNELS.map((c) => (
              <label key={c} className="role-box">
                <input type="checkbox" checked={f.channels.includes(c)} onChange={() => toggleChannel(c)} />
                {CHANNEL_LABELS[c]}
              </label>
            ))}
          </div>
        </Field>
        <Field id="description" label="商品介绍" optional error={errors.description}
          hint={`${f.description.length}/5000`}>
          <textarea id="description" rows={6} maxLength={5000} value={f.description}
            onChange={(e) => set('description', e.target.value)} />
        </Field>
        <ImageUploader images={f.images} onChange={(images) => set('images', images, 'imageIds')} error={errors.imageIds} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? '保存中…' : '保存'}</button>
          <Link className="btn btn-ghost" to="/merchant/products">取消</Link>
        </div>
        {/* under the buttons: a message appearing moves nothing the user is pointing at */}
        <FormAlert message={alert} />
      </form>
    </section>
  );
}
