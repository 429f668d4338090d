// The pages a browser gets when it cannot have the one it asked for: an address that does not
// exist, or a thing the policy refuses or does not let the visitor see (the API answers JSON
// instead, src/api/errors.ts).
import { ANONYMOUS_CHROME, Layout, type PageChrome } from './ui/layout';
import { renderPage } from './ui/render';

export function notFoundPage(url: string, chrome: PageChrome = ANONYMOUS_CHROME): string {
  // Only the path: a query string may hold what the caller would not want shown back.
  const path = url.split('?')[0]!.slice(0, 300);
  return renderPage(
    <Layout title="Không tìm thấy trang" chrome={chrome}>
      <h1>Không tìm thấy trang</h1>
      <p>
        Địa chỉ <code>{path}</code> không có trong hệ thống. Có thể đường dẫn đã cũ hoặc gõ nhầm.
      </p>
      <p>
        <a href="/">Về danh sách hạn báo cáo</a>
      </p>
    </Layout>,
  );
}

/** What a browser gets when the policy refuses a page, or the thing is not the visitor's to see. */
export function errorPage(message: string, chrome: PageChrome = ANONYMOUS_CHROME): string {
  return renderPage(
    <Layout title="Không thể mở trang" chrome={chrome}>
      <h1>Không thể mở trang</h1>
      <p>{message}</p>
      <p>
        <a href="/">Về danh sách hạn báo cáo</a>
      </p>
    </Layout>,
  );
}
