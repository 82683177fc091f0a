import type { SourceFormat } from '../format';
import type { SourceFormatName } from '../types';
import { accessLog } from './access-log';
import { auth0 } from './auth0';
import { cloudtrail } from './cloudtrail';
import { csv } from './csv';
import { entra } from './entra';
import { har } from './har';
import { keycloak } from './keycloak';
import { okta } from './okta';
import { tokenList } from './token-list';
import { tokentrailJsonl } from './tokentrail-jsonl';

/** Every format, registered in one place; detection asks each in this order and ties go to the earlier one. */
export const SOURCE_FORMATS: readonly SourceFormat[] = [
  har,
  tokentrailJsonl,
  okta,
  auth0,
  keycloak,
  entra,
  cloudtrail,
  accessLog,
  csv,
  tokenList,
];

/** The format with this name, or undefined. */
export function sourceFormat(name: string): SourceFormat | undefined {
  return SOURCE_FORMATS.find((format) => format.name === name);
}

/** Every format name, for help texts and validation. */
export const SOURCE_FORMAT_NAMES: readonly SourceFormatName[] = SOURCE_FORMATS.map((format) => format.name);
