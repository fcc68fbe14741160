import { getToken } from '../../auth/session';

/**
 * Documents are readable only by their uploader and organisers, so a plain link (no Authorization header)
 * would answer 404: fetch with the token and save the bytes under the original name.
 */
export async function openPrivateFile(url: string, name: string): Promise<void> {
  const token = getToken();
  const res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    window.alert('文件无法打开（可能已无权限或不存在）');
    return;
  }
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
