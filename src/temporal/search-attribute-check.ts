// Whether the namespace has our custom search attributes (./names), asked of the server at
// start. Setting an unregistered attribute fails the workflow task, so the app sets them
// only when every one is registered with the right type, and otherwise says exactly what
// to register and runs without them.
import type { ConnectionLike } from '@temporalio/client';
// A CommonJS package whose named exports Node's ESM loader cannot detect: take the namespace.
import proto from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../contract/names';

const { temporal } = proto;
type IndexedValueType = proto.temporal.api.enums.v1.IndexedValueType;
type AttributeType = (typeof SEARCH_ATTRIBUTES)[keyof typeof SEARCH_ATTRIBUTES]['type'];

const INDEXED_VALUE_TYPE: Record<AttributeType, IndexedValueType> = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

/** "INDEXED_VALUE_TYPE_KEYWORD_LIST" -> "KeywordList", the spelling of the CLI's --type. */
function typeName(value: IndexedValueType): string {
  const name = temporal.api.enums.v1.IndexedValueType[value] ?? String(value);
  return name
    .replace(/^INDEXED_VALUE_TYPE_/, '')
    .toLowerCase()
    .replace(/(^|_)([a-z])/g, (_m, _sep: string, c: string) => c.toUpperCase());
}

export interface SearchAttributeCheck {
  /** Every attribute of ours is registered with its type: the app sets them. */
  ok: boolean;
  missing: { name: string; type: AttributeType }[];
  wrongType: { name: string; expected: AttributeType; registered: string }[];
  /** The operator's fix, as lines of text (empty when ok). */
  advice: string[];
}

export async function checkSearchAttributes(connection: Pick<ConnectionLike, 'operatorService'>, namespace: string, address: string): Promise<SearchAttributeCheck> {
  const response = await connection.operatorService.listSearchAttributes({ namespace });
  const registered = response.customAttributes ?? {};
  const missing: SearchAttributeCheck['missing'] = [];
  const wrongType: SearchAttributeCheck['wrongType'] = [];
  for (const { name, type } of Object.values(SEARCH_ATTRIBUTES)) {
    const found = registered[name];
    if (found === undefined || found === null) missing.push({ name, type });
    else if (found !== INDEXED_VALUE_TYPE[type]) wrongType.push({ name, expected: type, registered: typeName(found) });
  }
  const ok = missing.length === 0 && wrongType.length === 0;
  return { ok, missing, wrongType, advice: ok ? [] : advice(namespace, address, missing, wrongType) };
}

/** The command that registers `missing`; run as printed. */
export function createCommand(namespace: string, address: string, missing: readonly { name: string; type: string }[]): string[] {
  return [
    'temporal', 'operator', 'search-attribute', 'create', '--address', address, '--namespace', namespace,
    ...missing.flatMap((a) => ['--name', a.name, '--type', a.type]),
  ];
}

function advice(namespace: string, address: string, missing: SearchAttributeCheck['missing'], wrongType: SearchAttributeCheck['wrongType']): string[] {
  const lines = [
    `Namespace "${namespace}" ở ${address} chưa có đủ thuộc tính tìm kiếm (search attributes); ứng dụng chạy mà không gắn chúng cho workflow, nên không lọc được theo kế hoạch, đơn vị, kỳ, hạn trong Temporal UI.`,
    `Namespace "${namespace}" on ${address} lacks search attributes; the app runs without setting them, so the Temporal UI cannot filter workflows by plan, agency, period or due date.`,
  ];
  if (missing.length) {
    lines.push(`  Thiếu / missing: ${missing.map((a) => `${a.name} (${a.type})`).join(', ')}`);
    lines.push('  Đăng ký rồi khởi động lại ứng dụng / register them, then restart the app:');
    lines.push(`    ${createCommand(namespace, address, missing).join(' ')}`);
  }
  for (const a of wrongType) {
    lines.push(
      `  ${a.name} đã đăng ký kiểu ${a.registered}, cần ${a.expected} / ${a.name} is registered as ${a.registered}, needs ${a.expected}:`,
      `    temporal operator search-attribute remove --address ${address} --namespace ${namespace} --name ${a.name}`,
      `    ${createCommand(namespace, address, [{ name: a.name, type: a.expected }]).join(' ')}`,
    );
  }
  return lines;
}
