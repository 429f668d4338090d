// The pages a browser gets when it cannot have the one it asked for: an address that does not
// exist, or a thing the policy refuses or does not let the visitor see (the API answers JSON
// instead, src/api/errors.ts).
import { tr } from './ui/i18n';
import { ANONYMOUS_CHROME, Layout, type PageChrome } from './ui/layout';
import { renderPage } from './ui/render';

export function notFoundPage(url: string, chrome: PageChrome = ANONYMOUS_CHROME): string {
  // Only the path: a query string may hold what the caller would not want shown back.
  const path = url.split('?')[0]!.slice(0, 300);
  return renderPage(
    <Layout title={tr('Không tìm thấy trang', 'Page not found')} chrome={chrome}>
      <h1>{tr('Không tìm thấy trang', 'Page not found')}</h1>
      <p>
        {tr('Địa chỉ ', 'The address ')}
        <code>{path}</code>
        {tr(' không có trong hệ thống. Có thể đường dẫn đã cũ hoặc gõ nhầm.', ' does not exist here. The link may be old or mistyped.')}
      </p>
      <p>
        <a href="/">{tr('Về danh sách hạn báo cáo', 'Back to the list of deadlines')}</a>
      </p>
    </Layout>,
  );
}

/** What a browser gets when the policy refuses a page, or the thing is not the visitor's to see. */
export function errorPage(message: string, chrome: PageChrome = ANONYMOUS_CHROME): string {
  return renderPage(
    <Layout title={tr('Không thể mở trang', 'Cannot open the page')} chrome={chrome}>
      <h1>{tr('Không thể mở trang', 'Cannot open the page')}</h1>
      <p>{message}</p>
      <p>
        <a href="/">{tr('Về danh sách hạn báo cáo', 'Back to the list of deadlines')}</a>
      </p>
    </Layout>,
  );
}
