// The page a browser gets for an address that does not exist (the API answers JSON instead).
import { esc, layout } from './html';

export function notFoundPage(url: string): string {
  // Only the path: a query string may hold what the caller would not want shown back.
  const path = url.split('?')[0]!.slice(0, 300);
  return layout(
    'Không tìm thấy trang',
    `<h1>Không tìm thấy trang</h1>
<p>Địa chỉ <code>${esc(path)}</code> không có trong hệ thống. Có thể đường dẫn đã cũ hoặc gõ nhầm.</p>
<p><a href="/">Về danh sách hạn báo cáo</a> · <a href="/imports/new">Nhập kế hoạch</a></p>`,
  );
}

/** What a browser gets when the policy refuses a page, or the thing is not the visitor's to see. */
export function errorPage(message: string): string {
  return layout('Không thể mở trang', `<h1>Không thể mở trang</h1><p>${esc(message)}</p><p><a href="/">Về danh sách hạn báo cáo</a></p>`);
}
